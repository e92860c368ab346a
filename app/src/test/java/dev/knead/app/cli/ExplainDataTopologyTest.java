package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.data.DataExport;
import dev.knead.core.data.Datasets;
import dev.knead.core.io.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --before} reads the verdicts from the points, whatever their source. */
class ExplainDataTopologyTest {
  @TempDir Path dir;

  @Test
  void aCsvOfTheDiskAnnulusPointsIsImpossibleForWidthTwoLikeTheBuiltIn() {
    Path csv = dir.resolve("my-disk.csv");
    DataExport.writeCsv(Datasets.generate("disk-annulus", Map.of(), 1), csv);
    Cli text = Cli.run("explain", "--data", csv.toString(), "--hidden", "2", "--before");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("[impossible]").contains("What the data shows").contains("inside a loop");

    Cli file = Cli.run("explain", "--data", csv.toString(), "--hidden", "2", "--before", "--json");
    JsonNode f = Json.parse(file.out(), "json").get("data_topology");
    assertThat(f.get("verdicts_use").asText()).isEqualTo("measured");
    assertThat(f.get("measured").get("enclosed").toString()).isEqualTo("[\"disk\"]");
    assertThat(f.get("measured").get("classes").get(1).get("betti").toString()).isEqualTo("[1,1]");
    assertThat(f.get("ground_truth").isNull()).isTrue();

    Cli builtIn = Cli.run("explain", "--data", "disk-annulus", "--data-seed", "1", "--hidden", "2", "--before", "--json");
    JsonNode b = Json.parse(builtIn.out(), "json");
    assertThat(b.get("data_topology").get("measured")).isEqualTo(f.get("measured"));
    assertThat(b.get("data_topology").get("ground_truth").get("betti").get("ring").toString()).isEqualTo("[1,1]");
    assertThat(b.get("data_topology").get("disagreements").size()).isZero();
    assertThat(b.get("verdicts_before").findValuesAsText("kind")).contains("impossible");
  }

  @Test
  void noisyBuiltInRingsShowTheGroundTruthBesideADisagreeingMeasurement() {
    Cli c = Cli.run("explain", "--data", "circles", "--set", "noise=0.5", "--hidden", "2", "--before", "--json");
    JsonNode t = Json.parse(c.out(), "json").get("data_topology");
    assertThat(t.get("ground_truth").get("enclosed").toString()).isEqualTo("[\"inner\"]");
    assertThat(t.get("measured").get("enclosed").size()).isZero();
    assertThat(t.get("disagreements").toString()).contains("generator says 1");
    assertThat(Json.parse(c.out(), "json").get("verdicts_before").findValuesAsText("kind")).doesNotContain("impossible");
  }

  @Test
  void aFileOfHopfRingsIsLinkedBeforeTrainingAndItsMeasuredCurvesAreDrawnAfter() {
    Path csv = dir.resolve("my-hopf.csv");
    DataExport.writeCsv(Datasets.generate("hopf-rings", Map.of("points", "200"), 1), csv);
    Cli before = Cli.run("explain", "--data", csv.toString(), "--hidden", "3", "--before");
    assertThat(before.out()).contains("The classes are linked (linking number 1)");
    Path run = dir.resolve("run");
    assertThat(Cli.run("train", "--data", csv.toString(), "--hidden", "3", "--epochs", "5", "--out", run.toString()).code())
        .isZero();
    Path png = dir.resolve("links.png");
    Cli links = Cli.run("render", run.toString(), "--kind", "links", "--out", png.toString());
    assertThat(links.code()).as(links.err()).isZero();
    assertThat(png).exists();
  }
}
