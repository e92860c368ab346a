package dev.knead.core.data;

/**
 * Colour-space conversions for the {@code colours} data set: sRGB as IEC 61966-2-1:1999 defines
 * it (the piecewise transfer curve and the D65 primaries), CIE XYZ, CIELAB (CIE 15:2004) with
 * the D65 reference white, and the HSV hue of an sRGB colour (Smith 1978). Components in [0, 1]
 * for sRGB; L* in [0, 100].
 */
public final class ColourSpace {
  /** D65 reference white in XYZ, Y = 1: the white point of sRGB. */
  static final double XN = 0.95047;
  static final double YN = 1.0;
  static final double ZN = 1.08883;

  private ColourSpace() {}

  /** sRGB component (gamma-encoded, [0, 1]) to linear light (IEC 61966-2-1). */
  public static double linear(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** sRGB in [0, 1]³ to CIE XYZ (D65; Y = 1 for white), through linear light and the sRGB primaries. */
  public static double[] xyz(double r, double g, double b) {
    double lr = linear(r);
    double lg = linear(g);
    double lb = linear(b);
    // the sRGB-to-XYZ matrix from the primaries' chromaticities and D65 (as tabulated by Lindbloom)
    return new double[] {
      0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb,
      0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb,
      0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb
    };
  }

  /** sRGB in [0, 1]³ to CIELAB (L*, a*, b*) with the D65 white. */
  public static double[] lab(double r, double g, double b) {
    double[] x = xyz(r, g, b);
    double fx = f(x[0] / XN);
    double fy = f(x[1] / YN);
    double fz = f(x[2] / ZN);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  /** CIE's f: a cube root above (6/29)³, a straight line below it, so dark colours stay finite in slope. */
  private static double f(double t) {
    double e = 6.0 / 29;
    return t > e * e * e ? Math.cbrt(t) : t / (3 * e * e) + 4.0 / 29;
  }

  /**
   * The HSV hue of an sRGB colour in degrees, [0, 360): red 0, yellow 60, green 120, cyan 180,
   * blue 240, magenta 300; NaN for a grey (no hue).
   */
  public static double hue(double r, double g, double b) {
    double max = Math.max(r, Math.max(g, b));
    double min = Math.min(r, Math.min(g, b));
    double c = max - min;
    if (!(c > 0)) {
      return Double.NaN;
    }
    double h;
    if (max == r) {
      h = (g - b) / c;
    } else if (max == g) {
      h = 2 + (b - r) / c;
    } else {
      h = 4 + (r - g) / c;
    }
    h *= 60;
    return h < 0 ? h + 360 : h >= 360 ? h - 360 : h;
  }
}
