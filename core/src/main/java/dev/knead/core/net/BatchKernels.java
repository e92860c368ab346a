package dev.knead.core.net;

/**
 * Dense layer kernels on a batch stored unit-major: the n values of unit u (one input
 * coordinate, or one neuron) sit at [u·n, (u+1)·n). Every loop over points is then a
 * contiguous stride-1 loop that the JIT vectorises, whatever the layer's width.
 *
 * <p>Invariant: each output element is accumulated in one fixed order that depends only on the
 * shapes (never on blocking or threads), so the same inputs give the same bits.
 */
public final class BatchKernels {
  private BatchKernels() {}

  /** Rows of the summed-over operand kept hot per pass (blocks of 64 × n doubles ≈ L2). */
  private static final int BLOCK = 64;

  /**
   * z = W x + b: z[o·n + i] = b[o] + Σ_j W[o, j] x[j·n + i], j ascending.
   *
   * @param x in × n inputs, unit-major
   * @param p parameter block holding W (out × in, row-major) at wOff and b (out) at bOff
   * @param z out × n output, unit-major
   */
  public static void affine(double[] x, int n, int in, double[] p, int wOff, int bOff, int out, double[] z) {
    for (int o = 0; o < out; o++) {
      java.util.Arrays.fill(z, o * n, (o + 1) * n, p[bOff + o]);
    }
    combine(x, n, in, p, wOff, in, 1, out, z);
  }

  /**
   * dx = Wᵀ dz: dx[j·n + i] = Σ_o W[o, j] dz[o·n + i], o ascending (the gradient passed down).
   *
   * @param dz out × n, unit-major
   * @param dx in × n output, unit-major
   */
  public static void inputGradient(double[] dz, int n, int in, int out, double[] p, int wOff, double[] dx) {
    java.util.Arrays.fill(dx, 0, in * n, 0);
    combine(dz, n, out, p, wOff, 1, in, in, dx);
  }

  /**
   * c[r·n + i] += Σ_q A(r, q) · s[q·n + i] with A(r, q) = p[off + r·rs + q·qs], q ascending: the
   * one loop nest behind {@link #affine} (A = W) and {@link #inputGradient} (A = Wᵀ). Four q at a
   * time in one chain of fused multiply-adds, so c is loaded and stored once per four terms.
   */
  private static void combine(double[] s, int n, int qs0, double[] p, int off, int rs, int qs, int rows, double[] c) {
    for (int q0 = 0; q0 < qs0; q0 += BLOCK) {
      final int q1 = Math.min(qs0, q0 + BLOCK);
      for (int r = 0; r < rows; r++) {
        final int cr = r * n;
        final int ar = off + r * rs;
        int q = q0;
        for (; q + 3 < q1; q += 4) {
          final double a0 = p[ar + q * qs];
          final double a1 = p[ar + (q + 1) * qs];
          final double a2 = p[ar + (q + 2) * qs];
          final double a3 = p[ar + (q + 3) * qs];
          final int s0 = q * n;
          final int s1 = s0 + n;
          final int s2 = s1 + n;
          final int s3 = s2 + n;
          for (int i = 0; i < n; i++) {
            c[cr + i] = Math.fma(a3, s[s3 + i], Math.fma(a2, s[s2 + i], Math.fma(a1, s[s1 + i], Math.fma(a0, s[s0 + i], c[cr + i]))));
          }
        }
        for (; q < q1; q++) {
          final double a0 = p[ar + q * qs];
          final int s0 = q * n;
          for (int i = 0; i < n; i++) {
            c[cr + i] = Math.fma(a0, s[s0 + i], c[cr + i]);
          }
        }
      }
    }
  }

  /** From this input width on, {@link #weightGradient} runs row-wise over a transposed input. */
  static final int WIDE = 16;

  /**
   * gW = dz xᵀ and gb = dz 1 (gradients of W and b), overwriting the gradient block:
   * gW[o, j] = Σ_i dz[o·n + i] x[j·n + i] and gb[o] = Σ_i dz[o·n + i]. Summation order, fixed by
   * the shape: gb and, for in &lt; {@link #WIDE}, gW as four partial sums over i ≡ 0, 1, 2, 3
   * (mod 4), then ((s0 + s1) + (s2 + s3)), then the tail; for wider inputs gW in i ascending
   * (one fused chain over the points, vectorised across j).
   *
   * @param dz out × n, unit-major
   * @param x in × n inputs of the layer, unit-major
   * @param g gradient block with gW at wOff (out × in, row-major) and gb at bOff (out)
   * @param scratch at least n × in doubles (used when in ≥ {@link #WIDE})
   */
  public static void weightGradient(
      double[] dz, double[] x, int n, int in, int out, double[] g, int wOff, int bOff, double[] scratch) {
    for (int o = 0; o < out; o++) {
      g[bOff + o] = sum(dz, o * n, n);
    }
    if (in < WIDE) {
      for (int o = 0; o < out; o++) {
        final int d = o * n;
        for (int j = 0; j < in; j++) {
          g[wOff + o * in + j] = dot(dz, d, x, j * n, n);
        }
      }
      return;
    }
    // rows of x (point-major) so that gW[o, ·] += dz[o, i] x[i, ·] runs along j
    transpose(x, in, n, scratch);
    java.util.Arrays.fill(g, wOff, wOff + out * in, 0);
    for (int o = 0; o < out; o++) {
      final int go = wOff + o * in;
      final int d = o * n;
      int i = 0;
      for (; i + 3 < n; i += 4) {
        final double d0 = dz[d + i];
        final double d1 = dz[d + i + 1];
        final double d2 = dz[d + i + 2];
        final double d3 = dz[d + i + 3];
        final int x0 = i * in;
        final int x1 = x0 + in;
        final int x2 = x1 + in;
        final int x3 = x2 + in;
        for (int j = 0; j < in; j++) {
          g[go + j] = Math.fma(d3, scratch[x3 + j], Math.fma(d2, scratch[x2 + j], Math.fma(d1, scratch[x1 + j], Math.fma(d0, scratch[x0 + j], g[go + j]))));
        }
      }
      for (; i < n; i++) {
        final double d0 = dz[d + i];
        final int x0 = i * in;
        for (int j = 0; j < in; j++) {
          g[go + j] = Math.fma(d0, scratch[x0 + j], g[go + j]);
        }
      }
    }
  }

  /** Σ_i a[ao + i] b[bo + i] in the order {@link #weightGradient} states. */
  static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 = Math.fma(a[ao + i], b[bo + i], s0);
      s1 = Math.fma(a[ao + i + 1], b[bo + i + 1], s1);
      s2 = Math.fma(a[ao + i + 2], b[bo + i + 2], s2);
      s3 = Math.fma(a[ao + i + 3], b[bo + i + 3], s3);
    }
    double s = (s0 + s1) + (s2 + s3);
    for (; i < n; i++) {
      s = Math.fma(a[ao + i], b[bo + i], s);
    }
    return s;
  }

  /** Σ_i a[ao + i], in the same four-way order as {@link #dot}. */
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
    double s = (s0 + s1) + (s2 + s3);
    for (; i < n; i++) {
      s += a[ao + i];
    }
    return s;
  }

  /**
   * Row-major ↔ unit-major: t[c·rows + r] = m[r·cols + c] for an m of rows × cols.
   */
  public static void transpose(double[] m, int rows, int cols, double[] t) {
    for (int r = 0; r < rows; r++) {
      final int mr = r * cols;
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[mr + c];
      }
    }
  }
}
