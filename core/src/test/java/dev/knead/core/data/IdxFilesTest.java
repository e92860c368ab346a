package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.run.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own IDX pair (--data images --labels labels), written byte by byte by IdxArrayTest.idx. */
class IdxFilesTest {
  @TempDir Path dir;

  private Path write(String name, byte[] b) throws IOException {
    return Files.write(dir.resolve(name), b);
  }

  @Test
  void anImagePairLoadsFlattenedWithItsLabels() throws IOException {
    Path x = write("train-images-idx3-ubyte.gz",
        IdxArrayTest.gzip(IdxArrayTest.idx(0x08, new int[] {3, 2, 2}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255})));
    Path y = write("train-labels-idx1-ubyte", IdxArrayTest.idx(0x08, new int[] {3}, new byte[] {7, 2, 7}));
    Dataset d = new DataSpec(x.toString(), Map.of(), 1, 0.2, Optional.empty(), Optional.of(y.toString())).load();
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.dim()).isEqualTo(4);
    assertThat(d.points().row(2)).containsExactly(8, 9, 10, 255);
    assertThat(d.classNames()).containsExactly("2", "7");
    assertThat(d.labels()).containsExactly(1, 0, 1);
  }

  /** The labels file is part of the experiment: the run file's config keeps it. */
  @Test
  void theLabelsFileRoundTripsThroughTheConfigJson() {
    var spec = new DataSpec("a-idx3-ubyte", Map.of(), 3, 0.2, Optional.empty(), Optional.of("a-idx1-ubyte"));
    var config = new dev.knead.core.run.ExperimentConfig(spec, dev.knead.core.train.TrainConfig.defaults());
    var back = dev.knead.core.io.ConfigJson.read(dev.knead.core.io.ConfigJson.write(config), "t");
    assertThat(back.data().labelsFile()).contains("a-idx1-ubyte");
    assertThat(back).isEqualTo(config);
  }

  /**
   * A run on an IDX file wider than the CSV limit (5,001 × 1,000 = 5,001,000 values) saves its
   * data.csv copy and opens again: the copy Knead wrote is read with the limits its data came in with.
   */
  @Test
  void aRunOnALargeIdxFileOpensAgain() throws IOException {
    int n = 5001;
    int d = 1000;
    byte[] px = new byte[n * d];
    byte[] ys = new byte[n];
    for (int i = 0; i < n; i++) {
      ys[i] = (byte) (i % 2);
      px[i * d + (i % 2)] = 1;
    }
    Path x = write("big-idx3-ubyte", IdxArrayTest.idx(0x08, new int[] {n, d}, px));
    Path y = write("big-idx1-ubyte", IdxArrayTest.idx(0x08, new int[] {n}, ys));
    var values = new java.util.LinkedHashMap<dev.knead.core.train.ConfigField<?>, Object>();
    values.put(dev.knead.core.train.TrainSchema.EPOCHS, 0L);
    values.put(dev.knead.core.train.TrainSchema.HIDDEN, java.util.List.of());
    var config = new dev.knead.core.run.ExperimentConfig(
        new DataSpec(x.toString(), Map.of(), 1, 0.2, Optional.empty(), Optional.of(y.toString())),
        dev.knead.core.train.TrainConfig.of(values));
    var run = dev.knead.core.run.Runs.execute(config, dev.knead.core.train.TrainListener.NONE);
    dev.knead.core.io.RunFile.save(run, dir.resolve("run"));
    assertThat(dev.knead.core.io.RunFile.load(dir.resolve("run")).data().hash()).isEqualTo(run.data().hash());
  }

  @Test
  void idxNamesAreRecognised() {
    for (String n : new String[] {"a.idx", "t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte", "x-idx1-ubyte.gz", "A.IDX.gz"}) {
      assertThat(DataFiles.isIdx(Path.of(n))).as(n).isTrue();
    }
    for (String n : new String[] {"a.csv", "idx.npy", "images.gz", "ubyte"}) {
      assertThat(DataFiles.isIdx(Path.of(n))).as(n).isFalse();
    }
  }

  @Test
  void missingOrMismatchedLabelsAreOneLine() throws IOException {
    Path x = write("x.idx", IdxArrayTest.idx(0x08, new int[] {2, 2}, new byte[] {1, 2, 3, 4}));
    assertThatThrownBy(() -> DataFiles.load(x, LoadOptions.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("x.idx: an IDX file of points needs its labels file");
    Path y3 = write("y.idx", IdxArrayTest.idx(0x08, new int[] {3}, new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> DataFiles.load(x, LoadOptions.defaults().withLabelsFile(y3)))
        .hasMessage("x.idx: 2 points but 3 labels");
    Path one = write("one.idx", IdxArrayTest.idx(0x08, new int[] {2}, new byte[] {1, 1}));
    assertThatThrownBy(() -> DataFiles.load(x, LoadOptions.defaults().withLabelsFile(one)))
        .hasMessageContaining("only one class");
    Path flat = write("flat.idx", IdxArrayTest.idx(0x08, new int[] {4}, new byte[] {1, 2, 3, 4}));
    assertThatThrownBy(() -> DataFiles.load(flat, LoadOptions.defaults().withLabelsFile(y3)))
        .hasMessage("flat.idx: points must have at least 2 dimensions (n × …), got shape (4)");
    Path fy = write("fy.idx", IdxArrayTest.idx(0x0D, new int[] {2}, new byte[] {0x3F, (byte) 0xC0, 0, 0, 0, 0, 0, 0}));
    assertThatThrownBy(() -> DataFiles.load(x, LoadOptions.defaults().withLabelsFile(fy)))
        .hasMessageStartingWith("fy.idx: label 1.5 at row 0 is not a whole number");
  }
}
