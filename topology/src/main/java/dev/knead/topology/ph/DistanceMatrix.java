package dev.knead.topology.ph;

import java.util.Arrays;

/**
 * A symmetric distance matrix stored as its strict lower triangle in row order, as floats:
 * entry (i, j), i > j, sits at i(i-1)/2 + j. Immutable; the array is never handed out.
 */
public final class DistanceMatrix {
  private final int n;
  private final float[] values;

  private DistanceMatrix(int n, float[] values) {
    this.n = n;
    this.values = values;
  }

  /**
   * @param points n × d coordinates
   */
  public static DistanceMatrix of(double[][] points, Metric metric) {
    final int n = points.length;
    long len = (long) n * (n - 1) / 2;
    if (len > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many points: " + n);
    float[] v = new float[(int) len];
    int e = 0;
    if (metric == Metric.EUCLIDEAN_RIPSER) {
      float[][] f = PointCloud.toFloat(points);
      for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) v[e++] = PointCloud.distFloat(f[i], f[j]);
    } else {
      for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) v[e++] = PointCloud.distDouble(points[i], points[j]);
    }
    return new DistanceMatrix(n, v);
  }

  /** From a full symmetric n × n matrix (only the lower triangle is read). */
  public static DistanceMatrix ofFull(double[][] full) {
    final int n = full.length;
    float[] v = new float[(int) ((long) n * (n - 1) / 2)];
    int e = 0;
    for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) v[e++] = checked((float) full[i][j]);
    return new DistanceMatrix(n, v);
  }

  /** From the strict lower triangle in row order: (1,0), (2,0), (2,1), (3,0), ... */
  public static DistanceMatrix ofLowerTriangle(double[] lower) {
    int n = (int) Math.round((1 + Math.sqrt(1 + 8.0 * lower.length)) / 2);
    if ((long) n * (n - 1) / 2 != lower.length) throw new IllegalArgumentException("not a triangular length: " + lower.length);
    float[] v = new float[lower.length];
    for (int e = 0; e < v.length; e++) v[e] = checked((float) lower[e]);
    return new DistanceMatrix(n, v);
  }

  private static float checked(float x) {
    if (!(x >= 0)) throw new IllegalArgumentException("distances must be >= 0 and not NaN: " + x);
    return x;
  }

  public int size() {
    return n;
  }

  public double get(int i, int j) {
    if (i == j) return 0;
    return i > j ? values[(int) ((long) i * (i - 1) / 2) + j] : values[(int) ((long) j * (j - 1) / 2) + i];
  }

  /** Package-private view for the engine: never modified. */
  float[] values() {
    return values;
  }

  /** min over points of the largest distance from it; beyond it the Rips complex is a cone. */
  public double enclosingRadius() {
    if (n == 0) return 0;
    float[] rowMax = new float[n];
    Arrays.fill(rowMax, Float.NEGATIVE_INFINITY);
    if (n == 1) return 0;
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        float x = values[e++];
        if (x > rowMax[i]) rowMax[i] = x;
        if (x > rowMax[j]) rowMax[j] = x;
      }
    }
    float r = Float.POSITIVE_INFINITY;
    for (float m : rowMax) r = Math.min(r, m);
    return r;
  }

  /** Smallest and largest finite off-diagonal entry, NaN when n < 2. */
  public double[] valueRange() {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float x : values) {
      min = Math.min(min, x);
      if (x != Float.POSITIVE_INFINITY) max = Math.max(max, x);
    }
    return values.length == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
  }

  /** Number of entries with distance <= threshold. */
  public long countAtMost(double threshold) {
    final float t = (float) threshold;
    long c = 0;
    for (float x : values) if (x <= t) c++;
    return c;
  }
}
