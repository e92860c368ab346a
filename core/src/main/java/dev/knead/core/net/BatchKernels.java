package dev.knead.core.net;

/**
 * Dense layer kernels on a batch stored unit-major: unit u (one input coordinate, or one
 * neuron) holds its n values in its own array {@code x[u][0 … n)}. Every loop over points is
 * then a stride-1 loop over whole arrays with no offsets, the shape C2's auto-vectoriser takes
 * (on JDK 17 it gives up when two references carry different loop-invariant offsets).
 *
 * <p>Invariant: each output element is accumulated in one fixed order that depends only on the
 * shapes (never on blocking or threads), so the same inputs give the same bits.
 */
public final class BatchKernels {
  private BatchKernels() {}

  /** Units of the summed-over operand kept hot per pass (64 arrays of n doubles ≈ L2). */
  private static final int BLOCK = 64;

  /**
   * z = W x + b: z[o][i] = b[o] + Σ_j W[o, j] x[j][i], j ascending.
   *
   * @param x in units × n points
   * @param p parameter block holding W (out × in, row-major) at wOff and b (out) at bOff
   * @param z out units × n points, output
   */
  public static void affine(double[][] x, int n, int in, double[] p, int wOff, int bOff, int out, double[][] z) {
    for (int o = 0; o < out; o++) {
      java.util.Arrays.fill(z[o], 0, n, p[bOff + o]);
    }
    combine(x, n, in, p, wOff, in, 1, out, z);
  }

  /**
   * dx = Wᵀ dz: dx[j][i] = Σ_o W[o, j] dz[o][i], o ascending (the gradient passed down).
   *
   * @param dz out units × n
   * @param dx in units × n, output
   */
  public static void inputGradient(double[][] dz, int n, int in, int out, double[] p, int wOff, double[][] dx) {
    for (int j = 0; j < in; j++) {
      java.util.Arrays.fill(dx[j], 0, n, 0);
    }
    combine(dz, n, out, p, wOff, 1, in, in, dx);
  }

