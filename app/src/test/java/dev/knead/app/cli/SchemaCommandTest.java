package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.app.lab.LabConfigAccess;
import dev.knead.core.io.ConfigJson;
import dev.knead.core.io.Json;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainSchema;
import org.junit.jupiter.api.Test;

/** The CLI's train flags, `knead schema` and the lab all come from the one table. */
class SchemaCommandTest {
  @Test
  void trainHelpListsEverySettingWithItsRangeAndDefault() {
    Cli c = Cli.run("train", "--help");
    assertThat(c.code()).isZero();
    // picocli wraps long lines anywhere, so compare without white space
    String help = c.out().replaceAll("\\s+", "");
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      assertThat(help).contains(f.flag()).contains(f.help().replaceAll("\\s+", ""));
    }
  }

  @Test
  void docsCliListsEverySettingWithItsDefault() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/cli.md"));
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      assertThat(doc).contains("| `" + f.flag() + "`").contains("`" + f.defaultText() + "`");
    }
  }

  @Test
  void schemaJsonIsTheDocumentTheLabServes() {
    Cli c = Cli.run("schema", "--json");
    assertThat(c.code()).isZero();
    JsonNode j = Json.parse(c.out(), "schema");
    assertThat(j).isEqualTo(Json.parse(Json.write(ConfigJson.schema()), "schema"));
    assertThat(j.get("fields").size()).isEqualTo(TrainSchema.FIELDS.size());
  }

  @Test
  void theCliAndTheLabAgreeOnEveryDefault() {
    TrainOptions o = new TrainOptions();
    o.data = "xor";
    TrainConfig cli = o.config().train();
    TrainConfig lab = LabConfigAccess.defaults();
    assertThat(lab).isEqualTo(cli);
    assertThat(cli).isEqualTo(TrainConfig.defaults());
    assertThat(cli.snapshotInterval()).isEqualTo(lab.snapshotInterval());
  }

  @Test
  void everyFlagIsReadByValue() {
    Cli c = Cli.run("train", "--data", "xor", "--set", "points=20", "--epochs", "5.0e0", "--hidden", "2", "--json", "--out",
        System.getProperty("java.io.tmpdir") + "/knead-schema-test-" + ProcessHandle.current().pid());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(Json.parse(c.out(), "train").get("epochs").asInt()).isEqualTo(5);
  }
}
