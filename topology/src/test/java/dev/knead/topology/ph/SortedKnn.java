package dev.knead.topology.ph;

import java.util.Arrays;

/** Reference kNN graph: sort every row by (squared distance, index), the way HopGraph once did. */
final class SortedKnn {
  private SortedKnn() {}

  static int[][] of(double[][] points, int k) {
    final int n = points.length;
    final int kk = Math.min(k, n - 1);
    int[][] near = new int[n][];
    double[] d = new double[n];
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int c = 0; c < points[i].length; c++) {
          double t = points[i][c] - points[j][c];
          s += t * t;
        }
        d[j] = j == i ? Double.POSITIVE_INFINITY : s;
        idx[j] = j;
      }
      Arrays.sort(idx, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
      near[i] = new int[Math.max(0, kk)];
      for (int a = 0; a < kk; a++) near[i][a] = idx[a];
    }
    int[][] nb = new int[n][];
    for (int i = 0; i < n; i++) nb[i] = new int[0];
    for (int i = 0; i < n; i++) {
      for (int j : near[i]) {
        nb[i] = append(nb[i], j);
        nb[j] = append(nb[j], i);
      }
    }
    for (int i = 0; i < n; i++) nb[i] = Arrays.stream(nb[i]).sorted().distinct().toArray();
    return nb;
  }

  private static int[] append(int[] a, int x) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = x;
    return b;
  }
}
