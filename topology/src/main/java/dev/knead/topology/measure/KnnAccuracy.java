package dev.knead.topology.measure;

import java.util.Arrays;

/**
 * Leave-one-out k-nearest-neighbour accuracy: each point is classified by the majority label
 * of its k nearest other points (Euclidean). Ties between labels go to the label whose tied
 * neighbour is nearest; ties in distance go to the lower index. Deterministic, O(n² d).
 */
public final class KnnAccuracy {
  private KnnAccuracy() {}

  /**
   * @param points n × d points, n &gt; k
   * @param labels n labels
   * @param k neighbours per vote, ≥ 1
   * @return share of points whose leave-one-out vote equals their label, in [0, 1]
   */
  public static double leaveOneOut(double[][] points, int[] labels, int k) {
    Rows.dimension(points, "k-NN");
    Rows.checkLabels(points, labels, "k-NN");
    final int n = points.length;
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("k-NN: k = " + k + " must be in [1, n − 1] for n = " + n);
    }
    final int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
    final int[] votes = new int[distinct.length];
    final int[] nearestRank = new int[distinct.length];
    final double[] dist = new double[n];
    final Integer[] order = new Integer[n];
    int correct = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        dist[j] = j == i ? Double.POSITIVE_INFINITY : Rows.squaredDistance(points[i], points[j]);
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
      Arrays.fill(votes, 0);
      Arrays.fill(nearestRank, Integer.MAX_VALUE);
      for (int r = 0; r < k; r++) {
        final int c = Arrays.binarySearch(distinct, labels[order[r]]);
        votes[c]++;
        nearestRank[c] = Math.min(nearestRank[c], r);
      }
      int best = 0;
      for (int c = 1; c < distinct.length; c++) {
        if (votes[c] > votes[best] || (votes[c] == votes[best] && nearestRank[c] < nearestRank[best])) {
          best = c;
        }
      }
      correct += distinct[best] == labels[i] ? 1 : 0;
    }
    return correct / (double) n;
  }

  /** @see #leaveOneOut(double[][], int[], int) with flat row-major n × d points */
  public static double leaveOneOut(double[] flat, int n, int d, int[] labels, int k) {
    return leaveOneOut(Rows.fromFlat(flat, n, d), labels, k);
  }
}
