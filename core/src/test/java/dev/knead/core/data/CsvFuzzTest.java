package dev.knead.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.knead.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Delimited text from anyone: any bytes either load or end in a {@link BadInputException}
 * (docs/fuzzing.md). The first byte picks the reader (labelled .csv, labelled .tsv with the
 * label column named "label", or a point cloud .txt); the rest is the file, read from memory
 * (DataFiles.load reads the same way from disk; the size check before it is a file's length).
 */
class CsvFuzzTest {
  @FuzzTest(maxDuration = "15m", maxExecutions = 1_000_000)
  void readsOrRefuses(byte[] input) {
    int mode = input.length == 0 ? 0 : (input[0] & 0xff) % 3;
    byte[] content = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    String name = switch (mode) {
      case 0 -> "data.csv";
      case 1 -> "data.tsv";
      default -> "cloud.txt";
    };
    try {
      if (mode == 2) {
        Points p = DelimitedText.readCloud(name, content, LoadOptions.defaults());
        FuzzFiles.check(p.n() > 0 && p.d() > 0, "an empty cloud loaded");
      } else {
        LoadOptions o = mode == 1 ? LoadOptions.defaults().withLabelColumn("label") : LoadOptions.defaults();
        Dataset d = DelimitedText.readLabelled(name, content, o);
        FuzzFiles.check(d.size() > 0 && d.classes() >= 2, "a data set without rows or with one class loaded");
      }
    } catch (BadInputException expected) {
      FuzzFiles.oneLine(expected);
    }
  }

  /** Temporary files for the fuzz tests of this package. */
  static final class FuzzFiles {
    private FuzzFiles() {}

    static Path dir(String prefix) {
      try {
        Path d = Files.createTempDirectory(prefix);
        d.toFile().deleteOnExit();
        return d;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Path write(Path p, byte[] content) {
      try {
        Files.write(p, content);
        p.toFile().deleteOnExit();
        return p;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static void check(boolean ok, String what) {
      if (!ok) {
        throw new AssertionError(what);
      }
    }

    /** The project's rule for bad input: one line for the person. */
    static void oneLine(BadInputException e) {
      String m = e.getMessage();
      check(m != null && !m.isBlank(), "a BadInputException without a message");
    }
  }
}
