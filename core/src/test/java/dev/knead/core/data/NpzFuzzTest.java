package dev.knead.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.knead.core.BadInputException;
import java.nio.file.Path;

/**
 * NumPy .npz archives from anyone: any bytes either load (as a labelled data set or a point
 * cloud, by the first byte) or end in a {@link BadInputException} (docs/fuzzing.md).
 */
class NpzFuzzTest {
  static final Path DIR = CsvFuzzTest.FuzzFiles.dir("knead-npz-fuzz");

  @FuzzTest(maxDuration = "15m", maxExecutions = 1_000_000)
  void loadsOrRefuses(byte[] input) {
    boolean cloud = input.length > 0 && (input[0] & 1) == 1;
    Path file = CsvFuzzTest.FuzzFiles.write(DIR.resolve("data.npz"), input.length == 0 ? input
        : java.util.Arrays.copyOfRange(input, 1, input.length));
    try {
      if (cloud) {
        DataFiles.loadCloud(file, LoadOptions.defaults());
      } else {
        DataFiles.load(file, LoadOptions.defaults());
      }
    } catch (BadInputException expected) {
      CsvFuzzTest.FuzzFiles.oneLine(expected);
    }
  }
}
