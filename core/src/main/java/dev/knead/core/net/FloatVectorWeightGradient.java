package dev.knead.core.net;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The weight gradient of {@link FloatVectorKernels#weightGradient} (order 3 of that class's
 * comment): gW = dz xᵀ and gb = dz 1 as eight lane sums per output, lane t over the points
 * i ≡ t (mod 8), then a fixed tree. Register tiles of 2 rows × 4 columns; a tile's lanes are
 * stored and totalled in scalar code.
 */
final class FloatVectorWeightGradient {
  private FloatVectorWeightGradient() {}

  private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;

  /** Floats of input columns kept hot while every output row reads them (≈ 128 KB). */
  private static final int COLUMN_FLOATS = 1 << 15;

  /** Floats for one tile's eight lane-sum vectors. */
  static final int LANES = 80;

  /** 0 … 7 as floats: compared with the point count left over, gives the mask of real points. */
  private static final float[] IOTA = {0, 1, 2, 3, 4, 5, 6, 7};

  /**
   * Rows [from, to) of the weight gradient: gb (inside the first gW tile of each row pair when
   * there are four columns or more, else in tiles of four rows), then gW over the input
   * columns in blocks of about {@link #COLUMN_FLOATS} floats, so a block stays in L2 while every
   * row passes over it, in tiles of two rows × four columns; one to three columns left over go
   * in tiles of four rows × two columns. A short tile repeats its last row or column: the repeat
   * computes the same bits and stores them to the same place.
   */
  static void rows(
      float[][] dz, float[][] x, float[][] rowTails, float[][] colTails, int whole, int rest, int in, int from, int to,
      float[] g, int wOff, int bOff, float[] lanes) {
    final int lastRow = to - 1;
    // with four columns or more, gb rides along in the first tile of each row pair (its two
    // chains of adds fill the fma pipes' idle slots); otherwise it gets tiles of its own
    final boolean biasInTiles = in >= 4;
    if (!biasInTiles) {
      for (int o = from; o < to; o += 4) {
        biasTile(dz, rowTails, whole, rest, o, Math.min(o + 1, lastRow), Math.min(o + 2, lastRow), Math.min(o + 3, lastRow), g,
            bOff, lanes);
      }
    }
    final int width = Math.max(4, (COLUMN_FLOATS / Math.max(1, whole + rest)) & ~3);
    for (int c0 = 0; c0 < in; c0 += width) {
      final int c1 = Math.min(in, c0 + width);
      final int full = c0 + ((c1 - c0) & ~3);
      for (int o = from; o < to; o += 2) {
        final int o1 = Math.min(o + 1, lastRow);
        int c = c0;
        if (c0 == 0 && biasInTiles) {
          tile24WithBias(dz, x, rowTails, colTails, whole, rest, o, o1, g, wOff, bOff, in, lanes);
          c = 4;
        }
        for (; c < full; c += 4) {
          tile24(dz, x, rowTails, colTails, whole, rest, o, o1, c, c + 1, c + 2, c + 3, g, wOff, in, lanes);
        }
        if (c1 - full == 3) {
          tile24(dz, x, rowTails, colTails, whole, rest, o, o1, full, full + 1, full + 2, full + 2, g, wOff, in, lanes);
        }
      }
      if (c1 - full == 1 || c1 - full == 2) {
        final int second = c1 - 1;
        for (int o = from; o < to; o += 4) {
          tile42(dz, x, rowTails, colTails, whole, rest, o, Math.min(o + 1, lastRow), Math.min(o + 2, lastRow),
              Math.min(o + 3, lastRow), full, second, g, wOff, in, lanes);
        }
      }
    }
  }

  /** Mask of the first {@code rest} lanes: the real points of the partial last vector. */
  private static VectorMask<Float> head(int rest) {
    return FloatVector.fromArray(F8, IOTA, 0).compare(VectorOperators.LT, (float) rest);
  }

