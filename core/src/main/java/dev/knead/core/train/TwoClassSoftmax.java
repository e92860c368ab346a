package dev.knead.core.train;

import dev.knead.core.net.Transcendentals;

/**
 * {@link Loss#SOFTMAX_CROSS_ENTROPY} for two classes from float logits, the float32 pass's
 * kernel: one exp per point instead of two, and the sums in double. With m = z_other − z_label
 * (minus the point's margin) the loss is softplus(m) = max(m, 0) + log(1 + e^−|m|) and
 * ∂loss/∂z₁ = −∂loss/∂z₀ = sgn·σ(m), sgn = 1 − 2·label, σ(m) = max(e^−|m|, [m &gt; 0])/(1 + e^−|m|):
 * accurate for any margin (no 1 − p cancellation).
 */
final class TwoClassSoftmax {
  private TwoClassSoftmax() {}

  /** Points per log of a product: each of the four partial products of 1 + e^−|m| ∈ (1, 2] stays below 2²⁵⁶. */
  static final int LOG_BLOCK = 1024;

  /**
   * @param z0 logits of class 0, z1 of class 1 (n points each)
   * @param g0 output: ∂(mean loss)/∂z₀, g1 likewise
   * @param correct correct[0] receives the number of points whose first largest logit is their label
   * @param m scratch of n doubles
   * @param sgn scratch of n doubles
   * @param e scratch of n doubles
   * @param scratch scratch of n doubles
   * @return the mean loss (NaN when a logit is NaN)
   */
  static double lossAndGradient(
      float[] z0, float[] z1, int n, int[] y, float[] g0, float[] g1, int[] correct, double[] m, double[] sgn, double[] e,
      double[] scratch) {
    return lossAndGradient(z0, z1, n, y, g0, g1, correct, m, sgn, e, scratch, 1.0 / n, new double[PARTS]);
  }

  /** Sums one pass carries to the next: the four margin sums and Σ log of the block products. */
  static final int PARTS = 5;

  /**
   * As above for one chunk of a larger set, the sums carried in {@code parts} (zero before the
   * first chunk): chunks of a multiple of {@link #LOG_BLOCK} points, taken in order, give the bits
   * of one pass.
   *
   * @param inv 1 / (points in all chunks)
   * @return the mean loss of the chunks so far, over all points
   */
  static double lossAndGradient(float[] z0, float[] z1, int n, int[] y, float[] g0, float[] g1, int[] correct, double[] m,
      double[] sgn, double[] e, double[] scratch, double inv, double[] parts) {
    int right = 0;
    for (int i = 0; i < n; i++) {
      final int label = y[i];
      final double s = 1 - 2 * label;
      final double mi = s * ((double) z1[i] - (double) z0[i]);
      sgn[i] = s;
      m[i] = mi;
      // the label wins when its logit is larger (m < 0), or equal and it is class 0 (the first
      // largest); read off the sign bit (m + 0 turns −0 into +0), so no branch mispredicts
      // while half the points are wrong
      final long bits = Double.doubleToRawLongBits(mi + 0.0);
      right += (int) (bits >>> 63) + (bits == 0 & label == 0 ? 1 : 0);
    }
    for (int i = 0; i < n; i++) {
      e[i] = -Math.abs(m[i]);
    }
    Transcendentals.expNonPositive(e, e, scratch, n);
    for (int i = 0; i < n; i++) {
      final double ei = e[i];
      // [m > 0] without a branch: any positive double times 2¹²⁰⁰ is at least 1; NaN stays NaN
      final double above = Math.min(Math.max(m[i], 0) * 0x1p600 * 0x1p600, 1.0);
      final double s = 1 + ei;
      scratch[i] = s;
      e[i] = sgn[i] * (Math.max(ei, above) / s) * inv;
      m[i] = Math.max(m[i], 0);
    }
    for (int i = 0; i < n; i++) {
      final float g = (float) e[i];
      g1[i] = g;
      g0[i] = -g;
    }
    double h0 = parts[0];
    double h1 = parts[1];
    double h2 = parts[2];
    double h3 = parts[3];
    double logs = parts[4];
    for (int i0 = 0; i0 < n; i0 += LOG_BLOCK) {
      final int i1 = Math.min(n, i0 + LOG_BLOCK);
      double p0 = 1;
      double p1 = 1;
      double p2 = 1;
      double p3 = 1;
      int i = i0;
      for (; i + 3 < i1; i += 4) {
        p0 *= scratch[i];
        p1 *= scratch[i + 1];
        p2 *= scratch[i + 2];
        p3 *= scratch[i + 3];
        h0 += m[i];
        h1 += m[i + 1];
        h2 += m[i + 2];
        h3 += m[i + 3];
      }
      for (; i < i1; i++) {
        p0 *= scratch[i];
        h0 += m[i];
      }
      logs += Math.log(p0 * p1) + Math.log(p2 * p3);
    }
    correct[0] = right;
    parts[0] = h0;
    parts[1] = h1;
    parts[2] = h2;
    parts[3] = h3;
    parts[4] = logs;
    return (((h0 + h1) + (h2 + h3)) + logs) * inv;
  }
}
