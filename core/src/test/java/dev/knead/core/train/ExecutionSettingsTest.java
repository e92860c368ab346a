package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** --threads is an execution setting: a whole training run on 2 threads ends on the weights of 1. */
class ExecutionSettingsTest {
  @ParameterizedTest
  @EnumSource(Precision.class)
  void twoThreadsTrainTheWeightsOfOne(Precision precision) {
    // 600 points × 64 × 64 units: every hidden kernel is over the threshold for running in parallel
    Dataset train = Fixtures.random(600, 40, 3, 7);
    Dataset test = Fixtures.random(150, 40, 3, 8);
    TrainConfig c = TrainConfig.defaults(List.of(64, 64)).withEpochs(6).withSeed(5).withPrecision(precision)
        .with(TrainSchema.BATCH, 200L);
    TrainResult one = Trainer.train(train, test, c, TrainListener.NONE, new ExecutionSettings(1));
    TrainResult two = Trainer.train(train, test, c, TrainListener.NONE, new ExecutionSettings(2));
    assertThat(two.network()).isEqualTo(one.network());
    assertThat(Double.doubleToRawLongBits(two.testLoss())).isEqualTo(Double.doubleToRawLongBits(one.testLoss()));
    assertThat(two.history()).isEqualTo(one.history());
    // the comparison can fail: another seed trains other weights
    assertThat(one.network()).isNotEqualTo(Trainer.train(train, test, c.withSeed(6), TrainListener.NONE).network());
  }

  @Test
  void threadCountOutsideItsRangeIsBadInput() {
    assertThatThrownBy(() -> new ExecutionSettings(0)).isInstanceOf(BadInputException.class).hasMessageContaining("--threads");
    assertThatThrownBy(() -> new ExecutionSettings(ExecutionSettings.MAX_THREADS + 1)).isInstanceOf(BadInputException.class);
  }
}