  /**
   * c[r][i] += Σ_q A(r, q) · s[q][i] with A(r, q) = p[off + r·rs + q·qs], q ascending: the one
   * loop nest behind {@link #affine} (A = W) and {@link #inputGradient} (A = Wᵀ). Four q at a
   * time in one chain of fused multiply-adds, so c is loaded and stored once per four terms.
   */
  private static void combine(double[][] s, int n, int qCount, double[] p, int off, int rs, int qs, int rows, double[][] c) {
    for (int q0 = 0; q0 < qCount; q0 += BLOCK) {
      final int q1 = Math.min(qCount, q0 + BLOCK);
      for (int r = 0; r < rows; r++) {
        final double[] cr = c[r];
        final int ar = off + r * rs;
        int q = q0;
        for (; q + 3 < q1; q += 4) {
          final double a0 = p[ar + q * qs];
          final double a1 = p[ar + (q + 1) * qs];
          final double a2 = p[ar + (q + 2) * qs];
          final double a3 = p[ar + (q + 3) * qs];
          final double[] s0 = s[q];
          final double[] s1 = s[q + 1];
          final double[] s2 = s[q + 2];
          final double[] s3 = s[q + 3];
          for (int i = 0; i < n; i++) {
            cr[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], cr[i]))));
          }
        }
        for (; q < q1; q++) {
          final double a0 = p[ar + q * qs];
          final double[] s0 = s[q];
          for (int i = 0; i < n; i++) {
            cr[i] = Math.fma(a0, s0[i], cr[i]);
          }
        }
      }
    }
  }

  /** From this input width on, {@link #weightGradient} runs row-wise over a transposed input. */
  public static final int WIDE_INPUT = 16;

  /**
   * gW = dz xᵀ and gb = dz 1 (gradients of W and b), overwriting the gradient block:
   * gW[o, j] = Σ_i dz[o][i] x[j][i] and gb[o] = Σ_i dz[o][i]. Summation order, fixed by the
   * shape: gb and, for in &lt; {@link #WIDE_INPUT}, gW as four partial sums over i ≡ 0, 1, 2, 3
   * (mod 4), then ((s0 + s1) + (s2 + s3)), then the tail; for wider inputs gW in i ascending
   * (one fused chain over the points, vectorised across j).
   *
   * @param dz out units × n
   * @param x in units × n, the inputs of the layer
   * @param g gradient block with gW at wOff (out × in, row-major) and gb at bOff (out)
   * @param points scratch of at least n arrays of at least in doubles (used when in ≥ {@link #WIDE_INPUT})
   * @param acc scratch of at least in doubles
   */
  public static void weightGradient(
      double[][] dz, double[][] x, int n, int in, int out, double[] g, int wOff, int bOff, double[][] points, double[] acc) {
    for (int o = 0; o < out; o++) {
      g[bOff + o] = sum(dz[o], n);
    }
    if (in < WIDE_INPUT) {
      for (int o = 0; o < out; o++) {
        for (int j = 0; j < in; j++) {
          g[wOff + o * in + j] = dot(dz[o], x[j], n);
        }
      }
      return;
    }
    // point-major copy of x, so that gW[o, ·] += dz[o][i] x[·][i] runs along j
    for (int j = 0; j < in; j++) {
      final double[] xj = x[j];
      for (int i = 0; i < n; i++) {
        points[i][j] = xj[i];
      }
    }
    for (int o = 0; o < out; o++) {
      final double[] d = dz[o];
      java.util.Arrays.fill(acc, 0, in, 0);
      int i = 0;
      for (; i + 3 < n; i += 4) {
        final double d0 = d[i];
        final double d1 = d[i + 1];
        final double d2 = d[i + 2];
        final double d3 = d[i + 3];
        final double[] x0 = points[i];
        final double[] x1 = points[i + 1];
        final double[] x2 = points[i + 2];
        final double[] x3 = points[i + 3];
        for (int j = 0; j < in; j++) {
          acc[j] = Math.fma(d3, x3[j], Math.fma(d2, x2[j], Math.fma(d1, x1[j], Math.fma(d0, x0[j], acc[j]))));
        }
      }
      for (; i < n; i++) {
        final double d0 = d[i];
        final double[] x0 = points[i];
        for (int j = 0; j < in; j++) {
          acc[j] = Math.fma(d0, x0[j], acc[j]);
        }
      }
      System.arraycopy(acc, 0, g, wOff + o * in, in);
    }
  }

  /** Σ_i a[i] b[i] for i &lt; n in the order {@link #weightGradient} states. */
  static double dot(double[] a, double[] b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 = Math.fma(a[i], b[i], s0);
      s1 = Math.fma(a[i + 1], b[i + 1], s1);
      s2 = Math.fma(a[i + 2], b[i + 2], s2);
      s3 = Math.fma(a[i + 3], b[i + 3], s3);
    }
    double s = (s0 + s1) + (s2 + s3);
    for (; i < n; i++) {
      s = Math.fma(a[i], b[i], s);
    }
    return s;
  }

  /** Σ_i a[i] for i &lt; n, in the same four-way order as {@link #dot}. */
  static double sum(double[] a, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    double s = (s0 + s1) + (s2 + s3);
    for (; i < n; i++) {
      s += a[i];
    }
    return s;
  }

  /** Row-major n × d (point i, coordinate u at i·d + u) to unit-major: units[u][i]. */
  public static void toUnits(double[] m, int n, int d, double[][] units) {
    for (int u = 0; u < d; u++) {
      final double[] t = units[u];
      for (int i = 0; i < n; i++) {
        t[i] = m[i * d + u];
      }
    }
  }

  /** Unit-major units[u][i] (d units of n points) to row-major n × d. */
  public static void fromUnits(double[][] units, int n, int d, double[] m) {
    for (int u = 0; u < d; u++) {
      final double[] t = units[u];
      for (int i = 0; i < n; i++) {
        m[i * d + u] = t[i];
      }
    }
  }
}
