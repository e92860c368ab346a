package dev.knead.core.data.colours;

/**
 * One colour as sRGB coordinates on the 0 … 255 scale (not rounded), with the conversions the
 * mixes need: sRGB's transfer curve to linear light (IEC 61966-2-1), linear RGB to CIE XYZ and
 * CIE L*a*b* (D65 white).
 */
public record Srgb(double r, double g, double b) {
  private static final double XN = 0.95047;
  private static final double YN = 1.0;
  private static final double ZN = 1.08883;

  public Srgb {
    if (!(r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255)) {
      throw new IllegalArgumentException("sRGB coordinates must be within 0 … 255, got " + r + ", " + g + ", " + b);
    }
  }

  /** The colour rounded to whole 0 … 255 values. */
  public int[] rounded() {
    return new int[] {(int) Math.round(r), (int) Math.round(g), (int) Math.round(b)};
  }

  /** 0xAARRGGBB, opaque. */
  public int argb() {
    int[] c = rounded();
    return 0xff000000 | c[0] << 16 | c[1] << 8 | c[2];
  }

  public String hex() {
    int[] c = rounded();
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
  }

  /** Linear-light RGB, each in [0, 1]. */
  public double[] linear() {
    return new double[] {toLinear(r / 255), toLinear(g / 255), toLinear(b / 255)};
  }

  /** From linear-light RGB; each coordinate is clipped to [0, 1] first. */
  public static Srgb fromLinear(double[] rgb) {
    return new Srgb(255 * fromLinear(clip(rgb[0])), 255 * fromLinear(clip(rgb[1])), 255 * fromLinear(clip(rgb[2])));
  }

  /** CIE L*a*b* (D65). */
  public double[] lab() {
    double[] l = linear();
    double x = 0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2];
    double y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2];
    double z = 0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2];
    double fx = f(x / XN);
    double fy = f(y / YN);
    double fz = f(z / ZN);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  /** From CIE L*a*b* (D65); a colour outside the sRGB gamut is clipped in linear RGB. */
  public static Srgb fromLab(double[] lab) {
    double fy = (lab[0] + 16) / 116;
    double fx = fy + lab[1] / 500;
    double fz = fy - lab[2] / 200;
    double x = XN * fInverse(fx);
    double y = YN * fInverse(fy);
    double z = ZN * fInverse(fz);
    double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
    double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
    double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
    return fromLinear(new double[] {r, g, b});
  }

  /** CIE76 colour difference ΔE*ab: the Euclidean distance in L*a*b*. */
  public double deltaE(Srgb o) {
    double[] p = lab();
    double[] q = o.lab();
    return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
  }

  private static double toLinear(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double fromLinear(double l) {
    return l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
  }

  private static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static final double DELTA = 6.0 / 29;

  private static double f(double t) {
    return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29;
  }

  private static double fInverse(double t) {
    return t > DELTA ? t * t * t : 3 * DELTA * DELTA * (t - 4.0 / 29);
  }
}
