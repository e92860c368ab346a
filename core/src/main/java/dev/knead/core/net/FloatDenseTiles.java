package dev.knead.core.net;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense layer's three products in float32 on the JDK's Vector API, in register tiles
 * written once over one vector species: the machine's preferred one ({@link
 * FloatVector#SPECIES_PREFERRED}: 16 floats with AVX-512, 8 with AVX2, 4 with SSE or NEON), or
 * the one named by {@code -Dknead.vector.bits=128|256|512} (for tests and measurements). Every
 * output element is summed in the order {@link FloatDense} states, which no vector width,
 * blocking or thread count changes, so this class gives the bits of {@link FloatDenseLoops}.
 *
 * <p>JDK 17 traps, measured by earlier sessions (docs/benchmarks.md): a vector that crosses a
 * call C2 did not inline is boxed and the kernel runs ~100× slower, so vectors live in locals of
 * one method and the helpers are a few bytecodes each; and one more float species anywhere in
 * the JVM made C2 stop inlining the tiles' stores (3× slower), so this class uses exactly one.
 */
final class FloatDenseTiles {
  private FloatDenseTiles() {}

  /** The one species of every vector here. */
  static final VectorSpecies<Float> SPECIES = species(System.getProperty("knead.vector.bits"));

  /** Floats per vector. */
  static final int V = SPECIES.length();

  /**
   * The packed weight gradient (narrow layers) sums each element in eight lanes (order 3 of {@link FloatDense}): a
   * vector of 16 holds the eight lanes of two columns ({@code GROUP} = 2), a vector of 4 half the
   * lanes of one ({@code SECTIONS} = 2), a vector of 8 exactly one column's lanes.
   */
  private static final int GROUP = Math.max(1, V / 8);

  private static final int SECTIONS = Math.max(1, 8 / V);

  static VectorSpecies<Float> species(String bits) {
    if (bits == null || bits.isBlank()) {
      return FloatVector.SPECIES_PREFERRED;
    }
    return switch (bits.trim()) {
      case "128" -> FloatVector.SPECIES_128;
      case "256" -> FloatVector.SPECIES_256;
      case "512" -> FloatVector.SPECIES_512;
      default -> throw new IllegalArgumentException("knead.vector.bits must be 128, 256 or 512, got " + bits);
    };
  }

  /** Summed-over units per pass, so their rows stay in L2 while every row group reads them. */
  private static final int BLOCK = 256;

  /** Rows of the affine and input-gradient tile. */
  private static final int ROWS = 4;

  /** The selects a tile makes on its sums before storing them (ReLU and its gradient); tanh gets a pass. */
  private static final int NO_SELECT = 0;
  private static final int OWN_SIGN = 1;
  private static final int BELOW_SIGN = 2;

  private static int select(Finish f) {
    return f == Finish.RELU ? OWN_SIGN : f == Finish.RELU_GRADIENT ? BELOW_SIGN : NO_SELECT;
  }

