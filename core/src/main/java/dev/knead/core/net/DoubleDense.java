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
public final class DoubleDense {
  private DoubleDense() {}

  /** Units of the summed-over operand kept hot per pass (64 arrays of n doubles ≈ L2). */
  private static final int BLOCK = 64;

  /** Marks a {@link #combine} without bias: every sum starts from 0. */
  private static final int NO_BIAS = -1;

  /**
   * z = W x + b: z[o][i] = b[o] + Σ_j W[o, j] x[j][i], j ascending.
   *
   * @param x in units × n points
   * @param p parameter block holding W (out × in, row-major) at wOff and b (out) at bOff
   * @param z out units × n points, output
   */
  public static void affine(double[][] x, int n, int in, double[] p, int wOff, int bOff, int out, double[][] z) {
    affine(x, n, in, p, wOff, bOff, out, z, 1);
  }

  /**
   * {@link #affine} on up to {@code threads} threads, each owning a block of output units:
   * the same bits whatever the thread count.
   */
  public static void affine(double[][] x, int n, int in, double[] p, int wOff, int bOff, int out, double[][] z, int threads) {
    forBlocks(out, threads, (from, to) -> combine(x, n, in, p, wOff, in, 1, bOff, from, to, z), (long) n * in * out);
  }

  /**
   * dx = Wᵀ dz: dx[j][i] = Σ_o W[o, j] dz[o][i], o ascending (the gradient passed down).
   *
   * @param dz out units × n
   * @param dx in units × n, output
   */
  public static void inputGradient(double[][] dz, int n, int in, int out, double[] p, int wOff, double[][] dx) {
    inputGradient(dz, n, in, out, p, wOff, dx, 1);
  }

  /** {@link #inputGradient} on up to {@code threads} threads, each owning a block of the in units. */
  public static void inputGradient(double[][] dz, int n, int in, int out, double[] p, int wOff, double[][] dx, int threads) {
    forBlocks(in, threads, (from, to) -> combine(dz, n, out, p, wOff, 1, in, NO_BIAS, from, to, dx), (long) n * in * out);
  }

  /** Work on output units [from, to). */
  @FunctionalInterface
  interface Block {
    void run(int from, int to);
  }

  /** Below this many multiply-adds a kernel stays on the calling thread. */
  static final long PARALLEL_WORK = 1L << 20;

