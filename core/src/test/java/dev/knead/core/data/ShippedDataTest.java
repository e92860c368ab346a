package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.Runs;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped data against the facts data/scripts/rebuild.py printed when it read the packages'
 * own files with Python (docs/datasets.md): counts, classes, the first image's label, pixel sum
 * and SHA-256 of its raw bytes.
 */
class ShippedDataTest {
  /** The raw bytes of image i, undoing the [0, 1] scaling. */
  private static byte[] raw(Dataset d, int i, double top) {
    double[] p = d.points().row(i);
    byte[] b = new byte[p.length];
    for (int k = 0; k < p.length; k++) {
      double v = p[k] * top;
      assertThat(v).isEqualTo(Math.rint(v));
      b[k] = (byte) Math.round(v);
    }
    return b;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static long sum(byte[] b) {
    long s = 0;
    for (byte x : b) {
      s += x & 0xFF;
    }
    return s;
  }

  @Test
  void digitsAsPythonReadThem() throws Exception {
    Dataset d = Datasets.byName("digits").generate(Map.of(), 0);
    assertThat(d.size()).isEqualTo(1797);
    assertThat(d.dim()).isEqualTo(64);
    assertThat(d.classCounts()).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
    assertThat(d.label(0)).isZero();
    byte[] first = raw(d, 0, 16);
    assertThat(sum(first)).isEqualTo(294);
    assertThat(sha256(first)).isEqualTo("9bc74a9fdeea9a14cfca731bfe65cb93d1749efb8b892acd2f3bd43bf9443ffa");
    assertThat(java.util.Arrays.stream(d.points().toArray()).min().orElseThrow()).isZero();
    assertThat(java.util.Arrays.stream(d.points().toArray()).max().orElseThrow()).isEqualTo(1.0);
    assertThat(d.truth().isKnown()).isFalse();
    // the seed changes nothing: real data
    assertThat(Datasets.byName("digits").generate(Map.of(), 99).hash()).isEqualTo(d.hash());
  }

  @Test
  void digitsSplitIsFixedStratifiedAndIgnoresTheRunSeed() {
    Dataset d = Datasets.byName("digits").generate(Map.of(), 0);
    Split a = Runs.split(d, new DataSpec("digits", Map.of(), 1, 0.2, java.util.Optional.empty()));
    Split b = Runs.split(d, new DataSpec("digits", Map.of(), 12345, 0.2, java.util.Optional.empty()));
    assertThat(a.test().hash()).isEqualTo(b.test().hash());
    // another share cannot apply to a fixed split: refused, never silently ignored
    assertThatThrownBy(() -> Runs.split(d, new DataSpec("digits", Map.of(), 1, 0.5, java.util.Optional.empty())))
        .isInstanceOf(BadInputException.class).hasMessageContaining("own test split (359 of 1797")
        .hasMessageContaining("0.5");
    // 0 still means every point trains
    assertThat(Runs.split(d, new DataSpec("digits", Map.of(), 1, 0, java.util.Optional.empty())).train().size()).isEqualTo(1797);
    int[] counts = d.classCounts();
    int[] test = a.test().classCounts();
    for (int c = 0; c < 10; c++) {
      assertThat(test[c]).isEqualTo((int) Math.round(0.2 * counts[c]));
    }
    assertThat(a.train().size() + a.test().size()).isEqualTo(1797);
  }

  @Test
  void mnistFirstRowsAsPythonReadThem() throws Exception {
    Dataset d = Datasets.byName("mnist").generate(Map.of(), 0);
    assertThat(d.size()).isEqualTo(12_000);
    assertThat(d.dim()).isEqualTo(784);
    Split s = Runs.split(d, DataSpec.of("mnist", 1));
    assertThat(s.train().classCounts()).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
    assertThat(s.test().classCounts()).containsExactly(175, 234, 219, 207, 217, 179, 178, 205, 192, 194);
    byte[] first = raw(d, 0, 255);
    assertThat(d.label(0)).isEqualTo(5);
    assertThat(sum(first)).isEqualTo(27525);
    assertThat(sha256(first)).isEqualTo("23ceaef5eb61f0e70d64ac18fdf0f60df3d5971cf30bbadac7b6ebf07f782d2c");
    byte[] firstTest = raw(d, 10_000, 255);
    assertThat(d.label(10_000)).isEqualTo(7);
    assertThat(sum(firstTest)).isEqualTo(18454);
    assertThat(sha256(firstTest)).isEqualTo("8f6a418c9a639f9e14e96feca47a97df2a35a0a68ae2875431c5c80e05536941");
  }

  @Test
  void mnistWholeFilesHaveTheirPublishedClassCounts() {
    Dataset d = Datasets.byName("mnist").generate(Map.of("train", 60_000.0, "test", 10_000.0), 0);
    Split s = Runs.split(d, DataSpec.of("mnist", 1));
    assertThat(s.train().classCounts()).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(s.test().classCounts()).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
  }

  /** knead.jar without knead-data.jar beside it: one line naming the jar, never a stack trace. */
  @Test
  void missingShippedFilesAreOneLine() {
    ShippedData absent = new ShippedData() {
      @Override public String name() { return "absent"; }
      @Override public String description() { return ""; }
      @Override public int dim() { return 4; }
      @Override public java.util.List<Param> params() { return java.util.List.of(); }
      @Override public java.util.List<String> classNames() { return java.util.List.of("a", "b"); }
      @Override public Dataset generate(Map<String, Double> values, long seed) {
        return dataset(Map.of(), read("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz", 2, 1), read("x", "y", 0, 1));
      }
      @Override public java.util.Optional<Split> fixedSplit(Dataset d) { return java.util.Optional.empty(); }
    };
    assertThatThrownBy(() -> absent.generate(Map.of(), 0))
        .isInstanceOf(BadInputException.class)
        .hasMessage("absent: the shipped data is not on the class path (dev/knead/data/absent/images-idx3-ubyte.gz is in "
            + "knead-data.jar, which must sit beside knead.jar; rebuild with: ./mvnw -B -DskipTests package)");
  }

  @Test
  void mnistSizesOutOfRangeAreOneLine() {
    assertThatThrownBy(() -> Datasets.generate("mnist", Map.of("train", "70000"), 0))
        .isInstanceOf(BadInputException.class)
        .hasMessage("mnist: train=70000 is outside [10, 60000] (whole number)");
    assertThatThrownBy(() -> Datasets.generate("digits", Map.of("points", "10"), 0))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("digits: unknown parameter 'points'");
  }
}
