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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation against central finite differences, for every activation, loss and layer. */
class GradientCheckTest {
  static Stream<Arguments> cases() {
    List<Activation> acts = List.of(
        Activation.IDENTITY, Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS, Activation.RELU,
        Activation.leakyRelu(0.2), Activation.ELU, Activation.SIN);
    Stream.Builder<Arguments> b = Stream.builder();
    long seed = 1;
    for (Activation a : acts) {
      for (Loss loss : Loss.values()) {
        b.add(Arguments.of(a, loss, seed++));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @MethodSource("cases")
  void backpropMatchesFiniteDifferences(Activation act, Loss loss, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int d = 1 + rng.nextInt(3);
    int k = 2 + rng.nextInt(3);
    List<Integer> hidden = List.of(1 + rng.nextInt(4), 1 + rng.nextInt(4));
    Architecture arch = Architecture.of(d, hidden, act, k);
    Network net = new Initializer(Initializer.Kind.UNIFORM, 0.9).build(arch, rng.split());
    Dataset data = Fixtures.random(7, d, k, seed);
    Workspace ws = new Workspace(net, data.size());
    // random biases too: zero biases put ReLU pre-activations exactly on the kink
    double[] params = ws.params();
    for (int i = 0; i < params.length; i++) {
      params[i] = rng.nextDouble(-0.9, 0.9);
    }
    double[] x = data.points().toArray();
    int[] y = data.labels();
    int[] right = new int[1];
    ws.lossAndGradient(x, y, data.size(), loss, true, right);
    double[] analytic = ws.grads().clone();
    double[] p = ws.params();
    double h = 1e-6;
    for (int i = 0; i < p.length; i++) {
      double keep = p[i];
      p[i] = keep + h;
      double up = ws.lossAndGradient(x, y, data.size(), loss, false, right);
      p[i] = keep - h;
      double down = ws.lossAndGradient(x, y, data.size(), loss, false, right);
      p[i] = keep;
      double numeric = (up - down) / (2 * h);
      assertThat(Math.abs(analytic[i] - numeric))
          .as("parameter %d of %s %s", i, act, loss)
          .isLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
    }
  }

  @ParameterizedTest(name = "l1 {0} l2 {1}")
  @MethodSource("penalties")
  void penaltiesAddTheirExactGradient(double l1, double l2) {
    SplittableRandom rng = new SplittableRandom(5);
    double[] p = rng.doubles(20, -1, 1).toArray();
    boolean[] isWeight = new boolean[20];
    for (int i = 0; i < 20; i++) {
      isWeight[i] = i % 3 != 0;
    }
    double[] g = new double[20];
    Trainer.penalise(p, g, isWeight, l1, l2);
    double h = 1e-7;
    for (int i = 0; i < 20; i++) {
      double keep = p[i];
      p[i] = keep + h;
      double up = Trainer.penalise(p, new double[20], isWeight, l1, l2);
      p[i] = keep - h;
      double down = Trainer.penalise(p, new double[20], isWeight, l1, l2);
      p[i] = keep;
      assertThat(g[i]).isCloseTo((up - down) / (2 * h), org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  static Stream<Arguments> penalties() {
    return Stream.of(Arguments.of(0.0, 0.1), Arguments.of(0.01, 0.0), Arguments.of(0.03, 0.2));
  }
}
