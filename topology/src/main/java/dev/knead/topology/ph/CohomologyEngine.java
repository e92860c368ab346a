package dev.knead.topology.ph;

/**
 * Persistent cohomology of a Rips filtration over Z/2, dimension by dimension, after Bauer,
 * "Ripser" (2021): H0 by union–find over sorted edges, then for each dimension a column
 * reduction of the implicit coboundary matrix with clearing, apparent and emergent pairs, and
 * the reduction matrix V kept only for columns that needed an addition. Simplices are keys
 * (see {@link Filtration}). One engine computes one barcode; it is not thread-safe.
 */
final class CohomologyEngine {
  private final Filtration f;
  private final int maxDim;
  private final Filtration.Cursor main;
  private final Filtration.Cursor probe;
  private final int[] verts = new int[8];
  private final SimplexHeap coboundary = new SimplexHeap();
  private final SimplexHeap reduction = new SimplexHeap();
  private final RawBars bars = new RawBars();

  private CohomologyEngine(Filtration f) {
    this.f = f;
    this.maxDim = f.maxDim;
    this.main = f.cursor();
    this.probe = f.cursor();
  }

  static RawBars compute(Filtration f) {
    return new CohomologyEngine(f).run();
  }

  private RawBars run() {
    KeyList simplices = new KeyList(f.sortedEdges());
    KeyList columns = new KeyList(16);
    dimZero(simplices, columns);
    if (maxDim < 2) simplices = null; // edges are only needed to build triangles
    for (int dim = 1; dim <= maxDim; dim++) {
      PivotMap pivots = new PivotMap(columns.size);
      reduce(columns, pivots, dim);
      if (dim < maxDim) simplices = assemble(simplices, columns, pivots, dim + 1);
    }
    return bars;
  }

