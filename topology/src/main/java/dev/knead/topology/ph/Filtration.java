package dev.knead.topology.ph;

/**
 * A Vietoris–Rips filtration seen through its edges: a simplex's diameter is its longest
 * edge. Distances are replaced by their rank among the distinct edge lengths below the
 * cutoff (only order and equality matter), so a simplex is one long key:
 * {@code rank << indexBits | (indexMask - index)}, with the index in the combinatorial number
 * system. Keys ascending is the filtration order — diameter ascending, ties by larger index
 * first, as in Ripser. Simplices are never stored; cofacets are enumerated by a {@link Cursor}.
 */
abstract sealed class Filtration permits DenseFiltration, SparseFiltration {
  final int n;
  final int maxDim;
  final Binomials binomials;
  /** values[rank] = the edge length of that rank; ranks 0 .. values.length-1 are in the complex. */
  final float[] values;
  /** Largest rank in the complex; stored ranks above it mean "not an edge". */
  final int maxRank;
  final int indexBits;
  final long indexMask;

  Filtration(int n, int maxDim, float[] values) {
    this.n = n;
    this.maxDim = maxDim;
    this.binomials = new Binomials(n, maxDim + 2);
    this.values = values;
    this.maxRank = values.length - 1;
    int rankBits = 64 - Long.numberOfLeadingZeros(values.length + 1L);
    this.indexBits = 63 - rankBits;
    this.indexMask = (1L << indexBits) - 1;
    long largest = n >= maxDim + 2 ? binomials.get(n, maxDim + 2) : 0;
    if (largest > indexMask) {
      throw new IllegalArgumentException("complex too large for 64-bit simplex keys: n=" + n + ", maxDim=" + maxDim
          + ", " + values.length + " distinct edge lengths; lower the threshold or the dimension");
    }
  }

  final long key(int rank, long index) {
    return ((long) rank << indexBits) | (indexMask - index);
  }

  final int rank(long key) {
    return (int) (key >>> indexBits);
  }

  final long index(long key) {
    return indexMask - (key & indexMask);
  }

  final float value(long key) {
    return values[rank(key)];
  }

  /** Rank of the distance between vertices, > maxRank when the edge is not in the complex. */
  abstract int rankDist(int i, int j);

  /** Keys of all edges in the complex, in filtration order. */
  abstract long[] sortedEdges();

  /** A new enumerator of cofacets; each caller that nests enumerations needs its own. */
  abstract Cursor cursor();

  /**
   * Enumerates the cofacets of one simplex in decreasing index order, keeping those in the
   * complex. After {@link #next()} returns true, {@link #key} is the current cofacet.
   */
  abstract static sealed class Cursor permits DenseFiltration.DenseCursor, SparseFiltration.SparseCursor {
    long key;

    /**
     * @param all when false, only cofacets whose new vertex is larger than every vertex of the
     *     simplex (each simplex is then generated once, from its facet without its top vertex)
     */
    abstract void start(long simplexKey, int dim, boolean all);

    abstract boolean next();
  }

  /** Writes the neighbours j != i of i in the complex with their ranks; returns the count. */
  final int neighbours(int i, int[] out, int[] outRank) {
    int c = 0;
    for (int j = 0; j < n; j++) {
      if (j == i) continue;
      int r = rankDist(i, j);
      if (r <= maxRank) {
        out[c] = j;
        outRank[c++] = r;
      }
    }
    return c;
  }

  /**
   * First cofacet in enumeration order with the simplex's diameter, or -1: the pivot of the
   * simplex's coboundary column if that column needs no reduction.
   */
  final long zeroPivotCofacet(Cursor c, long simplexKey, int dim) {
    final long rankBits = simplexKey >>> indexBits;
    c.start(simplexKey, dim, true);
    while (c.next()) if (c.key >>> indexBits == rankBits) return c.key;
    return -1;
  }

  /**
   * Smallest-index facet with the simplex's diameter, or -1: the pivot of its boundary
   * column. Facets come in increasing index order when vertices are removed from the top down.
   */
  final long zeroPivotFacet(int[] v, long simplexKey, int dim) {
    final int rank = rank(simplexKey);
    final long simplex = index(simplexKey);
    binomials.vertices(simplex, dim, n, v);
    // pairwise ranks once: facet q's diameter is the largest pair avoiding vertex q
    final int[] pr = pairRanks;
    for (int a = 0; a <= dim; a++) for (int c = a + 1; c <= dim; c++) pr[a * 8 + c] = rankDist(v[a], v[c]);
    final long[][] b = binomials.table;
    long above = 0; // removed-above vertices at their shifted-down positions
    long below = simplex;
    for (int q = 0; q <= dim; q++) {
      final int pos = dim - q + 1; // v[q] has term C(v[q], pos) in the simplex index
      below -= b[pos][v[q]];
      int fr = 0;
      for (int a = 0; a <= dim; a++) {
        if (a == q) continue;
        for (int c = a + 1; c <= dim; c++) if (c != q) fr = Math.max(fr, pr[a * 8 + c]);
      }
      if (fr == rank && dim > 0) return key(rank, above + below);
      above += b[pos - 1][v[q]];
    }
    return -1;
  }

  /** Scratch for {@link #zeroPivotFacet}: ranks of vertex pairs (a, c) at a·8 + c. */
  private final int[] pairRanks = new int[64];

  final long zeroApparentFacet(Cursor c, int[] v, long simplexKey, int dim) {
    final long facet = zeroPivotFacet(v, simplexKey, dim);
    return facet != -1 && zeroPivotCofacet(c, facet, dim - 1) == simplexKey ? facet : -1;
  }

  final long zeroApparentCofacet(Cursor c, int[] v, long simplexKey, int dim) {
    final long cofacet = zeroPivotCofacet(c, simplexKey, dim);
    return cofacet != -1 && zeroPivotFacet(v, cofacet, dim + 1) == simplexKey ? cofacet : -1;
  }

  /**
   * Distinct sorted values of {@code d[0..count)} (already sorted ascending), the rank table.
   */
  static float[] distinctSorted(float[] sorted, int count) {
    int m = 0;
    for (int a = 0; a < count; a++) if (m == 0 || sorted[a] != sorted[m - 1]) sorted[m++] = sorted[a];
    return java.util.Arrays.copyOf(sorted, m);
  }
}
