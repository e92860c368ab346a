package dev.knead.topology.measure;

/** Winding number of a closed polygon around a point in the plane. */
public final class Winding {
  private Winding() {}

  /**
   * Sum of the signed angles each edge subtends at the point, divided by 2π.
   *
   * @param polygon closed polygon, m × 2 vertices (edge m−1 → 0 closes it)
   * @param point the point, length 2
   * @return the raw winding number: an integer up to rounding (counter-clockwise positive);
   *     NaN when the point is a vertex; a half-integer-ish value when it lies on an edge
   */
  public static double number(double[][] polygon, double[] point) {
    if (polygon.length < 3 || point.length != 2) {
      throw new IllegalArgumentException("winding: need ≥ 3 vertices in 2-D and a 2-D point");
    }
    final int m = polygon.length;
    double total = 0;
    for (int i = 0; i < m; i++) {
      final double[] u = polygon[i];
      final double[] v = polygon[(i + 1) % m];
      if (u.length != 2) {
        throw new IllegalArgumentException("winding: vertex " + i + " is not 2-D");
      }
      final double ux = u[0] - point[0];
      final double uy = u[1] - point[1];
      final double vx = v[0] - point[0];
      final double vy = v[1] - point[1];
      if ((ux == 0 && uy == 0) || (vx == 0 && vy == 0)) {
        return Double.NaN;
      }
      // atan2(cross, dot) is the signed angle in (−π, π], accurate for tiny angles.
      total += Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    }
    return total / (2 * Math.PI);
  }
}
