package dev.knead.topology.ph;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs /usr/bin/ripser on a seeded random cloud, when it is installed, and compares. */
class RipserLiveTest {
  private static final Path RIPSER = Path.of("/usr/bin/ripser");

  @Test
  void agreesWithInstalledRipser(@TempDir Path dir) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(RIPSER), "ripser not installed at /usr/bin/ripser");
    SplittableRandom rng = new SplittableRandom(42);
    double[][] p = new double[120][4];
    StringBuilder csv = new StringBuilder();
    for (double[] row : p) {
      for (int c = 0; c < 4; c++) {
        row[c] = rng.nextDouble();
        csv.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9f", row[c]));
        row[c] = Double.parseDouble(String.format(Locale.ROOT, "%.9f", row[c]));
      }
      csv.append('\n');
    }
    Path file = dir.resolve("cloud.csv");
    Files.writeString(file, csv);
    for (String threshold : new String[] {null, "0.45"}) {
      ProcessBuilder pb = threshold == null
          ? new ProcessBuilder(RIPSER.toString(), "--format", "point-cloud", "--dim", "2", file.toString())
          : new ProcessBuilder(RIPSER.toString(), "--format", "point-cloud", "--dim", "2", "--threshold", threshold, file.toString());
      Process proc = pb.redirectErrorStream(true).start();
      String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assumeTrue(proc.waitFor(60, TimeUnit.SECONDS) && proc.exitValue() == 0, "ripser failed: " + out);
      Rips rips = Rips.of(p).metric(Metric.EUCLIDEAN_RIPSER).maxDim(2);
      if (threshold != null) rips = rips.threshold(Double.parseDouble(threshold));
      PersistenceResult mine = rips.compute();
      BarcodeAssert.assertSameBars(RipserFormat.read(new StringReader(out)).bars(), mine.barcode().bars(), 2, 1e-5, "live " + threshold);
      org.assertj.core.api.Assertions.assertThat(RipserFormat.write(mine)).isEqualTo(out);
    }
  }
}
