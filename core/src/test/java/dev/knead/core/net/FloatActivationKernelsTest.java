package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The float32 activations of a float32 training step, against double references. */
class FloatActivationKernelsTest {
  /** Every 29th float from 0 to 10 (past the clamp) and its negative: about 3.8e7 values. */
  @Test
  void tanhIsWithinSixUlpsOddAndBelowOne() {
    final int step = 29;
    final int end = Float.floatToRawIntBits(10f);
    double worst = 0;
    float worstAt = 0;
    for (int bits = 0; bits <= end; bits += step) {
      float x = Float.intBitsToFloat(bits);
      float t = FloatActivations.tanh(x);
      double ref = Math.tanh(x);
      double ulps = Math.abs(t - ref) / Math.ulp((float) ref);
      if (ulps > worst) {
        worst = ulps;
        worstAt = x;
      }
      if (t >= 1f || FloatActivations.tanh(-x) != -t) {
        throw new AssertionError("tanh(" + x + ") = " + t + ", tanh(−x) = " + FloatActivations.tanh(-x));
      }
    }
    assertThat(worst).as("largest error (ulps), at x = %s", worstAt).isLessThanOrEqualTo(6.0);
  }

  @Test
  void tanhKeepsZeroTinyAndSpecialValues() {
    assertThat(Float.floatToRawIntBits(FloatActivations.tanh(-0f))).isEqualTo(Float.floatToRawIntBits(-0f));
    assertThat(FloatActivations.tanh(Float.MIN_VALUE)).isEqualTo(Float.MIN_VALUE);
    assertThat(FloatActivations.tanh(1e-20f)).isEqualTo(1e-20f);
    assertThat(FloatActivations.tanh(Float.POSITIVE_INFINITY)).isBetween(1 - 0x1p-21f, 1f);
    assertThat(FloatActivations.tanh(Float.NEGATIVE_INFINITY)).isBetween(-1f, -1 + 0x1p-21f);
    assertThat(FloatActivations.tanh(Float.NaN)).isNaN();
  }

  static Stream<Activation> activations() {
    return Stream.of(Activation.IDENTITY, Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS, Activation.RELU,
        Activation.leakyRelu(0.1), Activation.ELU, Activation.SIN);
  }

  /** Batch σ equals the scalar one bit for bit (tanh) and the double σ within float rounding. */
  @ParameterizedTest
  @MethodSource("activations")
  void batchActivationAndDerivativeFollowTheDoubleOnes(Activation act) {
    SplittableRandom rng = new SplittableRandom(31 + act.kind().ordinal());
    int len = 4_099;
    float[] z = new float[len];
    for (int i = 0; i < len; i++) {
      z[i] = (float) (rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-6, 2)));
    }
    float[] a = new float[len];
    FloatActivations.apply(act, z, a, len);
    float[] g = new float[len];
    java.util.Arrays.fill(g, 1.5f);
    FloatActivations.multiplyByDerivative(act, z, a, g, len);
    for (int i = 0; i < len; i++) {
      double ref = act.apply(z[i]);
      assertThat((double) a[i]).as("σ(%s)", z[i]).isCloseTo(ref, org.assertj.core.data.Offset.offset(6e-7 * Math.max(1, Math.abs(ref))));
      if (act.kind() == Activation.Kind.TANH) {
        assertThat(a[i]).isEqualTo(FloatActivations.tanh(z[i]));
      }
      double dref = 1.5 * act.derivative(z[i], act.apply(z[i]));
      assertThat((double) g[i]).as("σ'(%s)", z[i]).isCloseTo(dref, org.assertj.core.data.Offset.offset(2e-6 * Math.max(1, Math.abs(dref))));
    }
  }

  @Test
  void reluDerivativeIsExactlyZeroOrOne() {
    float[] z = {Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 1, Float.MAX_VALUE, 0f, -0f, -Float.MIN_VALUE, -5};
    float[] a = new float[z.length];
    FloatActivations.apply(Activation.RELU, z, a, z.length);
    float[] g = new float[z.length];
    java.util.Arrays.fill(g, 3.5f);
    FloatActivations.multiplyByDerivative(Activation.RELU, z, a, g, z.length);
    assertThat(g).containsExactly(3.5f, 3.5f, 3.5f, 3.5f, 3.5f, 0f, 0f, 0f, 0f);
  }

  @Test
  void identityMayWorkInPlace() {
    float[] z = {1, -2, 3};
    FloatActivations.apply(Activation.IDENTITY, z, z, 3);
    assertThat(z).containsExactly(List.of(1f, -2f, 3f).toArray(new Float[0]));
  }
}
