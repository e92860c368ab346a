package dev.knead.core.net;

/**
 * The one tanh every part of Knead uses (training, forward pass, trace), so the stages of a
 * trace compose to the forward pass exactly; and the exp the softmax kernel uses. Plain
 * arithmetic that the JIT inlines (on JDK 17 {@link Math#tanh} is a native call of about 20 ns).
 */
public final class FastMath {
  private FastMath() {}

  // Cephes tanh.c (S. L. Moshier): tanh x = x + x·x²·P(x²)/Q(x²) on |x| < 0.625
  private static final double P0 = -9.64399179425052238628E-1;
  private static final double P1 = -9.92877231001918586564E1;
  private static final double P2 = -1.61468768441708447952E3;
  private static final double Q0 = 1.12811678491632931402E2;
  private static final double Q1 = 2.23548839060100448583E3;
  private static final double Q2 = 4.84406305325125486048E3;
  /** Beyond this, 1 − tanh|x| &lt; 2⁻⁵⁴ and the double nearest tanh x is ±1. */
  private static final double SATURATES = 19.5;

  /**
   * tanh(x) within 2 ulps of {@link Math#tanh} (the test measures the maximum over a seeded sample); odd, non-decreasing
   * and inside [−1, 1]. NaN gives NaN.
   */
  public static double tanh(double x) {
    final double ax = Math.abs(x);
    if (ax < 0x1p-28) {
      return x; // x³/3 is below half an ulp of x; keeps the sign of −0
    }
    if (ax < 0.625) {
      final double z = x * x;
      final double p = (P0 * z + P1) * z + P2;
      final double q = ((z + Q0) * z + Q1) * z + Q2;
      // odd: every term is x times a function of x²
      return x + x * (z * p / q);
    }
    if (ax > SATURATES) {
      return Math.copySign(1.0, x);
    }
    // 1 − 2/(e^{2|x|} + 1): the subtracted term is ≤ 0.45 here, so no digits cancel
    final double t = 1.0 - 2.0 / (exp(2 * ax) + 1.0);
    return Math.copySign(t, x);
  }

  private static final double LOG2E = 1.4426950408889634;
  /** ln 2 split so that k · LN2_HI is exact for |k| &lt; 2¹¹ (fdlibm's split). */
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;

  /**
   * e^x within about 1 ulp on [−708, 709]; outside it (overflow, subnormal results, NaN) defers
   * to {@link Math#exp}.
   */
  public static double exp(double x) {
    if (!(x > -708 && x < 709)) {
      return Math.exp(x);
    }
    // x = k ln 2 + r with |r| ≤ ln2/2; e^x = 2^k e^r, e^r by its Taylor series to r¹³/13!
    // (the first term left out is below 2⁻⁵⁸ relative)
    final double k = Math.rint(x * LOG2E);
    final double r = (x - k * LN2_HI) - k * LN2_LO;
    double p = 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    // e^r = 1 + r + r²·p, with the small part summed first
    final double er = 1.0 + (r + r * r * p);
    // k + 1023 is in [1, 2045] for x in (−708, 709): a normal power of two
    return er * Double.longBitsToDouble(((long) k + 1023) << 52);
  }
}
