package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.io.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lab's request parsing checks values by value, before any work. */
class LabConfigTest {
  static LabRequest read(String json) {
    return LabConfig.read(Json.parse(json, "request"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5001", "\"5001\"", "\" 5001\"", "\"5001.0\"", "5001.0", "5.001e3", "1e6", "\"1e6\"", "1e999"})
  void morePointsThanTheCapAreRefusedHoweverTheyAreSpelled(String points) {
    assertThatThrownBy(() -> read("{\"data\":{\"name\":\"disk-annulus\",\"params\":{\"points\":" + points + "}}}"))
        .isInstanceOfSatisfying(LabException.class, e -> assertThat(e.field()).isEqualTo("data.params.points"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"100001", "100001.0", "1.00001e5", "1e6", "\"1e6\"", "\" 100001\"", "0", "2.5"})
  void epochsOutsideTheLabsRangeAreRefusedHoweverTheyAreSpelled(String epochs) {
    assertThatThrownBy(() -> read("{\"train\":{\"epochs\":" + epochs + "}}"))
        .isInstanceOfSatisfying(LabException.class, e -> assertThat(e.field()).isEqualTo("train.epochs"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"300", "300.0", "3e2", "\" 300\""})
  void aWholeNumberIsTheSameValueInEverySpelling(String epochs) {
    assertThat(read("{\"train\":{\"epochs\":" + epochs + "}}").config().train().epochs()).isEqualTo(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"network\":{\"hidden\":[65]}}", "{\"network\":{\"hidden\":[3,3,3,3,3,3,3,3,3,3,3,3,3]}}",
      "{\"network\":{\"hidden\":[3.5]}}", "{\"network\":{\"hidden\":[1e9]}}"})
  void networksBeyondTheLabsLimitsAreRefused(String body) {
    assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(LabException.class,
        e -> assertThat(e.field()).startsWith("network.hidden"));
  }
}
