package dev.knead.core.net;

import java.util.Arrays;

/**
 * The dense layer kernels of {@link BatchKernels} in float32, on the same unit-major layout:
 * unit u holds its n values in {@code x[u][0 … n)}.
 *
 * <p>Loops are shaped for C2's SuperWord on JDK 17 (8 float lanes with AVX2): every vectorised
 * loop is one statement over arrays indexed by the loop variable with no offset, a fused chain
 * of four multiply-adds per load and store of the accumulator. In a microbenchmark, a loop
 * updating two accumulator rows from shared loads ran about 8 times slower (it stays scalar),
 * and one indexing two arrays at different loop-invariant offsets about 2 times slower, so
 * there is no register blocking across rows and the narrow weight gradient copies its points
 * into tiles first.
 *
 * <p>Invariant: each output element is summed in one order fixed by the shapes (stated per
 * kernel); blocks and threads only choose which elements are computed when, so any thread count
 * gives the same bits.
 */
public final class FloatBatchKernels {
  private FloatBatchKernels() {}

  /**
   * Summed-over units per pass in {@link #combine}: their rows stay in cache while every output
   * row takes its four-term links (16 measured as fast as 8 and faster than 32 or 64).
   */
  private static final int UNIT_BLOCK = 16;

  /** Points per pass in {@link #combine}: long loops beat L1-sized tiles (n = 1000: 42 against 32 GFLOP/s at 256). */
  private static final int POINT_TILE = 1024;

  /**
   * Lanes of the narrow weight gradient: point i feeds lane i mod LANES. Also the tile of points
   * whose sum the wide weight gradient forms before adding it to the total.
   */
  static final int LANES = 128;

  /** From this input width on, the weight gradient runs along the inputs over a transposed x. */
  public static final int WIDE_INPUT = 64;

  /**
   * Buffers of {@link #weightGradient} for batches up to {@code capacity} points and layers up
   * to {@code widestIn} inputs and {@code widestOut} outputs, allocated once.
   */
  public static final class Scratch {
    final int capacity;
    final int widestIn;
    final int widestOut;
    /** points[i][j] = x[j][i] (wide layers). */
    final float[][] points;
    /** Per output row: the running total and one tile's partial sum (wide layers). */
    final float[][] total;
    final float[][] part;
    /** Points in tiles of {@link #LANES}, zero-padded: tiles[u][t][k] = v[u][t·LANES + k] (narrow layers). */
    final float[][][] dzTiles;
    final float[][][] xTiles;
    /** Per output row: the lane sums of one (o, j) pair (narrow layers). */
    final float[][] lanes;

    /**
     * @param capacity largest batch n
     * @param widestIn largest layer input width
     * @param widestOut largest layer output width
     */
    public Scratch(int capacity, int widestIn, int widestOut) {
      this.capacity = capacity;
      this.widestIn = widestIn;
      this.widestOut = widestOut;
      final int wide = widestIn >= WIDE_INPUT ? widestIn : 0;
      points = new float[wide == 0 ? 0 : capacity][wide];
      total = new float[wide == 0 ? 0 : widestOut][wide];
      part = new float[wide == 0 ? 0 : widestOut][wide];
      final int tiles = (capacity + LANES - 1) / LANES;
      final int narrow = Math.min(widestIn, WIDE_INPUT - 1);
      dzTiles = new float[widestOut][tiles][LANES];
      xTiles = new float[narrow][tiles][LANES];
      lanes = new float[widestOut][LANES];
    }
  }

