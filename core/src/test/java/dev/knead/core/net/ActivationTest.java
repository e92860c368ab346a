package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.BadInputException;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationTest {
  static Stream<Activation> all() {
    return Stream.of(
        Activation.IDENTITY, Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS, Activation.RELU,
        Activation.leakyRelu(0.2), Activation.ELU, new Activation(Activation.Kind.ELU, 0.5), Activation.SIN);
  }

  @ParameterizedTest
  @MethodSource("all")
  void derivativeMatchesCentralDifferences(Activation act) {
    SplittableRandom rng = new SplittableRandom(7);
    for (int k = 0; k < 200; k++) {
      double z = rng.nextDouble(-6, 6);
      if (Math.abs(z) < 1e-3) {
        continue; // the kinks of ReLU-type functions
      }
      double h = 1e-6;
      double numeric = (act.apply(z + h) - act.apply(z - h)) / (2 * h);
      assertThat(act.derivative(z, act.apply(z))).as("%s at %f", act, z).isCloseTo(numeric, within(1e-7));
    }
  }

  @ParameterizedTest
  @MethodSource("all")
  void inverseUndoesTheBendWhereOneExists(Activation act) {
    SplittableRandom rng = new SplittableRandom(11);
    for (int k = 0; k < 200; k++) {
      double z = rng.nextDouble(-8, 8);
      if (act.hasInverse()) {
        assertThat(act.inverse(act.apply(z))).isCloseTo(z, within(1e-8 * Math.max(1, Math.abs(z)) + 1e-7));
      } else {
        assertThatThrownBy(() -> act.inverse(act.apply(z))).isInstanceOf(UnsupportedOperationException.class);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("all")
  void imageLiesWithinItsBoundsAndMonotoneOnesNeverDecrease(Activation act) {
    double prev = Double.NEGATIVE_INFINITY;
    for (double z = -30; z <= 30; z += 0.01) {
      double a = act.apply(z);
      assertThat(a).isBetween(act.lowerBound(), act.upperBound());
      if (act.isMonotone()) {
        assertThat(a).isGreaterThanOrEqualTo(prev);
      }
      prev = a;
    }
  }

  @ParameterizedTest
  @MethodSource("all")
  void labelParsesBack(Activation act) {
    assertThat(Activation.parse(act.label())).isEqualTo(act);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tanhh", "relu:2", "leaky-relu:x", "leaky-relu:-1", ""})
  void badNamesAreRefusedWithOneLine(String text) {
    assertThatThrownBy(() -> Activation.parse(text)).isInstanceOf(BadInputException.class).message().doesNotContain("\n");
  }

  @ParameterizedTest
  @MethodSource("all")
  void topologicalFactsAreTheKnownOnes(Activation act) {
    boolean injective = act.kind() != Activation.Kind.RELU && act.kind() != Activation.Kind.SIN;
    assertThat(act.isInjective()).isEqualTo(injective);
    assertThat(act.isHomeomorphismOntoImage()).isEqualTo(injective);
    assertThat(act.isHomeomorphismOfR())
        .isEqualTo(act.kind() == Activation.Kind.IDENTITY || act.kind() == Activation.Kind.LEAKY_RELU);
  }

  @ParameterizedTest
  @MethodSource("all")
  void wholeArrayKernelsAgreeWithThePointwiseFunction(Activation act) {
    SplittableRandom rng = new SplittableRandom(3);
    double[] z = rng.doubles(50, -5, 5).toArray();
    double[] a = new double[50];
    ActivationKernels.apply(act, z, a, 50);
    double[] g = rng.doubles(50, -1, 1).toArray();
    double[] g2 = g.clone();
    ActivationKernels.multiplyByDerivative(act, z, a, g2, 50);
    for (int i = 0; i < 50; i++) {
      assertThat(a[i]).isEqualTo(act.apply(z[i]));
      assertThat(g2[i]).isCloseTo(g[i] * act.derivative(z[i], a[i]), within(1e-15));
    }
  }
}
