package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float32 training runs keep the bits they had before the kernels were rewritten around the
 * machine's vector width: each expected hash was recorded with the former kernels (commit
 * b0ec890, 256-bit Vector API tiles) and must come out of every implementation — the Vector API
 * at the preferred width, forced to 256 or 128 bits, and the plain loops (core's pom runs this
 * class once per implementation). The shapes reach every tile, the tails (n mod 8, n mod 16),
 * several summed-unit blocks (784 inputs) and a σ that is not fused.
 */
class Float32RunBitsTest {
  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of(2, List.of(16, 16, 16, 16, 16, 16), Activation.RELU, 2, 1000, "sgd", 0x6f52b6469250d8d2L),
        Arguments.of(2, List.of(8, 8, 8), Activation.TANH, 2, 1000, "adam", 0x58ad67c670f8e361L),
        Arguments.of(2, List.of(2, 2, 2), Activation.TANH, 2, 997, "sgd", 0xe9414862061c752aL),
        Arguments.of(784, List.of(256, 128), Activation.RELU, 10, 250, "adam", 0xccce328d8f9c4f31L),
        Arguments.of(3, List.of(11, 5), Activation.SIGMOID, 3, 37, "adam", 0x1fa425ced54bd695L),
        Arguments.of(9, List.of(13, 7), Activation.TANH, 2, 17, "sgd", 0x9f28df3d139cc4caL));
  }

  @ParameterizedTest(name = "{0}-{1}-{3} {2}, n {4}, {5}")
  @MethodSource("runs")
  void float32RunsKeepTheirBits(int d, List<Integer> hidden, Activation act, int k, int n, String opt, long expected) {
    Network init = Initializer.GLOROT.build(Architecture.of(d, hidden, act, k), new SplittableRandom(11));
    SplittableRandom rng = new SplittableRandom(12);
    double[] x = rng.doubles((long) n * d, -1, 1).toArray();
    int[] y = rng.ints(n, 0, k).toArray();
    Optimizer o = opt.equals("sgd") ? Optimizer.of(Optimizer.Kind.SGD, 0.1) : Optimizer.of(Optimizer.Kind.ADAM, 0.01);
    TrainStep step = new TrainStep(init, n, Loss.SOFTMAX_CROSS_ENTROPY, o, 1, Precision.FLOAT32);
    long h = 0xcbf29ce484222325L;
    for (int s = 0; s < 5; s++) {
      h = mix(h, Double.doubleToRawLongBits(step.step(x, y, n)));
    }
    for (Layer l : step.network().layers()) {
      for (double w : l.weights().toArray()) {
        h = mix(h, Double.doubleToRawLongBits(w));
      }
      for (double b : l.bias()) {
        h = mix(h, Double.doubleToRawLongBits(b));
      }
    }
    assertThat(Long.toHexString(h)).isEqualTo(Long.toHexString(expected));
  }

  private static long mix(long h, long v) {
    return (h ^ v) * 0x100000001b3L;
  }
}
