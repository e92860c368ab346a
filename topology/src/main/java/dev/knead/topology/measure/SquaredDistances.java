package dev.knead.topology.measure;

/**
 * All pairwise squared Euclidean distances of a point cloud, computed once (each pair once) so
 * that the measures of one stage (gathering, k-NN vote, TwoNN) share them instead of each
 * recomputing n² distances. n² doubles of memory: meant for the subsampled stages (a few
 * thousand points), not for arbitrarily large clouds. Immutable.
 */
public final class SquaredDistances {
  private final int n;
  private final double[] d;

  private SquaredDistances(int n, double[] d) {
    this.n = n;
    this.d = d;
  }

  /** @param points n × D points */
  public static SquaredDistances of(double[][] points) {
    Rows.dimension(points, "distances");
    final int n = points.length;
    final double[] d = new double[n * n];
    final double[] two = new double[2];
    for (int i = 0; i < n; i++) {
      int j = i + 1;
      // two partners at a time: row i is read once for both, with each sum in squared()'s order
      for (; j + 1 < n; j += 2) {
        squaredTwo(points[i], points[j], points[j + 1], two);
        d[i * n + j] = two[0];
        d[j * n + i] = two[0];
        d[i * n + j + 1] = two[1];
        d[(j + 1) * n + i] = two[1];
      }
      for (; j < n; j++) {
        final double s = squared(points[i], points[j]);
        d[i * n + j] = s;
        d[j * n + i] = s;
      }
    }
    return new SquaredDistances(n, d);
  }

  /** ‖u − v‖² in four interleaved sums (independent chains the CPU overlaps; one sum waits on every add). */
  static double squared(double[] u, double[] v) {
    final int n = u.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      final double t0 = u[j] - v[j];
      final double t1 = u[j + 1] - v[j + 1];
      final double t2 = u[j + 2] - v[j + 2];
      final double t3 = u[j + 3] - v[j + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    for (; j < n; j++) {
      final double t = u[j] - v[j];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** squared(u, v) and squared(u, w) into out, bit for bit: the same four sums per pair, u loaded once. */
  static void squaredTwo(double[] u, double[] v, double[] w, double[] out) {
    final int n = u.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double r0 = 0;
    double r1 = 0;
    double r2 = 0;
    double r3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      final double u0 = u[j];
      final double u1 = u[j + 1];
      final double u2 = u[j + 2];
      final double u3 = u[j + 3];
      final double t0 = u0 - v[j];
      final double t1 = u1 - v[j + 1];
      final double t2 = u2 - v[j + 2];
      final double t3 = u3 - v[j + 3];
      final double q0 = u0 - w[j];
      final double q1 = u1 - w[j + 1];
      final double q2 = u2 - w[j + 2];
      final double q3 = u3 - w[j + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
      r0 += q0 * q0;
      r1 += q1 * q1;
      r2 += q2 * q2;
      r3 += q3 * q3;
    }
    for (; j < n; j++) {
      final double t = u[j] - v[j];
      final double q = u[j] - w[j];
      s0 += t * t;
      r0 += q * q;
    }
    out[0] = (s0 + s1) + (s2 + s3);
    out[1] = (r0 + r1) + (r2 + r3);
  }

  /** @return the number of points */
  public int n() {
    return n;
  }

  /** @return the squared distance between points i and j */
  public double get(int i, int j) {
    return d[i * n + j];
  }
}
