package dev.knead.topology.ph;

/**
 * A sparse symmetric distance matrix: for each vertex its neighbours within a threshold in
 * increasing order with their distances (CSR layout). Immutable; arrays are never handed out.
 */
public final class NeighbourLists {
  private final int[] start;
  private final int[] nbr;
  private final float[] dist;

  private NeighbourLists(int[] start, int[] nbr, float[] dist) {
    this.start = start;
    this.nbr = nbr;
    this.dist = dist;
  }

  /** Pairs of a point cloud at distance <= threshold, without storing the full matrix. */
  public static NeighbourLists of(double[][] points, Metric metric, double threshold) {
    final int n = points.length;
    final float t = (float) threshold;
    EdgeBuffer buf = new EdgeBuffer();
    if (metric == Metric.EUCLIDEAN_RIPSER) {
      float[][] f = PointCloud.toFloat(points);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          float x = PointCloud.distFloat(f[i], f[j]);
          if (x <= t) buf.add(i, j, x);
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          float x = PointCloud.distDouble(points[i], points[j]);
          if (x <= t) buf.add(i, j, x);
        }
      }
    }
    return build(n, buf);
  }

  public static NeighbourLists of(DistanceMatrix m, double threshold) {
    final int n = m.size();
    final float t = (float) threshold;
    final float[] v = m.values();
    EdgeBuffer buf = new EdgeBuffer();
    int e = 0;
    for (int i = 0; i < n; i++) for (int j = 0; j < i; j++, e++) if (v[e] <= t) buf.add(i, j, v[e]);
    return build(n, buf);
  }

  /** From explicit edges (i, j, distance); duplicates are not allowed. */
  public static NeighbourLists ofEdges(int n, int[] from, int[] to, double[] distance) {
    EdgeBuffer buf = new EdgeBuffer();
    for (int e = 0; e < from.length; e++) {
      if (from[e] == to[e]) continue;
      buf.add(Math.max(from[e], to[e]), Math.min(from[e], to[e]), (float) distance[e]);
    }
    return build(n, buf);
  }

  /** Edges were added with i > j in increasing (i, j) order or any order; lists are sorted here. */
  private static NeighbourLists build(int n, EdgeBuffer buf) {
    int[] start = new int[n + 1];
    for (int e = 0; e < buf.size; e++) {
      start[buf.i[e] + 1]++;
      start[buf.j[e] + 1]++;
    }
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int[] fill = start.clone();
    int[] nbr = new int[start[n]];
    float[] dist = new float[start[n]];
    for (int e = 0; e < buf.size; e++) {
      int a = buf.i[e];
      int b = buf.j[e];
      nbr[fill[a]] = b;
      dist[fill[a]++] = buf.d[e];
      nbr[fill[b]] = a;
      dist[fill[b]++] = buf.d[e];
    }
    for (int i = 0; i < n; i++) sortRow(nbr, dist, start[i], start[i + 1]);
    return new NeighbourLists(start, nbr, dist);
  }

  /** Insertion sort by neighbour; rows are nearly sorted when edges arrive in (i, j) order. */
  private static void sortRow(int[] nbr, float[] dist, int from, int to) {
    for (int a = from + 1; a < to; a++) {
      int x = nbr[a];
      float y = dist[a];
      int b = a - 1;
      while (b >= from && nbr[b] > x) {
        nbr[b + 1] = nbr[b];
        dist[b + 1] = dist[b];
        b--;
      }
      nbr[b + 1] = x;
      dist[b + 1] = y;
      if (b + 1 > from && nbr[b] == x) throw new IllegalArgumentException("duplicate edge at vertex " + x);
    }
  }

  public int size() {
    return start.length - 1;
  }

  public int edgeCount() {
    return nbr.length / 2;
  }

  int[] start() {
    return start;
  }

  int[] neighbours() {
    return nbr;
  }

  float[] distances() {
    return dist;
  }

  /** Growable triple list; edges below a threshold are few, so this stays small. */
  private static final class EdgeBuffer {
    int[] i = new int[1024];
    int[] j = new int[1024];
    float[] d = new float[1024];
    int size;

    void add(int a, int b, float x) {
      if (size == i.length) {
        int cap = size * 2;
        i = java.util.Arrays.copyOf(i, cap);
        j = java.util.Arrays.copyOf(j, cap);
        d = java.util.Arrays.copyOf(d, cap);
      }
      i[size] = a;
      j[size] = b;
      d[size++] = x;
    }
  }
}
