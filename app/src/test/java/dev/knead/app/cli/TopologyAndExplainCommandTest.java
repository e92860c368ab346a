package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyAndExplainCommandTest {
  static final Path SHARED = Path.of("../../shared/bench/ph").toAbsolutePath().normalize();

  @Test
  void ripserTextOutputIsRipsersOwn() throws Exception {
    Path cloud = SHARED.resolve("clouds/circle_n500.csv");
    Path expected = SHARED.resolve("expected/circle_n500_d1_full.txt");
    assumeTrue(Files.exists(cloud) && Files.exists(expected), "../shared/bench/ph is not beside the repository");
    Cli c = Cli.run("topology", cloud.toString());
    assertThat(c.code()).isZero();
    // the same header lines and the same bars, line for line
    assertThat(c.out().lines().toList()).isEqualTo(Files.readAllLines(expected));
  }

  @Test
  void aCircleHasOneComponentAndOneHole(@TempDir Path dir) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      double a = 2 * Math.PI * i / 100;
      b.append(Math.cos(a)).append(',').append(Math.sin(a)).append('\n');
    }
    Path f = dir.resolve("circle.csv");
    Files.writeString(f, b);
    JsonNode j = Json.parse(Cli.run("topology", f.toString(), "--format", "json").out(), "json");
    assertThat(j.get("stable_scale").get("betti").toString()).isEqualTo("[1,1]");
    assertThat(j.get("cycles").size()).isEqualTo(1);
    assertThat(j.get("cycles").get(0).get("edges").size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aTableThatTrainReadsIsReadTheSameWay(@TempDir Path dir) throws Exception {
    // a circle (class ring) and a far tight cluster (class core), with a header line
    StringBuilder table = new StringBuilder("x1,x2,label\n");
    StringBuilder cloud = new StringBuilder();
    StringBuilder ring = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      double a = 2 * Math.PI * i / 60;
      table.append(Math.cos(a)).append(',').append(Math.sin(a)).append(",ring\n");
      cloud.append(Math.cos(a)).append(',').append(Math.sin(a)).append('\n');
      ring.append(Math.cos(a)).append(',').append(Math.sin(a)).append('\n');
    }
    for (int i = 0; i < 20; i++) {
      double x = 5 + 0.01 * (i % 5);
      double y = 0.01 * (i / 5);
      table.append(x).append(',').append(y).append(",core\n");
      cloud.append(x).append(',').append(y).append('\n');
    }
    Path t = Files.writeString(dir.resolve("data.csv"), table);
    Path c = Files.writeString(dir.resolve("cloud.csv"), cloud);
    Path r = Files.writeString(dir.resolve("ring.csv"), ring);
    assertThat(Cli.run("train", "--data", t.toString(), "--hidden", "3", "--epochs", "1", "--out", dir.resolve("run").toString())
        .code()).isZero();
    Cli all = Cli.run("topology", t.toString());
    assertThat(all.code()).as(all.err()).isZero();
    // the label column is not a coordinate: the same bars as the bare coordinates
    assertThat(all.out()).isEqualTo(Cli.run("topology", c.toString()).out());
    Cli ringOnly = Cli.run("topology", t.toString(), "--class", "ring", "--format", "json");
    assertThat(ringOnly.code()).as(ringOnly.err()).isZero();
    JsonNode j = Json.parse(ringOnly.out(), "json");
    assertThat(j.get("points").asInt()).isEqualTo(60);
    assertThat(j.get("ambient_dim").asInt()).isEqualTo(2);
    assertThat(j.get("bars")).isEqualTo(Json.parse(Cli.run("topology", r.toString(), "--format", "json").out(), "json").get("bars"));
    // a named label column makes a headerless file a table too; classes are checked
    Cli byIndex = Cli.run("topology", t.toString(), "--label-column", "2", "--class", "0", "--format", "json");
    assertThat(Json.parse(byIndex.out(), "json").get("points").asInt()).isEqualTo(20);
    assertThat(Cli.run("topology", t.toString(), "--class", "nope").code()).isEqualTo(2);
    assertThat(Cli.run("topology", t.toString(), "--label-column", "zz").code()).isEqualTo(2);
    assertThat(Cli.run("topology", c.toString(), "--stage", "1").code()).isEqualTo(2);
  }

  @Test
  void aThresholdKeepsTheTorusVoidInTheStableScale(@TempDir Path dir) throws Exception {
    // flat torus (cos a, sin a, cos b, sin b) on a 15 × 15 grid: β = (1, 2, 1); cut at 1.6 its
    // void and both loops are still open, so the interval up to the threshold must count
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      for (int j = 0; j < 15; j++) {
        double a = 2 * Math.PI * i / 15;
        double c = 2 * Math.PI * j / 15;
        b.append(Math.cos(a)).append(',').append(Math.sin(a)).append(',').append(Math.cos(c)).append(',')
            .append(Math.sin(c)).append('\n');
      }
    }
    Path f = dir.resolve("torus.csv");
    Files.writeString(f, b);
    Cli c = Cli.run("topology", f.toString(), "--dim", "2", "--threshold", "1.6", "--format", "json");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode s = Json.parse(c.out(), "json").get("stable_scale");
    assertThat(s.get("betti").toString()).isEqualTo("[1,2,1]");
    assertThat(s.get("cut_at_threshold").asBoolean()).isTrue();
    assertThat(s.get("to").asDouble()).isEqualTo(1.6);
  }

  @Test
  void aStageAndClassOfARun(@TempDir Path dir) {
    Path run = dir.resolve("run");
    assertThat(Cli.run("train", "--data", "disk-annulus", "--set", "points=80", "--hidden", "3", "--epochs", "50",
        "--out", run.toString()).code()).isZero();
    Cli c = Cli.run("topology", run.toString(), "--stage", "5", "--class", "ring", "--format", "json");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode j = Json.parse(c.out(), "json");
    assertThat(j.get("ambient_dim").asInt()).isEqualTo(3);
    assertThat(j.get("points").asInt()).isEqualTo(80);
    assertThat(Cli.run("topology", run.toString(), "--class", "nope").code()).isEqualTo(2);
    assertThat(Cli.run("topology", run.toString(), "--stage", "99").code()).isEqualTo(2);
    assertThat(Cli.run("topology", run.toString(), "--dim", "7").code()).isEqualTo(2);
  }

  @Test
  void explainSaysWidthTwoCannotAndShowsTheTunnel() {
    Cli c = Cli.run("explain", "--data", "disk-annulus", "--set", "points=120", "--hidden", "2", "--epochs", "300",
        "--max-points", "120", "--json");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode j = Json.parse(c.out(), "json");
    assertThat(j.get("verdicts_before").findValuesAsText("kind")).contains("impossible");
    assertThat(j.get("certificates").get(0).get("bounded").asBoolean()).isFalse();
    assertThat(j.get("certificates").get(0).get("outcome").asText()).isEqualTo("unbounded");
    assertThat(j.get("certificates").get(0).get("unbounded_by_theorem").asBoolean()).isTrue();
    assertThat(j.get("stages").get(0).get("betti").toString()).isEqualTo("[[1,0],[1,1]]");
    assertThat(j.get("layers").size()).isEqualTo(2);
    assertThat(j.get("account").size()).isEqualTo(1);
  }

  @Test
  void explainBeforeNeedsNoTraining() {
    Cli c = Cli.run("explain", "--data", "hopf-rings", "--hidden", "3,3", "--before");
    assertThat(c.code()).isZero();
    assertThat(c.out()).contains("[impossible]");
    assertThat(Cli.run("explain").code()).isEqualTo(2);
  }
}
