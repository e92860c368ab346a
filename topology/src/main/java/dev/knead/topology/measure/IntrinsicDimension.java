package dev.knead.topology.measure;

import java.util.Arrays;

/**
 * TwoNN intrinsic dimension (Facco, d'Errico, Rodriguez, Laio, Sci. Rep. 2017).
 *
 * <p>For points on a d-dimensional manifold with locally uniform density, μ = r₂ / r₁ (second
 * over first nearest-neighbour distance) follows a Pareto law F(μ) = 1 − μ^(−d), so
 * −log(1 − F(μ)) = d · log μ: d is the slope of that line through the origin. The largest
 * 10 % of μ are dropped because they come from sparse regions and noise.
 */
public final class IntrinsicDimension {
  private IntrinsicDimension() {}

  /** Share of the largest μ values dropped before the fit, as in Facco et al. */
  public static final double DROPPED_TAIL = 0.1;

  /**
   * @param points n × D points, n ≥ 3; exact duplicates (r₁ = 0) are ignored
   * @return the estimated intrinsic dimension; NaN if fewer than 3 usable points remain
   */
  public static double twoNN(double[][] points) {
    Rows.dimension(points, "twoNN");
    return twoNN(points.length, (i, j) -> Rows.squaredDistance(points[i], points[j]));
  }

  /** The same from distances already computed. */
  public static double twoNN(SquaredDistances distances) {
    return twoNN(distances.n(), distances::get);
  }

  private static double twoNN(int n, Gathering.Pairs dist) {
    final double[] mu = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double first = Double.POSITIVE_INFINITY;
      double second = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        final double s = dist.squared(i, j);
        if (s < first) {
          second = first;
          first = s;
        } else if (s < second) {
          second = s;
        }
      }
      if (first > 0 && Double.isFinite(second)) {
        mu[m++] = Math.sqrt(second / first);
      }
    }
    if (m < 3) {
      return Double.NaN;
    }
    final double[] sorted = Arrays.copyOf(mu, m);
    Arrays.sort(sorted);
    // Empirical F(μ_(i)) = i / m for the i-th smallest (1-based); keep the first 90 %.
    final int kept = (int) Math.floor(m * (1 - DROPPED_TAIL));
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < kept; i++) {
      final double x = Math.log(sorted[i]);
      final double y = -Math.log(1 - (i + 1) / (double) m);
      sxy += x * y;
      sxx += x * x;
    }
    return sxx == 0 ? Double.NaN : sxy / sxx;
  }

  /**
   * @param flat n × D points, row-major
   * @see #twoNN(double[][])
   */
  public static double twoNN(double[] flat, int n, int d) {
    return twoNN(Rows.fromFlat(flat, n, d));
  }
}