  /** Each thread's packed weights of one row group ({@link #pack}). */
  private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[ROWS * BLOCK]);

  /** Buffers of the weight gradient, sized once for the widest layer and the largest batch. */
  static final class Scratch {
    final int capacity;
    final int widestIn;
    final int widestOut;
    /** A wide layer's input transposed into rows of points, capacity × {@link #stride}(widestIn) (none when every layer is narrow). */
    final float[] transposed;
    /** One tile's lane sums, stored for the tree (the first thread's; others make their own). */
    final float[] lanes = new float[LANES];

    Scratch(int capacity, int widestIn, int widestOut) {
      this.capacity = capacity;
      this.widestIn = widestIn;
      this.widestOut = widestOut;
      transposed = new float[widestIn < WIDE * V ? 0 : Math.multiplyExact(capacity, stride(widestIn))];
    }

    private Packed packed;

    /** The narrow layers' buffers, made on first use (a network of wide layers never needs them). */
    Packed packed() {
      if (packed == null) {
        packed = new Packed(capacity, Math.min(widestIn, WIDE * V - 1), widestOut);
      }
      return packed;
    }
  }

  /** Floats of one packed tile's lanes: 4 rows × 2 groups × 8 lanes × GROUP columns. */
  private static final int PACKED_LANES = 4 * 2 * 8 * GROUP;

  /** The narrow layers' buffers: columns and rows laid out so that a vector holds whole lanes. */
  static final class Packed {
    /** The bias's column: gb is the weight gradient of an input that is always 1. */
    final float[] ones;
    /** Columns as the tiles read them: x's own arrays (8 floats a vector), else packed copies. */
    final float[][] columns;
    final float[][] rows;
    final float[] lanes = new float[PACKED_LANES];

    Packed(int capacity, int widestIn, int widestOut) {
      ones = new float[capacity];
      java.util.Arrays.fill(ones, 1f);
      final int groups = (widestIn + 1 + GROUP - 1) / GROUP;
      final int packed = (capacity / 8) * 8 * GROUP;
      final boolean copy = V != 8;
      columns = copy ? new float[groups][packed] : new float[widestIn + 1][];
      rows = copy ? new float[widestOut][packed] : new float[0][];
    }
  }

  /** z = σ(W x + b) for f in NONE, RELU, TANH; rows split across up to {@code threads} threads. */
  static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, Finish f, float[][] z, int threads) {
    DoubleDense.forBlocks(out, threads, (from, to) -> combine(x, n, in, p, wOff, in, 1, bOff, from, to, z, f, null),
        (long) n * in * out);
  }

  /** dx = (Wᵀ dz) · σ'(below) for f in NONE, RELU_GRADIENT, TANH_GRADIENT. */
  static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, Finish f, float[][] below, float[][] dx,
      int threads) {
    DoubleDense.forBlocks(in, threads, (from, to) -> combine(dz, n, out, p, wOff, 1, in, -1, from, to, dx, f, below),
        (long) n * in * out);
  }

  /**
   * c[r][i] = c⁰_r + Σ_q A(r, q) · s[q][i] for rows [rowFrom, rowTo), A(r, q) = p[off + r·rs +
   * q·qs], c⁰_r = p[bOff + r] (0 when bOff &lt; 0), q ascending (orders 1 and 2): A = W is the
   * affine map, A = Wᵀ the gradient passed down. Rows in groups of four (a short group repeats
   * its last row: the same bits to the same place), points in tiles of two vectors, then one
   * vector; the last n mod V points by one vector ending at n when one pass of q does it all
   * (recomputing a few finished points from scratch gives their bits again), else in scalar code.
   * f finishes each row group while it is in L1.
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
    final float[] pk = PACK.get();
    final int pairs = n - n % (2 * V);
    final int whole = n - n % V;
    final boolean overlap = qCount <= BLOCK && n >= V && whole < n;
    for (int q0 = 0; q0 < qCount; q0 += BLOCK) {
      final int q1 = Math.min(qCount, q0 + BLOCK);
      final boolean last = q1 == qCount;
      final int select = last ? select(f) : NO_SELECT;
      for (int r = rowFrom; r < rowTo; r += ROWS) {
        final int end = Math.min(r + ROWS, rowTo);
        final int r1 = Math.min(r + 1, end - 1);
        final int r2 = Math.min(r + 2, end - 1);
        final int r3 = Math.min(r + 3, end - 1);
        pack(p, off, rs, qs, r, r1, r2, r3, q0, q1, pk);
        final float[][] m = select == BELOW_SIGN ? below : c; // the rows a select reads
        tiles(s, q0, q1, pk, p, bOff, r, r1, r2, r3, c, m, 0, pairs, 2 * V, select);
        tiles(s, q0, q1, pk, p, bOff, r, r1, r2, r3, c, m, pairs, whole, V, select);
        int done = whole;
        if (overlap) {
          tiles(s, q0, q1, pk, p, bOff, r, r1, r2, r3, c, m, n - V, n, V, select);
          done = n;
        } else {
          for (int k = r; k < end; k++) {
            scalarTail(s, q0, q1, p, off + k * rs, qs, bOff, k, c[k], whole, n);
          }
        }
        if (last) {
          f.apply(c, below, r, end, select != NO_SELECT ? done : 0, n);
        }
      }
    }
  }

  /**
   * Rows r0 … r3 at points [from, to) in steps of {@code step} = V or 2V: 4 × 2 accumulators (4 ×
   * 1 for one vector), each loaded vector of s feeding four rows. The select, when asked, sets a
   * sum to 0 where it (OWN_SIGN) or the row of m (BELOW_SIGN) is ≤ 0, with Math.max's bits.
   */
  private static void tiles(float[][] s, int q0, int q1, float[] pk, float[] p, int bOff, int r0, int r1, int r2, int r3,
      float[][] c, float[][] m, int from, int to, int step, int select) {
    final float[] c0 = c[r0];
    final float[] c1 = c[r1];
    final float[] c2 = c[r2];
    final float[] c3 = c[r3];
    final float[] m0 = m[r0];
    final float[] m1 = m[r1];
    final float[] m2 = m[r2];
    final float[] m3 = m[r3];
    final int j = step - V; // 0 for one vector: the second column of the tile repeats the first
    for (int i = from; i < to; i += step) {
      FloatVector a0 = start(q0, p, bOff, r0, c0, i);
      FloatVector a1 = start(q0, p, bOff, r1, c1, i);
      FloatVector a2 = start(q0, p, bOff, r2, c2, i);
      FloatVector a3 = start(q0, p, bOff, r3, c3, i);
      FloatVector b0 = start(q0, p, bOff, r0, c0, i + j);
      FloatVector b1 = start(q0, p, bOff, r1, c1, i + j);
      FloatVector b2 = start(q0, p, bOff, r2, c2, i + j);
      FloatVector b3 = start(q0, p, bOff, r3, c3, i + j);
      for (int q = q0, k = 0; q < q1; q++, k += ROWS) {
        final float[] sq = s[q];
        final FloatVector x = FloatVector.fromArray(SPECIES, sq, i);
        final FloatVector y = FloatVector.fromArray(SPECIES, sq, i + j);
        FloatVector w = FloatVector.broadcast(SPECIES, pk[k]);
        a0 = x.fma(w, a0);
        b0 = y.fma(w, b0);
        w = FloatVector.broadcast(SPECIES, pk[k + 1]);
        a1 = x.fma(w, a1);
        b1 = y.fma(w, b1);
        w = FloatVector.broadcast(SPECIES, pk[k + 2]);
        a2 = x.fma(w, a2);
        b2 = y.fma(w, b2);
        w = FloatVector.broadcast(SPECIES, pk[k + 3]);
        a3 = x.fma(w, a3);
        b3 = y.fma(w, b3);
      }
      selected(a0, select, m0, i).intoArray(c0, i);
      selected(a1, select, m1, i).intoArray(c1, i);
      selected(a2, select, m2, i).intoArray(c2, i);
      selected(a3, select, m3, i).intoArray(c3, i);
      selected(b0, select, m0, i + j).intoArray(c0, i + j);
      selected(b1, select, m1, i + j).intoArray(c1, i + j);
      selected(b2, select, m2, i + j).intoArray(c2, i + j);
      selected(b3, select, m3, i + j).intoArray(c3, i + j);
    }
  }

  /** Start of row r's chain at point i: c⁰_r in the first block of q, else the stored partial sum. */
  private static FloatVector start(int q0, float[] p, int bOff, int r, float[] cr, int i) {
    return q0 != 0 ? FloatVector.fromArray(SPECIES, cr, i) : FloatVector.broadcast(SPECIES, bOff < 0 ? 0f : p[bOff + r]);
  }

  /** v, or 0 where v (OWN_SIGN) or m[i …] (BELOW_SIGN) is ≤ 0. */
  private static FloatVector selected(FloatVector v, int select, float[] m, int i) {
    if (select == NO_SELECT) {
      return v;
    }
    final FloatVector sign = select == OWN_SIGN ? v : FloatVector.fromArray(SPECIES, m, i);
    return v.blend(0f, sign.compare(VectorOperators.LE, 0f));
  }

  /**
   * pk[(q − q0)·4 + k] = A(r_k, q): the row group's weights in the order the tile reads them. A
   * packed copy rather than reads of A in place, where the JIT keeps a bounds check per weight
   * (a stride it cannot prove): 1.5× on 16 × 16 layers (session 3).
   */
  private static void pack(float[] p, int off, int rs, int qs, int r0, int r1, int r2, int r3, int q0, int q1, float[] pk) {
    final int a0 = off + r0 * rs;
    final int a1 = off + r1 * rs;
    final int a2 = off + r2 * rs;
    final int a3 = off + r3 * rs;
    for (int q = q0, k = 0; q < q1; q++, k += ROWS) {
      final int t = q * qs;
      pk[k] = p[a0 + t];
      pk[k + 1] = p[a1 + t];
      pk[k + 2] = p[a2 + t];
      pk[k + 3] = p[a3 + t];
    }
  }

  /** Row r at points [i, n) in scalar code, the same chain. */
  private static void scalarTail(float[][] s, int q0, int q1, float[] p, int a, int qs, int bOff, int r, float[] cr, int i, int n) {
    for (; i < n; i++) {
      float acc = q0 != 0 ? cr[i] : bOff < 0 ? 0f : p[bOff + r];
      for (int q = q0; q < q1; q++) {
        acc = Math.fma(p[a + q * qs], s[q][i], acc);
      }
      cr[i] = acc;
    }
  }

  /**
   * gW = dz xᵀ and gb = dz 1 in order 3 of {@link FloatDense}, with no sum across vector lanes:
   * x is first transposed into rows of points (xt[i·stride + j] = x[j][i], stride = in rounded up
   * to whole vectors), so that a vector holds V neighbouring columns j of one point and each lane
   * is one element's own chain. Lane sum t of a tile (t = 0 … 7) is one pass over the points
   * i = t, t + 8, … &lt; n (the last n mod 8 points fall into their lanes on the way), stored;
   * after the eight passes the tree adds the stored lane sums vector by vector. gb, a row's sum
   * of dz, runs in plain code ({@link FloatDenseLoops#laneSum}), the same order.
   */
  static void weightGradient(float[][] dz, float[][] x, float[] rows, int n, int in, int out, float[] g, int wOff, int bOff,
      Scratch s, int threads) {
    if (n > s.capacity || in > s.widestIn || out > s.widestOut) {
      throw new IllegalArgumentException("scratch too small for n " + n + ", in " + in + ", out " + out);
    }
    if (in < WIDE * V) {
      packedGradient(dz, x, n, in, out, g, wOff, bOff, s, threads);
      return;
    }
    final int stride = stride(in);
    final float[] xt = rows != null ? rows : s.transposed;
    if (rows == null) {
      transpose(x, n, in, stride, xt);
    }
    DoubleDense.forBlocks(out, threads,
        (from, to) -> gradientRows(dz, xt, n, in, stride, from, to, g, wOff, bOff, from == 0 ? s.lanes : new float[LANES]),
        (long) n * in * out);
  }

  /** Floats per row of the transposed input: in rounded up to whole vectors (the padding is never stored to gW). */
  static int stride(int in) {
    return (in + V - 1) / V * V;
  }

  /** Whether the weight gradient of a layer with this many inputs reads them as rows of points. */
  static boolean readsRows(int in) {
    return in >= WIDE * V;
  }

  /**
   * rows[i·stride(d) + j] = (float) m[i·d + j], then units[j][i] = that float: a wide input batch
   * in both layouts the kernels read, the rows by a straight rounding pass and the units by a
   * float transpose (cheaper than reading the doubles d apart, unit by unit).
   */
  static void toUnitsAndRows(double[] m, int n, int d, float[][] units, float[] rows) {
    final int stride = stride(d);
    for (int i = 0; i < n; i++) {
      final int from = i * d;
      final int to = i * stride;
      for (int j = 0; j < d; j++) {
        rows[to + j] = (float) m[from + j];
      }
    }
    for (int i0 = 0; i0 < n; i0 += T_BLOCK) {
      final int i1 = Math.min(n, i0 + T_BLOCK);
      for (int j = 0; j < d; j++) {
        final float[] u = units[j];
        for (int i = i0, k = i0 * stride + j; i < i1; i++, k += stride) {
          u[i] = rows[k];
        }
      }
    }
  }

  /** Points per block of the transpose: a block's rows are written while their cache lines are in L1. */
  private static final int T_BLOCK = 16;

  /** xt[i·stride + j] = x[j][i] for j &lt; in, i &lt; n; the padding columns keep whatever they held. */
  private static void transpose(float[][] x, int n, int in, int stride, float[] xt) {
    for (int i0 = 0; i0 < n; i0 += T_BLOCK) {
      final int i1 = Math.min(n, i0 + T_BLOCK);
      for (int j = 0; j < in; j++) {
        final float[] xj = x[j];
        for (int i = i0, k = i0 * stride + j; i < i1; i++, k += stride) {
          xt[k] = xj[i];
        }
      }
    }
  }

  /** Column vectors of a wide gradient tile. */
  private static final int WIDE = 4;

  /** Floats of one tile's stored lane sums: 8 lanes × 4 rows × WIDE vectors. */
  private static final int LANES = 8 * 4 * WIDE * V;

  /**
   * Rows [from, to) of gW and gb, in tiles of 4 rows (a short tile repeats its last row: its sums
   * are computed twice and stored once) × WIDE column vectors, the last column vectors one at a time.
   */
  private static void gradientRows(float[][] dz, float[] xt, int n, int in, int stride, int from, int to, float[] g, int wOff,
      int bOff, float[] lanes) {
    for (int o = from; o < to; o += 4) {
      final int rows = Math.min(4, to - o);
      final int o1 = o + Math.min(1, rows - 1);
      final int o2 = o + Math.min(2, rows - 1);
      final int o3 = o + Math.min(3, rows - 1);
      int c = 0;
      for (; c + WIDE * V <= stride; c += WIDE * V) {
        wideLanes(dz[o], dz[o1], dz[o2], dz[o3], xt, stride, c, n, lanes);
        trees(lanes, WIDE, rows, o, c, in, g, wOff);
      }
      for (; c < stride; c += V) {
        narrowLanes(dz[o], dz[o1], dz[o2], dz[o3], xt, stride, c, n, lanes);
        trees(lanes, 1, rows, o, c, in, g, wOff);
      }
      for (int r = o; r < o + rows; r++) {
        g[bOff + r] = FloatDenseLoops.laneSum(dz[r], null, n);
      }
    }
  }

  /**
   * The eight lane sums of 4 rows × WIDE column vectors from column c: sixteen accumulators, each
   * loaded vector of xt used four times and each broadcast of dz four times; lane t's sums at
   * lanes[(t·16 + 4·row + vector)·V].
   */
  private static void wideLanes(float[] d0, float[] d1, float[] d2, float[] d3, float[] xt, int stride, int c, int n,
      float[] lanes) {
    for (int t = 0; t < 8; t++) {
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      FloatVector b0 = a0;
      FloatVector b1 = a0;
      FloatVector b2 = a0;
      FloatVector b3 = a0;
      FloatVector e0 = a0;
      FloatVector e1 = a0;
      FloatVector e2 = a0;
      FloatVector e3 = a0;
      FloatVector f0 = a0;
      FloatVector f1 = a0;
      FloatVector f2 = a0;
      FloatVector f3 = a0;
      for (int i = t, k = t * stride + c; i < n; i += 8, k += 8 * stride) {
        final FloatVector x0 = FloatVector.fromArray(SPECIES, xt, k);
        final FloatVector x1 = FloatVector.fromArray(SPECIES, xt, k + V);
        final FloatVector x2 = FloatVector.fromArray(SPECIES, xt, k + 2 * V);
        final FloatVector x3 = FloatVector.fromArray(SPECIES, xt, k + 3 * V);
        FloatVector w = FloatVector.broadcast(SPECIES, d0[i]);
        a0 = x0.fma(w, a0);
        a1 = x1.fma(w, a1);
        a2 = x2.fma(w, a2);
        a3 = x3.fma(w, a3);
        w = FloatVector.broadcast(SPECIES, d1[i]);
        b0 = x0.fma(w, b0);
        b1 = x1.fma(w, b1);
        b2 = x2.fma(w, b2);
        b3 = x3.fma(w, b3);
        w = FloatVector.broadcast(SPECIES, d2[i]);
        e0 = x0.fma(w, e0);
        e1 = x1.fma(w, e1);
        e2 = x2.fma(w, e2);
        e3 = x3.fma(w, e3);
        w = FloatVector.broadcast(SPECIES, d3[i]);
        f0 = x0.fma(w, f0);
        f1 = x1.fma(w, f1);
        f2 = x2.fma(w, f2);
        f3 = x3.fma(w, f3);
      }
      final int at = t * 16 * V;
      a0.intoArray(lanes, at);
      a1.intoArray(lanes, at + V);
      a2.intoArray(lanes, at + 2 * V);
      a3.intoArray(lanes, at + 3 * V);
      b0.intoArray(lanes, at + 4 * V);
      b1.intoArray(lanes, at + 5 * V);
      b2.intoArray(lanes, at + 6 * V);
      b3.intoArray(lanes, at + 7 * V);
      e0.intoArray(lanes, at + 8 * V);
      e1.intoArray(lanes, at + 9 * V);
      e2.intoArray(lanes, at + 10 * V);
      e3.intoArray(lanes, at + 11 * V);
      f0.intoArray(lanes, at + 12 * V);
      f1.intoArray(lanes, at + 13 * V);
      f2.intoArray(lanes, at + 14 * V);
      f3.intoArray(lanes, at + 15 * V);
    }
  }

  /** As {@link #wideLanes} for one column vector: lane t's sums at lanes[(t·16 + 4·row)·V]. */
  private static void narrowLanes(float[] d0, float[] d1, float[] d2, float[] d3, float[] xt, int stride, int c, int n,
      float[] lanes) {
    for (int t = 0; t < 8; t++) {
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector b0 = a0;
      FloatVector e0 = a0;
      FloatVector f0 = a0;
      for (int i = t, k = t * stride + c; i < n; i += 8, k += 8 * stride) {
        final FloatVector x0 = FloatVector.fromArray(SPECIES, xt, k);
        a0 = x0.fma(FloatVector.broadcast(SPECIES, d0[i]), a0);
        b0 = x0.fma(FloatVector.broadcast(SPECIES, d1[i]), b0);
        e0 = x0.fma(FloatVector.broadcast(SPECIES, d2[i]), e0);
        f0 = x0.fma(FloatVector.broadcast(SPECIES, d3[i]), f0);
      }
      final int at = t * 16 * V;
      a0.intoArray(lanes, at);
      b0.intoArray(lanes, at + 4 * V);
      e0.intoArray(lanes, at + 8 * V);
      f0.intoArray(lanes, at + 12 * V);
    }
  }

  /**
   * gW[o + r, c + v·V …] = ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)) of the stored lane
   * sums, for the tile's distinct rows r and its {@code vectors} column vectors; columns past in
   * (the padding) are not stored.
   */
  private static void trees(float[] lanes, int vectors, int rows, int o, int c, int in, float[] g, int wOff) {
    final int lane = 16 * V;
    for (int r = 0; r < rows; r++) {
      final int row = wOff + (o + r) * in;
      for (int v = 0; v < vectors; v++) {
        final int k = (4 * r + v) * V;
        final FloatVector sum = lane(lanes, k).add(lane(lanes, k + lane)).add(lane(lanes, k + 2 * lane).add(lane(lanes, k + 3 * lane)))
            .add(lane(lanes, k + 4 * lane).add(lane(lanes, k + 5 * lane)).add(lane(lanes, k + 6 * lane).add(lane(lanes, k + 7 * lane))));
        final int col = c + v * V;
        if (col + V <= in) {
          sum.intoArray(g, row + col);
        } else {
          // the last vector of a row, partly padding: through the lanes' own slot, then the real columns
          sum.intoArray(lanes, k);
          System.arraycopy(lanes, k, g, row + col, in - col);
        }
      }
    }
  }

  private static FloatVector lane(float[] lanes, int k) {
    return FloatVector.fromArray(SPECIES, lanes, k);
  }

  /**
   * For layers narrower than a wide tile (in &lt; 4V), where a transposed row would be partly padding
   * and a one-vector tile waits on its four chains:
   * gW = dz xᵀ and gb = dz 1 in order 3 of {@link FloatDense}, with points along the lanes. gb is the gradient of a weight on
   * an input of ones, column in. The eight lanes of an element run over the whole 8-point
   * blocks in vectors (with 8 floats a vector, straight from dz and x; otherwise from copies laid
   * out so that a vector holds the lanes of {@code GROUP} columns, or a part of one column's
   * lanes), then take the last n mod 8 points in scalar code, then the fixed tree.
   */
  private static void packedGradient(float[][] dz, float[][] x, int n, int in, int out, float[] g, int wOff, int bOff,
      Scratch s, int threads) {
    final Packed pk = s.packed();
    final int blocks = n / 8;
    final int groups = (in + GROUP) / GROUP; // in + 1 columns, the last the ones
    final float[][] columns = pk.columns;
    final float[][] rows;
    if (V == 8) {
      System.arraycopy(x, 0, columns, 0, in);
      columns[in] = pk.ones;
      rows = dz;
    } else {
      for (int cg = 0; cg < groups; cg++) {
        packColumns(x, pk.ones, in, cg, blocks, columns[cg]);
      }
      for (int o = 0; o < out; o++) {
        packRow(dz[o], blocks, pk.rows[o]);
      }
      rows = pk.rows;
    }
    DoubleDense.forBlocks(out, threads,
        (from, to) -> packedRows(rows, columns, dz, x, pk.ones, n, blocks, in, groups, from, to, g, wOff, bOff,
            from == 0 ? pk.lanes : new float[PACKED_LANES]), // other threads: a few hundred bytes each
        (long) n * in * out);
  }

  /** The upper eight lanes of a 16-float vector: where a packed pair holds its second column. */
  private static final VectorMask<Float> UPPER = VectorMask.fromLong(SPECIES, 0xFF00L);

  /**
   * Packed vector (h·blocks + b) of column group cg, lane l: column cg·GROUP + l / 8 (past the
   * ones, the ones again) at point 8b + h·V + l mod 8. For 16 floats one blend of two loads per
   * block (the second column read from 8 points earlier lands in the upper lanes); the first and
   * a last block that would read past the array in scalar code.
   */
  private static void packColumns(float[][] x, float[] ones, int in, int cg, int blocks, float[] to) {
    if (GROUP == 2) {
      final float[] a = column(x, ones, in, 2 * cg);
      final float[] b = column(x, ones, in, 2 * cg + 1);
      // blocks 1 … last − 1 read 16 floats of a from i and of b from i − 8 inside the arrays: a
      // loop without a branch (C2 hoists its bounds checks); the first and the rest by copies
      final int last = Math.max(1, Math.min(blocks, Math.min((a.length - 16) / 8, (b.length - 8) / 8) + 1));
      for (int i = 8; i < 8 * last; i += 8) {
        FloatVector.fromArray(SPECIES, a, i).blend(FloatVector.fromArray(SPECIES, b, i - 8), UPPER).intoArray(to, 2 * i);
      }
      for (int k = 0, i = 0; k < blocks; k = k == 0 ? last : k + 1, i = 8 * k) {
        System.arraycopy(a, i, to, 2 * i, 8);
        System.arraycopy(b, i, to, 2 * i + 8, 8);
      }
    } else if (GROUP == 1) { // 4 floats or fewer a vector: section h holds lanes h·V … of every block
      final float[] a = column(x, ones, in, cg);
      for (int h = 0; h < SECTIONS; h++) {
        for (int k = 0, t = h * blocks * V; k < blocks; k++, t += V) {
          FloatVector.fromArray(SPECIES, a, 8 * k + h * V).intoArray(to, t);
        }
      }
    } else {
      for (int l = 0; l < V; l++) {
        final float[] a = column(x, ones, in, cg * GROUP + l / 8);
        for (int k = 0, t = l; k < blocks; k++, t += V) {
          to[t] = a[8 * k + l % 8];
        }
      }
    }
  }

  private static float[] column(float[][] x, float[] ones, int in, int col) {
    return col >= in ? ones : x[col];
  }

  /** A row of dz laid out as the columns: lane l at point 8b + h·V + l mod 8 (GROUP copies side by side). */
  private static void packRow(float[] d, int blocks, float[] to) {
    if (GROUP == 2) {
      final int last = Math.max(1, Math.min(blocks, (d.length - 16) / 8 + 1)); // as in packColumns
      for (int i = 8; i < 8 * last; i += 8) {
        FloatVector.fromArray(SPECIES, d, i).blend(FloatVector.fromArray(SPECIES, d, i - 8), UPPER).intoArray(to, 2 * i);
      }
      for (int k = 0, i = 0; k < blocks; k = k == 0 ? last : k + 1, i = 8 * k) {
        System.arraycopy(d, i, to, 2 * i, 8);
        System.arraycopy(d, i, to, 2 * i + 8, 8);
      }
    } else if (GROUP == 1) {
      for (int h = 0; h < SECTIONS; h++) {
        for (int k = 0, t = h * blocks * V; k < blocks; k++, t += V) {
          FloatVector.fromArray(SPECIES, d, 8 * k + h * V).intoArray(to, t);
        }
      }
    } else {
      for (int l = 0; l < V; l++) {
        for (int k = 0, t = l; k < blocks; k++, t += V) {
          to[t] = d[8 * k + l % 8];
        }
      }
    }
  }

  /**
   * Rows [from, to) of gW and gb in tiles of 4 rows × 2 column groups (a short tile repeats its
   * last row or group: the same bits to the same place).
   */
  private static void packedRows(float[][] rows, float[][] columns, float[][] dz, float[][] x, float[] ones, int n, int blocks,
      int in, int groups, int from, int to, float[] g, int wOff, int bOff, float[] lanes) {
    final int k = 8 * GROUP; // lanes of one accumulator
    for (int o = from; o < to; o += 4) {
      final int o1 = Math.min(o + 1, to - 1);
      final int o2 = Math.min(o + 2, to - 1);
      final int o3 = Math.min(o + 3, to - 1);
      for (int c = 0; c < groups; c += 2) {
        final int c1 = Math.min(c + 1, groups - 1);
        for (int h = 0; h < SECTIONS; h++) {
          gradientTile(rows[o], rows[o1], rows[o2], rows[o3], columns[c], columns[c1], h * blocks * V, (h + 1) * blocks * V,
              lanes, h * V);
        }
        store(lanes, 0, dz[o], x, ones, n, blocks, in, o, c, g, wOff, bOff);
        store(lanes, k, dz[o1], x, ones, n, blocks, in, o1, c, g, wOff, bOff);
        store(lanes, 2 * k, dz[o2], x, ones, n, blocks, in, o2, c, g, wOff, bOff);
        store(lanes, 3 * k, dz[o3], x, ones, n, blocks, in, o3, c, g, wOff, bOff);
        store(lanes, 4 * k, dz[o], x, ones, n, blocks, in, o, c1, g, wOff, bOff);
        store(lanes, 5 * k, dz[o1], x, ones, n, blocks, in, o1, c1, g, wOff, bOff);
        store(lanes, 6 * k, dz[o2], x, ones, n, blocks, in, o2, c1, g, wOff, bOff);
        store(lanes, 7 * k, dz[o3], x, ones, n, blocks, in, o3, c1, g, wOff, bOff);
      }
    }
  }

  /**
   * Eight accumulators over the vectors [from, to) of four rows and two column groups, each
   * loaded column vector used four times and each row vector twice; stored at lanes[at + 8·GROUP·k].
   */
  private static void gradientTile(float[] d0, float[] d1, float[] d2, float[] d3, float[] x0, float[] x1, int from, int to,
      float[] lanes, int at) {
    FloatVector u0 = FloatVector.zero(SPECIES);
    FloatVector u1 = u0;
    FloatVector u2 = u0;
    FloatVector u3 = u0;
    FloatVector v0 = u0;
    FloatVector v1 = u0;
    FloatVector v2 = u0;
    FloatVector v3 = u0;
    for (int i = from; i < to; i += V) {
      final FloatVector y = FloatVector.fromArray(SPECIES, x0, i);
      final FloatVector z = FloatVector.fromArray(SPECIES, x1, i);
      FloatVector d = FloatVector.fromArray(SPECIES, d0, i);
      u0 = d.fma(y, u0);
      v0 = d.fma(z, v0);
      d = FloatVector.fromArray(SPECIES, d1, i);
      u1 = d.fma(y, u1);
      v1 = d.fma(z, v1);
      d = FloatVector.fromArray(SPECIES, d2, i);
      u2 = d.fma(y, u2);
      v2 = d.fma(z, v2);
      d = FloatVector.fromArray(SPECIES, d3, i);
      u3 = d.fma(y, u3);
      v3 = d.fma(z, v3);
    }
    final int k = 8 * GROUP;
    u0.intoArray(lanes, at);
    u1.intoArray(lanes, at + k);
    u2.intoArray(lanes, at + 2 * k);
    u3.intoArray(lanes, at + 3 * k);
    v0.intoArray(lanes, at + 4 * k);
    v1.intoArray(lanes, at + 5 * k);
    v2.intoArray(lanes, at + 6 * k);
    v3.intoArray(lanes, at + 7 * k);
  }

  /**
   * For each column of group cg (row o): its eight lanes at lanes[at + 8·member …] take the last
   * n mod 8 points (point 8·blocks + t into lane t, the same fma as a vector lane), then the tree.
   */
  private static void store(float[] lanes, int at, float[] d, float[][] x, float[] ones, int n, int blocks, int in, int o,
      int cg, float[] g, int wOff, int bOff) {
    for (int member = 0; member < GROUP; member++) {
      final int col = cg * GROUP + member;
      if (col > in) {
        return;
      }
      final float[] xc = col == in ? ones : x[col];
      final int l = at + 8 * member;
      for (int i = 8 * blocks, t = l; i < n; i++, t++) {
        lanes[t] = Math.fma(d[i], xc[i], lanes[t]);
      }
      g[col == in ? bOff + o : wOff + o * in + col] = FloatDense.tree(lanes, l);
    }
  }
}
