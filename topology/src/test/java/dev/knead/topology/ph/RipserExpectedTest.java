package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference barcode made by Debian's ripser in ../shared/bench/ph/expected (n = 500 and
 * 1000, and thresholded n = 2000) is reproduced within 1e-5, as multisets per dimension. The
 * few references that cost ripser itself several seconds run only with -Dknead.ph.heavy=true.
 */
class RipserExpectedTest {
  private static final Pattern NAME = Pattern.compile("(\\w+_n(\\d+))_d(\\d)_(full|thr)\\.txt");
  /** References that cost ripser itself over a second (measured): all H2 full runs, and these. */
  private static final Set<String> HEAVY = Set.of(
      "circle_n1000_d1_full", "linked_n1000_d2_thr", "unif50_n500_d2_thr", "unif10_n1000_d2_thr",
      "unif50_n1000_d1_full", "unif50_n1000_d1_thr", "unif10_n1000_d1_full", "linked_n500_d2_thr");

  static Stream<String> references() throws IOException {
    Path ph = SharedBench.phDir();
    if (ph == null || !Files.isDirectory(ph.resolve("expected"))) return Stream.of("<missing>");
    try (Stream<Path> files = Files.list(ph.resolve("expected"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(s -> {
        Matcher m = NAME.matcher(s);
        if (!m.matches()) return false;
        int n = Integer.parseInt(m.group(2));
        return n <= 1000 || (n == 2000 && m.group(4).equals("thr"));
      }).sorted().toList();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void matchesRipser(String file) throws IOException {
    assumeTrue(!file.equals("<missing>"), "../shared/bench/ph/expected not found; skipping ripser references");
    Path ph = SharedBench.phDir();
    Matcher m = NAME.matcher(file);
    assumeTrue(m.matches());
    String stem = file.substring(0, file.length() - 4);
    assumeTrue(!(HEAVY.contains(stem) || stem.endsWith("_d2_full")) || Boolean.getBoolean("knead.ph.heavy"),
        stem + " takes ripser itself seconds; run with -Dknead.ph.heavy=true");
    Path cloud = ph.resolve("clouds").resolve(m.group(1) + ".csv");
    assumeTrue(Files.exists(cloud), "cloud missing: " + cloud);
    int maxDim = Integer.parseInt(m.group(3));
    Rips rips = Rips.of(SharedBench.readCloud(cloud)).metric(Metric.EUCLIDEAN_RIPSER).maxDim(maxDim).cycles(0);
    if (m.group(4).equals("thr")) rips = rips.threshold(SharedBench.threshold(ph, m.group(1) + ".csv"));
    PersistenceResult result = rips.compute();
    Barcode expected = RipserFormat.read(Files.newBufferedReader(ph.resolve("expected").resolve(file)));
    // through the writer and reader: both sides then carry the same 6-digit rounding, so
    // sorting bars by (birth, death) pairs them up the same way
    Barcode actual = RipserFormat.read(new StringReader(RipserFormat.write(result)));
    BarcodeAssert.assertSameBars(expected.bars(), actual.bars(), maxDim, 1e-5, stem);
    // the writer reproduces ripser's text byte for byte, bar order included
    assertThat(RipserFormat.write(result)).isEqualTo(Files.readString(ph.resolve("expected").resolve(file)));
  }
}
