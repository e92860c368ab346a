package dev.knead.topology.ph;

/**
 * Persistent cohomology of a Rips filtration over Z/2, dimension by dimension, after Bauer,
 * "Ripser" (2021): H0 by union–find over sorted edges (§3.2 of the paper's setting), then for
 * each dimension a column reduction of the implicit coboundary matrix with clearing,
 * apparent and emergent pairs, and the reduction matrix V kept only for columns that needed
 * an addition. One engine computes one barcode; it is not thread-safe.
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

  private CohomologyEngine(Filtration f, int maxDim) {
    this.f = f;
    this.maxDim = maxDim;
    this.main = f.cursor();
    this.probe = f.cursor();
  }

  static RawBars compute(Filtration f, int maxDim) {
    return new CohomologyEngine(f, maxDim).run();
  }

  private RawBars run() {
    SimplexList simplices = f.edges();
    SimplexList columns = new SimplexList(16);
    simplices.sortFiltrationOrder();
    dimZero(simplices, columns);
    if (maxDim < 2) simplices = null; // edges are only needed to build triangles
    for (int dim = 1; dim <= maxDim; dim++) {
      PivotMap pivots = new PivotMap(columns.size);
      reduce(columns, pivots, dim);
      if (dim < maxDim) simplices = assemble(simplices, columns, pivots, dim + 1);
    }
    return bars;
  }

  /** Union–find over edges in filtration order; non-tree edges not in an apparent pair become the dimension-1 columns. */
  private void dimZero(SimplexList edges, SimplexList columns) {
    final int n = f.n;
    final int[] parent = new int[n];
    final byte[] rank = new byte[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    for (int e = 0; e < edges.size; e++) {
      final long idx = edges.index[e];
      final float d = edges.diam[e];
      f.binomials.vertices(idx, 1, n, verts);
      int u = find(parent, verts[0]);
      int v = find(parent, verts[1]);
      if (u != v) {
        if (d != 0f) bars.add(0, 0f, d, -1);
        if (rank[u] < rank[v]) parent[u] = v;
        else if (rank[u] > rank[v]) parent[v] = u;
        else { parent[v] = u; rank[u]++; }
      } else if (maxDim >= 1 && f.zeroApparentCofacet(probe, verts, idx, d, 1) == -1) {
        columns.add(d, idx);
      }
    }
    columns.reverse(); // reverse filtration order: the order cohomology reduces in
    for (int i = 0; i < n; i++) if (find(parent, i) == i) bars.add(0, 0f, Float.POSITIVE_INFINITY, i);
  }

  private static int find(int[] parent, int x) {
    int r = x;
    while (parent[r] != r) r = parent[r];
    while (parent[x] != r) { int nx = parent[x]; parent[x] = r; x = nx; }
    return r;
  }

  /**
   * Reduces the coboundary columns of {@code dim}-simplices in reverse filtration order. A
   * column's pivot is its first cofacet in filtration order; pivots map to the column that
   * owns them (clearing in the next dimension skips those cofacets).
   */
  private void reduce(SimplexList columns, PivotMap pivots, int dim) {
    // V, compressed: column c's entries are [vStart[c], vStart[c+1])
    int[] vStart = new int[columns.size + 1];
    SimplexList v = new SimplexList(64);
    for (int c = 0; c < columns.size; c++) {
      final float birth = columns.diam[c];
      final long simplex = columns.index[c];
      vStart[c] = v.size;
      coboundary.clear();
      reduction.clear();
      long pivot = initCoboundary(simplex, birth, dim, pivots);
      float pivotDiam = coboundary.pivotDiameter;
      while (true) {
        if (pivot == -1) {
          bars.add(dim, birth, Float.POSITIVE_INFINITY, simplex);
          break;
        }
        final int other = pivots.get(pivot);
        if (other != -1) {
          // add the owner's column: its simplex and its V entries
          addSimplexCoboundary(columns.diam[other], columns.index[other], dim);
          for (int e = vStart[other], end = vStart[other + 1]; e < end; e++) addSimplexCoboundary(v.diam[e], v.index[e], dim);
        } else {
          final long facet = f.zeroApparentFacet(probe, verts, pivot, pivotDiam, dim + 1);
          if (facet != -1) {
            // the pivot is owned by an apparent pair skipped from the columns
            addSimplexCoboundary(pivotDiam, facet, dim);
          } else {
            if (pivotDiam > birth) bars.add(dim, birth, pivotDiam, simplex);
            pivots.put(pivot, c);
            for (long e = reduction.popPivot(); e != -1; e = reduction.popPivot()) v.add(reduction.pivotDiameter, e);
            break;
          }
        }
        pivot = coboundary.pivot();
        pivotDiam = coboundary.pivotDiameter;
      }
    }
    vStart[columns.size] = v.size;
  }

  /**
   * Pushes the coboundary of a fresh column, unless its first equal-diameter cofacet forms an
   * emergent pair (not yet a pivot and not in an apparent pair): then that cofacet is the
   * pivot already and the heap stays empty.
   */
  private long initCoboundary(long simplex, float diam, int dim, PivotMap pivots) {
    final Filtration.Cursor cur = main;
    cur.start(simplex, diam, dim, true);
    boolean checkEmergent = true;
    while (cur.next()) {
      final long ci = cur.index;
      final float cd = cur.diameter;
      if (checkEmergent && cd == diam) {
        if (!pivots.contains(ci) && f.zeroApparentFacet(probe, verts, ci, cd, dim + 1) == -1) {
          coboundary.pivotDiameter = cd;
          return ci;
        }
        checkEmergent = false;
      }
      coboundary.push(cd, ci);
    }
    return coboundary.pivot();
  }

  private void addSimplexCoboundary(float diam, long simplex, int dim) {
    reduction.push(diam, simplex);
    final Filtration.Cursor cur = main;
    final SimplexHeap heap = coboundary;
    cur.start(simplex, diam, dim, true);
    while (cur.next()) heap.push(cur.diameter, cur.index);
  }

  /** Cofacets of the {@code dim-1}-simplices below threshold, minus cleared and apparent ones. */
  private SimplexList assemble(SimplexList simplices, SimplexList columns, PivotMap pivots, int dim) {
    SimplexList next = dim < maxDim ? new SimplexList(simplices.size) : null;
    columns.clear();
    final Filtration.Cursor cur = main;
    for (int s = 0; s < simplices.size; s++) {
      cur.start(simplices.index[s], simplices.diam[s], dim - 1, false);
      while (cur.next()) {
        final long ci = cur.index;
        final float cd = cur.diameter;
        if (next != null) next.add(cd, ci);
        if (pivots.contains(ci)) continue;
        if (f.zeroApparentCofacet(probe, verts, ci, cd, dim) != -1) continue;
        if (f.zeroApparentFacet(probe, verts, ci, cd, dim) != -1) continue;
        columns.add(cd, ci);
      }
    }
    columns.sortReverseFiltrationOrder();
    return next;
  }
}
