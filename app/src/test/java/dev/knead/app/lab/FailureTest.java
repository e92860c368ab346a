package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.BadInputException;
import dev.knead.core.io.Json;
import org.junit.jupiter.api.Test;

/** A failed run or stream keeps its cause and says whose fault it was (4xx or 5xx). */
class FailureTest {
  @Test
  void badInputIsA400WithItsOwnLine() {
    BadInputException e = new BadInputException("data.csv: line 3: 2 fields, expected 3");
    Failure f = Failure.of(e);
    assertThat(f.status()).isEqualTo(400);
    assertThat(f.message()).isEqualTo(e.getMessage());
    assertThat(f.cause()).isSameAs(e);
  }

  @Test
  void aLabRefusalKeepsItsStatus() {
    Failure f = Failure.of(new LabException(409, "id", "the run has no weights yet"));
    assertThat(f.status()).isEqualTo(409);
  }

  @Test
  void anInternalErrorIsA500ThatKeepsTheExceptionNotJustItsMessage() {
    IllegalStateException bug = new IllegalStateException("index 5 out of bounds", new ArithmeticException("/ by zero"));
    Failure f = Failure.of(bug);
    assertThat(f.status()).isEqualTo(500);
    assertThat(f.message()).contains("IllegalStateException: index 5 out of bounds").contains("log");
    assertThat(f.cause()).isSameAs(bug);
    assertThat(f.cause().getCause()).isInstanceOf(ArithmeticException.class);
    assertThat(Failure.of(new NullPointerException()).message()).contains("NullPointerException");
  }

  @Test
  void theStreamsFailedEventIsTheLabsErrorShape() {
    var o = Json.parse(LiveStream.errorJson(Failure.of(new IllegalStateException("x"))), "event");
    assertThat(o.get("status").asInt()).isEqualTo(500);
    assertThat(o.get("error").asText()).contains("IllegalStateException: x");
  }
}
