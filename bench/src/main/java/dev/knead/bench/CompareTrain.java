package dev.knead.bench;

import dev.knead.bench.TrainBench.Result;
import dev.knead.bench.TrainBench.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Knead and PyTorch side by side, alternating in one session (the machines are shared and
 * noisy): {@code java -cp bench/target/benchmarks.jar dev.knead.bench.CompareTrain [rounds]
 * [outDir]} (or {@code knead [threads]} for a quick Knead-only pass), run from the repository root. Prints one table per round and writes each round's
 * JSON (Knead's, PyTorch's) to outDir.
 */
public final class CompareTrain {
  private CompareTrain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("knead")) {
      // Knead alone, quicker: for iterating on the kernels
      int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
      for (Result k : TrainBench.run(new TrainBench.Options(0.5, 0.5, 3, 20, threads, TrainBench.Options.DEFAULT.precisions()))) {
        System.out.println(String.format(Locale.ROOT, "%-22s %-5s %-8s %10.0f", k.arch(), k.optimizer(), k.precision().label(),
            k.stepsPerS()));
      }
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Path dir = Path.of(args.length > 1 ? args[1] : "target/compare-train");
    Files.createDirectories(dir);
    Path root = Path.of("").toAbsolutePath();
    List<List<Row>> all = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      List<Result> knead = TrainBench.run(TrainBench.Options.DEFAULT);
      Files.writeString(dir.resolve("knead-" + r + ".json"), TrainBench.toJson(knead));
      List<Result> torch = TrainBench.runTorch(root, dir.resolve("torch-" + r + ".json"), List.of());
      List<Row> rows = TrainBench.join(knead, torch);
      all.add(rows);
      System.out.println("round " + r);
      print(rows);
    }
    System.out.println("median over rounds of steps/s and of per-round ratios");
    List<Row> med = new ArrayList<>();
    for (int i = 0; i < all.get(0).size(); i++) {
      final int j = i;
      Row first = all.get(0).get(i);
      med.add(new Row(first.arch(), first.optimizer(), first.precision(),
          median(all.stream().mapToDouble(rs -> rs.get(j).knead()).toArray()),
          median(all.stream().mapToDouble(rs -> rs.get(j).torch()).toArray()),
          median(all.stream().mapToDouble(rs -> rs.get(j).ratio()).toArray())));
    }
    print(med);
  }

  private static void print(List<Row> rows) {
    System.out.println("| arch | optimizer | Knead precision | Knead steps/s | PyTorch steps/s (float32) | ratio |");
    System.out.println("|---|---|---|---:|---:|---:|");
    for (Row w : rows) {
      System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %.2f |", w.arch(), w.optimizer(),
          w.precision().label(), w.knead(), w.torch(), w.ratio()));
    }
    System.out.flush();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }
}
