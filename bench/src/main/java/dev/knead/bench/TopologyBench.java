package dev.knead.bench;

import dev.knead.topology.ph.Barcode;
import dev.knead.topology.ph.RipserFormat;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Knead's persistent homology against Debian's ripser, side by side on the clouds of
 * {@code ../shared/bench/ph}: each case runs Knead in a fresh JVM ({@link PhWorker}) and
 * ripser, both under {@code /usr/bin/time -v}, alternating, and reports CPU seconds (user +
 * system), peak resident memory, their ratios and whether the barcodes agree within 1e-5.
 */
public final class TopologyBench {
  private TopologyBench() {}

  /** What to run: a cloud file of clouds/, the top homology dimension, full or at t_thr. */
  public record Case(String cloud, int maxDim, boolean thresholded) {}

  /** One measured case; CPU and memory are medians over the repetitions. */
  public record Row(String cloud, int n, int dim, String mode, int maxDim,
      double kneadCpuS, double kneadPeakMb, double ripserCpuS, double ripserPeakMb,
      double cpuRatio, double memRatio, boolean barcodesEqual, String status) {}

  /** Cloud facts from meta.tsv. */
  public record Cloud(String file, int n, int dim, double threshold) {}

  /** How to start the Knead worker JVM. */
  public record Settings(Path phDir, String javaBinary, String classpath, List<String> jvmOptions,
      String ripser, int repetitions, long timeoutSeconds) {

    /**
     * This JVM's java and classpath. The serial collector, a small initial heap and tight
     * free-ratio bounds keep the worker's resident memory close to its live data; without
     * them the JVM sizes its first heap at 1/64 of RAM and touches all of the young space.
     * C1 only ({@code TieredStopAtLevel=1}): in a one-shot process the C2 compiler threads
     * cost more CPU than their faster code wins back (measured: 0.4 s vs 1.0 s on a
     * 500-point cloud, and no loss on the 10-second ones).
     */
    public static Settings defaults(Path phDir) {
      return new Settings(phDir, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          System.getProperty("java.class.path"), List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20"),
          "/usr/bin/ripser", 3, 120);
    }
  }

  /** The default comparison: n = 500 and 1000, H1 full and thresholded, H2 thresholded; n = 2000 H1 thresholded. */
  public static List<Case> defaultCases(Path phDir) {
    List<Case> cases = new ArrayList<>();
    for (Cloud c : readMeta(phDir).values()) {
      if (c.n() <= 1000) {
        cases.add(new Case(c.file(), 1, false));
        cases.add(new Case(c.file(), 1, true));
        cases.add(new Case(c.file(), 2, true));
      } else if (c.n() == 2000) {
        cases.add(new Case(c.file(), 1, true));
      }
    }
    return cases;
  }

