package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import dev.knead.core.io.RunFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code knead train --threads N --progress}: execution settings, outside the run's config and its bits. */
class TrainExecutionTest {
  private static String[] args(Path out, String... more) {
    String[] base = {"train", "--data", "spirals", "--set", "points=400", "--hidden", "64,64", "--epochs", "5", "--batch", "200",
        "--precision", "float32", "--json", "--out", out.toString()};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void twoThreadsSaveTheRunOfOneWithTheSameConfigHash(@TempDir Path dir) {
    Cli one = Cli.run(args(dir.resolve("one"), "--threads", "1"));
    Cli two = Cli.run(args(dir.resolve("two"), "--threads", "2"));
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(two.code()).as(two.err()).isZero();
    JsonNode a = Json.parse(one.out(), "one");
    JsonNode b = Json.parse(two.out(), "two");
    assertThat(b.get("provenance").get("config_sha256").asText()).isNotBlank().isEqualTo(a.get("provenance").get("config_sha256").asText());
    assertThat(b.get("loss").asDouble()).isEqualTo(a.get("loss").asDouble());
    assertThat(RunFile.load(dir.resolve("two")).network()).isEqualTo(RunFile.load(dir.resolve("one")).network());
  }

  @Test
  void progressGoesToStderrAndNeverIntoTheJson(@TempDir Path dir) {
    Cli c = Cli.run(args(dir.resolve("run"), "--progress"));
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out().trim().lines().count()).isEqualTo(1);
    assertThat(Json.parse(c.out(), "stdout").get("epochs").asInt()).isEqualTo(5);
    assertThat(c.err()).contains("epoch 5/5 [" + "#".repeat(ProgressBar.WIDTH) + "]", "epochs/s", "done");
  }

  @Test
  void threadsOutsideTheirRangeAreOneLineAndExitTwo(@TempDir Path dir) {
    Cli c = Cli.run(args(dir.resolve("run"), "--threads", "0"));
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err().trim()).contains("--threads").doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void theBarShowsTheRateAndTheTimeLeft() {
    // 10 of 100 epochs in 2 s: 5 epochs/s, 90 left → 18 s
    assertThat(ProgressBar.line(10, 100, 2.0, 0.5, 0.25)).startsWith("epoch 10/100 [##......................]")
        .contains("5.00 epochs/s", "ETA 18 s", "train 25.0 %");
    assertThat(ProgressBar.eta(0.5, 200)).isEqualTo("ETA 6 min 40 s");
    assertThat(ProgressBar.eta(0.01, 100)).isEqualTo("ETA 2 h 46 min");
    assertThat(ProgressBar.eta(Double.NaN, 3)).isEqualTo("ETA …");
    assertThat(ProgressBar.line(0, 100, 0.0, Double.NaN, 0)).contains("… epochs/s");
  }
}
