package dev.knead.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Precision;
import dev.knead.core.train.Schedule;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** config.train in run files and the schema document, both read off the one table. */
class ConfigJsonTest {
  @Test
  void everySettingSurvivesTheRunFileRoundTrip() {
    TrainConfig c = TrainConfig.defaults().withHidden(List.of(5, 4), List.of(Activation.RELU, Activation.leakyRelu(0.1)))
        .withOptimizer(new Optimizer(Optimizer.Kind.NESTEROV, 0.1234567890123, 0.7, 0.8, 0.99, 1e-7))
        .with(TrainSchema.SCHEDULE, Schedule.parse("step:7:0.25")).with(TrainSchema.L1, 1e-5).with(TrainSchema.L2, 3e-4)
        .with(TrainSchema.BATCH, 16L).withEpochs(77).with(TrainSchema.TARGET_ACCURACY, Optional.of(0.97))
        .with(TrainSchema.CLIP, 2.5).with(TrainSchema.SNAPSHOT_EVERY, 3L).withSeed(-42).withPrecision(Precision.FLOAT32);
    ObjectNode written = ConfigJson.writeTrain(c);
    TrainConfig back = ConfigJson.readTrain(Json.parse(Json.write(written), "t"), "t");
    assertThat(back).isEqualTo(c);
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      assertThat(back.get(f)).as(f.key()).isEqualTo(c.get(f));
    }
    // the layout of version 1 files is kept: the optimiser nested, the initialiser under its old name
    assertThat(written.get("optimizer").get("learning_rate").asDouble()).isEqualTo(0.1234567890123);
    assertThat(written.get("initializer").asText()).isEqualTo("glorot");
    assertThat(written.get("target_accuracy").asDouble()).isEqualTo(0.97);
  }

  @Test
  void aSettingNewerThanTheFileTakesItsDefaultButAnOldOneMayNotBeMissing() {
    ObjectNode t = ConfigJson.writeTrain(TrainConfig.defaults());
    t.remove("precision");
    assertThat(ConfigJson.readTrain(t, "f").precision()).isEqualTo(Precision.FLOAT64);
    t.remove("epochs");
    assertThatThrownBy(() -> ConfigJson.readTrain(t, "f")).isInstanceOf(BadInputException.class).hasMessageContaining("missing 'epochs'");
  }

  @Test
  void jsonNumbersAreReadByValue() {
    for (String v : new String[] {"5001", "5001.0", "5.001e3", "\"5001\"", "\" 5001\""}) {
      JsonNode n = Json.parse(v, "t");
      assertThat(ConfigJson.value(TrainSchema.EPOCHS, n, "train.epochs")).as(v).isEqualTo(5001L);
    }
    assertThatThrownBy(() -> ConfigJson.value(TrainSchema.EPOCHS, Json.parse("1e8", "t"), "train.epochs"))
        .hasMessageStartingWith("train.epochs must be a whole number in 0 … 10000000");
    assertThatThrownBy(() -> ConfigJson.value(TrainSchema.LOSS, Json.parse("3", "t"), "train.loss")).hasMessageContaining("string");
    assertThatThrownBy(() -> ConfigJson.value(TrainSchema.HIDDEN, Json.parse("[3, 0]", "t"), "network.hidden"))
        .hasMessageStartingWith("network.hidden[1]");
  }

  @Test
  void theSchemaDocumentListsEverySettingWithItsDefault() {
    JsonNode s = ConfigJson.schema();
    assertThat(s.get("fields").size()).isEqualTo(TrainSchema.FIELDS.size());
    JsonNode defaults = ConfigJson.writeTrain(TrainConfig.defaults());
    for (int i = 0; i < TrainSchema.FIELDS.size(); i++) {
      ConfigField<?> f = TrainSchema.FIELDS.get(i);
      JsonNode fo = s.get("fields").get(i);
      assertThat(fo.get("key").asText()).isEqualTo(f.key());
      JsonNode stored = defaults;
      for (String part : fo.get("run_path").asText().split("\\.")) {
        stored = stored.get(part);
      }
      assertThat(fo.get("default")).as(f.key()).isEqualTo(stored);
    }
    JsonNode lr = s.get("fields").get(TrainSchema.FIELDS.indexOf(TrainSchema.LR));
    assertThat(lr.get("min").asDouble()).isZero();
    assertThat(lr.get("min_open").asBoolean()).isTrue();
    assertThat(lr.get("max").asDouble()).isEqualTo(100);
  }
}
