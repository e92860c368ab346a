package dev.knead.core.train;

import dev.knead.core.net.FastMath;

/**
 * {@link Loss#SOFTMAX_CROSS_ENTROPY} on unit-major logits (class c of point i at z[c][i]), the
 * kernel the training loop uses. Same loss and gradient as {@link Loss#lossAndGradient}, with
 * the cost per point cut to k − 1 exps: the largest logit's exp is 1, and the logs of the
 * normalisers are taken once per block of points, log Π s_i = Σ log s_i.
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
   * @return the mean loss
   */
  static double lossAndGradient(double[][] z, int n, int k, int[] y, double[][] g, int[] correct) {
    final double inv = 1.0 / n;
    int right = 0;
    double logs = 0;
    double shifted = 0;
    double product = 1;
    for (int i = 0; i < n; i++) {
      int arg = 0;
      double max = z[0][i];
      for (int c = 1; c < k; c++) {
        final double v = z[c][i];
        if (v > max) {
          max = v;
          arg = c;
        }
      }
      final int label = y[i];
      if (arg == label) {
        right++;
      }
      double s = 0;
      for (int c = 0; c < k; c++) {
        final double e = c == arg ? 1.0 : FastMath.exp(z[c][i] - max);
        g[c][i] = e;
        s += e;
      }
      // loss of point i: log s − (z_y − max)
      shifted += z[label][i] - max;
      product *= s;
      if (i % LOG_BLOCK == LOG_BLOCK - 1) {
        logs += Math.log(product);
        product = 1;
      }
      final double f = inv / s;
      for (int c = 0; c < k; c++) {
        g[c][i] *= f;
      }
      g[label][i] -= inv;
    }
    logs += Math.log(product);
    correct[0] = right;
    return (logs - shifted) * inv;
  }
}
