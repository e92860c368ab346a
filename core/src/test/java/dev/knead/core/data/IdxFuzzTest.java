package dev.knead.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.knead.core.BadInputException;

/**
 * IDX bytes from anyone (plain or gzip): any bytes either parse or end in a {@link
 * BadInputException}; a header that claims a huge shape must not make the reader allocate for
 * it (docs/fuzzing.md).
 */
class IdxFuzzTest {
  @FuzzTest(maxDuration = "15m", maxExecutions = 1_000_000)
  void parsesOrRefuses(byte[] input) {
    try {
      IdxArray a = IdxArray.parse("fuzz.idx", input, LoadOptions.DEFAULT_MAX_BYTES, LoadOptions.DEFAULT_MAX_VALUES);
      long n = 1;
      for (int s : a.dims()) {
        n *= s;
      }
      CsvFuzzTest.FuzzFiles.check(n == a.values().length, "shape and values disagree");
    } catch (BadInputException expected) {
      CsvFuzzTest.FuzzFiles.oneLine(expected);
    }
  }
}
