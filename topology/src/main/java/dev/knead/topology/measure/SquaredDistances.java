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
        final double s = Rows.squaredDistance(points[i], points[j]);
        d[i * n + j] = s;
        d[j * n + i] = s;
      }
    }
    return new SquaredDistances(n, d);
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
