package dev.knead.core.net;

/**
 * Whole-array σ and σ' on float32 arrays, for training in {@code float32} precision. Knead's
 * networks, traces and measurements stay in double; only a float32 training step runs here.
 * tanh and ReLU have their own vectorisable loops; every other activation rounds the double
 * function to float.
 */
public final class FloatActivations {
  private FloatActivations() {}

  /*
   * tanh x ≈ x·P(x²)/Q(x²) on |x| ≤ TANH_CLAMP, a (4, 4) rational fitted by us (linear
   * programming on the relative error, 4,000 points) with a fit error of 2.4e-8; evaluated in
   * float with fused multiply-adds it stays within 6 float ulps of tanh (5.3 at worst, measured) and below 1. Beyond the
   * clamp tanh is within 2⁻²² of ±1. One pass, no table and no bit tricks, so C2 vectorises
   * it (8 lanes with AVX2).
   */
  /** atanh(1 − 2⁻²²): past it the clamped value is within 4 ulps of ±1. */
  static final float TANH_CLAMP = 7.9711924f;

  private static final float P1 = 0.134833661f;
  private static final float P2 = 0.00361809716f;
  private static final float P3 = 2.26772404e-05f;
  private static final float P4 = 1.63593931e-08f;
  private static final float Q1 = 0.468166994f;
  private static final float Q2 = 0.0263404336f;
  private static final float Q3 = 0.000348802772f;
  private static final float Q4 = 8.97430175e-07f;

  /** tanh in float32 within 6 ulps, odd, |tanh x| &lt; 1; NaN gives NaN. Same bits as the batch loop. */
  public static float tanh(float z) {
    final float x = Math.max(-TANH_CLAMP, Math.min(z, TANH_CLAMP));
    final float s = x * x;
    final float p = Math.fma(Math.fma(Math.fma(Math.fma(P4, s, P3), s, P2), s, P1), s, 1f);
    final float q = Math.fma(Math.fma(Math.fma(Math.fma(Q4, s, Q3), s, Q2), s, Q1), s, 1f);
    return x * p / q;
  }

  /** a[i] = σ(z[i]) for i &lt; len (a may be z). */
  public static void apply(Activation act, float[] z, float[] a, int len) {
    apply(act, z, a, 0, len);
  }

  /** a[i] = σ(z[i]) for from ≤ i &lt; to (a may be z). tanh and ReLU are loops C2 vectorises. */
  public static void apply(Activation act, float[] z, float[] a, int from, int to) {
    switch (act.kind()) {
      case IDENTITY -> {
        if (a != z) {
          System.arraycopy(z, from, a, from, to - from);
        }
      }
      case TANH -> {
        for (int i = from; i < to; i++) {
          a[i] = tanh(z[i]);
        }
      }
      case RELU -> {
        for (int i = from; i < to; i++) {
          a[i] = Math.max(z[i], 0f);
        }
      }
      default -> {
        for (int i = from; i < to; i++) {
          a[i] = (float) act.apply(z[i]);
        }
      }
    }
  }

  /** g[i] *= σ'(z[i]) for i &lt; len, with a = σ(z): turns ∂L/∂a into ∂L/∂z in place. */
  public static void multiplyByDerivative(Activation act, float[] z, float[] a, float[] g, int len) {
    multiplyByDerivative(act, z, a, g, 0, len);
  }

  /** {@link #multiplyByDerivative(Activation, float[], float[], float[], int)} for from ≤ i &lt; to. */
  public static void multiplyByDerivative(Activation act, float[] z, float[] a, float[] g, int from, int to) {
    switch (act.kind()) {
      case IDENTITY -> {}
      case TANH -> {
        for (int i = from; i < to; i++) {
          g[i] *= Math.fma(-a[i], a[i], 1f);
        }
      }
      case RELU -> {
        // ∂L/∂z = 0 where a = max(z, 0) is 0 (so z ≤ 0), else ∂L/∂a: a select, which the Vector
        // API kernels make in registers with the same bits (JDK 17's C2 leaves this loop scalar)
        for (int i = from; i < to; i++) {
          g[i] = a[i] <= 0f ? 0f : g[i];
        }
      }
      default -> {
        for (int i = from; i < to; i++) {
          g[i] *= (float) act.derivative(z[i], a[i]);
        }
      }
    }
  }
}
