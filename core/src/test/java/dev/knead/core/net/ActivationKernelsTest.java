package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edge cases of the whole-array kernels that a random sample would miss. */
class ActivationKernelsTest {
  @Test
  void reluDerivativeIsExactlyZeroOrOneAtTheExtremes() {
    double[] z = {Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1, Double.MAX_VALUE, 0.0, -0.0, -Double.MIN_VALUE, -5};
    double[] a = new double[z.length];
    ActivationKernels.apply(Activation.RELU, z, a, z.length);
    double[] g = new double[z.length];
    java.util.Arrays.fill(g, 3.5);
    ActivationKernels.multiplyByDerivative(Activation.RELU, z, a, g, z.length);
    assertThat(g).containsExactly(3.5, 3.5, 3.5, 3.5, 3.5, 0, 0, 0, 0);
  }

  @Test
  void batchTanhIsTheScalarTanhBitForBit() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
    int len = 10_000;
    double[] z = new double[len];
    for (int i = 0; i < len; i++) {
      z[i] = rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-10, 2));
    }
    double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -19.9, 20, 25, -1e300,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    System.arraycopy(special, 0, z, 0, special.length);
    double[] a = new double[len];
    Transcendentals.tanh(z, a, new double[len], len);
    for (int i = 0; i < len; i++) {
      assertThat(Double.doubleToRawLongBits(a[i])).as("tanh %s", z[i]).isEqualTo(Double.doubleToRawLongBits(Transcendentals.tanh(z[i])));
    }
  }
}
