package dev.knead.topology.verdict;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The best single threshold on 1-D labelled points, exactly, over every cut and both
 * orientations, in O(n log n). It is the ceiling on training accuracy for every classifier
 * whose decision regions are half-lines, such as any network with 1-D input, width-1 hidden
 * layers and monotone activations.
 */
public final class Threshold {
  private Threshold() {}

  /**
   * @param threshold the cut t: points with x ≤ t get {@code below}, x &gt; t get {@code above}
   *     (±∞ when one side is empty)
   * @param below label predicted at and left of the cut
   * @param above label predicted right of the cut
   * @param correct points classified correctly
   * @param n all points
   */
  public record Best(double threshold, int below, int above, int correct, int n) {
    /** @return correct / n */
    public double accuracy() {
      return n == 0 ? 1 : correct / (double) n;
    }
  }

  /**
   * @param x n positions on the line
   * @param y n labels with at most two distinct values
   * @return the best cut; ties keep the leftmost cut and prefer the first label found below
   */
  public static Best best(double[] x, int[] y) {
    final int n = x.length;
    if (y.length != n) {
      throw new IllegalArgumentException("threshold: " + y.length + " labels for " + n + " points");
    }
    final int[] distinct = Arrays.stream(y).distinct().sorted().toArray();
    if (distinct.length > 2) {
      throw new IllegalArgumentException("threshold: " + distinct.length + " labels; a cut separates two");
    }
    if (distinct.length < 2) {
      final int only = distinct.length == 0 ? 0 : distinct[0];
      return new Best(Double.POSITIVE_INFINITY, only, only, n, n);
    }
    final int a = distinct[0];
    final int b = distinct[1];
    final int[] order = sortedOrder(x);
    int totalA = 0;
    for (int label : y) {
      totalA += label == a ? 1 : 0;
    }
    final int totalB = n - totalA;
    Best best = null;
    int leftA = 0;
    for (int k = 0; k <= n; k++) {
      // Only cut between distinct values: tied points must fall on the same side.
      if (k == 0 || k == n || x[order[k - 1]] < x[order[k]]) {
        final int leftB = k - leftA;
        final double t = k == 0 ? Double.NEGATIVE_INFINITY
            : k == n ? Double.POSITIVE_INFINITY : (x[order[k - 1]] + x[order[k]]) / 2;
        final int aLeft = leftA + (totalB - leftB);
        final int bLeft = leftB + (totalA - leftA);
        if (best == null || aLeft > best.correct()) {
          best = new Best(t, a, b, aLeft, n);
        }
        if (bLeft > best.correct()) {
          best = new Best(t, b, a, bLeft, n);
        }
      }
      if (k < n) {
        leftA += y[order[k]] == a ? 1 : 0;
      }
    }
    return best;
  }

  private static int[] sortedOrder(double[] x) {
    return IntStream.range(0, x.length)
        .boxed()
        .sorted((i, j) -> Double.compare(x[i], x[j]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
