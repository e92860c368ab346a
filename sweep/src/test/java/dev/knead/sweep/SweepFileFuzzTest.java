package dev.knead.sweep;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.knead.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sweep file from anyone: any bytes either read as a sweep whose grid expands, or end in a
 * {@link BadInputException} with a one-line message (docs/fuzzing.md).
 */
class SweepFileFuzzTest {
  static final Path FILE;

  static {
    try {
      Path dir = Files.createTempDirectory("knead-sweep-fuzz");
      dir.toFile().deleteOnExit();
      FILE = dir.resolve("sweep.yaml");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "15m", maxExecutions = 1_000_000)
  void readsOrRefuses(byte[] input) throws IOException {
    Files.write(FILE, input);
    Sweep sweep;
    try {
      sweep = SweepFile.read(FILE);
    } catch (BadInputException expected) {
      String m = expected.getMessage();
      if (m == null || m.isBlank()) {
        throw new AssertionError("a BadInputException without a message");
      }
      if (m.contains("\n") || m.contains("\r")) {
        throw new AssertionError("a message over more than one line: " + m);
      }
      return;
    }
    // a file that reads must expand: the middle run of the grid, and both tables' columns
    sweep.point(sweep.size() / 2);
    Schema.of(sweep);
  }
}
