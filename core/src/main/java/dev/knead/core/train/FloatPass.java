package dev.knead.core.train;

import dev.knead.core.net.Activation;
import dev.knead.core.net.DoubleDense;
import dev.knead.core.net.FloatActivations;
import dev.knead.core.net.FloatDense;

/**
 * The forward and backward pass of a {@link Workspace} in float32 ({@link Precision#FLOAT32}):
 * the double parameters are rounded to float at the start of each pass, activations and
 * gradients flow in float, the loss and its gradient at the logits are taken in double (from
 * the float logits), and the float gradient is widened into the workspace's double gradient.
 * Allocates nothing per pass; not shared between threads.
 */
final class FloatPass {
  private final int layers;
  private final int[] sizes;
  private final Activation[] act;
  private final int[] wOff;
  private final int[] bOff;
  private final int threads;
  private final float[] params;
  private final float[] grads;
  /** Per layer, [unit][point]: pre-activations, activations (the same arrays for a fusable σ), ∂L/∂z. */
  private final float[][][] z;
  private final float[][][] a;
  private final float[][][] delta;
  private final float[][] xUnits;
  /** The inputs also as rows of points, when the first layer's weight gradient reads them so (else null). */
  private final float[] xRows;
  private final FloatDense.Scratch scratch;
  /** The logits and their gradient in double, [class][point], and the loss kernels' scratch. */
  private final double[][] logits;
  private final double[][] top;
  private final double[] logitsRows;
  private final double[] gradRows;
  private final double[] pointMax;
  private final double[] pointSum;
  private final double[] expScratch;
  private final int[] correct = new int[1];

  FloatPass(int[] sizes, Activation[] act, int[] wOff, int[] bOff, int paramCount, int capacity, int threads) {
    this.layers = act.length;
    this.sizes = sizes;
    this.act = act;
    this.wOff = wOff;
    this.bOff = bOff;
    this.threads = threads;
    params = new float[paramCount];
    grads = new float[paramCount];
    z = new float[layers][][];
    a = new float[layers][][];
    delta = new float[layers][][];
    int widestIn = 0;
    int widestOut = 0;
    for (int l = 0; l < layers; l++) {
      z[l] = new float[sizes[l + 1]][capacity];
      // a fusable σ is applied inside the kernel and σ' needs only a: no separate z
      a[l] = FloatDense.fusable(act[l]) ? z[l] : new float[sizes[l + 1]][capacity];
      delta[l] = new float[Math.max(sizes[l + 1], sizes[l])][capacity];
      widestIn = Math.max(widestIn, sizes[l]);
      widestOut = Math.max(widestOut, sizes[l + 1]);
    }
    xUnits = new float[sizes[0]][capacity];
    xRows = FloatDense.rowsFor(capacity, sizes[0]);
    scratch = new FloatDense.Scratch(capacity, widestIn, widestOut);
    final int k = sizes[layers];
    logits = new double[k][capacity];
    top = new double[k][capacity];
    logitsRows = new double[capacity * k];
    gradRows = new double[capacity * k];
    pointMax = new double[capacity];
    pointSum = new double[capacity];
    expScratch = new double[capacity];
  }

  /**
   * As {@link Workspace#lossAndGradient}, reading and writing the workspace's double blocks; the
   * loss's sums carried in {@code parts} as {@link Workspace#chunked} explains.
   *
   * @param inv 1 / (points in all chunks)
   */
  double lossAndGradient(double[] x, int[] y, int n, Loss loss, boolean backward, int[] right, double[] p, double[] g,
      double inv, double[] parts) {
    for (int i = 0; i < p.length; i++) {
      params[i] = (float) p[i];
    }
    FloatDense.toUnits(x, n, sizes[0], xUnits, xRows);
    float[][] in = xUnits;
    for (int l = 0; l < layers; l++) {
      if (a[l] == z[l]) {
        FloatDense.affine(in, n, sizes[l], params, wOff[l], bOff[l], sizes[l + 1], act[l], a[l], threads);
      } else {
        FloatDense.affine(in, n, sizes[l], params, wOff[l], bOff[l], sizes[l + 1], z[l], threads);
        for (int u = 0; u < sizes[l + 1]; u++) {
          FloatActivations.apply(act[l], z[l][u], a[l][u], n);
        }
      }
      in = a[l];
    }
    final int k = sizes[layers];
    final float[][] out = a[layers - 1];
    final float[][] dTop = delta[layers - 1];
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY && k == 2) {
      final double value = TwoClassSoftmax.lossAndGradient(out[0], out[1], n, y, dTop[0], dTop[1], correct, logitsRows, pointMax,
          pointSum, expScratch, inv, parts);
      right[0] = correct[0];
      if (backward) {
        backward(n, g);
      }
      return value;
    }
    for (int c = 0; c < k; c++) {
      final float[] oc = out[c];
      final double[] lc = logits[c];
      for (int i = 0; i < n; i++) {
        lc[i] = oc[i];
      }
    }
    final double value;
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
      value = SoftmaxCrossEntropy.lossAndGradient(logits, n, k, y, top, correct, pointMax, pointSum, expScratch, inv, parts);
    } else {
      DoubleDense.fromUnits(logits, n, k, logitsRows);
      value = loss.lossAndGradient(logitsRows, n, k, y, gradRows, correct, inv, parts);
      DoubleDense.toUnits(gradRows, n, k, top);
    }
    right[0] = correct[0];
    if (!backward) {
      return value;
    }
    for (int c = 0; c < k; c++) {
      final double[] tc = top[c];
      final float[] dc = dTop[c];
      for (int i = 0; i < n; i++) {
        dc[i] = (float) tc[i];
      }
    }
    backward(n, g);
    return value;
  }

  /** From ∂L/∂z at the logits (in delta) down to the first layer; the gradient widened into g. */
  private void backward(int n, double[] g) {
    for (int l = layers - 1; l >= 0; l--) {
      final float[][] dz = delta[l];
      final float[][] input = l == 0 ? xUnits : a[l - 1];
      FloatDense.weightGradient(dz, input, l == 0 ? xRows : null, n, sizes[l], sizes[l + 1], grads, wOff[l], bOff[l], scratch,
          threads);
      if (l > 0) {
        final float[][] dx = delta[l - 1];
        if (a[l - 1] == z[l - 1]) {
          FloatDense.inputGradient(dz, n, sizes[l], sizes[l + 1], params, wOff[l], act[l - 1], a[l - 1], dx, threads);
        } else {
          FloatDense.inputGradient(dz, n, sizes[l], sizes[l + 1], params, wOff[l], dx, threads);
          for (int u = 0; u < sizes[l]; u++) {
            FloatActivations.multiplyByDerivative(act[l - 1], z[l - 1][u], a[l - 1][u], dx[u], n);
          }
        }
      }
    }
    for (int i = 0; i < g.length; i++) {
      g[i] = grads[i];
    }
  }
}
