package dev.knead.topology.ph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Representative loops for H1 bars: the birth edge {u, v} closed by a shortest path (Dijkstra
 * by edge length) from v to u through edges that precede the birth edge in the filtration
 * (smaller key). O(n²) per loop.
 */
final class CycleFinder {
  private CycleFinder() {}

  static List<int[]> loop(Filtration f, long birthEdge) {
    final int n = f.n;
    final int[] uv = new int[2];
    f.binomials.vertices(birthEdge, 1, n, uv);
    final int u = uv[0];
    final int v = uv[1];
    final long birthKey = f.key(f.rankDist(u, v), birthEdge);
    final double[] best = new double[n];
    final int[] prev = new int[n];
    final boolean[] done = new boolean[n];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    Arrays.fill(prev, -1);
    best[v] = 0;
    final int[] nb = new int[n];
    final int[] nr = new int[n];
    final long[] c2 = f.binomials.table[2];
    // invariant: best[x] is the shortest known path length v -> x through earlier edges
    while (true) {
      int x = -1;
      for (int y = 0; y < n; y++) if (!done[y] && best[y] < Double.POSITIVE_INFINITY && (x == -1 || best[y] < best[x])) x = y;
      if (x == -1 || x == u) break;
      done[x] = true;
      final int count = f.neighbours(x, nb, nr);
      for (int a = 0; a < count; a++) {
        final int y = nb[a];
        if (done[y]) continue;
        final long e = x > y ? c2[x] + y : c2[y] + x;
        if (f.key(nr[a], e) >= birthKey) continue; // not earlier than the birth edge
        final double w = best[x] + f.values[nr[a]];
        if (w < best[y]) {
          best[y] = w;
          prev[y] = x;
        }
      }
    }
    List<int[]> edges = new ArrayList<>();
    if (prev[u] == -1) return edges; // no earlier path: cannot happen for a true H1 birth edge
    edges.add(new int[] {v, u});
    for (int x = u; x != v; x = prev[x]) edges.add(new int[] {x, prev[x]});
    return edges;
  }
}
