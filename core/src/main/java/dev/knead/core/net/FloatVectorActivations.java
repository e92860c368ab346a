package dev.knead.core.net;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The σ and σ' that {@link FloatVectorKernels} applies to a block of rows it has just written
 * (still in L1), so a float32 pass needs no separate sweep over the activations. Every
 * expression is the one {@link FloatActivationKernels} computes, lane for lane, so fused and
 * separate passes give the same bits.
 */
final class FloatVectorActivations {
  private FloatVectorActivations() {}

  private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;

  /** Applies f to c[r][from … n) for r in [r0, r1); a holds the layer below's outputs for the gradients. */
  static void finish(Finish f, float[][] c, float[][] a, int r0, int r1, int from, int n) {
    switch (f) {
      case NONE -> {}
      case RELU -> {
        for (int r = r0; r < r1; r++) {
          relu(c[r], from, n);
        }
      }
      case TANH -> {
        for (int r = r0; r < r1; r++) {
          tanh(c[r], from, n);
        }
      }
      case RELU_GRADIENT -> {
        for (int r = r0; r < r1; r++) {
          reluGradient(c[r], a[r], from, n);
        }
      }
      case TANH_GRADIENT -> {
        for (int r = r0; r < r1; r++) {
          tanhGradient(c[r], a[r], from, n);
        }
      }
    }
  }

  private static void relu(float[] c, int from, int n) {
    final FloatVector zero = FloatVector.zero(F8);
    int i = from;
    for (; i + 8 <= n; i += 8) {
      FloatVector.fromArray(F8, c, i).max(zero).intoArray(c, i);
    }
    for (; i < n; i++) {
      c[i] = Math.max(c[i], 0f);
    }
  }

  private static void tanh(float[] c, int from, int n) {
    final FloatVector hi = FloatVector.broadcast(F8, FloatActivationKernels.TANH_CLAMP);
    final FloatVector lo = FloatVector.broadcast(F8, -FloatActivationKernels.TANH_CLAMP);
    final FloatVector one = FloatVector.broadcast(F8, 1f);
    final FloatVector p1 = FloatVector.broadcast(F8, FloatActivationKernels.P1);
    final FloatVector p2 = FloatVector.broadcast(F8, FloatActivationKernels.P2);
    final FloatVector p3 = FloatVector.broadcast(F8, FloatActivationKernels.P3);
    final FloatVector p4 = FloatVector.broadcast(F8, FloatActivationKernels.P4);
    final FloatVector q1 = FloatVector.broadcast(F8, FloatActivationKernels.Q1);
    final FloatVector q2 = FloatVector.broadcast(F8, FloatActivationKernels.Q2);
    final FloatVector q3 = FloatVector.broadcast(F8, FloatActivationKernels.Q3);
    final FloatVector q4 = FloatVector.broadcast(F8, FloatActivationKernels.Q4);
    int i = from;
    for (; i + 8 <= n; i += 8) {
      // Math.max(−C, Math.min(z, C)) and the same fma chains as FloatActivationKernels.tanh
      final FloatVector x = FloatVector.fromArray(F8, c, i).min(hi).max(lo);
      final FloatVector s = x.mul(x);
      final FloatVector p = s.fma(s.fma(s.fma(s.fma(p4, p3), p2), p1), one);
      final FloatVector q = s.fma(s.fma(s.fma(s.fma(q4, q3), q2), q1), one);
      x.mul(p).div(q).intoArray(c, i);
    }
    for (; i < n; i++) {
      c[i] = FloatActivationKernels.tanh(c[i]);
    }
  }

  private static void reluGradient(float[] c, float[] a, int from, int n) {
    int i = from;
    for (; i + 8 <= n; i += 8) {
      final FloatVector av = FloatVector.fromArray(F8, a, i);
      FloatVector.fromArray(F8, c, i).blend(0f, av.compare(VectorOperators.LE, 0f)).intoArray(c, i);
    }
    for (; i < n; i++) {
      c[i] = a[i] <= 0f ? 0f : c[i];
    }
  }

  private static void tanhGradient(float[] c, float[] a, int from, int n) {
    final FloatVector one = FloatVector.broadcast(F8, 1f);
    int i = from;
    for (; i + 8 <= n; i += 8) {
      final FloatVector av = FloatVector.fromArray(F8, a, i);
      FloatVector.fromArray(F8, c, i).mul(av.neg().fma(av, one)).intoArray(c, i);
    }
    for (; i < n; i++) {
      c[i] *= Math.fma(-a[i], a[i], 1f);
    }
  }
}
