package dev.knead.core.net;

/**
 * {@link FloatDense}'s three products in plain loops, for JVMs without the Vector API (or a
 * vector unit): the same summation orders, so the same bits as {@link FloatDenseTiles}, at about
 * half its speed on wide layers and a fraction on weight gradients.
 *
 * <p>Loops are shaped for C2's SuperWord on JDK 17: every vectorised loop is one statement over
 * arrays indexed by the loop variable with no offset, a fused chain of four multiply-adds per
 * load and store of the accumulator. A loop updating two accumulator rows from shared loads
 * stays scalar (about 8× slower in a microbenchmark), so there is no register blocking here.
 */
final class FloatDenseLoops {
  private FloatDenseLoops() {}

  /**
   * Summed-over units per pass in {@link #combine}: their rows stay in cache while every output
   * row takes its four-term links (16 measured as fast as 8 and faster than 32 or 64).
   */
  private static final int UNIT_BLOCK = 16;

  /** Points per pass in {@link #combine}: long loops beat L1-sized tiles (n = 1000: 42 against 32 GFLOP/s at 256). */
  private static final int POINT_TILE = 1024;

  /**
   * z = W x + b: z[o][i] = b[o] + Σ_j W[o, j] x[j][i], one fused multiply-add chain from b[o]
   * with j ascending.
   *
   * @param x in units × n points
   * @param p parameter block holding W (out × in, row-major) at wOff and b (out) at bOff
   * @param z out units × n points, output
   * @param threads the most threads to use; the bits do not depend on it
   */
  static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, float[][] z, int threads) {
    DoubleDense.forBlocks(out, threads, (from, to) -> combine(x, n, in, p, wOff, in, 1, bOff, from, to, z), (long) n * in * out);
  }

  /**
   * dx = Wᵀ dz: dx[j][i] = Σ_o W[o, j] dz[o][i], one fused multiply-add chain from 0 with o
   * ascending.
   *
   * @param dz out units × n
   * @param dx in units × n, output
   */
  static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, float[][] dx, int threads) {
    DoubleDense.forBlocks(in, threads, (from, to) -> combine(dz, n, out, p, wOff, 1, in, -1, from, to, dx), (long) n * in * out);
  }

  /**
   * c[r][i] = c0(r) + Σ_q A(r, q) s[q][i] for rows r in [rowFrom, rowTo), A(r, q) = p[off + r·rs
   * + q·qs], q ascending in one fused chain from c0 = p[bOff + r], or from 0 when bOff &lt; 0. The
   * chain is cut into passes of {@link #UNIT_BLOCK} units over {@link #POINT_TILE} points, which
   * changes when links run, not their order.
   */
  private static void combine(float[][] s, int n, int qCount, float[] p, int off, int rs, int qs, int bOff, int rowFrom, int rowTo,
      float[][] c) {
    for (int i0 = 0; i0 < n; i0 += POINT_TILE) {
      final int i1 = Math.min(n, i0 + POINT_TILE);
      for (int q0 = 0; q0 < qCount; q0 += UNIT_BLOCK) {
        final int q1 = Math.min(qCount, q0 + UNIT_BLOCK);
        for (int r = rowFrom; r < rowTo; r++) {
          final float[] cr = c[r];
          final int ar = off + r * rs;
          int q = q0;
          if (q == 0) {
            // the chain's first links write c without reading it (one pass less when qCount is small)
            q = Math.min(4, q1);
            start(s, p, ar, qs, q, bOff >= 0 ? p[bOff + r] : 0f, cr, i0, i1);
          }
          for (; q + 3 < q1; q += 4) {
            final float a0 = p[ar + q * qs];
            final float a1 = p[ar + (q + 1) * qs];
            final float a2 = p[ar + (q + 2) * qs];
            final float a3 = p[ar + (q + 3) * qs];
            final float[] s0 = s[q];
            final float[] s1 = s[q + 1];
            final float[] s2 = s[q + 2];
            final float[] s3 = s[q + 3];
            for (int i = i0; i < i1; i++) {
              cr[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], cr[i]))));
            }
          }
          for (; q < q1; q++) {
            final float a0 = p[ar + q * qs];
            final float[] s0 = s[q];
            for (int i = i0; i < i1; i++) {
              cr[i] = Math.fma(a0, s0[i], cr[i]);
            }
          }
        }
      }
    }
  }

  /** c[i] = the chain from c0 over the first {@code terms} (1 … 4) units, i in [i0, i1). */
  private static void start(float[][] s, float[] p, int ar, int qs, int terms, float c0, float[] c, int i0, int i1) {
    final float a0 = p[ar];
    final float[] s0 = s[0];
    if (terms == 1) {
      for (int i = i0; i < i1; i++) {
        c[i] = Math.fma(a0, s0[i], c0);
      }
      return;
    }
    final float a1 = p[ar + qs];
    final float[] s1 = s[1];
    if (terms == 2) {
      for (int i = i0; i < i1; i++) {
        c[i] = Math.fma(a1, s1[i], Math.fma(a0, s0[i], c0));
      }
      return;
    }
    final float a2 = p[ar + 2 * qs];
    final float[] s2 = s[2];
    if (terms == 3) {
      for (int i = i0; i < i1; i++) {
        c[i] = Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], c0)));
      }
      return;
    }
    final float a3 = p[ar + 3 * qs];
    final float[] s3 = s[3];
    for (int i = i0; i < i1; i++) {
      c[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], c0))));
    }
  }

  /**
   * gW = dz xᵀ and gb = dz 1 in order 3 of {@link FloatDense}: per element eight
   * lane sums (lane t takes the points i ≡ t mod 8, ascending, from 0; gb by additions, gW by
   * fused multiply-adds), then ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)). Plain loops,
   * eight independent chains per pass, for JVMs without the Vector API: the same bits.
   */
  static void weightGradient(
      float[][] dz, float[][] x, int n, int in, int out, float[] g, int wOff, int bOff, int threads) {
    DoubleDense.forBlocks(out, threads, (from, to) -> laneRows(dz, x, n, in, g, wOff, bOff, from, to), (long) n * in * out);
  }

  private static void laneRows(float[][] dz, float[][] x, int n, int in, float[] g, int wOff, int bOff, int from, int to) {
    for (int o = from; o < to; o++) {
      final float[] d = dz[o];
      g[bOff + o] = laneSum(d, null, n);
      for (int j = 0; j < in; j++) {
        g[wOff + o * in + j] = laneSum(d, x[j], n);
      }
    }
  }

  /** Σ_i d[i]·v[i] (or Σ_i d[i] when v is null) in eight lanes. */
  static float laneSum(float[] d, float[] v, int n) {
    float l0 = 0f;
    float l1 = 0f;
    float l2 = 0f;
    float l3 = 0f;
    float l4 = 0f;
    float l5 = 0f;
    float l6 = 0f;
    float l7 = 0f;
    int i = 0;
    if (v == null) {
      for (; i + 7 < n; i += 8) {
        l0 += d[i]; l1 += d[i + 1]; l2 += d[i + 2]; l3 += d[i + 3];
        l4 += d[i + 4]; l5 += d[i + 5]; l6 += d[i + 6]; l7 += d[i + 7];
      }
    } else {
      for (; i + 7 < n; i += 8) {
        l0 = Math.fma(d[i], v[i], l0); l1 = Math.fma(d[i + 1], v[i + 1], l1);
        l2 = Math.fma(d[i + 2], v[i + 2], l2); l3 = Math.fma(d[i + 3], v[i + 3], l3);
        l4 = Math.fma(d[i + 4], v[i + 4], l4); l5 = Math.fma(d[i + 5], v[i + 5], l5);
        l6 = Math.fma(d[i + 6], v[i + 6], l6); l7 = Math.fma(d[i + 7], v[i + 7], l7);
      }
    }
    // the tail (fewer than 8 points, the main loop ended on a multiple of 8): point i to lane i mod 8
    if (i < n) {
      l0 = v == null ? l0 + d[i] : Math.fma(d[i], v[i], l0);
      i++;
    }
    if (i < n) {
      l1 = v == null ? l1 + d[i] : Math.fma(d[i], v[i], l1);
      i++;
    }
    if (i < n) {
      l2 = v == null ? l2 + d[i] : Math.fma(d[i], v[i], l2);
      i++;
    }
    if (i < n) {
      l3 = v == null ? l3 + d[i] : Math.fma(d[i], v[i], l3);
      i++;
    }
    if (i < n) {
      l4 = v == null ? l4 + d[i] : Math.fma(d[i], v[i], l4);
      i++;
    }
    if (i < n) {
      l5 = v == null ? l5 + d[i] : Math.fma(d[i], v[i], l5);
      i++;
    }
    if (i < n) {
      l6 = v == null ? l6 + d[i] : Math.fma(d[i], v[i], l6);
    }
    return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
  }
}
