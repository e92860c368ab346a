package dev.knead.topology.measure;

/**
 * Gauss linking number of two closed polygons in ℝ³, exact for polygons.
 *
 * <p>For a segment pair (p1→p2 on A, p3→p4 on B) the Gauss map (s, t) ↦ (b(t) − a(s)) / |…|
 * sends the rectangle of parameters onto a spherical quadrilateral with geodesic sides whose
 * corners are the directions p3−p1, p4−p1, p4−p2, p3−p2 (Banchoff 1976; Klenin &amp; Langowski
 * 2000). Its signed area, divided by 4π and summed over all pairs, is the Gauss integral. The
 * area is computed as two signed spherical triangles with the Van Oosterom–Strackee formula,
 * whose {@code atan2} form stays accurate for thin (nearly parallel) quadrilaterals where the
 * textbook {@code asin} form loses about half the digits.
 */
public final class Linking {
  private Linking() {}

  /**
   * @param a closed polygon A, m × 3 vertices (the edge m−1 → 0 closes it; do not repeat the
   *     first vertex)
   * @param b closed polygon B, k × 3 vertices, disjoint from A
   * @return the Gauss linking integral as a raw double: an integer up to rounding error
   *     (about 1e-12 · m · k) when the polygons are disjoint. Round with {@link Math#round(double)}
   *     to get the linking number; a value far from an integer means the polygons touch or
   *     cross. Sign convention: lk = (1/4π)∮∮ (a − b)·(da × db) / |a − b|³, so it flips when
   *     either orientation flips.
   */
  public static double number(double[][] a, double[][] b) {
    checkPolygon(a, "a");
    checkPolygon(b, "b");
    final int m = a.length;
    final int k = b.length;
    double total = 0;
    for (int i = 0; i < m; i++) {
      final double[] p1 = a[i];
      final double[] p2 = a[(i + 1) % m];
      for (int j = 0; j < k; j++) {
        total += segmentPair(p1, p2, b[j], b[(j + 1) % k]);
      }
    }
    return total / (4 * Math.PI);
  }

  /** Signed area of the Gauss image of segments p1→p2 and p3→p4 (in steradians). */
  static double segmentPair(double[] p1, double[] p2, double[] p3, double[] p4) {
    final double[] r13 = diff(p3, p1);
    final double[] r14 = diff(p4, p1);
    final double[] r24 = diff(p4, p2);
    final double[] r23 = diff(p3, p2);
    // Corners in the order (s,t) = (0,0), (0,1), (1,1), (1,0); minus sign matches the
    // (a − b)·(da × db) convention of the Gauss integral.
    return -(triangle(r13, r14, r24) + triangle(r13, r24, r23));
  }

  /** Signed solid angle of the spherical triangle spanned by directions x, y, z. */
  static double triangle(double[] x, double[] y, double[] z) {
    final double lx = norm(x);
    final double ly = norm(y);
    final double lz = norm(z);
    final double triple =
        x[0] * (y[1] * z[2] - y[2] * z[1])
            - x[1] * (y[0] * z[2] - y[2] * z[0])
            + x[2] * (y[0] * z[1] - y[1] * z[0]);
    final double den = lx * ly * lz + dot(x, y) * lz + dot(x, z) * ly + dot(y, z) * lx;
    if (triple == 0 && den == 0) {
      return 0; // degenerate: two corners antipodal or a zero vector
    }
    return 2 * Math.atan2(triple, den);
  }

  private static double[] diff(double[] u, double[] v) {
    return new double[] {u[0] - v[0], u[1] - v[1], u[2] - v[2]};
  }

  private static double dot(double[] u, double[] v) {
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  }

  private static double norm(double[] u) {
    return Math.sqrt(dot(u, u));
  }

  private static void checkPolygon(double[][] p, String name) {
    if (p.length < 3) {
      throw new IllegalArgumentException("polygon " + name + " needs at least 3 vertices, has " + p.length);
    }
    for (int i = 0; i < p.length; i++) {
      if (p[i].length != 3) {
        throw new IllegalArgumentException("polygon " + name + ": vertex " + i + " is not 3-D");
      }
    }
  }
}
