package dev.knead.bench;

import dev.knead.topology.ph.Metric;
import dev.knead.topology.ph.PersistenceResult;
import dev.knead.topology.ph.Rips;
import dev.knead.topology.ph.RipserFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One persistence computation in its own JVM, so its CPU time and peak memory can be measured
 * from outside: {@code PhWorker <cloud.csv> <maxDim> <threshold|full>}; prints the barcode in
 * ripser's format on stdout, as {@code ripser --format point-cloud} would.
 */
public final class PhWorker {
  private PhWorker() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: PhWorker <cloud.csv> <maxDim> <threshold|full>");
      System.exit(2);
    }
    double[][] points = readCloud(Path.of(args[0]));
    Rips rips = Rips.of(points).metric(Metric.EUCLIDEAN_RIPSER).maxDim(Integer.parseInt(args[1])).cycles(0);
    if (!args[2].equals("full")) rips = rips.threshold(Double.parseDouble(args[2]));
    PersistenceResult result = rips.compute();
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    out.write(RipserFormat.write(result));
    out.flush();
  }

  /** One point per line, comma-separated, parsed as ripser parses (float). */
  static double[][] readCloud(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .filter(s -> !s.isBlank())
        .map(s -> {
          String[] f = s.split(",");
          double[] row = new double[f.length];
          for (int c = 0; c < f.length; c++) row[c] = Float.parseFloat(f[c].trim());
          return row;
        })
        .toArray(double[][]::new);
  }
}
