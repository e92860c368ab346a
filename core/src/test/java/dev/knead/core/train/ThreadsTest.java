package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Work is split by output units only, so any thread count gives the same bits as one. */
class ThreadsTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 7})
  void anyThreadCountGivesTheBitsOfOne(int threads) {
    // wide enough that every kernel crosses the threshold for running in parallel
    Architecture arch = Architecture.of(200, List.of(160, 96), Activation.TANH, 10);
    Network init = Initializer.GLOROT.build(arch, new SplittableRandom(3));
    SplittableRandom rng = new SplittableRandom(4);
    int n = 130;
    double[] x = rng.doubles((long) n * 200, -1, 1).toArray();
    int[] y = rng.ints(n, 0, 10).toArray();
    Optimizer adam = Optimizer.of(Optimizer.Kind.ADAM, 0.01);
    TrainStep one = new TrainStep(init, n, Loss.SOFTMAX_CROSS_ENTROPY, adam, 1);
    TrainStep many = new TrainStep(init, n, Loss.SOFTMAX_CROSS_ENTROPY, adam, threads);
    for (int s = 0; s < 5; s++) {
      double a = one.step(x, y, n);
      double b = many.step(x, y, n);
      assertThat(Double.doubleToRawLongBits(b)).as("loss at step %d", s).isEqualTo(Double.doubleToRawLongBits(a));
    }
    assertThat(many.network()).isEqualTo(one.network());
  }
}
