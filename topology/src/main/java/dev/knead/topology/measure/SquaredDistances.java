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
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
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

  /** @return the number of points */
  public int n() {
    return n;
  }

  /** @return the squared distance between points i and j */
  public double get(int i, int j) {
    return d[i * n + j];
  }
}
