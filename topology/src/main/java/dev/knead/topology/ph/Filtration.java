package dev.knead.topology.ph;

/**
 * A Vietoris–Rips filtration seen through its edges: a simplex's diameter is its longest
 * edge. Simplices are never stored; they are long indices in the combinatorial number system
 * and their cofacets are enumerated on the fly by a {@link Cursor}.
 */
abstract sealed class Filtration permits DenseFiltration, SparseFiltration {
  final int n;
  /** Simplices with diameter above this are not in the complex (Ripser: diameter <= t). */
  final float threshold;
  final Binomials binomials;

  Filtration(int n, float threshold, int maxDim) {
    this.n = n;
    this.threshold = threshold;
    this.binomials = new Binomials(n, maxDim + 2);
  }

  /** Distance between vertices, +inf when the edge is not in the complex (sparse). */
  abstract float dist(int i, int j);

  /** All edges with diameter <= threshold, index = C(i,2) + j for i > j. */
  abstract SimplexList edges();

  /** Writes the neighbours j != i with dist(i, j) <= threshold; returns their count. */
  final int neighbours(int i, int[] out, float[] outDist) {
    int c = 0;
    for (int j = 0; j < n; j++) {
      if (j == i) continue;
      float x = dist(i, j);
      if (x <= threshold) {
        out[c] = j;
        outDist[c++] = x;
      }
    }
    return c;
  }

  /** A new enumerator of cofacets; each caller that nests enumerations needs its own. */
  abstract Cursor cursor();

  /**
   * Enumerates the cofacets of one simplex in decreasing index order, keeping only those with
   * diameter <= threshold. After {@link #next()} returns true, {@link #index} and
   * {@link #diameter} describe the current cofacet.
   */
  abstract static sealed class Cursor permits DenseFiltration.DenseCursor, SparseFiltration.SparseCursor {
    long index;
    float diameter;

    /**
     * @param all when false, only cofacets whose new vertex is larger than every vertex of the
     *     simplex (each simplex is then generated once, from its facet without its top vertex)
     */
    abstract void start(long simplex, float simplexDiameter, int dim, boolean all);

    abstract boolean next();
  }

  /**
   * First cofacet in enumeration order with the same diameter as the simplex, or -1: the
   * pivot of the simplex's coboundary column if that column needs no reduction.
   */
  final long zeroPivotCofacet(Cursor c, long simplex, float diameter, int dim) {
    c.start(simplex, diameter, dim, true);
    while (c.next()) if (c.diameter == diameter) return c.index;
    return -1;
  }

  /**
   * Smallest-index facet with the same diameter as the simplex, or -1: the pivot of the
   * simplex's boundary column. Facets come in increasing index order when vertices are
   * removed from the top down.
   */
  final long zeroPivotFacet(int[] v, long simplex, float diameter, int dim) {
    binomials.vertices(simplex, dim, n, v);
    final long[][] b = binomials.table;
    long above = 0; // sum over removed-above vertices at their shifted-down positions
    long below = simplex;
    for (int q = 0; q <= dim; q++) {
      final int pos = dim - q + 1; // v[q] has term C(v[q], pos) in the simplex index
      below -= b[pos][v[q]];
      float fd = 0f;
      for (int a = 0; a <= dim; a++) {
        if (a == q) continue;
        for (int c = a + 1; c <= dim; c++) {
          if (c != q) fd = Math.max(fd, dist(v[a], v[c]));
        }
      }
      if (fd == diameter) return above + below;
      above += b[pos - 1][v[q]];
    }
    return -1;
  }

  final long zeroApparentFacet(Cursor c, int[] v, long simplex, float diameter, int dim) {
    long facet = zeroPivotFacet(v, simplex, diameter, dim);
    return facet != -1 && zeroPivotCofacet(c, facet, diameter, dim - 1) == simplex ? facet : -1;
  }

  final long zeroApparentCofacet(Cursor c, int[] v, long simplex, float diameter, int dim) {
    long cofacet = zeroPivotCofacet(c, simplex, diameter, dim);
    return cofacet != -1 && zeroPivotFacet(v, cofacet, diameter, dim + 1) == simplex ? cofacet : -1;
  }

  /** Diameter of a simplex from its vertices: the longest edge. */
  final float diameter(int[] v, long simplex, int dim) {
    binomials.vertices(simplex, dim, n, v);
    float d = 0f;
    for (int a = 0; a <= dim; a++) for (int c = a + 1; c <= dim; c++) d = Math.max(d, dist(v[a], v[c]));
    return d;
  }
}
