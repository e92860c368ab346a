package dev.knead.core.net;

/**
 * Dense kernels of a layer on a batch, with explicit output buffers. Row-major throughout;
 * each output element is summed in one fixed order, so results do not depend on threads.
 */
public final class Kernels {
  private Kernels() {}

  /**
   * z = x · Wᵀ + b.
   *
   * @param x n × in inputs
   * @param p parameter block holding W (out × in, row-major) at wOff and b (out) at bOff
   * @param z n × out output
   */
  public static void affine(double[] x, int n, int in, double[] p, int wOff, int bOff, int out, double[] z) {
    for (int i = 0; i < n; i++) {
      final int xi = i * in;
      final int zi = i * out;
      int o = 0;
      // four outputs at a time: four independent sums in flight, each still summed
      // b + x₀w₀ + x₁w₁ + … in the same order as the one-at-a-time loop below (same bits)
      for (; o + 3 < out; o += 4) {
        final int w0 = wOff + o * in;
        final int w1 = w0 + in;
        final int w2 = w1 + in;
        final int w3 = w2 + in;
        double s0 = p[bOff + o];
        double s1 = p[bOff + o + 1];
        double s2 = p[bOff + o + 2];
        double s3 = p[bOff + o + 3];
        for (int j = 0; j < in; j++) {
          final double v = x[xi + j];
          s0 += v * p[w0 + j];
          s1 += v * p[w1 + j];
          s2 += v * p[w2 + j];
          s3 += v * p[w3 + j];
        }
        z[zi + o] = s0;
        z[zi + o + 1] = s1;
        z[zi + o + 2] = s2;
        z[zi + o + 3] = s3;
      }
      for (; o < out; o++) {
        final int wo = wOff + o * in;
        double s = p[bOff + o];
        for (int j = 0; j < in; j++) {
          s += x[xi + j] * p[wo + j];
        }
        z[zi + o] = s;
      }
    }
  }

  /**
   * gW = dzᵀ · x and gb = Σ rows of dz (gradients of W and b), overwriting the gradient block.
   *
   * @param dz n × out gradient with respect to the pre-activations
   * @param x n × in inputs of the layer
   * @param g gradient block with gW at wOff (out × in) and gb at bOff (out)
   */
  public static void weightGradient(double[] dz, double[] x, int n, int in, int out, double[] g, int wOff, int bOff) {
    java.util.Arrays.fill(g, wOff, wOff + out * in, 0);
    java.util.Arrays.fill(g, bOff, bOff + out, 0);
    for (int i = 0; i < n; i++) {
      final int xi = i * in;
      final int zi = i * out;
      for (int o = 0; o < out; o++) {
        final double d = dz[zi + o];
        if (d == 0) {
          continue;
        }
        final int wo = wOff + o * in;
        for (int j = 0; j < in; j++) {
          g[wo + j] += d * x[xi + j];
        }
        g[bOff + o] += d;
      }
    }
  }

  /**
   * dx = dz · W (the gradient passed to the layer below).
   *
   * @param dz n × out
   * @param dx n × in output
   */
  public static void inputGradient(double[] dz, int n, int in, int out, double[] p, int wOff, double[] dx) {
    java.util.Arrays.fill(dx, 0, n * in, 0);
    for (int i = 0; i < n; i++) {
      final int xi = i * in;
      final int zi = i * out;
      for (int o = 0; o < out; o++) {
        final double d = dz[zi + o];
        if (d == 0) {
          continue;
        }
        final int wo = wOff + o * in;
        for (int j = 0; j < in; j++) {
          dx[xi + j] += d * p[wo + j];
        }
      }
    }
  }
}
