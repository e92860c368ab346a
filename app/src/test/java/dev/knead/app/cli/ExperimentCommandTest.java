package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import dev.knead.experiments.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code knead experiment}: the catalogue's smoke test (CI runs it) and the command's contract. */
class ExperimentCommandTest {
  @Test
  void listJsonNamesEveryExperiment() {
    Cli c = Cli.run("experiment", "list", "--json");
    assertThat(c.code()).isZero();
    JsonNode doc = Json.parse(c.out(), "stdout");
    JsonNode all = doc.get("experiments");
    assertThat(all.size()).isEqualTo(Catalogue.all().size()).isGreaterThanOrEqualTo(8);
    assertThat(all.get(0).get("params").size()).isPositive();
    assertThat(doc.get("provenance").get("knead").asText()).isNotBlank();
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    assertThat(Cli.run("experiment", "run", "nope").code()).isEqualTo(2);
    Cli c = Cli.run("experiment", "run", "sandwich", "--set", "nope=1");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err().strip().lines().count()).isEqualTo(1);
  }

  /** The whole catalogue, quick, once: every claim has a verdict and the JSON parses. */
  @Test
  void allQuickGivesEveryClaimAVerdict(@TempDir Path dir) throws Exception {
    Cli c = Cli.run("experiment", "run", "all", "--quick", "--json", "--out", dir.toString());
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode root = Json.parse(c.out(), "stdout");
    JsonNode exps = root.get("experiments");
    assertThat(exps.size()).isEqualTo(Catalogue.all().size());
    for (JsonNode e : exps) {
      assertThat(e.get("claims").size()).as(e.get("experiment").asText()).isPositive();
      for (JsonNode claim : e.get("claims")) {
        assertThat(claim.get("verdict").asText()).isIn("holds", "fails", "inconclusive");
        assertThat(claim.get("protocol").asText()).isNotBlank();
        assertThat(claim.get("per_seed").isArray()).isTrue();
      }
    }
    assertThat(Files.exists(dir.resolve("report.md"))).isTrue();
    Json.parse(Files.readString(dir.resolve("result.json")), "result.json");
    assertThat(Files.exists(dir.resolve("sandwich/claim-1.csv"))).isTrue();
  }
}