  /**
   * Union–find over edges in filtration order: an edge joining two components kills an H0
   * class; the others, unless in an apparent pair, become the dimension-1 columns.
   */
  private void dimZero(KeyList edges, KeyList columns) {
    final int n = f.n;
    final int[] parent = new int[n];
    final byte[] rank = new byte[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    for (int e = 0; e < edges.size; e++) {
      final long key = edges.keys[e];
      f.binomials.vertices(f.index(key), 1, n, verts);
      final int u = find(parent, verts[0]);
      final int v = find(parent, verts[1]);
      if (u != v) {
        final float d = f.value(key);
        if (d != 0f) bars.add(0, 0f, d, -1);
        if (rank[u] < rank[v]) parent[u] = v;
        else if (rank[u] > rank[v]) parent[v] = u;
        else {
          parent[v] = u;
          rank[u]++;
        }
      } else if (maxDim >= 1 && f.zeroApparentCofacet(probe, verts, key, 1) == -1) {
        columns.add(key);
      }
    }
    columns.reverse(); // reverse filtration order: the order cohomology reduces in
    for (int i = 0; i < n; i++) if (find(parent, i) == i) bars.add(0, 0f, Float.POSITIVE_INFINITY, i);
  }

  private static int find(int[] parent, int x) {
    int r = x;
    while (parent[r] != r) r = parent[r];
    while (parent[x] != r) {
      int next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  }

  /**
   * Reduces the coboundary columns of {@code dim}-simplices in reverse filtration order. A
   * column's pivot is its first cofacet in filtration order (the heap's minimum); pivots map
   * to the column that owns them, and clearing in the next dimension skips those cofacets.
   *
   * <p>Windowed pushes: only the pivot is ever read, and it only moves forward, so cofacets
   * with keys at or beyond {@link #windowEnd} are not pushed at all. On dense clouds most
   * pushed entries lie far beyond the column's final pivot and would only bloat the heap. If
   * every pushed entry cancels, the column so far (its simplex plus its V terms) is
   * re-enumerated into the next, wider window; the part below the old window is known to
   * cancel, so the result is exact.
   */
  private void reduce(KeyList columns, PivotMap pivots, int dim) {
    // V without its diagonal, compressed: column c's entries are [vStart[c], vStart[c+1])
    final int[] vStart = new int[columns.size + 1];
    final KeyList v = new KeyList(64);
    final int firstWidth = Math.max(64, (f.maxRank + 1) >> 7);
    for (int c = 0; c < columns.size; c++) {
      final long simplex = columns.keys[c];
      final int birthRank = f.rank(simplex);
      int width = firstWidth;
      windowEnd = windowEnd(birthRank, width);
      vStart[c] = v.size;
      coboundary.clear();
      reduction.clear();
      long pivot = initCoboundary(simplex, dim, pivots);
      while (true) {
        if (pivot == -1) {
          if (windowEnd != Long.MAX_VALUE) {
            final long from = windowEnd;
            width *= 8;
            windowEnd = windowEnd(birthRank, width);
            refill(simplex, dim, from);
            pivot = coboundary.pivot();
            continue;
          }
          bars.add(dim, f.value(simplex), Float.POSITIVE_INFINITY, f.index(simplex));
          break;
        }
        final int other = pivots.get(pivot);
        if (other != -1) {
          // add the owner's column: its simplex and its V entries
          addSimplexCoboundary(columns.keys[other], dim);
          for (int e = vStart[other], end = vStart[other + 1]; e < end; e++) addSimplexCoboundary(v.keys[e], dim);
        } else {
          final long facet = f.zeroApparentFacet(probe, verts, pivot, dim + 1);
          if (facet != -1) {
            addSimplexCoboundary(facet, dim); // the pivot's owner is an apparent pair, never a column
          } else {
            final float birth = f.value(simplex);
            final float death = f.value(pivot);
            if (death > birth) bars.add(dim, birth, death, f.index(simplex));
            pivots.put(pivot, c);
            for (long e = reduction.popPivot(); e != -1; e = reduction.popPivot()) v.add(e);
            break;
          }
        }
        pivot = coboundary.pivot();
      }
    }
    vStart[columns.size] = v.size;
  }

  /** Keys below this are pushed into the coboundary heap; all keys of ranks < birth + width. */
  private long windowEnd;

  private long windowEnd(int birthRank, int width) {
    final long r = (long) birthRank + width;
    return r > f.maxRank ? Long.MAX_VALUE : r << f.indexBits;
  }

  /** Pushes the keys in [from, windowEnd) of the column so far: its simplex and its V terms. */
  private void refill(long simplex, int dim, long from) {
    final KeyList terms = scratch;
    terms.clear();
    for (long e = reduction.popPivot(); e != -1; e = reduction.popPivot()) terms.add(e);
    for (int i = 0; i < terms.size; i++) reduction.push(terms.keys[i]);
    terms.add(simplex);
    final Filtration.Cursor cur = main;
    final SimplexHeap heap = coboundary;
    final long to = windowEnd;
    for (int i = 0; i < terms.size; i++) {
      cur.start(terms.keys[i], dim, true);
      while (cur.next()) {
        final long ck = cur.key;
        if (ck >= from && ck < to) heap.push(ck);
      }
    }
  }

  private final KeyList scratch = new KeyList(64);

  /**
   * Pushes the coboundary of a fresh column, unless its first equal-diameter cofacet forms an
   * emergent pair (not yet a pivot and not in an apparent pair): then that cofacet is the
   * pivot already and the column is done without touching the heap further.
   */
  private long initCoboundary(long simplex, int dim, PivotMap pivots) {
    final Filtration.Cursor cur = main;
    final int shift = f.indexBits;
    final long rankBits = simplex >>> shift;
    final long to = windowEnd;
    cur.start(simplex, dim, true);
    boolean checkEmergent = true;
    while (cur.next()) {
      final long ck = cur.key;
      if (checkEmergent && ck >>> shift == rankBits) {
        if (!pivots.contains(ck) && f.zeroApparentFacet(probe, verts, ck, dim + 1) == -1) return ck;
        checkEmergent = false;
      }
      if (ck < to) coboundary.push(ck);
    }
    return coboundary.pivot();
  }

  private void addSimplexCoboundary(long simplex, int dim) {
    reduction.push(simplex);
    final Filtration.Cursor cur = main;
    final SimplexHeap heap = coboundary;
    final long to = windowEnd;
    cur.start(simplex, dim, true);
    while (cur.next()) {
      final long ck = cur.key;
      if (ck < to) heap.push(ck);
    }
  }

  /** Cofacets of the {@code dim-1}-simplices in the complex, minus cleared and apparent ones. */
  private KeyList assemble(KeyList simplices, KeyList columns, PivotMap pivots, int dim) {
    final KeyList next = dim < maxDim ? new KeyList(simplices.size) : null;
    columns.clear();
    final Filtration.Cursor cur = main;
    for (int s = 0; s < simplices.size; s++) {
      cur.start(simplices.keys[s], dim - 1, false);
      while (cur.next()) {
        final long ck = cur.key;
        if (next != null) next.add(ck);
        if (pivots.contains(ck)) continue;
        if (f.zeroApparentCofacet(probe, verts, ck, dim) != -1) continue;
        if (f.zeroApparentFacet(probe, verts, ck, dim) != -1) continue;
        columns.add(ck);
      }
    }
    columns.sortReverseFiltrationOrder();
    return next;
  }
}
