package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * σ and σ' fused into the Vector API kernels ({@link Finish}) against the plain kernels followed
 * by {@link FloatActivations}' separate passes: the same bits (NaN as one value), for every shape of
 * {@link FloatVectorKernelsTest}, one and two threads, and outputs of the layer below that hold
 * exact zeros, −0 and NaN.
 */
class FloatFusedKernelsTest {
  private static final Activation[] FUSABLE = {Activation.IDENTITY, Activation.RELU, Activation.TANH};

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    FloatVectorKernelsTest.shapes().forEach(s -> {
      for (Activation act : FUSABLE) {
        Object[] shape = s.get();
        cases.add(Arguments.of(shape[0], shape[1], shape[2], act));
      }
    });
    // every tail the selects reach: 16-point tiles, then one 8-point vector, then scalars, for
    // each row group (6, 4, 2, 1 rows) and for two summed units (in = 2 forward, out = 2 back)
    for (int[] t : new int[][] {{2, 16, 1000}, {2, 5, 25}, {16, 2, 1000}, {5, 2, 24}, {16, 16, 1000}, {16, 13, 25},
        {16, 7, 24}, {3, 6, 8}, {3, 11, 9}}) {
      for (Activation act : FUSABLE) {
        cases.add(Arguments.of(t[0], t[1], t[2], act));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}, {3}")
  @MethodSource("cases")
  void fusedKernelsGiveTheBitsOfSeparatePasses(int in, int out, int n, Activation act) {
    SplittableRandom rng = new SplittableRandom(in * 7_919L + out * 104_729L + n * 31L + act.kind().ordinal());
    float[] p = new float[in * out + out + 4];
    for (int k = 0; k < p.length; k++) {
      p[k] = (float) rng.nextDouble(-1.5, 1.5);
    }
    final int wOff = 1;
    final int bOff = wOff + in * out + 1;
    float[][] x = units(in, n, rng);
    float[][] dz = units(out, n, rng);
    // the layer below's outputs σ(z), with exact zeros (ReLU's dead units), −0 and NaN among them
    float[][] below = units(in, n, rng);
    for (float[] u : below) {
      for (int i = 0; i < n; i++) {
        double pick = rng.nextDouble();
        u[i] = pick < 0.05 ? Float.NaN : pick < 0.1 ? -0f : pick < 0.3 ? 0f : u[i];
      }
      FloatActivations.apply(act, u, u, n);
    }

    float[][] aRef = filled(out, n + 3, 7f);
    FloatDenseLoops.affine(x, n, in, p, wOff, bOff, out, aRef, 1);
    for (int u = 0; u < out; u++) {
      FloatActivations.apply(act, aRef[u], aRef[u], n);
    }
    float[][] dxRef = filled(in, n + 3, 7f);
    FloatDenseLoops.inputGradient(dz, n, in, out, p, wOff, dxRef, 1);
    for (int u = 0; u < in; u++) {
      FloatActivations.multiplyByDerivative(act, below[u], below[u], dxRef[u], n);
    }

    for (int threads = 1; threads <= 2; threads++) {
      float[][] a = filled(out, n + 3, 7f);
      FloatDense.affine(x, n, in, p, wOff, bOff, out, Finish.forward(act), a, threads);
      assertSameBits(a, aRef, "affine + σ, threads " + threads);
      float[][] dx = filled(in, n + 3, 7f);
      FloatDense.inputGradient(dz, n, in, out, p, wOff, Finish.backward(act), below, dx, threads);
      assertSameBits(dx, dxRef, "input gradient · σ', threads " + threads);
      // the dispatcher the training pass calls, whichever implementation this JVM runs
      float[][] viaDispatch = filled(out, n + 3, 7f);
      FloatDense.affine(x, n, in, p, wOff, bOff, out, act, viaDispatch, threads);
      assertSameBits(viaDispatch, aRef, "FloatDense.affine, threads " + threads);
      float[][] dxDispatch = filled(in, n + 3, 7f);
      FloatDense.inputGradient(dz, n, in, out, p, wOff, act, below, dxDispatch, threads);
      assertSameBits(dxDispatch, dxRef, "FloatDense.inputGradient, threads " + threads);
    }
  }

  @Test
  void reluGradientIsZeroExactlyWhereTheOutputIsNotPositive() {
    float[] a = {0f, -0f, Float.NaN, Float.MIN_VALUE, 1e-30f, 0.5f, 3e38f, Float.POSITIVE_INFINITY};
    float[] g = new float[a.length];
    Arrays.fill(g, -2.5f);
    FloatActivations.multiplyByDerivative(Activation.RELU, a, a, g, a.length);
    // +0 (not g · 0 = −0) where a ≤ 0; a NaN output keeps g (the loss is NaN anyway and rewinds)
    assertThat(bits(g)).containsExactly(bits(new float[] {0f, 0f, -2.5f, -2.5f, -2.5f, -2.5f, -2.5f, -2.5f}));
  }

  @Test
  void activationsThatNeedThePreActivationAreNotFused() {
    assertThat(FloatDense.fusable(Activation.SIGMOID)).isFalse();
    assertThat(FloatDense.fusable(Activation.RELU)).isTrue();
    float[][] one = new float[1][1];
    assertThatThrownBy(() -> FloatDense.affine(one, 1, 1, new float[2], 0, 1, 1, Activation.SIGMOID, one, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static float[][] units(int count, int n, SplittableRandom rng) {
    float[][] u = new float[count][n + 3];
    for (float[] a : u) {
      for (int i = 0; i < n; i++) {
        a[i] = (float) rng.nextDouble(-1, 1);
      }
      Arrays.fill(a, n, a.length, Float.NaN);
    }
    return u;
  }

  private static float[][] filled(int count, int length, float v) {
    float[][] a = new float[count][length];
    for (float[] r : a) {
      Arrays.fill(r, v);
    }
    return a;
  }

  private static void assertSameBits(float[][] got, float[][] want, String what) {
    for (int u = 0; u < want.length; u++) {
      if (!Arrays.equals(bits(got[u]), bits(want[u]))) { // one comparison per unit: AssertJ per element is slow here
        assertThat(bits(got[u])).as("%s, unit %d (the fill past n included)", what, u).isEqualTo(bits(want[u]));
      }
    }
  }

  /** Bits with every NaN as one (a NaN's sign and payload depend on which instruction made it, not on the order of sums). */
  private static int[] bits(float[] a) {
    int[] b = new int[a.length];
    for (int k = 0; k < a.length; k++) {
      b[k] = Float.floatToIntBits(a[k]);
    }
    return b;
  }
}