  /**
   * gb for rows o0 … o3: four lane-sum vectors of {@code acc + dz[o][i]}, the partial last
   * vector from the padded tails under a mask (lanes past n keep their sums exactly).
   */
  private static void biasTile(
      float[][] dz, float[][] rowTails, int whole, int rest, int o0, int o1, int o2, int o3, float[] g, int bOff, float[] lanes) {
    final float[] d0 = dz[o0];
    final float[] d1 = dz[o1];
    final float[] d2 = dz[o2];
    final float[] d3 = dz[o3];
    FloatVector u0 = FloatVector.zero(F8);
    FloatVector u1 = u0;
    FloatVector u2 = u0;
    FloatVector u3 = u0;
    for (int i = 0; i < whole; i += 8) {
      u0 = u0.add(FloatVector.fromArray(F8, d0, i));
      u1 = u1.add(FloatVector.fromArray(F8, d1, i));
      u2 = u2.add(FloatVector.fromArray(F8, d2, i));
      u3 = u3.add(FloatVector.fromArray(F8, d3, i));
    }
    if (rest > 0) {
      final VectorMask<Float> m = head(rest);
      u0 = u0.blend(u0.add(FloatVector.fromArray(F8, rowTails[o0], 0)), m);
      u1 = u1.blend(u1.add(FloatVector.fromArray(F8, rowTails[o1], 0)), m);
      u2 = u2.blend(u2.add(FloatVector.fromArray(F8, rowTails[o2], 0)), m);
      u3 = u3.blend(u3.add(FloatVector.fromArray(F8, rowTails[o3], 0)), m);
    }
    u0.intoArray(lanes, 0);
    u1.intoArray(lanes, 8);
    u2.intoArray(lanes, 16);
    u3.intoArray(lanes, 24);
    g[bOff + o0] = total(lanes, 0);
    g[bOff + o1] = total(lanes, 8);
    g[bOff + o2] = total(lanes, 16);
    g[bOff + o3] = total(lanes, 24);
  }

  /**
   * gW for rows o0, o1 × columns c0 … c3: eight lane-sum vectors over the whole vectors of
   * points, each loaded row vector used four times and each column vector twice; the partial
   * last vector as in {@link #biasTile}.
   */
  private static void tile24(
      float[][] dz, float[][] x, float[][] rowTails, float[][] colTails, int whole, int rest, int o0, int o1, int c0, int c1,
      int c2, int c3, float[] g, int wOff, int in, float[] lanes) {
    final float[] d0 = dz[o0];
    final float[] d1 = dz[o1];
    final float[] x0 = x[c0];
    final float[] x1 = x[c1];
    final float[] x2 = x[c2];
    final float[] x3 = x[c3];
    FloatVector u0 = FloatVector.zero(F8);
    FloatVector u1 = u0;
    FloatVector u2 = u0;
    FloatVector u3 = u0;
    FloatVector v0 = u0;
    FloatVector v1 = u0;
    FloatVector v2 = u0;
    FloatVector v3 = u0;
    for (int i = 0; i < whole; i += 8) {
      final FloatVector d = FloatVector.fromArray(F8, d0, i);
      final FloatVector e = FloatVector.fromArray(F8, d1, i);
      final FloatVector y0 = FloatVector.fromArray(F8, x0, i);
      u0 = d.fma(y0, u0);
      v0 = e.fma(y0, v0);
      final FloatVector y1 = FloatVector.fromArray(F8, x1, i);
      u1 = d.fma(y1, u1);
      v1 = e.fma(y1, v1);
      final FloatVector y2 = FloatVector.fromArray(F8, x2, i);
      u2 = d.fma(y2, u2);
      v2 = e.fma(y2, v2);
      final FloatVector y3 = FloatVector.fromArray(F8, x3, i);
      u3 = d.fma(y3, u3);
      v3 = e.fma(y3, v3);
    }
    if (rest > 0) {
      final VectorMask<Float> m = head(rest);
      final FloatVector d = FloatVector.fromArray(F8, rowTails[o0], 0);
      final FloatVector e = FloatVector.fromArray(F8, rowTails[o1], 0);
      final FloatVector y0 = FloatVector.fromArray(F8, colTails[c0], 0);
      u0 = u0.blend(d.fma(y0, u0), m);
      v0 = v0.blend(e.fma(y0, v0), m);
      final FloatVector y1 = FloatVector.fromArray(F8, colTails[c1], 0);
      u1 = u1.blend(d.fma(y1, u1), m);
      v1 = v1.blend(e.fma(y1, v1), m);
      final FloatVector y2 = FloatVector.fromArray(F8, colTails[c2], 0);
      u2 = u2.blend(d.fma(y2, u2), m);
      v2 = v2.blend(e.fma(y2, v2), m);
      final FloatVector y3 = FloatVector.fromArray(F8, colTails[c3], 0);
      u3 = u3.blend(d.fma(y3, u3), m);
      v3 = v3.blend(e.fma(y3, v3), m);
    }
    u0.intoArray(lanes, 0);
    u1.intoArray(lanes, 8);
    u2.intoArray(lanes, 16);
    u3.intoArray(lanes, 24);
    v0.intoArray(lanes, 32);
    v1.intoArray(lanes, 40);
    v2.intoArray(lanes, 48);
    v3.intoArray(lanes, 56);
    final int a = wOff + o0 * in;
    final int b = wOff + o1 * in;
    g[a + c0] = total(lanes, 0);
    g[a + c1] = total(lanes, 8);
    g[a + c2] = total(lanes, 16);
    g[a + c3] = total(lanes, 24);
    g[b + c0] = total(lanes, 32);
    g[b + c1] = total(lanes, 40);
    g[b + c2] = total(lanes, 48);
    g[b + c3] = total(lanes, 56);
  }

