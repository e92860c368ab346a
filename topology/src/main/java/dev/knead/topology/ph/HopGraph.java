package dev.knead.topology.ph;

import java.util.ArrayDeque;
import java.util.Arrays;

/** The symmetrised k-nearest-neighbour graph of a cloud and its hop (edge-count) distance. */
final class HopGraph {
  private HopGraph() {}

  /**
   * Adjacency of the symmetrised kNN graph: i ~ j when j is among i's k nearest (Euclidean,
   * ties by index) or i among j's.
   *
   * @param points n × d
   * @return row i is the sorted array of i's neighbours
   */
  static int[][] knn(double[][] points, int k) {
    final int n = points.length;
    final int kk = Math.min(k, n - 1);
    int[][] near = new int[n][];
    double[] d = new double[n];
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int c = 0; c < points[i].length; c++) {
          double t = points[i][c] - points[j][c];
          s += t * t;
        }
        d[j] = j == i ? Double.POSITIVE_INFINITY : s;
        idx[j] = j;
      }
      Arrays.sort(idx, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
      near[i] = new int[kk];
      for (int a = 0; a < kk; a++) near[i][a] = idx[a];
    }
    // symmetrise through per-vertex sorted sets
    int[] deg = new int[n];
    for (int i = 0; i < n; i++) for (int j : near[i]) { deg[i]++; deg[j]++; }
    int[][] nb = new int[n][];
    for (int i = 0; i < n; i++) nb[i] = new int[deg[i]];
    Arrays.fill(deg, 0);
    for (int i = 0; i < n; i++) for (int j : near[i]) { nb[i][deg[i]++] = j; nb[j][deg[j]++] = i; }
    for (int i = 0; i < n; i++) nb[i] = Arrays.stream(nb[i]).sorted().distinct().toArray();
    return nb;
  }

  /** Pairs within {@code maxHops} edges of each other, with the hop count as distance (BFS). */
  static NeighbourLists hopLists(int[][] graph, int maxHops) {
    final int n = graph.length;
    int[] hop = new int[n];
    Arrays.fill(hop, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] touched = new int[n];
    IntEdges edges = new IntEdges();
    for (int s = 0; s < n; s++) {
      int nt = 0;
      hop[s] = 0;
      touched[nt++] = s;
      queue.add(s);
      // invariant: hop[x] is the BFS depth of every visited x, and the queue holds depths < maxHops
      while (!queue.isEmpty()) {
        int x = queue.poll();
        if (hop[x] == maxHops) continue;
        for (int y : graph[x]) {
          if (hop[y] != -1) continue;
          hop[y] = hop[x] + 1;
          touched[nt++] = y;
          queue.add(y);
        }
      }
      for (int a = 1; a < nt; a++) if (touched[a] < s) edges.add(s, touched[a], hop[touched[a]]);
      for (int a = 0; a < nt; a++) hop[touched[a]] = -1;
    }
    return NeighbourLists.ofEdges(n, Arrays.copyOf(edges.a, edges.size), Arrays.copyOf(edges.b, edges.size), edges.hops());
  }

  private static final class IntEdges {
    int[] a = new int[256];
    int[] b = new int[256];
    int[] h = new int[256];
    int size;

    void add(int x, int y, int hops) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
        b = Arrays.copyOf(b, size * 2);
        h = Arrays.copyOf(h, size * 2);
      }
      a[size] = x;
      b[size] = y;
      h[size++] = hops;
    }

    double[] hops() {
      double[] out = new double[size];
      for (int e = 0; e < size; e++) out[e] = h[e];
      return out;
    }
  }
}
