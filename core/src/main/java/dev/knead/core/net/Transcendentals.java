package dev.knead.core.net;

/**
 * The one tanh every part of Knead uses (training, forward pass, trace), so the stages of a
 * trace compose to the forward pass exactly; and the exp the softmax kernel uses. Plain
 * arithmetic that the JIT inlines (on JDK 17 {@link Math#tanh} is a native call of about 20 ns).
 */
public final class Transcendentals {
  private Transcendentals() {}

  /** tanh|x| is 1 in double beyond 19.06; clamping here keeps 2^k normal and the chain finite. */
  private static final double CLAMP = 20;
  /** 1.5·2⁵²: adding it rounds a double of magnitude &lt; 2⁵¹ to an integer held in the low bits. */
  private static final double SHIFT = 0x1.8p52;

  /*
   * tanh x = sign(x) · (−u)/(2 + u) with u = expm1(−2|x|) ∈ (−1, 0]: no branch and no
   * cancellation at any |x|. expm1(y) = (2^k − 1) + 2^k·q with y = k ln2 + r, |r| ≤ ln2/2,
   * q = e^r − 1 = r + r²·p(r); k ≤ 0, so 2^k − 1 is exact and one fused multiply-add rounds
   * once. The batch kernel runs the very same operations in passes (see tanh(double[], …)), so
   * both give the same bits.
   */

  /**
   * tanh(x) within 3 ulps of {@link Math#tanh} (the test measures the maximum over a seeded
   * sample); odd, non-decreasing and inside [−1, 1]. NaN gives NaN.
   */
  public static double tanh(double x) {
    final double kd = shiftedK(x);
    final double q = expm1Reduced(x, kd);
    final double scale = powerOfTwo(kd);
    return Math.copySign(ratio(Math.fma(scale, q, scale - 1)), x);
  }

  /**
   * out[i] = tanh(z[i]) for i &lt; len, bit for bit as {@link #tanh(double)} (NaN aside), in passes the JIT
   * vectorises (all but the one that builds 2^k from bits).
   *
   * @param scratch at least len doubles
   */
  public static void tanh(double[] z, double[] out, double[] scratch, int len) {
    for (int i = 0; i < len; i++) {
      final double kd = shiftedK(z[i]);
      scratch[i] = kd;
      out[i] = expm1Reduced(z[i], kd);
    }
    // the one scalar pass: m = ±2^k from bits, carrying the sign of z
    for (int i = 0; i < len; i++) {
      final long sign = Double.doubleToRawLongBits(z[i]) & Long.MIN_VALUE;
      scratch[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(powerOfTwo(scratch[i])) | sign);
    }
    // u = expm1(−2|z|); tanh z = sign·|u|/(2 + u) = (|u|·m)/((2 + u)·|m|): scaling both sides by
    // |m| = 2^k is exact, so the quotient rounds as copySign(ratio(u), z) does, and ±0 keeps its sign
    for (int i = 0; i < len; i++) {
      final double m = scratch[i];
      final double scale = Math.abs(m);
      final double u = Math.fma(scale, out[i], scale - 1);
      out[i] = (Math.abs(u) * m) / ((2 + u) * scale);
    }
  }

  /** Lower clamp of {@link #expNonPositive}: e^−700 ≈ 1e−304 keeps 2^k normal. */
  private static final double EXP_FLOOR = -700;

  /**
   * out[i] = e^{x[i]} for x[i] ≤ 0 (softmax weights), within 1 ulp of {@link Math#exp}; below
   * −700 it returns e^−700 ≈ 1e−304 instead (an absolute error under 1e−304). Passes the JIT
   * vectorises, as {@link #tanh(double[], double[], double[], int)}; out may be x.
   *
   * @param scratch at least len doubles
   */
  public static void expNonPositive(double[] x, double[] out, double[] scratch, int len) {
    for (int i = 0; i < len; i++) {
      final double y = Math.max(x[i], EXP_FLOOR);
      final double kd = Math.fma(y, LOG2E, SHIFT);
      final double k = kd - SHIFT;
      final double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, y));
      scratch[i] = kd;
      out[i] = 1.0 + taylorExpm1(r);
    }
    for (int i = 0; i < len; i++) {
      scratch[i] = powerOfTwo(scratch[i]);
    }
    for (int i = 0; i < len; i++) {
      out[i] *= scratch[i];
    }
  }

  /** e^r − 1 = r + r²·p(r) for |r| ≤ ln2/2, Taylor to r¹³/13! (the rest is below 2⁻⁵⁸ relative). */
  private static double taylorExpm1(double r) {
    double p = 1.0 / 6227020800.0;
    p = Math.fma(p, r, 1.0 / 479001600.0);
    p = Math.fma(p, r, 1.0 / 39916800.0);
    p = Math.fma(p, r, 1.0 / 3628800.0);
    p = Math.fma(p, r, 1.0 / 362880.0);
    p = Math.fma(p, r, 1.0 / 40320.0);
    p = Math.fma(p, r, 1.0 / 5040.0);
    p = Math.fma(p, r, 1.0 / 720.0);
    p = Math.fma(p, r, 1.0 / 120.0);
    p = Math.fma(p, r, 1.0 / 24.0);
    p = Math.fma(p, r, 1.0 / 6.0);
    p = Math.fma(p, r, 0.5);
    return Math.fma(r * r, p, r);
  }

  /** k + SHIFT where k = round(−2|x| / ln 2), |x| clamped to {@link #CLAMP}. */
  private static double shiftedK(double x) {
    final double y = -2 * Math.min(Math.abs(x), CLAMP);
    return Math.fma(y, LOG2E, SHIFT);
  }

  /** q = e^r − 1 for r = −2|x| − k ln2. */
  private static double expm1Reduced(double x, double kd) {
    final double y = -2 * Math.min(Math.abs(x), CLAMP);
    final double k = kd - SHIFT;
    final double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, y));
    return taylorExpm1(r);
  }

  /** 2^k from k + SHIFT: the low bits of the shifted double hold k (here −1010 ≤ k ≤ 0). */
  private static double powerOfTwo(double kd) {
    return Double.longBitsToDouble((Double.doubleToRawLongBits(kd) + 1023) << 52);
  }

  /** tanh|x| = −u/(2 + u) for u = expm1(−2|x|). */
  private static double ratio(double u) {
    return -u / (2 + u);
  }

  private static final double LOG2E = 1.4426950408889634;
  /** ln 2 split so that k · LN2_HI is exact for |k| &lt; 2¹¹ (fdlibm's split). */
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
}
