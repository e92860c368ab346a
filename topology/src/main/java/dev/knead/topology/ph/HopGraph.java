package dev.knead.topology.ph;

import java.util.ArrayDeque;
import java.util.Arrays;

/** The symmetrised k-nearest-neighbour graph of a cloud and its hop (edge-count) distance. */
final class HopGraph {
  private HopGraph() {}

  /**
   * Adjacency of the symmetrised kNN graph: i ~ j when j is among i's k nearest (Euclidean,
   * ties by index) or i among j's. Neighbours come exactly from {@link NearestNeighbours}.
   *
   * @param points n × d
   * @return row i is the sorted array of i's neighbours
   */
  static int[][] knn(double[][] points, int k) {
    return symmetrise(NearestNeighbours.of(points, k));
  }

  /**
   * Every point's nearest points in (squared distance, index) order — the order the tree search
   * ranks by — so that the first min(k, n − 1) of a row are exactly its k nearest for any k up
   * to {@code k}: one brute-force pass serves every k a plateau tries.
   *
   * @return n × min(k, n − 1) original indices, nearest first
   */
  static int[][] nearestInOrder(double[][] points, int k) {
    final int n = points.length;
    final int kk = Math.max(0, Math.min(k, n - 1));
    final int d = n == 0 ? 0 : points[0].length;
    final double[] dist = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0; // summed in coordinate order, as the tree search sums it
        for (int c = 0; c < d; c++) {
          final double t = points[i][c] - points[j][c];
          s += t * t;
        }
        dist[i * n + j] = s;
        dist[j * n + i] = s;
      }
    }
    final int[][] out = new int[n][];
    final Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      final int row = i * n;
      for (int j = 0; j < n; j++) idx[j] = j;
      final int self = i;
      Arrays.sort(idx, (a, b) -> a == b ? 0 : a == self ? 1 : b == self ? -1
          : dist[row + a] != dist[row + b] ? Double.compare(dist[row + a], dist[row + b]) : Integer.compare(a, b));
      out[i] = new int[kk];
      for (int r = 0; r < kk; r++) out[i][r] = idx[r];
    }
    return out;
  }

  /** The first min(k, row length) of every row of {@link #nearestInOrder}, symmetrised. */
  static int[][] knnFromOrder(int[][] order, int k) {
    final int[][] near = new int[order.length][];
    for (int i = 0; i < order.length; i++) near[i] = Arrays.copyOf(order[i], Math.min(k, order[i].length));
    return symmetrise(near);
  }

  /** Row i: i's neighbours and every point that has i among its neighbours, sorted, distinct. */
  static int[][] symmetrise(int[][] near) {
    final int n = near.length;
    // symmetrise: count, fill, then sort and deduplicate each row
    int[] deg = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j : near[i]) {
        deg[i]++;
        deg[j]++;
      }
    }
    int[][] nb = new int[n][];
    for (int i = 0; i < n; i++) nb[i] = new int[deg[i]];
    Arrays.fill(deg, 0);
    for (int i = 0; i < n; i++) {
      for (int j : near[i]) {
        nb[i][deg[i]++] = j;
        nb[j][deg[j]++] = i;
      }
    }
    for (int i = 0; i < n; i++) nb[i] = sortedDistinct(nb[i]);
    return nb;
  }

  private static int[] sortedDistinct(int[] row) {
    Arrays.sort(row);
    int m = 0;
    for (int a = 0; a < row.length; a++) if (m == 0 || row[a] != row[m - 1]) row[m++] = row[a];
    return m == row.length ? row : Arrays.copyOf(row, m);
  }

  /**
   * The graph joining points at most {@code maxHops} edges apart (the 1-skeleton of the
   * Vietoris–Rips complex of the hop distance at scale maxHops). Truncated BFS from every
   * vertex on primitive arrays.
   *
   * @param graph sorted adjacency rows
   * @return row i is the sorted array of vertices 1..maxHops hops from i
   */
  static int[][] hopAdjacency(int[][] graph, int maxHops) {
    final int n = graph.length;
    final int[] hop = new int[n];
    Arrays.fill(hop, -1);
    final int[] queue = new int[n];
    int[][] out = new int[n][];
    for (int s = 0; s < n; s++) {
      int head = 0;
      int tail = 0;
      hop[s] = 0;
      queue[tail++] = s;
      // invariant: queue[0, tail) are the visited vertices in BFS order with hop[] their depth
      while (head < tail) {
        final int x = queue[head++];
        if (hop[x] == maxHops) continue;
        for (int y : graph[x]) {
          if (hop[y] != -1) continue;
          hop[y] = hop[x] + 1;
          queue[tail++] = y;
        }
      }
      int[] row = Arrays.copyOfRange(queue, 1, tail);
      Arrays.sort(row);
      out[s] = row;
      for (int a = 0; a < tail; a++) hop[queue[a]] = -1;
    }
    return out;
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
