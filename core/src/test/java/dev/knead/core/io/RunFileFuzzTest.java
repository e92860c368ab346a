package dev.knead.core.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.knead.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run.json from anyone: any bytes either load as a run or end in a {@link BadInputException} (docs/fuzzing.md). */
class RunFileFuzzTest {
  static final Path FILE;

  static {
    try {
      Path dir = Files.createTempDirectory("knead-run-fuzz");
      dir.toFile().deleteOnExit();
      FILE = dir.resolve(RunFile.NAME);
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // an input that parses as a run regenerates its data set to check the hash: slower per input
  // than the other readers, so the long pass gets an hour to reach 10⁶ (a tiny seed run helps)
  @FuzzTest(maxDuration = "60m", maxExecutions = 1_000_000)
  void loadsOrRefuses(byte[] input) throws IOException {
    Files.write(FILE, input);
    try {
      RunFile.load(FILE);
    } catch (BadInputException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("a BadInputException without a message");
      }
    }
  }
}
