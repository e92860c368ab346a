package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one table of training settings: values read by value, defaults and text round trips. */
class TrainSchemaTest {
  @Test
  void everySettingHasOneKeyADescriptionAndADefaultThatReadsBack() {
    Set<String> keys = new HashSet<>();
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      assertThat(keys.add(f.key())).as("duplicate key %s", f.key()).isTrue();
      assertThat(f.description()).isNotBlank();
      roundTrip(f);
    }
  }

  private static <T> void roundTrip(ConfigField<T> f) {
    assertThat(f.read(f.toText(f.defaultValue()), f.flag())).as(f.key()).isEqualTo(f.defaultValue());
    assertThat(f.help()).contains("default: " + f.toText(f.defaultValue()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5001", " 5001", "5001.0", "5.001e3", "5001.000", "0.5001e4"})
  void aWholeNumberIsReadByValueNotBySpelling(String text) {
    assertThat(TrainSchema.EPOCHS.read(text, "--epochs")).isEqualTo(5001L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e8", "10000001", "-1", "2.5", "1e999999999", "abc", "NaN", "Infinity", "0x10", "5d", ""})
  void aWholeNumberOutOfRangeOrNotWholeIsRefused(String text) {
    assertThatThrownBy(() -> TrainSchema.EPOCHS.read(text, "--epochs")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--epochs");
  }

  @Test
  void aHugeExponentIsRefusedWithoutBuildingTheNumber() {
    long t0 = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      assertThatThrownBy(() -> TrainSchema.EPOCHS.read("1e999999999", "e")).isInstanceOf(BadInputException.class);
      assertThatThrownBy(() -> TrainSchema.LR.read("1e-999999999", "e")).isInstanceOf(BadInputException.class);
    }
    // building 10^999999999 once would take far longer than this for all 2,000 refusals
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
  }

  @Test
  void rangesAreOpenOrClosedAsTheTableSays() {
    assertThatThrownBy(() -> TrainSchema.LR.read("0", "--lr")).hasMessageContaining("(0, 100]");
    assertThat(TrainSchema.LR.read("100", "--lr")).isEqualTo(100.0);
    assertThatThrownBy(() -> TrainSchema.MOMENTUM.read("1", "--momentum")).hasMessageContaining("[0, 1)");
    assertThat(TrainSchema.SEED.read(Long.toString(Long.MIN_VALUE), "--seed")).isEqualTo(Long.MIN_VALUE);
    assertThatThrownBy(() -> TrainSchema.SEED.read("9223372036854775808", "--seed")).isInstanceOf(BadInputException.class);
  }

  @Test
  void noneIsAValueNotAMagicNumber() {
    assertThat(TrainSchema.TARGET_ACCURACY.read("none", "t")).isEmpty();
    assertThat(TrainConfig.defaults().targetAccuracy()).isEmpty();
    assertThat(TrainSchema.TARGET_ACCURACY.read("0.9", "t")).contains(0.9);
    assertThatThrownBy(() -> TrainSchema.TARGET_ACCURACY.read("2", "t")).isInstanceOf(BadInputException.class);
  }

  @Test
  void oneActivationStandsForEveryLayerAndAListNamesOnePerLayer() {
    TrainConfig c = TrainConfig.defaults().with(TrainSchema.HIDDEN, List.of(4, 4, 4));
    assertThat(c.activations()).containsExactly(Activation.TANH, Activation.TANH, Activation.TANH);
    TrainConfig r = c.with(TrainSchema.ACTIVATIONS, TrainSchema.ACTIVATIONS.read("relu", "--activation"));
    assertThat(r.activations()).containsExactly(Activation.RELU, Activation.RELU, Activation.RELU);
    assertThatThrownBy(() -> c.with(TrainSchema.ACTIVATIONS, List.of(Activation.RELU, Activation.TANH)))
        .hasMessageContaining("2 activations for 3 hidden layers");
  }

  @Test
  void aValueSetInCodeIsCheckedAsATypedOneIs() {
    assertThatThrownBy(() -> TrainConfig.defaults().with(TrainSchema.L2, -1.0)).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> TrainConfig.defaults().withEpochs(TrainConfig.MAX_EPOCHS + 1)).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> TrainConfig.defaults().with(TrainSchema.TARGET_ACCURACY, Optional.of(1.5)))
        .isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> TrainConfig.defaults().with(TrainSchema.HIDDEN, List.of(0))).isInstanceOf(BadInputException.class);
  }

  @Test
  void theConfigsAccessorsReadTheTable() {
    TrainConfig c = TrainConfig.defaults();
    assertThat(c.epochs()).isEqualTo(1000);
    assertThat(c.optimizer()).isEqualTo(Optimizer.of(Optimizer.Kind.ADAM, 0.03));
    assertThat(c.snapshotInterval()).isEqualTo(1000 / TrainConfig.SNAPSHOTS);
    assertThat(c.withEpochs(7).snapshotInterval()).isEqualTo(1);
  }
}
