package dev.knead.topology.measure;

/** Closest approach of closed polygons in ℝ³: the margin a linking number needs. */
final class Polygons {
  private Polygons() {}

  /** @return the smallest distance between any edge of a and any edge of b (both closed) */
  static double distance(double[][] a, double[][] b) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        best = Math.min(best, segments(a[i], a[(i + 1) % a.length], b[j], b[(j + 1) % b.length]));
      }
    }
    return best;
  }

  /**
   * Distance between segments p0p1 and q0q1 (any dimension): the minimum of the convex
   * quadratic |p(s) − q(t)|² over the unit square, found on the interior critical point or,
   * failing that, on the four edges of the square.
   */
  static double segments(double[] p0, double[] p1, double[] q0, double[] q1) {
    final int d = p0.length;
    final double[] u = new double[d];
    final double[] v = new double[d];
    final double[] w = new double[d];
    for (int k = 0; k < d; k++) {
      u[k] = p1[k] - p0[k];
      v[k] = q1[k] - q0[k];
      w[k] = p0[k] - q0[k];
    }
    final double a = dot(u, u);
    final double b = dot(u, v);
    final double c = dot(v, v);
    final double e = dot(u, w);
    final double f = dot(v, w);
    final double den = a * c - b * b;
    double best = Double.POSITIVE_INFINITY;
    if (den > 1e-14 * a * c) {
      final double s = (b * f - c * e) / den;
      final double t = (a * f - b * e) / den;
      if (s >= 0 && s <= 1 && t >= 0 && t <= 1) best = at(u, v, w, s, t);
    }
    // edges of the parameter square: fix one parameter, clamp the other's optimum
    best = Math.min(best, at(u, v, w, 0, clamp(c > 0 ? f / c : 0)));
    best = Math.min(best, at(u, v, w, 1, clamp(c > 0 ? (f + b) / c : 0)));
    best = Math.min(best, at(u, v, w, clamp(a > 0 ? -e / a : 0), 0));
    best = Math.min(best, at(u, v, w, clamp(a > 0 ? (b - e) / a : 0), 1));
    return Math.sqrt(best);
  }

  private static double at(double[] u, double[] v, double[] w, double s, double t) {
    double sum = 0;
    for (int k = 0; k < u.length; k++) {
      final double x = w[k] + s * u[k] - t * v[k];
      sum += x * x;
    }
    return sum;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int k = 0; k < x.length; k++) s += x[k] * y[k];
    return s;
  }
}