  /**
   * {@link #tile24} for columns 0 … 3 that also sums gb for rows o0 and o1, as {@link #biasTile}
   * does. A copy rather than a flag on tile24: with the flag inside the loop C2 neither unswitched
   * nor kept the vectors in registers, and the 16 × 16 × 1000 weight gradient ran 2.5× slower.
   */
  private static void tile24WithBias(
      float[][] dz, float[][] x, float[][] rowTails, float[][] colTails, int whole, int rest, int o0, int o1, float[] g,
      int wOff, int bOff, int in, float[] lanes) {
    final int c0 = 0;
    final int c1 = 1;
    final int c2 = 2;
    final int c3 = 3;
    final float[] d0 = dz[o0];
    final float[] d1 = dz[o1];
    final float[] x0 = x[c0];
    final float[] x1 = x[c1];
    final float[] x2 = x[c2];
    final float[] x3 = x[c3];
    FloatVector u0 = FloatVector.zero(F8);
    FloatVector u1 = u0;
    FloatVector u2 = u0;
    FloatVector u3 = u0;
    FloatVector v0 = u0;
    FloatVector v1 = u0;
    FloatVector v2 = u0;
    FloatVector v3 = u0;
    FloatVector b0 = u0;
    FloatVector b1 = u0;
    for (int i = 0; i < whole; i += 8) {
      final FloatVector d = FloatVector.fromArray(F8, d0, i);
      final FloatVector e = FloatVector.fromArray(F8, d1, i);
      b0 = b0.add(d);
      b1 = b1.add(e);
      final FloatVector y0 = FloatVector.fromArray(F8, x0, i);
      u0 = d.fma(y0, u0);
      v0 = e.fma(y0, v0);
      final FloatVector y1 = FloatVector.fromArray(F8, x1, i);
      u1 = d.fma(y1, u1);
      v1 = e.fma(y1, v1);
      final FloatVector y2 = FloatVector.fromArray(F8, x2, i);
      u2 = d.fma(y2, u2);
      v2 = e.fma(y2, v2);
      final FloatVector y3 = FloatVector.fromArray(F8, x3, i);
      u3 = d.fma(y3, u3);
      v3 = e.fma(y3, v3);
    }
    if (rest > 0) {
      final VectorMask<Float> m = head(rest);
      final FloatVector d = FloatVector.fromArray(F8, rowTails[o0], 0);
      final FloatVector e = FloatVector.fromArray(F8, rowTails[o1], 0);
      b0 = b0.blend(b0.add(d), m);
      b1 = b1.blend(b1.add(e), m);
      final FloatVector y0 = FloatVector.fromArray(F8, colTails[c0], 0);
      u0 = u0.blend(d.fma(y0, u0), m);
      v0 = v0.blend(e.fma(y0, v0), m);
      final FloatVector y1 = FloatVector.fromArray(F8, colTails[c1], 0);
      u1 = u1.blend(d.fma(y1, u1), m);
      v1 = v1.blend(e.fma(y1, v1), m);
      final FloatVector y2 = FloatVector.fromArray(F8, colTails[c2], 0);
      u2 = u2.blend(d.fma(y2, u2), m);
      v2 = v2.blend(e.fma(y2, v2), m);
      final FloatVector y3 = FloatVector.fromArray(F8, colTails[c3], 0);
      u3 = u3.blend(d.fma(y3, u3), m);
      v3 = v3.blend(e.fma(y3, v3), m);
    }
    u0.intoArray(lanes, 0);
    u1.intoArray(lanes, 8);
    u2.intoArray(lanes, 16);
    u3.intoArray(lanes, 24);
    v0.intoArray(lanes, 32);
    v1.intoArray(lanes, 40);
    v2.intoArray(lanes, 48);
    v3.intoArray(lanes, 56);
    b0.intoArray(lanes, 64);
    b1.intoArray(lanes, 72);
    final int a = wOff + o0 * in;
    final int b = wOff + o1 * in;
    g[a + c0] = total(lanes, 0);
    g[a + c1] = total(lanes, 8);
    g[a + c2] = total(lanes, 16);
    g[a + c3] = total(lanes, 24);
    g[b + c0] = total(lanes, 32);
    g[b + c1] = total(lanes, 40);
    g[b + c2] = total(lanes, 48);
    g[b + c3] = total(lanes, 56);
    g[bOff + o0] = total(lanes, 64);
    g[bOff + o1] = total(lanes, 72);
  }