  /**
   * z = W x + b: z[o][i] = b[o] + Σ_j W[o, j] x[j][i], one fused multiply-add chain from b[o]
   * with j ascending.
   *
   * @param x in units × n points
   * @param p parameter block holding W (out × in, row-major) at wOff and b (out) at bOff
   * @param z out units × n points, output
   * @param threads the most threads to use; the bits do not depend on it
   */
  public static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, float[][] z, int threads) {
    BatchKernels.forBlocks(out, threads, (from, to) -> combine(x, n, in, p, wOff, in, 1, bOff, from, to, z), (long) n * in * out);
  }

  /**
   * dx = Wᵀ dz: dx[j][i] = Σ_o W[o, j] dz[o][i], one fused multiply-add chain from 0 with o
   * ascending.
   *
   * @param dz out units × n
   * @param dx in units × n, output
   */
  public static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, float[][] dx, int threads) {
    BatchKernels.forBlocks(in, threads, (from, to) -> combine(dz, n, out, p, wOff, 1, in, -1, from, to, dx), (long) n * in * out);
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
   * gW = dz xᵀ and gb = dz 1, overwriting the gradient block: gW[o, j] = Σ_i dz[o][i] x[j][i],
   * gb[o] = Σ_i dz[o][i]. Summation order, fixed by the shapes:
   * <ul>
   *   <li>in ≥ {@link #WIDE_INPUT}: gW in tiles of {@link #LANES} points; within a tile one
   *       fused chain from 0, i ascending; the tile sums added in float in tile order. gb as in
   *       {@link #sum}.
   *   <li>in &lt; {@link #WIDE_INPUT} and n ≥ {@link #LANES}: {@link #LANES} lane sums, lane k a
   *       fused chain over i = k, k + LANES, k + 2·LANES, … (zero-padded to whole tiles), then the
   *       lanes reduced as in {@link #reduceLanes}; gb likewise with additions.
   *   <li>otherwise (short batches): {@link #dot} and {@link #sum}.
   * </ul>
   * Each sum thus holds at most about LANES + n / LANES roundings in a row, not n.
   *
   * @param dz out units × n
   * @param x in units × n, the inputs of the layer
   * @param g gradient block with gW at wOff (out × in, row-major) and gb at bOff (out)
   * @param s buffers sized for at least n points, in inputs and out outputs
   */
  public static void weightGradient(float[][] dz, float[][] x, int n, int in, int out, float[] g, int wOff, int bOff, Scratch s,
      int threads) {
    if (n > s.capacity || in > s.widestIn || out > s.widestOut) {
      throw new IllegalArgumentException("scratch for " + s.capacity + " points, " + s.widestIn + " × " + s.widestOut
          + " is too small for " + n + " points, " + in + " × " + out);
    }
    final long work = (long) n * in * out;
    if (in >= WIDE_INPUT) {
      for (int o = 0; o < out; o++) {
        g[bOff + o] = sum(dz[o], n);
      }
      // 16 inputs at a time: each point's row gets a whole cache line per pass
      for (int j0 = 0; j0 < in; j0 += 16) {
        final int j1 = Math.min(in, j0 + 16);
        for (int i = 0; i < n; i++) {
          final float[] row = s.points[i];
          for (int j = j0; j < j1; j++) {
            row[j] = x[j][i];
          }
        }
      }
      BatchKernels.forBlocks(out, threads, (from, to) -> wideRows(dz, n, in, g, wOff, s, from, to), work);
    } else if (n >= LANES) {
      final int tiles = (n + LANES - 1) / LANES;
      toTiles(dz, n, out, s.dzTiles);
      toTiles(x, n, in, s.xTiles);
      BatchKernels.forBlocks(out, threads, (from, to) -> laneRows(tiles, in, g, wOff, bOff, s, from, to), work);
    } else {
      for (int o = 0; o < out; o++) {
        g[bOff + o] = sum(dz[o], n);
        for (int j = 0; j < in; j++) {
          g[wOff + o * in + j] = dot(dz[o], x[j], n);
        }
      }
    }
  }

  /**
   * Rows [from, to) of the wide weight gradient. The vectorised loop runs along all the inputs:
   * splitting it into L1-sized chunks measured slower than the longer loop (784 inputs: 20
   * against 33 GFLOP/s).
   */
  private static void wideRows(float[][] dz, int n, int in, float[] g, int wOff, Scratch s, int from, int to) {
    final float[][] pts = s.points;
    for (int t0 = 0; t0 < n; t0 += LANES) {
      final int t1 = Math.min(n, t0 + LANES);
      for (int o = from; o < to; o++) {
        final float[] d = dz[o];
        final float[] tot = s.total[o];
        final float[] part = s.part[o];
        // the first tile sums straight into the total; later ones into part, then added
        final float[] acc = t0 == 0 ? tot : part;
        Arrays.fill(acc, 0, in, 0f);
        int i = t0;
        for (; i + 3 < t1; i += 4) {
          final float d0 = d[i];
          final float d1 = d[i + 1];
          final float d2 = d[i + 2];
          final float d3 = d[i + 3];
          final float[] x0 = pts[i];
          final float[] x1 = pts[i + 1];
          final float[] x2 = pts[i + 2];
          final float[] x3 = pts[i + 3];
          for (int j = 0; j < in; j++) {
            acc[j] = Math.fma(d3, x3[j], Math.fma(d2, x2[j], Math.fma(d1, x1[j], Math.fma(d0, x0[j], acc[j]))));
          }
        }
        for (; i < t1; i++) {
          final float d0 = d[i];
          final float[] x0 = pts[i];
          for (int j = 0; j < in; j++) {
            acc[j] = Math.fma(d0, x0[j], acc[j]);
          }
        }
        if (t0 > 0) {
          for (int j = 0; j < in; j++) {
            tot[j] += part[j];
          }
        }
      }
    }
    for (int o = from; o < to; o++) {
      System.arraycopy(s.total[o], 0, g, wOff + o * in, in);
    }
  }

  /** v[u][0 … n) into tiles[u][t][0 … LANES), the last tile padded with zeros (0 · 0 adds nothing). */
  private static void toTiles(float[][] v, int n, int units, float[][][] tiles) {
    for (int u = 0; u < units; u++) {
      final float[] src = v[u];
      final float[][] dst = tiles[u];
      int t = 0;
      for (int i0 = 0; i0 < n; i0 += LANES, t++) {
        final int len = Math.min(LANES, n - i0);
        System.arraycopy(src, i0, dst[t], 0, len);
        Arrays.fill(dst[t], len, LANES, 0f);
      }
    }
  }

  /** Rows [from, to) of the narrow weight gradient and its bias, each sum over {@link #LANES} lanes. */
  private static void laneRows(int tiles, int in, float[] g, int wOff, int bOff, Scratch s, int from, int to) {
    for (int o = from; o < to; o++) {
      final float[][] d = s.dzTiles[o];
      final float[] lane = s.lanes[o];
      Arrays.fill(lane, 0f);
      int t = 0;
      for (; t + 3 < tiles; t += 4) {
        final float[] d0 = d[t];
        final float[] d1 = d[t + 1];
        final float[] d2 = d[t + 2];
        final float[] d3 = d[t + 3];
        for (int k = 0; k < LANES; k++) {
          lane[k] = lane[k] + d0[k] + d1[k] + d2[k] + d3[k];
        }
      }
      for (; t < tiles; t++) {
        final float[] d0 = d[t];
        for (int k = 0; k < LANES; k++) {
          lane[k] += d0[k];
        }
      }
      g[bOff + o] = reduceLanes(lane);
      for (int j = 0; j < in; j++) {
        final float[][] x = s.xTiles[j];
        Arrays.fill(lane, 0f);
        t = 0;
        for (; t + 3 < tiles; t += 4) {
          final float[] d0 = d[t];
          final float[] d1 = d[t + 1];
          final float[] d2 = d[t + 2];
          final float[] d3 = d[t + 3];
          final float[] x0 = x[t];
          final float[] x1 = x[t + 1];
          final float[] x2 = x[t + 2];
          final float[] x3 = x[t + 3];
          for (int k = 0; k < LANES; k++) {
            lane[k] = Math.fma(d3[k], x3[k], Math.fma(d2[k], x2[k], Math.fma(d1[k], x1[k], Math.fma(d0[k], x0[k], lane[k]))));
          }
        }
        for (; t < tiles; t++) {
          final float[] d0 = d[t];
          final float[] x0 = x[t];
          for (int k = 0; k < LANES; k++) {
            lane[k] = Math.fma(d0[k], x0[k], lane[k]);
          }
        }
        g[wOff + o * in + j] = reduceLanes(lane);
      }
    }
  }

  /**
   * Σ_k lane[k] over the {@link #LANES} lanes: eight partial sums over k ≡ 0 … 7 (mod 8), k
   * ascending, then ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)).
   */
  static float reduceLanes(float[] lane) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    for (int k = 0; k < LANES; k += 8) {
      s0 += lane[k];
      s1 += lane[k + 1];
      s2 += lane[k + 2];
      s3 += lane[k + 3];
      s4 += lane[k + 4];
      s5 += lane[k + 5];
      s6 += lane[k + 6];
      s7 += lane[k + 7];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** Σ_i a[i] b[i] for i &lt; n: four fused chains over i ≡ 0 … 3 (mod 4), ((s0 + s1) + (s2 + s3)), then the tail. */
  static float dot(float[] a, float[] b, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 = Math.fma(a[i], b[i], s0);
      s1 = Math.fma(a[i + 1], b[i + 1], s1);
      s2 = Math.fma(a[i + 2], b[i + 2], s2);
      s3 = Math.fma(a[i + 3], b[i + 3], s3);
    }
    float s = (s0 + s1) + (s2 + s3);
    for (; i < n; i++) {
      s = Math.fma(a[i], b[i], s);
    }
    return s;
  }

  /** Σ_i a[i] for i &lt; n, in the order of {@link #dot}. */
  static float sum(float[] a, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    float s = (s0 + s1) + (s2 + s3);
    for (; i < n; i++) {
      s += a[i];
    }
    return s;
  }

  /** Row-major n × d doubles to float units: units[u][i] = (float) m[i·d + u], rounded to nearest. */
  public static void toUnits(double[] m, int n, int d, float[][] units) {
    for (int u = 0; u < d; u++) {
      final float[] t = units[u];
      for (int i = 0; i < n; i++) {
        t[i] = (float) m[i * d + u];
      }
    }
  }

  /** Float units units[u][i] (d units of n points) to row-major n × d doubles, exactly. */
  public static void fromUnits(float[][] units, int n, int d, double[] m) {
    for (int u = 0; u < d; u++) {
      final float[] t = units[u];
      for (int i = 0; i < n; i++) {
        m[i * d + u] = t[i];
      }
    }
  }
}
