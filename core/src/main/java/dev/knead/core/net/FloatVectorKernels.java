package dev.knead.core.net;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 dense layer kernels on the JDK's Vector API ({@code jdk.incubator.vector}), for a
 * batch stored unit-major as in {@link BatchKernels}: unit u holds its n points in
 * {@code x[u][0 … n)}. W (out × in, row-major) sits at wOff and b (out) at bOff of one flat
 * parameter (or gradient) block.
 *
 * <p>Each output element has one summation order, fixed by the shapes alone (never by register
 * blocking, cache blocking or the thread count), so a plain-Java implementation of the same
 * orders gives the same bits:
 *
 * <ol>
 *   <li>{@link #affine}: z[o][i] = fma chain from b[o], one {@code fma(W[o, j], x[j][i], acc)}
 *       per j, j ascending.
 *   <li>{@link #inputGradient}: dx[j][i] = fma chain from 0.0f, one
 *       {@code fma(W[o, j], dz[o][i], acc)} per o, o ascending.
 *   <li>{@link #weightGradient}: per o, eight lane sums; lane t (t = 0 … 7) runs over the points
 *       i ≡ t (mod 8), i &lt; n, ascending, from 0.0f: {@code acc + dz[o][i]} for gb[o] and
 *       {@code fma(dz[o][i], x[j][i], acc)} for gW[o, j]; the sum is then
 *       ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)) in float.
 * </ol>
 *
 * <p>The vector shape is {@link FloatVector#SPECIES_256} (eight lanes), which order 3 assumes.
 * All vector values live in locals of one method (no fields, no arrays of vectors): the JDK 17
 * Vector API boxes any vector that crosses a call C2 did not inline, and then runs ~100× slower.
 */
public final class FloatVectorKernels {
  private FloatVectorKernels() {}

  private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;

  /** Units of the summed-over operand per pass, so they stay in L2 while every row block reads them. */
  private static final int BLOCK = 256;

  /**
   * The selects a main tile makes on its sums before storing them: 0 where the sum itself is ≤ 0
   * (ReLU: max(v, 0) with Math.max's bits, −0 and NaN included), or 0 where the layer below's
   * output is ≤ 0 (ReLU's gradient). A compare and a blend cost the tile almost nothing, where
   * Math.max's AVX2 sequence, or any call C2 did not inline, slowed it by a third.
   */
  private static final int OWN_SIGN = 1;
  private static final int BELOW_SIGN = 2;

  /** The select the tiles make for f (0: none; f's pass then runs over the whole rows). */
  private static int select(Finish f) {
    return f == Finish.RELU ? OWN_SIGN : f == Finish.RELU_GRADIENT ? BELOW_SIGN : 0;
  }

  /** Each thread's packed weights of one row group ({@link #pack}), allocated once per thread. */
  private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[6 * BLOCK]);

  /**
   * Buffers for {@link #weightGradient}, sized once for the widest layer and the largest batch:
   * the zero-padded last partial vector of every row and column, and room for one tile's lanes.
   */
  public static final class Scratch {
    final int capacity;
    final float[][] colTails;
    final float[][] rowTails;
    /** The lane-sum vectors of one tile, stored for the fixed-order totals. */
    final float[] lanes = new float[FloatVectorWeightGradient.LANES];

    /**
     * @param capacity largest batch n
     * @param widestIn largest layer input width
     * @param widestOut largest layer output width
     */
    public Scratch(int capacity, int widestIn, int widestOut) {
      this.capacity = capacity;
      colTails = new float[widestIn][8];
      rowTails = new float[widestOut][8];
    }
  }

  /**
   * z = W x + b, in order 1 of the class comment; output units split across up to
   * {@code threads} threads (same bits for any count).
   *
   * @param x in units × n points
   * @param p parameter block with W at wOff and b at bOff
   * @param z out units × n points, output
   */
  public static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, float[][] z, int threads) {
    affine(x, n, in, p, wOff, bOff, out, Finish.NONE, z, threads);
  }

  /** {@link #affine} with f (NONE, RELU or TANH) applied to each block of rows once its sums are final. */
  static void affine(
      float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, Finish f, float[][] z, int threads) {
    BatchKernels.forBlocks(out, threads, (from, to) -> combine(x, n, in, p, wOff, in, 1, bOff, from, to, z, f, null),
        (long) n * in * out);
  }

  /**
   * dx = Wᵀ dz (the gradient passed down), in order 2 of the class comment; input units split
   * across up to {@code threads} threads.
   *
   * @param dz out units × n
   * @param dx in units × n, output
   */
  public static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, float[][] dx, int threads) {
    inputGradient(dz, n, in, out, p, wOff, Finish.NONE, null, dx, threads);
  }

  /**
   * {@link #inputGradient} with f (NONE, RELU_GRADIENT or TANH_GRADIENT, reading the layer
   * below's outputs {@code below}) applied to each block of rows once its sums are final.
   */
  static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, Finish f,
      float[][] below, float[][] dx, int threads) {
    BatchKernels.forBlocks(in, threads, (from, to) -> combine(dz, n, out, p, wOff, 1, in, -1, from, to, dx, f, below),
        (long) n * in * out);
  }

  /**
   * gW = dz xᵀ and gb = dz 1, overwriting the gradient block, in order 3 of the class comment;
   * output units split across up to {@code threads} threads.
   *
   * @param dz out units × n
   * @param x in units × n, the layer's inputs
   * @param g gradient block with gW at wOff (out × in, row-major) and gb at bOff (out)
   * @param s scratch for n ≤ capacity, in ≤ widestIn, out ≤ widestOut
   */
  public static void weightGradient(
      float[][] dz, float[][] x, int n, int in, int out, float[] g, int wOff, int bOff, Scratch s, int threads) {
    if (n > s.capacity || in > s.colTails.length || out > s.rowTails.length) {
      throw new IllegalArgumentException("scratch too small for n " + n + ", in " + in + ", out " + out);
    }
    final int whole = n & ~7;
    final int rest = n - whole;
    if (rest > 0) {
      for (int j = 0; j < in; j++) {
        System.arraycopy(x[j], whole, s.colTails[j], 0, rest);
      }
      for (int o = 0; o < out; o++) {
        System.arraycopy(dz[o], whole, s.rowTails[o], 0, rest);
      }
    }
    final float[] lanes = s.lanes;
    BatchKernels.forBlocks(out, threads,
        (from, to) -> FloatVectorWeightGradient.rows(dz, x, s.rowTails, s.colTails, whole, rest, in, from, to, g, wOff, bOff,
            from == 0 ? lanes : new float[FloatVectorWeightGradient.LANES]), // other threads: 320 bytes each, parallel path only
        (long) n * in * out);
  }

  /**
   * c[r][i] = c⁰_r + Σ_q A(r, q) · s[q][i] for rows r in [rowFrom, rowTo), with A(r, q) = p[off
   * + r·rs + q·qs] and c⁰_r = p[bOff + r] (0 when bOff &lt; 0): one fma per q, q ascending. A
   * = W gives {@link #affine}, A = Wᵀ {@link #inputGradient}. Blocks of {@link #BLOCK} q; a later
   * block continues the chain from the stored partial value (a float, so nothing changes). Once
   * a block of rows holds its final sums, f finishes them while they are still in L1.
   */
  private static void combine(float[][] s, int n, int qCount, float[] p, int off, int rs, int qs, int bOff, int rowFrom,
      int rowTo, float[][] c, Finish f, float[][] below) {
    if (qCount == 0) {
      for (int r = rowFrom; r < rowTo; r++) {
        java.util.Arrays.fill(c[r], 0, n, bOff < 0 ? 0f : p[bOff + r]);
      }
      f.apply(c, below, rowFrom, rowTo, 0, n);
      return;
    }
    if (qCount == 2) {
      final int select = select(f);
      for (int r = rowFrom; r < rowTo; r += 2) {
        final int r1 = Math.min(r + 1, rowTo - 1);
        final int tail = twoTerms(s, p, off + r * rs, off + r1 * rs, qs, bOff, r, r1, c, n, select, below);
        scalarTail(s, 0, 2, p, off + r * rs, qs, bOff, r, c[r], tail, n);
        scalarTail(s, 0, 2, p, off + r1 * rs, qs, bOff, r1, c[r1], tail, n);
        f.apply(c, below, r, r1 + 1, select != 0 ? tail : 0, n);
      }
      return;
    }
    final float[] pk = PACK.get();
    for (int q0 = 0; q0 < qCount; q0 += BLOCK) {
      final int q1 = Math.min(qCount, q0 + BLOCK);
      final Finish fq = q1 == qCount ? f : Finish.NONE;
      // ReLU and its gradient are selects the main tiles make in registers; the points they
      // leave, and tanh, get a pass over the rows just written
      final int select = select(fq);
      int r = rowFrom;
      for (; r + 5 < rowTo; r += 6) {
        final int a = off + r * rs;
        pack(p, a, rs, qs, 6, q0, q1, pk);
        int i = hex16(s, q0, q1, pk, p, bOff, r, c, n, select, below);
        for (; i + 8 <= n; i += 8) {
          quad8(s, q0, q1, pk, 6, 0, p, bOff, r, c, i, select, below);
          pair8(s, q0, q1, pk, 6, 4, p, bOff, r + 4, c, i, select, below);
        }
        finishRows(s, q0, q1, p, a, rs, qs, bOff, r, 6, c, i, n, fq, select, below);
      }
      for (; r + 3 < rowTo; r += 4) {
        final int a = off + r * rs;
        pack(p, a, rs, qs, 4, q0, q1, pk);
        int i = quad16(s, q0, q1, pk, p, bOff, r, c, n, select, below);
        for (; i + 8 <= n; i += 8) {
          quad8(s, q0, q1, pk, 4, 0, p, bOff, r, c, i, select, below);
        }
        finishRows(s, q0, q1, p, a, rs, qs, bOff, r, 4, c, i, n, fq, select, below);
      }
      if (r + 1 < rowTo) {
        final int a = off + r * rs;
        pack(p, a, rs, qs, 2, q0, q1, pk);
        int i = pair32(s, q0, q1, pk, p, bOff, r, c, n, select, below);
        for (; i + 8 <= n; i += 8) {
          pair8(s, q0, q1, pk, 2, 0, p, bOff, r, c, i, select, below);
        }
        finishRows(s, q0, q1, p, a, rs, qs, bOff, r, 2, c, i, n, fq, select, below);
        r += 2;
      }
      if (r < rowTo) {
        final int a = off + r * rs;
        pack(p, a, rs, qs, 1, q0, q1, pk);
        int i = single32(s, q0, q1, pk, p, bOff, r, c[r], n, select, below);
        for (; i + 8 <= n; i += 8) {
          single8(s, q0, q1, pk, p, bOff, r, c[r], i, select, below);
        }
        finishRows(s, q0, q1, p, a, rs, qs, bOff, r, 1, c, i, n, fq, select, below);
      }
    }
  }

  /**
   * The end of a row group whose vector tiles stopped at point i: the last n mod 8 points in
   * scalar code, then f over what the tiles did not finish (only those points when the tiles made
   * f's select, else the whole rows).
   */
  private static void finishRows(float[][] s, int q0, int q1, float[] p, int a, int rs, int qs, int bOff, int r, int rows,
      float[][] c, int i, int n, Finish f, int select, float[][] below) {
    for (int k = 0; k < rows; k++) {
      scalarTail(s, q0, q1, p, a + k * rs, qs, bOff, r + k, c[r + k], i, n);
    }
    f.apply(c, below, r, r + rows, select != 0 ? i : 0, n);
  }

  /**
   * Rows r and r1 of {@link #combine} when there are two summed units (a 2-D input, or two
   * outputs passing their gradient down): the four weights and the starts stay in registers
   * over all points, 16 per step, then 8 (the scalar tail takes the rest); returns the first point left.
   * An odd last row comes as r = r1 and is written twice with the same bits.
   */
  private static int twoTerms(
      float[][] s, float[] p, int a, int b, int qs, int bOff, int r, int r1, float[][] c, int n, int select, float[][] below) {
    final float[] s0 = s[0];
    final float[] s1 = s[1];
    final float[] cu = c[r];
    final float[] cv = c[r1];
    final float[] bu = select == BELOW_SIGN ? below[r] : cu; // read only for BELOW_SIGN
    final float[] bv = select == BELOW_SIGN ? below[r1] : cv;
    final FloatVector u0 = FloatVector.broadcast(F8, bOff < 0 ? 0f : p[bOff + r]);
    final FloatVector v0 = FloatVector.broadcast(F8, bOff < 0 ? 0f : p[bOff + r1]);
    final FloatVector wu0 = FloatVector.broadcast(F8, p[a]);
    final FloatVector wu1 = FloatVector.broadcast(F8, p[a + qs]);
    final FloatVector wv0 = FloatVector.broadcast(F8, p[b]);
    final FloatVector wv1 = FloatVector.broadcast(F8, p[b + qs]);
    int i = 0;
    for (; i + 16 <= n; i += 16) {
      final FloatVector x0 = FloatVector.fromArray(F8, s0, i);
      final FloatVector y0 = FloatVector.fromArray(F8, s0, i + 8);
      final FloatVector x1 = FloatVector.fromArray(F8, s1, i);
      final FloatVector y1 = FloatVector.fromArray(F8, s1, i + 8);
      FloatVector e = x1.fma(wu1, x0.fma(wu0, u0));
      FloatVector f = y1.fma(wu1, y0.fma(wu0, u0));
      FloatVector g = x1.fma(wv1, x0.fma(wv0, v0));
      FloatVector h = y1.fma(wv1, y0.fma(wv0, v0));
      if (select == OWN_SIGN) {
        e = e.blend(0f, e.compare(VectorOperators.LE, 0f));
        f = f.blend(0f, f.compare(VectorOperators.LE, 0f));
        g = g.blend(0f, g.compare(VectorOperators.LE, 0f));
        h = h.blend(0f, h.compare(VectorOperators.LE, 0f));
      } else if (select == BELOW_SIGN) {
        e = e.blend(0f, FloatVector.fromArray(F8, bu, i).compare(VectorOperators.LE, 0f));
        f = f.blend(0f, FloatVector.fromArray(F8, bu, i + 8).compare(VectorOperators.LE, 0f));
        g = g.blend(0f, FloatVector.fromArray(F8, bv, i).compare(VectorOperators.LE, 0f));
        h = h.blend(0f, FloatVector.fromArray(F8, bv, i + 8).compare(VectorOperators.LE, 0f));
      }
      e.intoArray(cu, i);
      f.intoArray(cu, i + 8);
      g.intoArray(cv, i);
      h.intoArray(cv, i + 8);
    }
    if (i + 8 <= n) { // one more vector, so only n mod 8 points are left to the scalar tail and σ's pass
      final FloatVector x0 = FloatVector.fromArray(F8, s0, i);
      final FloatVector x1 = FloatVector.fromArray(F8, s1, i);
      FloatVector e = x1.fma(wu1, x0.fma(wu0, u0));
      FloatVector g = x1.fma(wv1, x0.fma(wv0, v0));
      if (select == OWN_SIGN) {
        e = e.blend(0f, e.compare(VectorOperators.LE, 0f));
        g = g.blend(0f, g.compare(VectorOperators.LE, 0f));
      } else if (select == BELOW_SIGN) {
        e = e.blend(0f, FloatVector.fromArray(F8, bu, i).compare(VectorOperators.LE, 0f));
        g = g.blend(0f, FloatVector.fromArray(F8, bv, i).compare(VectorOperators.LE, 0f));
      }
      e.intoArray(cu, i);
      g.intoArray(cv, i);
      i += 8;
    }
    return i;
  }

  /**
   * pk[(q − q0)·rows + k] = A(r + k, q) for the row group starting at p[a]: the weights the
   * group reads, in the order it reads them. Measured 1.5× faster on 16 × 16 layers than reading
   * A in place, where the JIT keeps a bounds check per weight (a stride it cannot prove).
   */
  private static void pack(float[] p, int a, int rs, int qs, int rows, int q0, int q1, float[] pk) {
    if (rs == 1) { // Wᵀ (the gradient passed down): the rows of a q are adjacent already
      for (int q = q0, to = 0; q < q1; q++) { // a loop: arraycopy's call costs more than six floats
        for (int k = 0, from = a + q * qs; k < rows; k++) {
          pk[to++] = p[from + k];
        }
      }
      return;
    }
    for (int k = 0; k < rows; k++) { // W: read each row in order, write it every rows-th float
      final int from = a + k * rs;
      for (int q = q0, to = k; q < q1; q++, to += rows) {
        pk[to] = p[from + q * qs];
      }
    }
  }

  /** Start of row r's chain at point i: c⁰_r in the first q block, else the stored partial sum. */
  private static FloatVector start(int q0, float[] p, int bOff, int r, float[] cr, int i) {
    return q0 != 0 ? FloatVector.fromArray(F8, cr, i) : FloatVector.broadcast(F8, bOff < 0 ? 0f : p[bOff + r]);
  }

  /** Rows r … r+5, points in tiles of 16 from 0 while whole tiles fit (returns the first point left): twelve accumulators, each s load feeds six rows. */
  private static int hex16(float[][] s, int q0, int q1, float[] pk, float[] p, int bOff, int r, float[][] c, int n, int select, float[][] below) {
    final float[] c0 = c[r];
    final float[] b0 = select == BELOW_SIGN ? below[r] : c0;
    final float[] c1 = c[r + 1];
    final float[] b1 = select == BELOW_SIGN ? below[r + 1] : c1;
    final float[] c2 = c[r + 2];
    final float[] b2 = select == BELOW_SIGN ? below[r + 2] : c2;
    final float[] c3 = c[r + 3];
    final float[] b3 = select == BELOW_SIGN ? below[r + 3] : c3;
    final float[] c4 = c[r + 4];
    final float[] b4 = select == BELOW_SIGN ? below[r + 4] : c4;
    final float[] c5 = c[r + 5];
    final float[] b5 = select == BELOW_SIGN ? below[r + 5] : c5;
    int i = 0;
    for (; i + 16 <= n; i += 16) {
      FloatVector u0 = start(q0, p, bOff, r, c0, i);
      FloatVector v0 = start(q0, p, bOff, r, c0, i + 8);
      FloatVector u1 = start(q0, p, bOff, r + 1, c1, i);
      FloatVector v1 = start(q0, p, bOff, r + 1, c1, i + 8);
      FloatVector u2 = start(q0, p, bOff, r + 2, c2, i);
      FloatVector v2 = start(q0, p, bOff, r + 2, c2, i + 8);
      FloatVector u3 = start(q0, p, bOff, r + 3, c3, i);
      FloatVector v3 = start(q0, p, bOff, r + 3, c3, i + 8);
      FloatVector u4 = start(q0, p, bOff, r + 4, c4, i);
      FloatVector v4 = start(q0, p, bOff, r + 4, c4, i + 8);
      FloatVector u5 = start(q0, p, bOff, r + 5, c5, i);
      FloatVector v5 = start(q0, p, bOff, r + 5, c5, i + 8);
      for (int q = q0; q < q1; q++) {
        final float[] sq = s[q];
        final FloatVector x = FloatVector.fromArray(F8, sq, i);
        final FloatVector y = FloatVector.fromArray(F8, sq, i + 8);
        final int aq = (q - q0) * 6;
        final FloatVector w0 = FloatVector.broadcast(F8, pk[aq]);
        u0 = x.fma(w0, u0);
        v0 = y.fma(w0, v0);
        final FloatVector w1 = FloatVector.broadcast(F8, pk[aq + 1]);
        u1 = x.fma(w1, u1);
        v1 = y.fma(w1, v1);
        final FloatVector w2 = FloatVector.broadcast(F8, pk[aq + 2]);
        u2 = x.fma(w2, u2);
        v2 = y.fma(w2, v2);
        final FloatVector w3 = FloatVector.broadcast(F8, pk[aq + 3]);
        u3 = x.fma(w3, u3);
        v3 = y.fma(w3, v3);
        final FloatVector w4 = FloatVector.broadcast(F8, pk[aq + 4]);
        u4 = x.fma(w4, u4);
        v4 = y.fma(w4, v4);
        final FloatVector w5 = FloatVector.broadcast(F8, pk[aq + 5]);
        u5 = x.fma(w5, u5);
        v5 = y.fma(w5, v5);
      }
      if (select == OWN_SIGN) {
        u0 = u0.blend(0f, u0.compare(VectorOperators.LE, 0f));
        v0 = v0.blend(0f, v0.compare(VectorOperators.LE, 0f));
        u1 = u1.blend(0f, u1.compare(VectorOperators.LE, 0f));
        v1 = v1.blend(0f, v1.compare(VectorOperators.LE, 0f));
        u2 = u2.blend(0f, u2.compare(VectorOperators.LE, 0f));
        v2 = v2.blend(0f, v2.compare(VectorOperators.LE, 0f));
        u3 = u3.blend(0f, u3.compare(VectorOperators.LE, 0f));
        v3 = v3.blend(0f, v3.compare(VectorOperators.LE, 0f));
        u4 = u4.blend(0f, u4.compare(VectorOperators.LE, 0f));
        v4 = v4.blend(0f, v4.compare(VectorOperators.LE, 0f));
        u5 = u5.blend(0f, u5.compare(VectorOperators.LE, 0f));
        v5 = v5.blend(0f, v5.compare(VectorOperators.LE, 0f));
      } else if (select == BELOW_SIGN) {
        u0 = u0.blend(0f, FloatVector.fromArray(F8, b0, i).compare(VectorOperators.LE, 0f));
        v0 = v0.blend(0f, FloatVector.fromArray(F8, b0, i + 8).compare(VectorOperators.LE, 0f));
        u1 = u1.blend(0f, FloatVector.fromArray(F8, b1, i).compare(VectorOperators.LE, 0f));
        v1 = v1.blend(0f, FloatVector.fromArray(F8, b1, i + 8).compare(VectorOperators.LE, 0f));
        u2 = u2.blend(0f, FloatVector.fromArray(F8, b2, i).compare(VectorOperators.LE, 0f));
        v2 = v2.blend(0f, FloatVector.fromArray(F8, b2, i + 8).compare(VectorOperators.LE, 0f));
        u3 = u3.blend(0f, FloatVector.fromArray(F8, b3, i).compare(VectorOperators.LE, 0f));
        v3 = v3.blend(0f, FloatVector.fromArray(F8, b3, i + 8).compare(VectorOperators.LE, 0f));
        u4 = u4.blend(0f, FloatVector.fromArray(F8, b4, i).compare(VectorOperators.LE, 0f));
        v4 = v4.blend(0f, FloatVector.fromArray(F8, b4, i + 8).compare(VectorOperators.LE, 0f));
        u5 = u5.blend(0f, FloatVector.fromArray(F8, b5, i).compare(VectorOperators.LE, 0f));
        v5 = v5.blend(0f, FloatVector.fromArray(F8, b5, i + 8).compare(VectorOperators.LE, 0f));
      }
      u0.intoArray(c0, i);
      v0.intoArray(c0, i + 8);
      u1.intoArray(c1, i);
      v1.intoArray(c1, i + 8);
      u2.intoArray(c2, i);
      v2.intoArray(c2, i + 8);
      u3.intoArray(c3, i);
      v3.intoArray(c3, i + 8);
      u4.intoArray(c4, i);
      v4.intoArray(c4, i + 8);
      u5.intoArray(c5, i);
      v5.intoArray(c5, i + 8);
    }
    return i;
  }

  /** Rows r … r+3, points in tiles of 16 as {@link #hex16}: eight accumulators, each s load feeds four rows. */
  private static int quad16(float[][] s, int q0, int q1, float[] pk, float[] p, int bOff, int r, float[][] c, int n, int select, float[][] below) {
    final float[] c0 = c[r];
    final float[] b0 = select == BELOW_SIGN ? below[r] : c0;
    final float[] c1 = c[r + 1];
    final float[] b1 = select == BELOW_SIGN ? below[r + 1] : c1;
    final float[] c2 = c[r + 2];
    final float[] b2 = select == BELOW_SIGN ? below[r + 2] : c2;
    final float[] c3 = c[r + 3];
    final float[] b3 = select == BELOW_SIGN ? below[r + 3] : c3;
    int i = 0;
    for (; i + 16 <= n; i += 16) {
      FloatVector u0 = start(q0, p, bOff, r, c0, i);
      FloatVector v0 = start(q0, p, bOff, r, c0, i + 8);
      FloatVector u1 = start(q0, p, bOff, r + 1, c1, i);
      FloatVector v1 = start(q0, p, bOff, r + 1, c1, i + 8);
      FloatVector u2 = start(q0, p, bOff, r + 2, c2, i);
      FloatVector v2 = start(q0, p, bOff, r + 2, c2, i + 8);
      FloatVector u3 = start(q0, p, bOff, r + 3, c3, i);
      FloatVector v3 = start(q0, p, bOff, r + 3, c3, i + 8);
      for (int q = q0; q < q1; q++) {
        final float[] sq = s[q];
        final FloatVector x = FloatVector.fromArray(F8, sq, i);
        final FloatVector y = FloatVector.fromArray(F8, sq, i + 8);
        final int aq = (q - q0) * 4;
        final FloatVector w0 = FloatVector.broadcast(F8, pk[aq]);
        u0 = x.fma(w0, u0);
        v0 = y.fma(w0, v0);
        final FloatVector w1 = FloatVector.broadcast(F8, pk[aq + 1]);
        u1 = x.fma(w1, u1);
        v1 = y.fma(w1, v1);
        final FloatVector w2 = FloatVector.broadcast(F8, pk[aq + 2]);
        u2 = x.fma(w2, u2);
        v2 = y.fma(w2, v2);
        final FloatVector w3 = FloatVector.broadcast(F8, pk[aq + 3]);
        u3 = x.fma(w3, u3);
        v3 = y.fma(w3, v3);
      }
      if (select == OWN_SIGN) {
        u0 = u0.blend(0f, u0.compare(VectorOperators.LE, 0f));
        v0 = v0.blend(0f, v0.compare(VectorOperators.LE, 0f));
        u1 = u1.blend(0f, u1.compare(VectorOperators.LE, 0f));
        v1 = v1.blend(0f, v1.compare(VectorOperators.LE, 0f));
        u2 = u2.blend(0f, u2.compare(VectorOperators.LE, 0f));
        v2 = v2.blend(0f, v2.compare(VectorOperators.LE, 0f));
        u3 = u3.blend(0f, u3.compare(VectorOperators.LE, 0f));
        v3 = v3.blend(0f, v3.compare(VectorOperators.LE, 0f));
      } else if (select == BELOW_SIGN) {
        u0 = u0.blend(0f, FloatVector.fromArray(F8, b0, i).compare(VectorOperators.LE, 0f));
        v0 = v0.blend(0f, FloatVector.fromArray(F8, b0, i + 8).compare(VectorOperators.LE, 0f));
        u1 = u1.blend(0f, FloatVector.fromArray(F8, b1, i).compare(VectorOperators.LE, 0f));
        v1 = v1.blend(0f, FloatVector.fromArray(F8, b1, i + 8).compare(VectorOperators.LE, 0f));
        u2 = u2.blend(0f, FloatVector.fromArray(F8, b2, i).compare(VectorOperators.LE, 0f));
        v2 = v2.blend(0f, FloatVector.fromArray(F8, b2, i + 8).compare(VectorOperators.LE, 0f));
        u3 = u3.blend(0f, FloatVector.fromArray(F8, b3, i).compare(VectorOperators.LE, 0f));
        v3 = v3.blend(0f, FloatVector.fromArray(F8, b3, i + 8).compare(VectorOperators.LE, 0f));
      }
      u0.intoArray(c0, i);
      v0.intoArray(c0, i + 8);
      u1.intoArray(c1, i);
      v1.intoArray(c1, i + 8);
      u2.intoArray(c2, i);
      v2.intoArray(c2, i + 8);
      u3.intoArray(c3, i);
      v3.intoArray(c3, i + 8);
    }
    return i;
  }

  /** Rows r … r+3, points i … i+7. */
  private static void quad8(float[][] s, int q0, int q1, float[] pk, int stride, int first, float[] p, int bOff, int r, float[][] c, int i,
      int select, float[][] below) {
    final float[] c0 = c[r];
    final float[] c1 = c[r + 1];
    final float[] c2 = c[r + 2];
    final float[] c3 = c[r + 3];
    FloatVector u0 = start(q0, p, bOff, r, c0, i);
    FloatVector u1 = start(q0, p, bOff, r + 1, c1, i);
    FloatVector u2 = start(q0, p, bOff, r + 2, c2, i);
    FloatVector u3 = start(q0, p, bOff, r + 3, c3, i);
    for (int q = q0; q < q1; q++) {
      final FloatVector x = FloatVector.fromArray(F8, s[q], i);
      final int aq = (q - q0) * stride + first;
      u0 = x.fma(FloatVector.broadcast(F8, pk[aq]), u0);
      u1 = x.fma(FloatVector.broadcast(F8, pk[aq + 1]), u1);
      u2 = x.fma(FloatVector.broadcast(F8, pk[aq + 2]), u2);
      u3 = x.fma(FloatVector.broadcast(F8, pk[aq + 3]), u3);
    }
    if (select == OWN_SIGN) {
      u0 = u0.blend(0f, u0.compare(VectorOperators.LE, 0f));
      u1 = u1.blend(0f, u1.compare(VectorOperators.LE, 0f));
      u2 = u2.blend(0f, u2.compare(VectorOperators.LE, 0f));
      u3 = u3.blend(0f, u3.compare(VectorOperators.LE, 0f));
    } else if (select == BELOW_SIGN) {
      u0 = u0.blend(0f, FloatVector.fromArray(F8, below[r], i).compare(VectorOperators.LE, 0f));
      u1 = u1.blend(0f, FloatVector.fromArray(F8, below[r + 1], i).compare(VectorOperators.LE, 0f));
      u2 = u2.blend(0f, FloatVector.fromArray(F8, below[r + 2], i).compare(VectorOperators.LE, 0f));
      u3 = u3.blend(0f, FloatVector.fromArray(F8, below[r + 3], i).compare(VectorOperators.LE, 0f));
    }
    u0.intoArray(c0, i);
    u1.intoArray(c1, i);
    u2.intoArray(c2, i);
    u3.intoArray(c3, i);
  }

  /** Rows r, r+1, points in tiles of 32 as {@link #hex16}: eight accumulators for when fewer than four rows remain. */
  private static int pair32(float[][] s, int q0, int q1, float[] pk, float[] p, int bOff, int r, float[][] c, int n, int select, float[][] below) {
    final float[] c0 = c[r];
    final float[] c1 = c[r + 1];
    final float[] b0 = select == BELOW_SIGN ? below[r] : c0;
    final float[] b1 = select == BELOW_SIGN ? below[r + 1] : c1;
    int i = 0;
    for (; i + 32 <= n; i += 32) {
      FloatVector u0 = start(q0, p, bOff, r, c0, i);
      FloatVector v0 = start(q0, p, bOff, r, c0, i + 8);
      FloatVector x0 = start(q0, p, bOff, r, c0, i + 16);
      FloatVector y0 = start(q0, p, bOff, r, c0, i + 24);
      FloatVector u1 = start(q0, p, bOff, r + 1, c1, i);
      FloatVector v1 = start(q0, p, bOff, r + 1, c1, i + 8);
      FloatVector x1 = start(q0, p, bOff, r + 1, c1, i + 16);
      FloatVector y1 = start(q0, p, bOff, r + 1, c1, i + 24);
      for (int q = q0; q < q1; q++) {
        final float[] sq = s[q];
        final int aq = (q - q0) * 2;
        final FloatVector w0 = FloatVector.broadcast(F8, pk[aq]);
        final FloatVector w1 = FloatVector.broadcast(F8, pk[aq + 1]);
        final FloatVector e = FloatVector.fromArray(F8, sq, i);
        u0 = e.fma(w0, u0);
        u1 = e.fma(w1, u1);
        final FloatVector f = FloatVector.fromArray(F8, sq, i + 8);
        v0 = f.fma(w0, v0);
        v1 = f.fma(w1, v1);
        final FloatVector h = FloatVector.fromArray(F8, sq, i + 16);
        x0 = h.fma(w0, x0);
        x1 = h.fma(w1, x1);
        final FloatVector k = FloatVector.fromArray(F8, sq, i + 24);
        y0 = k.fma(w0, y0);
        y1 = k.fma(w1, y1);
      }
      if (select == OWN_SIGN) {
        u0 = u0.blend(0f, u0.compare(VectorOperators.LE, 0f));
        v0 = v0.blend(0f, v0.compare(VectorOperators.LE, 0f));
        x0 = x0.blend(0f, x0.compare(VectorOperators.LE, 0f));
        y0 = y0.blend(0f, y0.compare(VectorOperators.LE, 0f));
        u1 = u1.blend(0f, u1.compare(VectorOperators.LE, 0f));
        v1 = v1.blend(0f, v1.compare(VectorOperators.LE, 0f));
        x1 = x1.blend(0f, x1.compare(VectorOperators.LE, 0f));
        y1 = y1.blend(0f, y1.compare(VectorOperators.LE, 0f));
      } else if (select == BELOW_SIGN) {
        u0 = u0.blend(0f, FloatVector.fromArray(F8, b0, i).compare(VectorOperators.LE, 0f));
        v0 = v0.blend(0f, FloatVector.fromArray(F8, b0, i + 8).compare(VectorOperators.LE, 0f));
        x0 = x0.blend(0f, FloatVector.fromArray(F8, b0, i + 16).compare(VectorOperators.LE, 0f));
        y0 = y0.blend(0f, FloatVector.fromArray(F8, b0, i + 24).compare(VectorOperators.LE, 0f));
        u1 = u1.blend(0f, FloatVector.fromArray(F8, b1, i).compare(VectorOperators.LE, 0f));
        v1 = v1.blend(0f, FloatVector.fromArray(F8, b1, i + 8).compare(VectorOperators.LE, 0f));
        x1 = x1.blend(0f, FloatVector.fromArray(F8, b1, i + 16).compare(VectorOperators.LE, 0f));
        y1 = y1.blend(0f, FloatVector.fromArray(F8, b1, i + 24).compare(VectorOperators.LE, 0f));
      }
      u0.intoArray(c0, i);
      v0.intoArray(c0, i + 8);
      x0.intoArray(c0, i + 16);
      y0.intoArray(c0, i + 24);
      u1.intoArray(c1, i);
      v1.intoArray(c1, i + 8);
      x1.intoArray(c1, i + 16);
      y1.intoArray(c1, i + 24);
    }
    return i;
  }

  /** Rows r, r+1, points i … i+7. */
  private static void pair8(float[][] s, int q0, int q1, float[] pk, int stride, int first, float[] p, int bOff, int r, float[][] c, int i,
      int select, float[][] below) {
    final float[] c0 = c[r];
    final float[] c1 = c[r + 1];
    FloatVector u0 = start(q0, p, bOff, r, c0, i);
    FloatVector u1 = start(q0, p, bOff, r + 1, c1, i);
    for (int q = q0; q < q1; q++) {
      final FloatVector x = FloatVector.fromArray(F8, s[q], i);
      final int aq = (q - q0) * stride + first;
      u0 = x.fma(FloatVector.broadcast(F8, pk[aq]), u0);
      u1 = x.fma(FloatVector.broadcast(F8, pk[aq + 1]), u1);
    }
    if (select == OWN_SIGN) {
      u0 = u0.blend(0f, u0.compare(VectorOperators.LE, 0f));
      u1 = u1.blend(0f, u1.compare(VectorOperators.LE, 0f));
    } else if (select == BELOW_SIGN) {
      u0 = u0.blend(0f, FloatVector.fromArray(F8, below[r], i).compare(VectorOperators.LE, 0f));
      u1 = u1.blend(0f, FloatVector.fromArray(F8, below[r + 1], i).compare(VectorOperators.LE, 0f));
    }
    u0.intoArray(c0, i);
    u1.intoArray(c1, i);
  }

  /** Row r, points in tiles of 32 as {@link #hex16}. */
  private static int single32(float[][] s, int q0, int q1, float[] pk, float[] p, int bOff, int r, float[] c0, int n, int select, float[][] below) {
    final float[] b0 = select == BELOW_SIGN ? below[r] : c0;
    int i = 0;
    for (; i + 32 <= n; i += 32) {
      FloatVector u = start(q0, p, bOff, r, c0, i);
      FloatVector v = start(q0, p, bOff, r, c0, i + 8);
      FloatVector x = start(q0, p, bOff, r, c0, i + 16);
      FloatVector y = start(q0, p, bOff, r, c0, i + 24);
      for (int q = q0; q < q1; q++) {
        final float[] sq = s[q];
        final FloatVector w = FloatVector.broadcast(F8, pk[q - q0]);
        u = FloatVector.fromArray(F8, sq, i).fma(w, u);
        v = FloatVector.fromArray(F8, sq, i + 8).fma(w, v);
        x = FloatVector.fromArray(F8, sq, i + 16).fma(w, x);
        y = FloatVector.fromArray(F8, sq, i + 24).fma(w, y);
      }
      if (select == OWN_SIGN) {
        u = u.blend(0f, u.compare(VectorOperators.LE, 0f));
        v = v.blend(0f, v.compare(VectorOperators.LE, 0f));
        x = x.blend(0f, x.compare(VectorOperators.LE, 0f));
        y = y.blend(0f, y.compare(VectorOperators.LE, 0f));
      } else if (select == BELOW_SIGN) {
        u = u.blend(0f, FloatVector.fromArray(F8, b0, i).compare(VectorOperators.LE, 0f));
        v = v.blend(0f, FloatVector.fromArray(F8, b0, i + 8).compare(VectorOperators.LE, 0f));
        x = x.blend(0f, FloatVector.fromArray(F8, b0, i + 16).compare(VectorOperators.LE, 0f));
        y = y.blend(0f, FloatVector.fromArray(F8, b0, i + 24).compare(VectorOperators.LE, 0f));
      }
      u.intoArray(c0, i);
      v.intoArray(c0, i + 8);
      x.intoArray(c0, i + 16);
      y.intoArray(c0, i + 24);
    }
    return i;
  }

  /** Row r, points i … i+7. */
  private static void single8(float[][] s, int q0, int q1, float[] pk, float[] p, int bOff, int r, float[] c0, int i, int select,
      float[][] below) {
    FloatVector u = start(q0, p, bOff, r, c0, i);
    for (int q = q0; q < q1; q++) {
      u = FloatVector.fromArray(F8, s[q], i).fma(FloatVector.broadcast(F8, pk[q - q0]), u);
    }
    if (select == OWN_SIGN) {
      u = u.blend(0f, u.compare(VectorOperators.LE, 0f));
    } else if (select == BELOW_SIGN) {
      u = u.blend(0f, FloatVector.fromArray(F8, below[r], i).compare(VectorOperators.LE, 0f));
    }
    u.intoArray(c0, i);
  }

  /** Row r, points [i, n) (fewer than eight) in scalar code, the same chain. */
  private static void scalarTail(float[][] s, int q0, int q1, float[] p, int a, int qs, int bOff, int r, float[] cr, int i, int n) {
    for (; i < n; i++) {
      float acc = q0 != 0 ? cr[i] : bOff < 0 ? 0f : p[bOff + r];
      for (int q = q0; q < q1; q++) {
        acc = Math.fma(p[a + q * qs], s[q][i], acc);
      }
      cr[i] = acc;
    }
  }
}