  /** gW for rows o0 … o3 × columns c0, c1, as {@link #tile24} with the roles of rows and columns swapped. */
  private static void tile42(
      float[][] dz, float[][] x, float[][] rowTails, float[][] colTails, int whole, int rest, int o0, int o1, int o2, int o3,
      int c0, int c1, float[] g, int wOff, int in, float[] lanes) {
    final float[] d0 = dz[o0];
    final float[] d1 = dz[o1];
    final float[] d2 = dz[o2];
    final float[] d3 = dz[o3];
    final float[] x0 = x[c0];
    final float[] x1 = x[c1];
    FloatVector u0 = FloatVector.zero(F8);
    FloatVector u1 = u0;
    FloatVector u2 = u0;
    FloatVector u3 = u0;
    FloatVector v0 = u0;
    FloatVector v1 = u0;
    FloatVector v2 = u0;
    FloatVector v3 = u0;
    for (int i = 0; i < whole; i += 8) {
      final FloatVector y = FloatVector.fromArray(F8, x0, i);
      final FloatVector z = FloatVector.fromArray(F8, x1, i);
      final FloatVector e0 = FloatVector.fromArray(F8, d0, i);
      u0 = e0.fma(y, u0);
      v0 = e0.fma(z, v0);
      final FloatVector e1 = FloatVector.fromArray(F8, d1, i);
      u1 = e1.fma(y, u1);
      v1 = e1.fma(z, v1);
      final FloatVector e2 = FloatVector.fromArray(F8, d2, i);
      u2 = e2.fma(y, u2);
      v2 = e2.fma(z, v2);
      final FloatVector e3 = FloatVector.fromArray(F8, d3, i);
      u3 = e3.fma(y, u3);
      v3 = e3.fma(z, v3);
    }
    if (rest > 0) {
      final VectorMask<Float> m = head(rest);
      final FloatVector y = FloatVector.fromArray(F8, colTails[c0], 0);
      final FloatVector z = FloatVector.fromArray(F8, colTails[c1], 0);
      final FloatVector e0 = FloatVector.fromArray(F8, rowTails[o0], 0);
      u0 = u0.blend(e0.fma(y, u0), m);
      v0 = v0.blend(e0.fma(z, v0), m);
      final FloatVector e1 = FloatVector.fromArray(F8, rowTails[o1], 0);
      u1 = u1.blend(e1.fma(y, u1), m);
      v1 = v1.blend(e1.fma(z, v1), m);
      final FloatVector e2 = FloatVector.fromArray(F8, rowTails[o2], 0);
      u2 = u2.blend(e2.fma(y, u2), m);
      v2 = v2.blend(e2.fma(z, v2), m);
      final FloatVector e3 = FloatVector.fromArray(F8, rowTails[o3], 0);
      u3 = u3.blend(e3.fma(y, u3), m);
      v3 = v3.blend(e3.fma(z, v3), m);
    }
    u0.intoArray(lanes, 0);
    u1.intoArray(lanes, 8);
    u2.intoArray(lanes, 16);
    u3.intoArray(lanes, 24);
    v0.intoArray(lanes, 32);
    v1.intoArray(lanes, 40);
    v2.intoArray(lanes, 48);
    v3.intoArray(lanes, 56);
    g[wOff + o0 * in + c0] = total(lanes, 0);
    g[wOff + o1 * in + c0] = total(lanes, 8);
    g[wOff + o2 * in + c0] = total(lanes, 16);
    g[wOff + o3 * in + c0] = total(lanes, 24);
    g[wOff + o0 * in + c1] = total(lanes, 32);
    g[wOff + o1 * in + c1] = total(lanes, 40);
    g[wOff + o2 * in + c1] = total(lanes, 48);
    g[wOff + o3 * in + c1] = total(lanes, 56);
  }

  /**
   * ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)) of the eight lanes stored at l[k …]
   * (reduceLanes leaves its order unspecified; summing lane-swapped copies with rearrange
   * measured several times slower on JDK 17).
   */
  private static float total(float[] l, int k) {
    return ((l[k] + l[k + 1]) + (l[k + 2] + l[k + 3])) + ((l[k + 4] + l[k + 5]) + (l[k + 6] + l[k + 7]));
  }
}