  /**
   * Runs body over [0, count) split into at most {@code threads} contiguous blocks. Blocks
   * write disjoint output units and each unit's sums keep their order, so results do not
   * depend on the split. Small work (under {@link #PARALLEL_WORK}) or one thread: one call.
   */
  static void forBlocks(int count, int threads, Block body, long work) {
    final int blocks = Math.min(threads, count);
    if (blocks <= 1 || work < PARALLEL_WORK) {
      body.run(0, count);
      return;
    }
    java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> body.run(
        (int) ((long) count * b / blocks), (int) ((long) count * (b + 1) / blocks)));
  }

  /**
   * c[r][i] = c⁰_r + Σ_q A(r, q) · s[q][i] for rows r in [rowFrom, rowTo), with A(r, q) = p[off
   * + r·rs + q·qs] and c⁰_r = p[bOff + r] (or 0 for {@link #NO_BIAS}): one fused multiply-add per
   * q, q ascending, starting from c⁰_r — the one loop nest behind {@link #affine} (A = W) and
   * {@link #inputGradient} (A = Wᵀ). Two rows per pass share each load of s[q][i] (register
   * blocking); four q per pass, so c is loaded and stored once per four terms; blocks of
   * {@link #BLOCK} q keep s hot. Blocking changes which terms share a pass, never their order.
   */
  private static void combine(
      double[][] s, int n, int qCount, double[] p, int off, int rs, int qs, int bOff, int rowFrom, int rowTo, double[][] c) {
    if (qCount == 0) {
      for (int r = rowFrom; r < rowTo; r++) {
        java.util.Arrays.fill(c[r], 0, n, bOff == NO_BIAS ? 0 : p[bOff + r]);
      }
      return;
    }
    for (int q0 = 0; q0 < qCount; q0 += BLOCK) {
      final int q1 = Math.min(qCount, q0 + BLOCK);
      int r = rowFrom;
      for (; r + 1 < rowTo; r += 2) {
        final double c0 = bOff == NO_BIAS ? 0 : p[bOff + r];
        final double c1 = bOff == NO_BIAS ? 0 : p[bOff + r + 1];
        rowPair(s, n, q0, q1, p, off + r * rs, off + (r + 1) * rs, qs, c0, c1, c[r], c[r + 1]);
      }
      if (r < rowTo) {
        row(s, n, q0, q1, p, off + r * rs, qs, bOff == NO_BIAS ? 0 : p[bOff + r], c[r]);
      }
    }
  }


  /**
   * Rows u and v of {@link #combine} for q in [q0, q1): the pass that holds q = 0 starts from
   * the initial values u0, v0 instead of loading u and v.
   */
  private static void rowPair(
      double[][] s, int n, int q0, int q1, double[] p, int au, int av, int qs, double u0, double v0, double[] u, double[] v) {
    int q = q0;
    if (q == 0) {
      if (q1 >= 4) {
        final double a0 = p[au];
        final double a1 = p[au + qs];
        final double a2 = p[au + 2 * qs];
        final double a3 = p[au + 3 * qs];
        final double b0 = p[av];
        final double b1 = p[av + qs];
        final double b2 = p[av + 2 * qs];
        final double b3 = p[av + 3 * qs];
        final double[] s0 = s[0];
        final double[] s1 = s[1];
        final double[] s2 = s[2];
        final double[] s3 = s[3];
        for (int i = 0; i < n; i++) {
          u[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], u0))));
          v[i] = Math.fma(b3, s3[i], Math.fma(b2, s2[i], Math.fma(b1, s1[i], Math.fma(b0, s0[i], v0))));
        }
        q = 4;
      } else {
        final double a0 = p[au];
        final double b0 = p[av];
        final double[] s0 = s[0];
        for (int i = 0; i < n; i++) {
          u[i] = Math.fma(a0, s0[i], u0);
          v[i] = Math.fma(b0, s0[i], v0);
        }
        q = 1;
      }
    }
    for (; q + 3 < q1; q += 4) {
      final double a0 = p[au + q * qs];
      final double a1 = p[au + (q + 1) * qs];
      final double a2 = p[au + (q + 2) * qs];
      final double a3 = p[au + (q + 3) * qs];
      final double b0 = p[av + q * qs];
      final double b1 = p[av + (q + 1) * qs];
      final double b2 = p[av + (q + 2) * qs];
      final double b3 = p[av + (q + 3) * qs];
      final double[] s0 = s[q];
      final double[] s1 = s[q + 1];
      final double[] s2 = s[q + 2];
      final double[] s3 = s[q + 3];
      for (int i = 0; i < n; i++) {
        u[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], u[i]))));
        v[i] = Math.fma(b3, s3[i], Math.fma(b2, s2[i], Math.fma(b1, s1[i], Math.fma(b0, s0[i], v[i]))));
      }
    }
    for (; q < q1; q++) {
      final double a0 = p[au + q * qs];
      final double b0 = p[av + q * qs];
      final double[] s0 = s[q];
      for (int i = 0; i < n; i++) {
        u[i] = Math.fma(a0, s0[i], u[i]);
        v[i] = Math.fma(b0, s0[i], v[i]);
      }
    }
  }

  /** One row of {@link #combine} for q in [q0, q1), as {@link #rowPair}. */
  private static void row(double[][] s, int n, int q0, int q1, double[] p, int au, int qs, double u0, double[] u) {
    int q = q0;
    if (q == 0) {
      if (q1 >= 4) {
        final double a0 = p[au];
        final double a1 = p[au + qs];
        final double a2 = p[au + 2 * qs];
        final double a3 = p[au + 3 * qs];
        final double[] s0 = s[0];
        final double[] s1 = s[1];
        final double[] s2 = s[2];
        final double[] s3 = s[3];
        for (int i = 0; i < n; i++) {
          u[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], u0))));
        }
        q = 4;
      } else {
        final double a0 = p[au];
        final double[] s0 = s[0];
        for (int i = 0; i < n; i++) {
          u[i] = Math.fma(a0, s0[i], u0);
        }
        q = 1;
      }
    }
    for (; q + 3 < q1; q += 4) {
      final double a0 = p[au + q * qs];
      final double a1 = p[au + (q + 1) * qs];
      final double a2 = p[au + (q + 2) * qs];
      final double a3 = p[au + (q + 3) * qs];
      final double[] s0 = s[q];
      final double[] s1 = s[q + 1];
      final double[] s2 = s[q + 2];
      final double[] s3 = s[q + 3];
      for (int i = 0; i < n; i++) {
        u[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], u[i]))));
      }
    }
    for (; q < q1; q++) {
      final double a0 = p[au + q * qs];
      final double[] s0 = s[q];
      for (int i = 0; i < n; i++) {
        u[i] = Math.fma(a0, s0[i], u[i]);
      }
    }
  }

  /** From this input width on, {@link #weightGradient} runs row-wise over a transposed input. */
  public static final int WIDE_INPUT = 16;

  /**
   * gW = dz xᵀ and gb = dz 1 (gradients of W and b), overwriting the gradient block:
   * gW[o, j] = Σ_i dz[o][i] x[j][i] and gb[o] = Σ_i dz[o][i]. Summation order, fixed by the
   * shape: for in = 3, gb and gW in one pass as two partial sums over even and odd i, then
   * (s_even + s_odd), then the last point if n is odd; otherwise gb and, for in &lt;
   * {@link #WIDE_INPUT}, gW as four partial sums over i ≡ 0, 1, 2, 3 (mod 4), then
   * ((s0 + s1) + (s2 + s3)), then the tail; for wider inputs gW in i ascending (one fused chain
   * over the points, vectorised across j).
   *
   * @param dz out units × n
   * @param x in units × n, the inputs of the layer
   * @param g gradient block with gW at wOff (out × in, row-major) and gb at bOff (out)
   * @param points scratch of at least n arrays of at least in doubles (used when in ≥ {@link #WIDE_INPUT})
   * @param acc scratch: two rows of at least in doubles (used when in ≥ {@link #WIDE_INPUT})
   */
  public static void weightGradient(
      double[][] dz, double[][] x, int n, int in, int out, double[] g, int wOff, int bOff, double[][] points, double[][] acc) {
    weightGradient(dz, x, n, in, out, g, wOff, bOff, points, acc, 1);
  }

  /**
   * {@link #weightGradient} on up to {@code threads} threads, each owning a block of output
   * units (rows of gW): the same bits whatever the thread count.
   */
  public static void weightGradient(
      double[][] dz, double[][] x, int n, int in, int out, double[] g, int wOff, int bOff, double[][] points, double[][] acc,
      int threads) {
    if (in == 3) {
      narrowWeightGradient(dz, x, n, in, out, g, wOff, bOff);
      return;
    }
    if (in < WIDE_INPUT) {
      for (int o = 0; o < out; o++) {
        smallRow(dz[o], x, n, in, g, wOff + o * in, bOff + o);
      }
      return;
    }
    for (int o = 0; o < out; o++) {
      g[bOff + o] = sum(dz[o], n);
    }
    // point-major copy of x, so that gW[o, ·] += dz[o][i] x[·][i] runs along j
    for (int j = 0; j < in; j++) {
      final double[] xj = x[j];
      for (int i = 0; i < n; i++) {
        points[i][j] = xj[i];
      }
    }
    forBlocks(out, threads, (from, to) -> wideRows(dz, n, in, g, wOff, points, from == 0 ? acc : new double[2][in], from, to),
        (long) n * in * out);
  }

  /**
   * Row o of the weight gradient for in &lt; {@link #WIDE_INPUT}, in ≠ 3: gb[o] (at gb) and
   * gW[o, ·] (from go) in the four-way order of {@link #dot} and {@link #sum}, several sums per
   * pass over the points so one load of d feeds up to three dot products and twelve chains are
   * in flight.
   */
  private static void smallRow(double[] d, double[][] x, int n, int in, double[] g, int go, int gb) {
    if (in == 1) {
      g[gb] = sum(d, n);
      g[go] = dot(d, x[0], n);
      return;
    }
    biasPair(d, x[0], x[1], n, g, gb, go);
    int j = 2;
    for (; j + 2 < in; j += 3) {
      dotTriple(d, x[j], x[j + 1], x[j + 2], n, g, go + j, 3);
    }
    if (j + 1 < in) {
      dotTriple(d, x[j], x[j + 1], x[j + 1], n, g, go + j, 2);
    } else if (j < in) {
      g[go + j] = dot(d, x[j], n);
    }
  }

  /**
   * Rows [from, to) of the wide weight gradient: gW[o, ·] = Σ_i dz[o][i] points[i][·], one
   * fused chain over i ascending per element. Two rows per pass share each load of
   * points[i][j]. (Blocking the columns so a block of the copy stays in L2 measured slower.)
   *
   * @param sums two rows of at least in doubles: the two rows' running sums
   */
  private static void wideRows(double[][] dz, int n, int in, double[] g, int wOff, double[][] points, double[][] sums, int from, int to) {
    final double[] acc = sums[0];
    final double[] acc1 = sums[1];
    int o = from;
    for (; o + 1 < to; o += 2) {
      widePair(dz[o], dz[o + 1], n, in, points, acc, acc1);
      System.arraycopy(acc, 0, g, wOff + o * in, in);
      System.arraycopy(acc1, 0, g, wOff + (o + 1) * in, in);
    }
    if (o < to) {
      // an odd last row rides as both rows of a pair: the same chain twice, one copy kept
      widePair(dz[o], dz[o], n, in, points, acc, acc1);
      System.arraycopy(acc, 0, g, wOff + o * in, in);
    }
  }

  /** Rows d and e of {@link #wideRows} into u and v (in doubles each). */
  private static void widePair(double[] d, double[] e, int n, int in, double[][] points, double[] u, double[] v) {
    java.util.Arrays.fill(u, 0, in, 0);
    java.util.Arrays.fill(v, 0, in, 0);
    int i = 0;
    for (; i + 3 < n; i += 4) {
      final double d0 = d[i];
      final double d1 = d[i + 1];
      final double d2 = d[i + 2];
      final double d3 = d[i + 3];
      final double e0 = e[i];
      final double e1 = e[i + 1];
      final double e2 = e[i + 2];
      final double e3 = e[i + 3];
      final double[] x0 = points[i];
      final double[] x1 = points[i + 1];
      final double[] x2 = points[i + 2];
      final double[] x3 = points[i + 3];
      for (int j = 0; j < in; j++) {
        u[j] = Math.fma(d3, x3[j], Math.fma(d2, x2[j], Math.fma(d1, x1[j], Math.fma(d0, x0[j], u[j]))));
        v[j] = Math.fma(e3, x3[j], Math.fma(e2, x2[j], Math.fma(e1, x1[j], Math.fma(e0, x0[j], v[j]))));
      }
    }
    for (; i < n; i++) {
      final double d0 = d[i];
      final double e0 = e[i];
      final double[] x0 = points[i];
      for (int j = 0; j < in; j++) {
        u[j] = Math.fma(d0, x0[j], u[j]);
        v[j] = Math.fma(e0, x0[j], v[j]);
      }
    }
  }

  /**
   * gb = Σ d (at g[gb]) and the dot products of d with a and b (at g[gw], g[gw + 1]) in one
   * pass over the points, each as the four partial sums of {@link #dot} and {@link #sum}, so
   * the bits are theirs.
   */
  private static void biasPair(double[] d, double[] a, double[] b, int n, double[] g, int gb, int gw) {
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double b3 = 0;
    double u0 = 0;
    double u1 = 0;
    double u2 = 0;
    double u3 = 0;
    double v0 = 0;
    double v1 = 0;
    double v2 = 0;
    double v3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      final double d0 = d[i];
      final double d1 = d[i + 1];
      final double d2 = d[i + 2];
      final double d3 = d[i + 3];
      b0 += d0;
      b1 += d1;
      b2 += d2;
      b3 += d3;
      u0 = Math.fma(d0, a[i], u0);
      u1 = Math.fma(d1, a[i + 1], u1);
      u2 = Math.fma(d2, a[i + 2], u2);
      u3 = Math.fma(d3, a[i + 3], u3);
      v0 = Math.fma(d0, b[i], v0);
      v1 = Math.fma(d1, b[i + 1], v1);
      v2 = Math.fma(d2, b[i + 2], v2);
      v3 = Math.fma(d3, b[i + 3], v3);
    }
    double sb = (b0 + b1) + (b2 + b3);
    double su = (u0 + u1) + (u2 + u3);
    double sv = (v0 + v1) + (v2 + v3);
    for (; i < n; i++) {
      sb += d[i];
      su = Math.fma(d[i], a[i], su);
      sv = Math.fma(d[i], b[i], sv);
    }
    g[gb] = sb;
    g[gw] = su;
    g[gw + 1] = sv;
  }

  /**
   * The dot products of d with a, b and c (at g[gw], g[gw + 1], g[gw + 2]) in one pass, each in
   * the order of {@link #dot}; only the first {@code count} are stored (2 when c repeats b).
   */
  private static void dotTriple(double[] d, double[] a, double[] b, double[] c, int n, double[] g, int gw, int count) {
    double u0 = 0;
    double u1 = 0;
    double u2 = 0;
    double u3 = 0;
    double v0 = 0;
    double v1 = 0;
    double v2 = 0;
    double v3 = 0;
    double w0 = 0;
    double w1 = 0;
    double w2 = 0;
    double w3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      final double d0 = d[i];
      u0 = Math.fma(d0, a[i], u0);
      v0 = Math.fma(d0, b[i], v0);
      w0 = Math.fma(d0, c[i], w0);
      final double d1 = d[i + 1];
      u1 = Math.fma(d1, a[i + 1], u1);
      v1 = Math.fma(d1, b[i + 1], v1);
      w1 = Math.fma(d1, c[i + 1], w1);
      final double d2 = d[i + 2];
      u2 = Math.fma(d2, a[i + 2], u2);
      v2 = Math.fma(d2, b[i + 2], v2);
      w2 = Math.fma(d2, c[i + 2], w2);
      final double d3 = d[i + 3];
      u3 = Math.fma(d3, a[i + 3], u3);
      v3 = Math.fma(d3, b[i + 3], v3);
      w3 = Math.fma(d3, c[i + 3], w3);
    }
    double su = (u0 + u1) + (u2 + u3);
    double sv = (v0 + v1) + (v2 + v3);
    double sw = (w0 + w1) + (w2 + w3);
    for (; i < n; i++) {
      su = Math.fma(d[i], a[i], su);
      sv = Math.fma(d[i], b[i], sv);
      sw = Math.fma(d[i], c[i], sw);
    }
    g[gw] = su;
    g[gw + 1] = sv;
    if (count == 3) {
      g[gw + 2] = sw;
    }
  }

  /**
   * {@link #weightGradient} for in = 3: every sum of one unit in a single pass over the
   * points, two independent chains each.
   */
  private static void narrowWeightGradient(double[][] dz, double[][] x, int n, int in, int out, double[] g, int wOff, int bOff) {
    final double[] x0 = x[0];
    final double[] x1 = x[1];
    final double[] x2 = x[2];
    for (int o = 0; o < out; o++) {
      final double[] d = dz[o];
      double be = 0;
      double bo = 0;
      double w0e = 0;
      double w0o = 0;
      double w1e = 0;
      double w1o = 0;
      double w2e = 0;
      double w2o = 0;
      int i = 0;
      for (; i + 1 < n; i += 2) {
        final double de = d[i];
        final double dd = d[i + 1];
        be += de;
        bo += dd;
        w0e = Math.fma(de, x0[i], w0e);
        w0o = Math.fma(dd, x0[i + 1], w0o);
        w1e = Math.fma(de, x1[i], w1e);
        w1o = Math.fma(dd, x1[i + 1], w1o);
        w2e = Math.fma(de, x2[i], w2e);
        w2o = Math.fma(dd, x2[i + 1], w2o);
      }
      double b = be + bo;
      double w0 = w0e + w0o;
      double w1 = w1e + w1o;
      double w2 = w2e + w2o;
      if (i < n) {
        b += d[i];
        w0 = Math.fma(d[i], x0[i], w0);
        w1 = Math.fma(d[i], x1[i], w1);
        w2 = Math.fma(d[i], x2[i], w2);
      }
      g[bOff + o] = b;
      final int go = wOff + o * in;
      g[go] = w0;
      g[go + 1] = w1;
      g[go + 2] = w2;
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
