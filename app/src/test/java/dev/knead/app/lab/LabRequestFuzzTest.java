package dev.knead.app.lab;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.BadInputException;

/**
 * The lab's JSON request bodies from anyone (a run request, an explain request, a control
 * action): any bytes either parse or end in a 4xx error, never a 500 (docs/fuzzing.md).
 */
class LabRequestFuzzTest {
  @FuzzTest(maxDuration = "15m", maxExecutions = 1_000_000)
  void readsOrRefuses(byte[] input) {
    try {
      JsonNode body = LabRoutes.body(input);
      try {
        LabConfig.read(body);
      } catch (LabException | BadInputException refused) {
        check(refused);
      }
      // the control endpoint's fields
      LabConfig.text(body, "action", "", "action");
      LabConfig.integer(body, "epochs", 1, "epochs");
      LabConfig.integer(body, "speed", 60, "speed");
    } catch (LabException | BadInputException refused) {
      check(refused);
    }
  }

  private static void check(RuntimeException refused) {
    if (refused.getMessage() == null || refused.getMessage().isBlank()) {
      throw new AssertionError("a refusal without a message", refused);
    }
    if (refused instanceof LabException e && (e.status() < 400 || e.status() >= 500)) {
      throw new AssertionError("status " + e.status() + " for bad input", refused);
    }
  }
}
