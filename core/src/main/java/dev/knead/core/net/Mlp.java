package dev.knead.core.net;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The small network inside a block: y = W₂ tanh(W₁ x + w_t t + b₁) + b₂ (the time column only
 * for a flow's vector field f(x, t)). Immutable. Batches are unit-major: coordinate j of point i
 * at j·n + i, so every inner loop runs over the points and the JIT vectorises it.
 *
 * <p>Parameter layout: W₁ (hidden × in), w_t (hidden, when timed), b₁ (hidden), W₂ (out ×
 * hidden), b₂ (out).
 */
public final class Mlp {
  private final int in;
  private final int hidden;
  private final int out;
  private final boolean timed;
  private final double[] p;
  private final int wt;
  private final int b1;
  private final int w2;
  private final int b2;

  public Mlp(int in, int hidden, int out, boolean timed, double[] params) {
    if (in < 1 || hidden < 1 || out < 1) {
      throw new IllegalArgumentException("an MLP needs positive sizes, got " + in + "-" + hidden + "-" + out);
    }
    this.in = in;
    this.hidden = hidden;
    this.out = out;
    this.timed = timed;
    wt = hidden * in;
    b1 = wt + (timed ? hidden : 0);
    w2 = b1 + hidden;
    b2 = w2 + out * hidden;
    if (params.length != b2 + out) {
      throw new IllegalArgumentException("an MLP " + in + "-" + hidden + "-" + out + " has " + (b2 + out) + " parameters, got " + params.length);
    }
    this.p = params.clone();
  }

  /** Glorot-uniform weights, the last layer scaled by outScale (a small field starts near the identity map), zero biases. */
  public static Mlp glorot(int in, int hidden, int out, boolean timed, double outScale, RandomGenerator rng) {
    Mlp shape = new Mlp(in, hidden, out, timed, new double[count(in, hidden, out, timed)]);
    double[] q = new double[shape.p.length];
    double a1 = Math.sqrt(6.0 / (in + hidden));
    for (int i = 0; i < shape.b1; i++) {
      q[i] = (2 * rng.nextDouble() - 1) * a1;
    }
    double a2 = outScale * Math.sqrt(6.0 / (hidden + out));
    for (int i = shape.w2; i < shape.b2; i++) {
      q[i] = (2 * rng.nextDouble() - 1) * a2;
    }
    return new Mlp(in, hidden, out, timed, q);
  }

  public static int count(int in, int hidden, int out, boolean timed) {
    return hidden * in + (timed ? hidden : 0) + hidden + out * hidden + out;
  }

  public int in() {
    return in;
  }

  public int hidden() {
    return hidden;
  }

  public int out() {
    return out;
  }

  public boolean timed() {
    return timed;
  }

  public int parameterCount() {
    return p.length;
  }

  public double[] parameters() {
    return p.clone();
  }

  void copyParameters(double[] dst, int off) {
    System.arraycopy(p, 0, dst, off, p.length);
  }

  /** Marks W₁ and W₂ as weights (w_t and the biases are not penalised). */
  void markWeights(boolean[] mask, int off) {
    Arrays.fill(mask, off, off + wt, true);
    Arrays.fill(mask, off + w2, off + b2, true);
  }

  /** @return the offsets of W₁ and W₂ in the parameter block (for spectral normalisation) */
  int firstWeights() {
    return 0;
  }

  int secondWeights() {
    return w2;
  }

  /**
   * y = f(x, t) for n points.
   *
   * @param x in × n, unit-major
   * @param pre scratch, hidden × n
   * @param h receives tanh(W₁ x + w_t t + b₁), hidden × n (kept for {@link #vjp})
   * @param y receives out × n
   * @param scratch hidden × n
   */
  void eval(double[] x, int n, double t, double[] pre, double[] h, double[] y, double[] scratch) {
    for (int u = 0; u < hidden; u++) {
      final int row = u * n;
      final double bias = p[b1 + u] + (timed ? p[wt + u] * t : 0);
      Arrays.fill(pre, row, row + n, bias);
      for (int j = 0; j < in; j++) {
        final double w = p[u * in + j];
        final int col = j * n;
        for (int i = 0; i < n; i++) {
          pre[row + i] += w * x[col + i];
        }
      }
    }
    Transcendentals.tanh(pre, h, scratch, hidden * n);
    for (int o = 0; o < out; o++) {
      final int row = o * n;
      Arrays.fill(y, row, row + n, p[b2 + o]);
      for (int u = 0; u < hidden; u++) {
        final double w = p[w2 + o * hidden + u];
        final int col = u * n;
        for (int i = 0; i < n; i++) {
          y[row + i] += w * h[col + i];
        }
      }
    }
  }

  /**
   * Vector-Jacobian product at the point {@link #eval} saw: adds ∂L/∂θ = (∂f/∂θ)ᵀ dy into grad
   * and writes dx = (∂f/∂x)ᵀ dy.
   *
   * @param h the hidden activations eval saved, hidden × n
   * @param dy out × n
   * @param dh scratch, hidden × n
   * @param dx receives in × n; null when not needed
   */
  void vjp(double[] x, int n, double t, double[] h, double[] dy, double[] dh, double[] dx, double[] grad, int off) {
    for (int o = 0; o < out; o++) {
      final int row = o * n;
      grad[off + b2 + o] += sum(dy, row, n);
      for (int u = 0; u < hidden; u++) {
        grad[off + w2 + o * hidden + u] += dot(dy, row, h, u * n, n);
      }
    }
    for (int u = 0; u < hidden; u++) {
      final int row = u * n;
      Arrays.fill(dh, row, row + n, 0);
      for (int o = 0; o < out; o++) {
        final double w = p[w2 + o * hidden + u];
        final int col = o * n;
        for (int i = 0; i < n; i++) {
          dh[row + i] += w * dy[col + i];
        }
      }
      for (int i = 0; i < n; i++) {
        final double a = h[row + i];
        dh[row + i] *= 1 - a * a;
      }
      final double sb = sum(dh, row, n);
      grad[off + b1 + u] += sb;
      if (timed) {
        grad[off + wt + u] += sb * t;
      }
      for (int j = 0; j < in; j++) {
        grad[off + u * in + j] += dot(dh, row, x, j * n, n);
      }
    }
    if (dx == null) {
      return;
    }
    Arrays.fill(dx, 0, in * n, 0);
    for (int u = 0; u < hidden; u++) {
      final int row = u * n;
      for (int j = 0; j < in; j++) {
        final double w = p[u * in + j];
        final int col = j * n;
        for (int i = 0; i < n; i++) {
          dx[col + i] += w * dh[row + i];
        }
      }
    }
  }

  /** Σ a[ao + i]·b[bo + i] for i &lt; n, in four interleaved partial sums (independent chains the CPU overlaps). */
  static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Σ a[ao + i] for i &lt; n, four partial sums as {@link #dot}. */
  static double sum(double[] a, int ao, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[ao + i];
      s1 += a[ao + i + 1];
      s2 += a[ao + i + 2];
      s3 += a[ao + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[ao + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** @return the raw parameter at index i (for the blocks that rescale W₁, W₂) */
  double get(int i) {
    return p[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mlp m && m.in == in && m.hidden == hidden && m.out == out && m.timed == timed && Arrays.equals(m.p, p);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(p) * 31 + in * 7 + out;
  }
}
