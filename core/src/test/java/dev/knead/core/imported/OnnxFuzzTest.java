package dev.knead.core.imported;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.knead.core.BadInputException;
import dev.knead.core.net.Network;

/**
 * ONNX bytes from anyone: any bytes either read as a network or end in a one-line
 * {@link BadInputException}; a tensor that claims a huge shape must not make the reader
 * allocate for it (docs/fuzzing.md).
 */
class OnnxFuzzTest {
  @FuzzTest(maxDuration = "15m", maxExecutions = 1_000_000)
  void parsesOrRefuses(byte[] input) {
    try {
      Network net = OnnxNetwork.parse("fuzz.onnx", input);
      if (net.layers().isEmpty() || net.inputDim() < 1) {
        throw new AssertionError("read an empty network");
      }
    } catch (BadInputException expected) {
      if (expected.getMessage() == null || expected.getMessage().contains("\n")) {
        throw new AssertionError("not one line: " + expected.getMessage());
      }
    }
  }
}
