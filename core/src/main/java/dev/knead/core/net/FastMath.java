package dev.knead.core.net;

/**
 * The one tanh every part of Knead uses (training, forward pass, trace), so the stages of a
 * trace compose to the forward pass exactly.
 *
 * <p>On JDK 17 {@code Math.tanh} is {@code StrictMath.tanh}: fdlibm's C code behind a native
 * call, about 35 ns a value. This is the same algorithm (fdlibm 5.3 {@code s_tanh.c} and
 * {@code s_expm1.c}) in Java, which the JIT compiles inline: the same bits as
 * {@link StrictMath#tanh} for every input (FastMathTest checks millions of them) at a third of
 * the cost. Java's floating point is strict since 17, so the port is exact.
 *
 * <pre>
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this software is freely granted,
 * provided that this notice is preserved.
 * </pre>
 */
public final class FastMath {
  private static final double TINY = 1.0e-300;
  private static final double HUGE = 1.0e+300;
  private static final double O_THRESHOLD = 7.09782712893383973096e+02;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double INV_LN2 = 1.44269504088896338700e+00;
  // expm1(r) on |r| ≤ 0.5·ln2 through a rational of r²/2 (fdlibm s_expm1.c, step 2)
  private static final double Q1 = -3.33333333333331316428e-02;
  private static final double Q2 = 1.58730158725481460165e-03;
  private static final double Q3 = -7.93650757867487942473e-05;
  private static final double Q4 = 4.00821782732936239552e-06;
  private static final double Q5 = -2.01099218183624371326e-07;

  private FastMath() {}

  /** tanh(x), bit for bit {@link StrictMath#tanh}. */
  public static double tanh(double x) {
    final int jx = high(x);
    final int ix = jx & 0x7fffffff;
    if (ix >= 0x7ff00000) { // ±∞ → ±1, NaN → NaN
      return jx >= 0 ? 1 / x + 1 : 1 / x - 1;
    }
    double z;
    if (ix < 0x40360000) { // |x| < 22
      if (ix < 0x3c800000) { // |x| < 2⁻⁵⁵
        return x * (1 + x);
      }
      if (ix >= 0x3ff00000) { // |x| ≥ 1: 1 − 2 / (e^{2|x|} + 1)
        final double t = expm1(2 * Math.abs(x));
        z = 1 - 2 / (t + 2);
      } else {
        final double t = expm1(-2 * Math.abs(x));
        z = -t / (t + 2);
      }
    } else { // |x| ≥ 22: ±1, inexact
      z = 1 - TINY;
    }
    return jx >= 0 ? z : -z;
  }

  /** e^x − 1, bit for bit {@link StrictMath#expm1}. */
  static double expm1(double x) {
    int hx = high(x);
    final int xsb = hx & 0x80000000; // sign of x
    hx &= 0x7fffffff;
    if (hx >= 0x4043687A) { // |x| ≥ 56·ln2
      if (hx >= 0x40862E42) { // |x| ≥ 709.78…
        if (hx >= 0x7ff00000) {
          if (((hx & 0xfffff) | low(x)) != 0) {
            return x + x; // NaN
          }
          return xsb == 0 ? x : -1.0;
        }
        if (x > O_THRESHOLD) {
          return HUGE * HUGE; // overflow
        }
      }
      if (xsb != 0 && x + TINY < 0.0) { // x < −56·ln2: −1, inexact
        return TINY - 1;
      }
    }
    double c = 0;
    int k;
    if (hx > 0x3fd62e42) { // |x| > 0.5·ln2: x = k·ln2 + r, |r| ≤ 0.5·ln2, c corrects hi − lo
      double hi;
      double lo;
      if (hx < 0x3FF0A2B2) { // |x| < 1.5·ln2
        if (xsb == 0) {
          hi = x - LN2_HI;
          lo = LN2_LO;
          k = 1;
        } else {
          hi = x + LN2_HI;
          lo = -LN2_LO;
          k = -1;
        }
      } else {
        k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
        final double t = k;
        hi = x - t * LN2_HI;
        lo = t * LN2_LO;
      }
      x = hi - lo;
      c = (hi - x) - lo;
    } else if (hx < 0x3c900000) { // |x| < 2⁻⁵⁴: x, inexact when x ≠ 0
      final double t = HUGE + x;
      return x - (t - (HUGE + x));
    } else {
      k = 0;
    }
    final double hfx = 0.5 * x;
    final double hxs = x * hfx;
    final double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3.0 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0) {
      return x - (x * e - hxs);
    }
    e = x * (e - c) - c;
    e -= hxs;
    if (k == -1) {
      return 0.5 * (x - e) - 0.5;
    }
    if (k == 1) {
      return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
    }
    double y;
    if (k <= -2 || k > 56) { // e^x − 1 ≈ −1 or huge: scale 1 − (e − x) by 2^k
      y = 1 - (e - x);
      y = addHigh(y, k << 20);
      return y - 1;
    }
    if (k < 20) {
      t = setHigh(1, 0x3ff00000 - (0x200000 >> k)); // 1 − 2^−k
      y = t - (e - x);
    } else {
      t = setHigh(1, (0x3ff - k) << 20); // 2^−k
      y = x - (e + t);
      y += 1;
    }
    return addHigh(y, k << 20);
  }

  private static int high(double x) {
    return (int) (Double.doubleToRawLongBits(x) >>> 32);
  }

  private static int low(double x) {
    return (int) Double.doubleToRawLongBits(x);
  }

  private static double setHigh(double x, int hi) {
    return Double.longBitsToDouble(((long) hi << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
  }

  private static double addHigh(double x, int add) {
    return setHigh(x, high(x) + add);
  }
}
