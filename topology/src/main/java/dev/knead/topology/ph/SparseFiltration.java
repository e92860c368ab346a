package dev.knead.topology.ph;

import java.util.Arrays;

/**
 * Rips filtration below a threshold over sorted neighbour lists (CSR): the neighbours of i
 * are {@code nbr[start[i] .. start[i+1])}, increasing, with distance ranks in {@code nr}.
 * Cofacets of a simplex are the common neighbours of its vertices.
 */
final class SparseFiltration extends Filtration {
  private final int[] start;
  private final int[] nbr;
  private final int[] nr;

  private SparseFiltration(NeighbourLists lists, int maxDim, float[] values) {
    super(lists.size(), maxDim, values);
    this.start = lists.start();
    this.nbr = lists.neighbours();
    final float[] nd = lists.distances();
    this.nr = new int[nd.length];
    for (int e = 0; e < nd.length; e++) nr[e] = Arrays.binarySearch(values, nd[e]);
  }

  static SparseFiltration of(NeighbourLists lists, int maxDim) {
    float[] all = lists.distances().clone();
    Arrays.sort(all);
    return new SparseFiltration(lists, maxDim, distinctSorted(all, all.length));
  }

  @Override
  int rankDist(int i, int j) {
    if (i == j) return 0;
    int lo = start[i];
    int hi = start[i + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int x = nbr[mid];
      if (x < j) lo = mid + 1;
      else if (x > j) hi = mid - 1;
      else return nr[mid];
    }
    return maxRank + 1;
  }

  @Override
  long[] sortedEdges() {
    KeyList edges = new KeyList(nbr.length / 2);
    final long[] c2 = binomials.table[2];
    for (int i = 0; i < n; i++) {
      for (int e = start[i]; e < start[i + 1] && nbr[e] < i; e++) edges.add(key(nr[e], c2[i] + nbr[e]));
    }
    long[] keys = Arrays.copyOf(edges.keys, edges.size);
    Arrays.sort(keys);
    return keys;
  }

  @Override
  Cursor cursor() {
    return new SparseCursor();
  }

  /**
   * Walks the neighbours of the top vertex downwards and intersects with the other vertices'
   * lists by descending pointers. Invariant: ptr[q] points at the largest neighbour of v[q]
   * not yet passed; {@code below}/{@code above}/k as in the dense cursor.
   */
  final class SparseCursor extends Cursor {
    private final int[] v = new int[8];
    private final int[] ptr = new int[8];
    private int nv;
    private int p;
    private int k;
    private long below;
    private long above;
    private int base;
    private boolean all;

    @Override
    void start(long simplexKey, int dim, boolean all) {
      final long simplex = index(simplexKey);
      binomials.vertices(simplex, dim, n, v);
      nv = dim + 1;
      for (int q = 0; q < nv; q++) ptr[q] = start[v[q] + 1] - 1;
      p = 0;
      k = dim + 1;
      below = simplex;
      above = 0;
      base = rank(simplexKey);
      this.all = all;
    }

    @Override
    boolean next() {
      final long[][] b = binomials.table;
      final int[] nb = nbr;
      final int first0 = start[v[0]];
      outer:
      while (ptr[0] >= first0) {
        final int cand = nb[ptr[0]];
        int dm = Math.max(base, nr[ptr[0]]);
        ptr[0]--;
        for (int q = 1; q < nv; q++) {
          final int first = start[v[q]];
          int x = ptr[q];
          while (x >= first && nb[x] > cand) x--;
          ptr[q] = x;
          if (x < first) return false; // v[q] has no neighbour <= cand: nothing further
          if (nb[x] != cand) continue outer;
          dm = Math.max(dm, nr[x]);
        }
        while (p < nv && v[p] > cand) {
          if (!all) return false;
          below -= b[k][v[p]];
          above += b[k + 1][v[p]];
          p++;
          k--;
        }
        key = ((long) dm << indexBits) | (indexMask - (above + b[k + 1][cand] + below));
        return true;
      }
      return false;
    }
  }
}
