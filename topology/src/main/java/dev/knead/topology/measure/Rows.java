package dev.knead.topology.measure;

/** Shape checks and distances on point clouds given as rows; package-private kernels. */
final class Rows {
  private Rows() {}

  /** @return d, after checking that all n rows have the same length d ≥ 1 */
  static int dimension(double[][] points, String what) {
    if (points.length == 0) {
      throw new IllegalArgumentException(what + ": no points");
    }
    final int d = points[0].length;
    if (d == 0) {
      throw new IllegalArgumentException(what + ": points have no coordinates");
    }
    for (int i = 0; i < points.length; i++) {
      if (points[i].length != d) {
        throw new IllegalArgumentException(what + ": row " + i + " has " + points[i].length + " values, not " + d);
      }
    }
    return d;
  }

  static void checkLabels(double[][] points, int[] labels, String what) {
    if (labels.length != points.length) {
      throw new IllegalArgumentException(what + ": " + labels.length + " labels for " + points.length + " points");
    }
  }

  /** Wraps a flat row-major n × d array as rows (copies). */
  static double[][] fromFlat(double[] flat, int n, int d) {
    if (n < 0 || d < 1 || (long) n * d != flat.length) {
      throw new IllegalArgumentException(flat.length + " values is not " + n + " × " + d);
    }
    final double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * d, rows[i], 0, d);
    }
    return rows;
  }

  static double squaredDistance(double[] u, double[] v) {
    double s = 0;
    for (int j = 0; j < u.length; j++) {
      final double t = u[j] - v[j];
      s += t * t;
    }
    return s;
  }
}
