package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Training in float32: the same gradient as double up to float rounding, same bits for any thread count. */
class Float32TrainingTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(List.of(3, 3), Activation.TANH, Loss.SOFTMAX_CROSS_ENTROPY, 2, 3),
        Arguments.of(List.of(8, 8, 8), Activation.TANH, Loss.SOFTMAX_CROSS_ENTROPY, 2, 2),
        Arguments.of(List.of(16, 16), Activation.RELU, Loss.SOFTMAX_CROSS_ENTROPY, 2, 2),
        Arguments.of(List.of(5), Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 3, 4),
        Arguments.of(List.of(4, 6), Activation.ELU, Loss.SQUARED_ERROR, 3, 3),
        Arguments.of(List.of(7), Activation.SIN, Loss.SOFTMAX_CROSS_ENTROPY, 20, 10),
        Arguments.of(List.of(6), Activation.leakyRelu(0.1), Loss.SOFTMAX_CROSS_ENTROPY, 1, 2),
        Arguments.of(List.of(), Activation.TANH, Loss.SOFTMAX_CROSS_ENTROPY, 2, 2));
  }

  /**
   * The float32 pass gives the double gradient within float rounding: each component within
   * 1e-4 of the gradient's largest component (the double pass is checked against finite
   * differences in GradientCheckTest), and the same loss and count of correct points.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void float32GradientIsTheDoubleGradientUpToFloatRounding(List<Integer> hidden, Activation act, Loss loss, int d, int k) {
    for (long seed = 1; seed <= 5; seed++) {
      Architecture arch = Architecture.of(d, hidden, act, k);
      Network net = Initializer.GLOROT.build(arch, new SplittableRandom(seed));
      SplittableRandom rng = new SplittableRandom(100 + seed);
      int n = 1 + rng.nextInt(300);
      double[] x = rng.doubles((long) n * d, -1.5, 1.5).toArray();
      int[] y = rng.ints(n, 0, k).toArray();
      Workspace w64 = new Workspace(net, n, 1, Precision.FLOAT64);
      Workspace w32 = new Workspace(net, n, 1, Precision.FLOAT32);
      int[] r64 = new int[1];
      int[] r32 = new int[1];
      double l64 = w64.lossAndGradient(x, y, n, loss, true, r64);
      double l32 = w32.lossAndGradient(x, y, n, loss, true, r32);
      assertThat(l32).as("loss, seed %d", seed).isCloseTo(l64, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, l64)));
      assertThat(r32[0]).as("correct points, seed %d", seed).isBetween(r64[0] - 2, r64[0] + 2);
      double largest = 0;
      for (double v : w64.grads()) {
        largest = Math.max(largest, Math.abs(v));
      }
      for (int i = 0; i < w64.grads().length; i++) {
        assertThat(w32.grads()[i]).as("gradient %d, seed %d", i, seed)
            .isCloseTo(w64.grads()[i], org.assertj.core.data.Offset.offset(1e-4 * largest + 1e-12));
      }
    }
  }

  /**
   * The tests' JVM has the Vector API (as ./knead's), so the tiles are the ones trained with here,
   * unless core's pom runs this class again with {@code -Dknead.vector=false}.
   */
  @Test
  void theVectorKernelsRunUnlessTheLoopsAreAskedFor() {
    assertThat(dev.knead.core.net.FloatDense.VECTOR).as("surefire starts the JVM with --add-modules jdk.incubator.vector")
        .isEqualTo(!"false".equals(System.getProperty("knead.vector")));
  }

  /** Wide enough that every float kernel crosses the threshold for running in parallel. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void anyThreadCountGivesTheBitsOfOne(int threads) {
    Architecture arch = Architecture.of(200, List.of(160, 96), Activation.TANH, 10);
    Network init = Initializer.GLOROT.build(arch, new SplittableRandom(3));
    SplittableRandom rng = new SplittableRandom(4);
    int n = 130;
    double[] x = rng.doubles((long) n * 200, -1, 1).toArray();
    int[] y = rng.ints(n, 0, 10).toArray();
    Optimizer adam = Optimizer.of(Optimizer.Kind.ADAM, 0.01);
    TrainStep one = new TrainStep(init, n, Loss.SOFTMAX_CROSS_ENTROPY, adam, 1, Precision.FLOAT32);
    TrainStep many = new TrainStep(init, n, Loss.SOFTMAX_CROSS_ENTROPY, adam, threads, Precision.FLOAT32);
    for (int s = 0; s < 4; s++) {
      double a = one.step(x, y, n);
      double b = many.step(x, y, n);
      assertThat(Double.doubleToRawLongBits(b)).as("loss at step %d", s).isEqualTo(Double.doubleToRawLongBits(a));
    }
    assertThat(many.network()).isEqualTo(one.network());
  }

  /** A float32 run trains as well as a double one, repeats itself bit for bit, and differs from double. */
  @Test
  void float32TrainsTheDiskInTheRingAndRepeatsItself() {
    Dataset data = Fixtures.diskInRing(150, 7);
    TrainConfig c64 = TrainConfig.defaults(List.of(3)).withEpochs(400);
    TrainConfig c32 = c64.withPrecision(Precision.FLOAT32);
    TrainResult r64 = Trainer.train(data, Fixtures.empty(2, 2), c64, TrainListener.NONE);
    TrainResult r32 = Trainer.train(data, Fixtures.empty(2, 2), c32, TrainListener.NONE);
    TrainResult again = Trainer.train(data, Fixtures.empty(2, 2), c32, TrainListener.NONE);
    assertThat(r32.trainAccuracy()).isGreaterThanOrEqualTo(0.97);
    assertThat(r32.trainLoss()).isCloseTo(r64.trainLoss(), org.assertj.core.data.Offset.offset(0.02));
    assertThat(again.network()).isEqualTo(r32.network());
    assertThat(again.history()).isEqualTo(r32.history());
    assertThat(r32.network()).isNotEqualTo(r64.network());
  }
}