  public static Map<String, Cloud> readMeta(Path phDir) {
    Map<String, Cloud> out = new java.util.LinkedHashMap<>();
    try {
      List<String> lines = Files.readAllLines(phDir.resolve("clouds").resolve("meta.tsv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t");
        out.put(f[0], new Cloud(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static List<Row> run(Settings s, List<Case> cases) {
    Map<String, Cloud> meta = readMeta(s.phDir());
    List<Row> rows = new ArrayList<>();
    for (Case c : cases) rows.add(runCase(s, meta.get(c.cloud()), c));
    return rows;
  }

  private static Row runCase(Settings s, Cloud cloud, Case c) {
    Path csv = s.phDir().resolve("clouds").resolve(cloud.file());
    String thr = c.thresholded() ? Double.toString(cloud.threshold()) : "full";
    List<String> knead = new ArrayList<>(List.of(s.javaBinary()));
    knead.addAll(s.jvmOptions());
    knead.addAll(List.of("-cp", s.classpath(), PhWorker.class.getName(), csv.toString(), Integer.toString(c.maxDim()), thr));
    List<String> ripser = new ArrayList<>(List.of(s.ripser(), "--format", "point-cloud", "--dim", Integer.toString(c.maxDim())));
    if (c.thresholded()) ripser.addAll(List.of("--threshold", Double.toString(cloud.threshold())));
    ripser.add(csv.toString());
    double[] kc = new double[s.repetitions()], km = new double[s.repetitions()];
    double[] rc = new double[s.repetitions()], rm = new double[s.repetitions()];
    String kOut = null, rOut = null, status = "ok";
    for (int r = 0; r < s.repetitions(); r++) {
      Measured a = timed(knead, s.timeoutSeconds()); // alternate: the machine is shared and noisy
      Measured b = timed(ripser, s.timeoutSeconds());
      if (!a.ok() || !b.ok()) {
        status = !a.ok() ? "knead failed/timeout" : "ripser failed/timeout";
        kc = java.util.Arrays.copyOf(kc, r + 1);
        km = java.util.Arrays.copyOf(km, r + 1);
        rc = java.util.Arrays.copyOf(rc, r + 1);
        rm = java.util.Arrays.copyOf(rm, r + 1);
      }
      kc[r] = a.cpuSeconds();
      km[r] = a.peakMb();
      rc[r] = b.cpuSeconds();
      rm[r] = b.peakMb();
      if (r == 0) {
        kOut = a.stdout();
        rOut = b.stdout();
      }
      if (!status.equals("ok")) break;
    }
    Barcode kb = RipserFormat.read(new StringReader(kOut));
    Barcode rb = RipserFormat.read(new StringReader(rOut));
    boolean equal = status.equals("ok") && kb.matches(rb, 1e-5);
    double kcm = median(kc), kmm = median(km), rcm = median(rc), rmm = median(rm);
    return new Row(cloud.file().replace(".csv", ""), cloud.n(), cloud.dim(), c.thresholded() ? "thr" : "full", c.maxDim(),
        kcm, kmm, rcm, rmm, kcm / rcm, kmm / rmm, equal, status);
  }

  private record Measured(boolean ok, double cpuSeconds, double peakMb, String stdout) {}

  private static Measured timed(List<String> command, long timeoutSeconds) {
    List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-v", "timeout", Long.toString(timeoutSeconds)));
    full.addAll(command);
    try {
      Path err = Files.createTempFile("knead-bench", ".time");
      Process p = new ProcessBuilder(full).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean done = p.waitFor(timeoutSeconds + 30, TimeUnit.SECONDS);
      String log = Files.readString(err);
      Files.deleteIfExists(err);
      double user = field(log, "User time (seconds)");
      double sys = field(log, "System time (seconds)");
      double rssKb = field(log, "Maximum resident set size (kbytes)");
      return new Measured(done && p.exitValue() == 0, user + sys, rssKb / 1024.0, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Measured(false, Double.NaN, Double.NaN, "");
    }
  }

  private static double field(String log, String name) {
    for (String line : log.split("\n")) {
      String t = line.trim();
      if (t.startsWith(name + ":")) return Double.parseDouble(t.substring(name.length() + 1).trim());
    }
    return Double.NaN;
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    java.util.Arrays.sort(s);
    int m = s.length;
    return m % 2 == 1 ? s[m / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
  }

  /** A Markdown table of rows. */
  public static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder("| cloud | n | d | mode | maxdim | knead CPU s | knead MB | ripser CPU s | ripser MB | CPU ratio | mem ratio | equal |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %.2f | %.0f | %.2f | %.0f | %.2f | %.2f | %s |%n",
          r.cloud(), r.n(), r.dim(), r.mode(), r.maxDim(), r.kneadCpuS(), r.kneadPeakMb(), r.ripserCpuS(), r.ripserPeakMb(),
          r.cpuRatio(), r.memRatio(), r.status().equals("ok") ? (r.barcodesEqual() ? "yes" : "NO") : r.status()));
    }
    return b.toString();
  }

  /**
   * {@code TopologyBench [phDir] [reps] [cloud:maxDim:full|thr ...]}: prints the table, one
   * row per case as it finishes; {@code -Dknead.bench.timeout=S} sets the per-run limit.
   */
  public static void main(String[] args) {
    Path ph = Path.of(args.length > 0 ? args[0] : "../shared/bench/ph");
    Settings s = Settings.defaults(ph);
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : s.repetitions();
    long timeout = Long.getLong("knead.bench.timeout", s.timeoutSeconds());
    s = new Settings(ph, s.javaBinary(), s.classpath(), s.jvmOptions(), s.ripser(), reps, timeout);
    List<Case> cases = new ArrayList<>();
    for (int a = 2; a < args.length; a++) {
      String[] f = args[a].split(":");
      cases.add(new Case(f[0].endsWith(".csv") ? f[0] : f[0] + ".csv", Integer.parseInt(f[1]), f[2].equals("thr")));
    }
    if (cases.isEmpty()) cases = defaultCases(ph);
    for (Case c : cases) {
      List<Row> one = run(s, List.of(c));
      System.out.print(table(one).lines().skip(2).map(l -> l + "\n").reduce("", String::concat));
      System.out.flush();
    }
  }
}
