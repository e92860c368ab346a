package dev.knead.core.train;

import dev.knead.core.net.Transcendentals;

/**
 * {@link Loss#SOFTMAX_CROSS_ENTROPY} on unit-major logits (class c of point i at z[c][i]), the
 * kernel the training loop uses. Same loss and gradient as {@link Loss#lossAndGradient}, with
 * whole-array passes the JIT vectorises (the exps included) and the logs of the normalisers
 * taken once per block of points, log Π s_i = Σ log s_i.
 */
final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /** Normalisers s_i lie in [1, k], so a product of this many stays finite for any k &lt; 2⁶³. */
  private static final int LOG_BLOCK = 16;

  /**
   * @param z logits, [class][point]
   * @param y n labels
   * @param g output: ∂(mean loss)/∂z, [class][point]
   * @param correct correct[0] receives the number of points whose first largest logit is their label
   * @param max scratch of n doubles, then the largest logit of each point
   * @param sum scratch of n doubles
   * @param scratch scratch of n doubles
   * @return the mean loss
   */
  static double lossAndGradient(
      double[][] z, int n, int k, int[] y, double[][] g, int[] correct, double[] max, double[] sum, double[] scratch) {
    return lossAndGradient(z, n, k, y, g, correct, max, sum, scratch, 1.0 / n, new double[PARTS]);
  }

  /** Sums one pass carries to the next ({@link #lossAndGradient} with {@code parts}): Σ log s_i, Σ (z_y − max). */
  static final int PARTS = 2;

  /**
   * As above for one chunk of a larger set, the sums carried in {@code parts} (zero before the
   * first chunk): chunks of a multiple of 16 points, taken in order, give the bits of one pass.
   *
   * @param inv 1 / (points in all chunks)
   * @return the mean loss of the chunks so far, over all points
   */
  static double lossAndGradient(double[][] z, int n, int k, int[] y, double[][] g, int[] correct, double[] max, double[] sum,
      double[] scratch, double inv, double[] parts) {
    // whole-array passes over the classes (vectorised), then one scalar pass per point
    System.arraycopy(z[0], 0, max, 0, n);
    for (int c = 1; c < k; c++) {
      final double[] zc = z[c];
      for (int i = 0; i < n; i++) {
        max[i] = Math.max(max[i], zc[i]);
      }
    }
    for (int c = 0; c < k; c++) {
      final double[] zc = z[c];
      final double[] gc = g[c];
      for (int i = 0; i < n; i++) {
        gc[i] = zc[i] - max[i];
      }
      Transcendentals.expNonPositive(gc, gc, scratch, n);
    }
    System.arraycopy(g[0], 0, sum, 0, n);
    for (int c = 1; c < k; c++) {
      final double[] gc = g[c];
      for (int i = 0; i < n; i++) {
        sum[i] += gc[i];
      }
    }
    int right = 0;
    double shifted = parts[1];
    for (int i = 0; i < n; i++) {
      final int label = y[i];
      final double zy = z[label][i];
      // loss of point i: log s_i − (z_y − max)
      shifted += zy - max[i];
      // right when the label holds the first largest logit: z_y is the max and no earlier class ties
      if (zy == max[i]) {
        int first = 0;
        while (z[first][i] != max[i]) {
          first++;
        }
        right += first == label ? 1 : 0;
      }
    }
    double logs = parts[0];
    for (int i0 = 0; i0 < n; i0 += LOG_BLOCK) {
      final int i1 = Math.min(n, i0 + LOG_BLOCK);
      double product = 1;
      for (int i = i0; i < i1; i++) {
        product *= sum[i];
      }
      logs += Math.log(product);
    }
    for (int i = 0; i < n; i++) {
      sum[i] = inv / sum[i];
    }
    for (int c = 0; c < k; c++) {
      final double[] gc = g[c];
      for (int i = 0; i < n; i++) {
        gc[i] *= sum[i];
      }
    }
    for (int i = 0; i < n; i++) {
      g[y[i]][i] -= inv;
    }
    correct[0] = right;
    parts[0] = logs;
    parts[1] = shifted;
    return (logs - shifted) * inv;
  }
}
