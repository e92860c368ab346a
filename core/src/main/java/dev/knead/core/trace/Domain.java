package dev.knead.core.trace;

import dev.knead.core.data.Points;

/**
 * The box of input space a trace draws its grid and decision regions over.
 *
 * @param lo lower corner, length d
 * @param hi upper corner, length d
 */
public record Domain(double[] lo, double[] hi) {
  public Domain {
    lo = lo.clone();
    hi = hi.clone();
    if (lo.length != hi.length) {
      throw new IllegalArgumentException("domain corners differ in dimension");
    }
    for (int i = 0; i < lo.length; i++) {
      if (!(hi[i] > lo[i])) {
        throw new IllegalArgumentException("domain axis " + i + " is empty: [" + lo[i] + ", " + hi[i] + "]");
      }
    }
  }

  @Override
  public double[] lo() {
    return lo.clone();
  }

  @Override
  public double[] hi() {
    return hi.clone();
  }

  public int dim() {
    return lo.length;
  }

  /** The bounding box of the points, widened by {@code margin} of its size on every side. */
  public static Domain around(Points p, double margin) {
    int d = p.d();
    double[] lo = new double[d];
    double[] hi = new double[d];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < p.n(); i++) {
      for (int j = 0; j < d; j++) {
        lo[j] = Math.min(lo[j], p.get(i, j));
        hi[j] = Math.max(hi[j], p.get(i, j));
      }
    }
    for (int j = 0; j < d; j++) {
      if (!(hi[j] >= lo[j])) {
        lo[j] = -1;
        hi[j] = 1;
      }
      double pad = Math.max(hi[j] - lo[j], 1e-9) * margin;
      if (hi[j] - lo[j] < 1e-9) {
        pad = 1;
      }
      lo[j] -= pad;
      hi[j] += pad;
    }
    return new Domain(lo, hi);
  }
}
