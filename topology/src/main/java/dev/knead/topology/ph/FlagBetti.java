package dev.knead.topology.ph;

/**
 * Betti numbers over Z/2 of the clique (flag) complex of one graph — not persistence. The
 * graph is first shrunk by {@link FlagCollapse} (dominated vertices, then dominated edges),
 * which keeps the homotopy type and hence every Betti number; β0 is then counted by
 * union–find and β1.. by the Ripser-style engine on the small remaining graph with every
 * edge at filtration value 1.
 */
final class FlagBetti {
  private FlagBetti() {}

  /**
   * @param adjacency sorted open neighbour rows of a simple undirected graph; not modified
   * @param maxDim highest dimension, 0..3
   * @return β0..β_maxDim
   */
  static int[] of(int[][] adjacency, int maxDim) {
    return ofReduced(FlagCollapse.reduce(adjacency, maxDim >= 1), maxDim);
  }

  /** Betti numbers of the flag complex of {@code g} as given, without collapsing it. */
  static int[] ofReduced(int[][] g, int maxDim) {
    final int n = g.length;
    int[] betti = new int[maxDim + 1];
    betti[0] = components(g);
    if (maxDim == 0) return betti;
    int edges = 0;
    for (int[] row : g) edges += row.length;
    edges /= 2;
    if (edges == 0) return betti;
    int[] from = new int[edges];
    int[] to = new int[edges];
    double[] one = new double[edges];
    int e = 0;
    for (int x = 0; x < n; x++) {
      for (int y : g[x]) {
        if (y < x) {
          from[e] = x;
          to[e] = y;
          one[e++] = 1;
        }
      }
    }
    Barcode b = Rips.of(NeighbourLists.ofEdges(n, from, to, one)).maxDim(maxDim).cycles(0).compute().barcode();
    for (int d = 1; d <= maxDim; d++) betti[d] = b.betti(d, 1);
    return betti;
  }

  /** Connected components by union–find with path halving. */
  static int components(int[][] g) {
    final int n = g.length;
    final int[] parent = UnionFind.singletons(n);
    int count = n;
    for (int x = 0; x < n; x++) {
      for (int y : g[x]) {
        if (y < x && UnionFind.union(parent, x, y)) count--;
      }
    }
    return count;
  }
}
