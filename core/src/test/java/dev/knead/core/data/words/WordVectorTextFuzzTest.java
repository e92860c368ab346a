package dev.knead.core.data.words;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.knead.core.BadInputException;

/**
 * A person's word-vector text: any bytes either read as vectors of one dimension with distinct
 * words, or end in a one-line {@link BadInputException} (docs/fuzzing.md).
 */
class WordVectorTextFuzzTest {
  @FuzzTest(maxDuration = "15m", maxExecutions = 1_000_000)
  void parsesOrRefuses(byte[] input) {
    try {
      WordVectors v = WordVectorText.parse("fuzz.txt", input, 1_000_000);
      if (v.size() < 1 || v.dim() < 1 || v.words().stream().distinct().count() != v.size()) {
        throw new AssertionError("read an empty or duplicated vocabulary");
      }
      for (String w : v.words()) {
        for (double x : v.vector(w)) {
          if (!Double.isFinite(x)) {
            throw new AssertionError("read a coordinate that is not finite");
          }
        }
      }
    } catch (BadInputException expected) {
      if (expected.getMessage() == null || expected.getMessage().contains("\n")) {
        throw new AssertionError("not one line: " + expected.getMessage());
      }
    }
  }
}
