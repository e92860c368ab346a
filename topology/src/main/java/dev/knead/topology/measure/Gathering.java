package dev.knead.topology.measure;

import java.util.Arrays;

/**
 * How tightly the classes are gathered at one stage, from one pass over all pairwise distances:
 * the ratio of the mean within-class distance to the mean between-class distance, the mean
 * silhouette (Rousseeuw, J. Comput. Appl. Math. 20, 1987), and per pair of classes how much they
 * still touch (a point of one class with a point of the other among its k nearest neighbours)
 * and how they are confused (the leave-one-out k-NN vote of a point of one class naming the
 * other). Deterministic, O(n² d) time, O(n k) memory beyond the points.
 *
 * @param ratio mean within-class distance / mean between-class distance: near 0 when classes
 *     are tight and far apart, near 1 when labels are mixed at random
 * @param silhouette mean over points of (b − a) / max(a, b), a = mean distance to the point's own
 *     class, b = the smallest mean distance to another class; in [−1, 1], 0 for a point alone in
 *     its class
 * @param k neighbours per point for {@link #touching} and {@link #confused}
 * @param sizes points per class (classes are 0 … K−1)
 * @param touching K × K, [a][b] = points of class a with a point of class b among their k nearest
 * @param confused K × K, [a][b] = points of class a whose k-NN vote names class b (the diagonal:
 *     votes for the own class)
 */
public record Gathering(double ratio, double silhouette, int k, int[] sizes, int[][] touching, int[][] confused) {
  public Gathering {
    sizes = sizes.clone();
    touching = deep(touching);
    confused = deep(confused);
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public int[][] touching() {
    return deep(touching);
  }

  @Override
  public int[][] confused() {
    return deep(confused);
  }

  /** @return the number of classes */
  public int classes() {
    return sizes.length;
  }

  /** @return points of a or b that have a point of the other class among their k nearest */
  public int touchingPair(int a, int b) {
    return touching[a][b] + touching[b][a];
  }

  /** @return points of a voted into b plus points of b voted into a */
  public int confusedPair(int a, int b) {
    return confused[a][b] + confused[b][a];
  }

  /** @return share of points whose k-NN vote names their own class */
  public double knnAccuracy() {
    int right = 0;
    int n = 0;
    for (int c = 0; c < sizes.length; c++) {
      right += confused[c][c];
      n += sizes[c];
    }
    return n == 0 ? Double.NaN : right / (double) n;
  }

  /**
   * @param points n × d points, n &gt; k
   * @param labels n labels in 0 … K−1 (every class between 0 and the largest label counts, even if empty)
   * @param k neighbours per point, ≥ 1
   */
  public static Gathering of(double[][] points, int[] labels, int k) {
    Rows.dimension(points, "gathering");
    Rows.checkLabels(points, labels, "gathering");
    return of(points.length, (i, j) -> Rows.squaredDistance(points[i], points[j]), labels, k);
  }

  /** The same from distances already computed (bit for bit the same answer as from the points). */
  public static Gathering of(SquaredDistances distances, int[] labels, int k) {
    if (labels.length != distances.n()) {
      throw new IllegalArgumentException("gathering: " + labels.length + " labels for " + distances.n() + " points");
    }
    return of(distances.n(), distances::get, labels, k);
  }

  /** squared distance between points i and j */
  interface Pairs {
    double squared(int i, int j);
  }

  private static Gathering of(int n, Pairs squared, int[] labels, int k) {
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("gathering: k = " + k + " must be in [1, n − 1] for n = " + n);
    }
    int classes = 0;
    for (int l : labels) {
      if (l < 0) {
        throw new IllegalArgumentException("gathering: negative label " + l);
      }
      classes = Math.max(classes, l + 1);
    }
    final int[] sizes = new int[classes];
    for (int l : labels) {
      sizes[l]++;
    }
    // one row of distances at a time: sums per class for the silhouette and the ratio, the k
    // nearest kept in a small sorted buffer (ties in distance go to the lower index)
    final double[] toClass = new double[classes];
    final double[] nearD = new double[k];
    final int[] nearI = new int[k];
    final int[][] touching = new int[classes][classes];
    final int[][] confused = new int[classes][classes];
    final int[] votes = new int[classes];
    final int[] firstRank = new int[classes];
    final boolean[] seen = new boolean[classes];
    double within = 0;
    double between = 0;
    long withinPairs = 0;
    long betweenPairs = 0;
    double silhouette = 0;
    for (int i = 0; i < n; i++) {
      Arrays.fill(toClass, 0);
      Arrays.fill(nearD, Double.POSITIVE_INFINITY);
      Arrays.fill(nearI, -1);
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        final double s = squared.squared(i, j);
        final double dist = Math.sqrt(s);
        toClass[labels[j]] += dist;
        if (s < nearD[k - 1]) { // strict: an equal distance at a higher index stays out
          int r = k - 1;
          while (r > 0 && nearD[r - 1] > s) {
            nearD[r] = nearD[r - 1];
            nearI[r] = nearI[r - 1];
            r--;
          }
          nearD[r] = s;
          nearI[r] = j;
        }
      }
      final int own = labels[i];
      for (int c = 0; c < classes; c++) {
        if (c == own) {
          within += toClass[c];
          withinPairs += sizes[c] - 1;
        } else {
          between += toClass[c];
          betweenPairs += sizes[c];
        }
      }
      if (sizes[own] > 1) {
        final double a = toClass[own] / (sizes[own] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          if (c != own && sizes[c] > 0) {
            b = Math.min(b, toClass[c] / sizes[c]);
          }
        }
        final double m = Math.max(a, b);
        silhouette += Double.isFinite(b) && m > 0 ? (b - a) / m : 0;
      }
      Arrays.fill(votes, 0);
      Arrays.fill(firstRank, Integer.MAX_VALUE);
      Arrays.fill(seen, false);
      for (int r = 0; r < k; r++) {
        final int c = labels[nearI[r]];
        votes[c]++;
        firstRank[c] = Math.min(firstRank[c], r);
        if (c != own && !seen[c]) {
          seen[c] = true;
          touching[own][c]++;
        }
      }
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (votes[c] > votes[best] || (votes[c] == votes[best] && firstRank[c] < firstRank[best])) {
          best = c;
        }
      }
      confused[own][best]++;
    }
    final double ratio = withinPairs == 0 || betweenPairs == 0 ? Double.NaN
        : (within / withinPairs) / (between / betweenPairs);
    return new Gathering(ratio, silhouette / n, k, sizes, touching, confused);
  }

  private static int[][] deep(int[][] m) {
    final int[][] out = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Gathering g && Double.compare(ratio, g.ratio) == 0 && Double.compare(silhouette, g.silhouette) == 0
        && k == g.k && Arrays.equals(sizes, g.sizes) && Arrays.deepEquals(touching, g.touching)
        && Arrays.deepEquals(confused, g.confused);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sizes) * 31 + Double.hashCode(ratio);
  }

  @Override
  public String toString() {
    return String.format("Gathering[ratio=%.3f, silhouette=%.3f, k=%d]", ratio, silhouette, k);
  }
}
