package dev.knead.topology.ph;

/**
 * Rips filtration over a compressed lower-triangular distance matrix: the distance of
 * i > j sits at {@code rowStart[i] + j}, rowStart[i] = C(i, 2) — which is also the
 * combinatorial index of the edge {i, j}.
 */
final class DenseFiltration extends Filtration {
  private final float[] d;
  private final int[] rowStart;

  DenseFiltration(DistanceMatrix m, float threshold, int maxDim) {
    super(m.size(), threshold, maxDim);
    this.d = m.values();
    this.rowStart = new int[n];
    for (int i = 0; i < n; i++) rowStart[i] = (int) ((long) i * (i - 1) / 2);
  }

  @Override
  float dist(int i, int j) {
    if (i == j) return 0f;
    return i > j ? d[rowStart[i] + j] : d[rowStart[j] + i];
  }

  @Override
  SimplexList edges() {
    SimplexList edges = new SimplexList(16);
    final float t = threshold;
    for (int e = 0; e < d.length; e++) if (d[e] <= t) edges.add(d[e], e);
    return edges;
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
    private float base;
    private boolean all;

    @Override
    void start(long simplex, float simplexDiameter, int dim, boolean all) {
      binomials.vertices(simplex, dim, n, v);
      nv = dim + 1;
      p = 0;
      k = dim + 1;
      j = n - 1;
      below = simplex;
      above = 0;
      base = simplexDiameter;
      this.all = all;
    }

    @Override
    boolean next() {
      final long[][] b = binomials.table;
      final float[] dd = d;
      final int[] rs = rowStart;
      final float t = threshold;
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
        float dm = base;
        final int rowJ = rs[jj];
        for (int q = 0; q < p; q++) dm = Math.max(dm, dd[rs[v[q]] + jj]); // v[q] > jj
        for (int q = p; q < nv; q++) dm = Math.max(dm, dd[rowJ + v[q]]); // v[q] < jj
        if (dm <= t) {
          index = above + b[k + 1][jj] + below;
          diameter = dm;
          return true;
        }
      }
      return false;
    }
  }
}
