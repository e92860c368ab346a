package dev.knead.topology.ph;

import java.util.Arrays;

/**
 * Rips filtration over a compressed lower-triangular matrix of distance ranks: the entry of
 * i > j sits at {@code rowStart[i] + j}, rowStart[i] = C(i, 2) — which is also the
 * combinatorial index of the edge {i, j}. Entries above the cutoff hold maxRank + 1.
 */
final class DenseFiltration extends Filtration {
  private final int[] ranks;
  private final int[] rowStart;
  private long[] edges;

  private DenseFiltration(int n, int maxDim, float[] values, int[] ranks, long[] sortedByValue) {
    super(n, maxDim, values);
    this.ranks = ranks;
    this.rowStart = new int[n];
    for (int i = 0; i < n; i++) rowStart[i] = (int) ((long) i * (i - 1) / 2);
    // sortedByValue holds (value bits, edge index) ascending; rewrite it as keys, reversing
    // each run of equal values so that ties come by index descending
    final long[] keys = sortedByValue;
    for (int a = 0; a < keys.length; ) {
      final int r = ranks[(int) keys[a]];
      int b = a;
      while (b < keys.length && ranks[(int) keys[b]] == r) b++;
      for (int x = a; x < b; x++) keys[x] = key(r, (int) keys[x]);
      for (int x = a, y = b - 1; x < y; x++, y--) {
        long t = keys[x];
        keys[x] = keys[y];
        keys[y] = t;
      }
      a = b;
    }
    this.edges = keys;
  }

  /** Ranks every entry <= cutoff by one sort of (value bits, position) pairs. */
  static DenseFiltration of(DistanceMatrix m, float cutoff, int maxDim) {
    final float[] tri = m.values();
    int count = 0;
    for (float x : tri) if (x <= cutoff) count++;
    final long[] packed = new long[count];
    int k = 0;
    for (int e = 0; e < tri.length; e++) {
      // non-negative float bits order like the values
      if (tri[e] <= cutoff) packed[k++] = ((long) Float.floatToRawIntBits(tri[e]) << 32) | e;
    }
    Arrays.sort(packed);
    final int[] ranks = new int[tri.length];
    float[] distinct = new float[Math.max(count, 1)];
    int r = -1;
    float last = Float.NaN;
    for (long p : packed) {
      final float v = Float.intBitsToFloat((int) (p >>> 32));
      if (v != last) {
        distinct[++r] = v;
        last = v;
      }
    }
    final float[] values = Arrays.copyOf(distinct, r + 1);
    distinct = null;
    Arrays.fill(ranks, r + 1); // not an edge of the complex
    r = -1;
    last = Float.NaN;
    for (int a = 0; a < packed.length; a++) {
      final float v = Float.intBitsToFloat((int) (packed[a] >>> 32));
      if (v != last) {
        r++;
        last = v;
      }
      packed[a] = packed[a] & 0xFFFFFFFFL;
      ranks[(int) packed[a]] = r;
    }
    return new DenseFiltration(m.size(), maxDim, values, ranks, packed);
  }

  @Override
  int rankDist(int i, int j) {
    if (i == j) return 0;
    return i > j ? ranks[rowStart[i] + j] : ranks[rowStart[j] + i];
  }

  @Override
  long[] sortedEdges() {
    long[] e = edges;
    edges = null; // handed over once: the engine owns it from here
    return e;
  }

  @Override
  Cursor cursor() {
    return new DenseCursor();
  }

  /**
   * Walks the candidate new vertex j from n-1 down to 0. Invariant: {@code below} is the index
   * of the simplex's vertices smaller than j, {@code above} the index contribution of those
   * larger than j shifted up one position, and k counts the vertices below j.
   */
  final class DenseCursor extends Cursor {
    private final int[] v = new int[8];
    private int nv;
    private int p;
    private int k;
    private int j;
    private long below;
    private long above;
    private int base;
    private boolean all;

    @Override
    void start(long simplexKey, int dim, boolean all) {
      final long simplex = index(simplexKey);
      binomials.vertices(simplex, dim, n, v);
      nv = dim + 1;
      p = 0;
      k = dim + 1;
      j = n - 1;
      below = simplex;
      above = 0;
      base = rank(simplexKey);
      this.all = all;
    }

    @Override
    boolean next() {
      final long[][] b = binomials.table;
      final int[] rr = ranks;
      final int[] rs = rowStart;
      final int top = maxRank;
      while (j >= 0) {
        if (p < nv && v[p] == j) {
          if (!all) return false;
          below -= b[k][j];
          above += b[k + 1][j];
          p++;
          k--;
          j--;
          continue;
        }
        final int jj = j--;
        int dm = base;
        final int rowJ = rs[jj];
        for (int q = 0; q < p; q++) dm = Math.max(dm, rr[rs[v[q]] + jj]); // v[q] > jj
        for (int q = p; q < nv; q++) dm = Math.max(dm, rr[rowJ + v[q]]); // v[q] < jj
        if (dm <= top) {
          key = ((long) dm << indexBits) | (indexMask - (above + b[k + 1][jj] + below));
          return true;
        }
      }
      return false;
    }
  }
}
