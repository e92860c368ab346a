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
   * <p>Brute force over the n(n−1)/2 pairs, each squared distance computed once and offered to
   * both endpoints' bounded max-heaps keyed by (squared distance, index). (a − b)² equals
   * (b − a)² exactly in IEEE arithmetic, so this selects the same neighbours as sorting each
   * row. O(n² d) time, O(n k) memory.
   *
   * @param points n × d
   * @return row i is the sorted array of i's neighbours
   */
  static int[][] knn(double[][] points, int k) {
    final int n = points.length;
    final int kk = Math.max(0, Math.min(k, n - 1));
    final double[] heapD = new double[n * kk];
    final int[] heapI = new int[n * kk];
    final int[] size = new int[n];
    for (int i = 1; i < n; i++) {
      final double[] pi = points[i];
      for (int j = 0; j < i; j++) {
        final double[] pj = points[j];
        double s = 0;
        for (int c = 0; c < pi.length; c++) {
          final double t = pi[c] - pj[c];
          s += t * t;
        }
        offer(heapD, heapI, size, kk, i, s, j);
        offer(heapD, heapI, size, kk, j, s, i);
      }
    }
    // symmetrise: count, fill, then sort and deduplicate each row
    int[] deg = new int[n];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < size[i]; a++) {
        deg[i]++;
        deg[heapI[i * kk + a]]++;
      }
    }
    int[][] nb = new int[n][];
    for (int i = 0; i < n; i++) nb[i] = new int[deg[i]];
    Arrays.fill(deg, 0);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < size[i]; a++) {
        final int j = heapI[i * kk + a];
        nb[i][deg[i]++] = j;
        nb[j][deg[j]++] = i;
      }
    }
    for (int i = 0; i < n; i++) nb[i] = sortedDistinct(nb[i]);
    return nb;
  }

  /**
   * Offers (s, j) to row i's max-heap of its kk smallest (distance, index) pairs. Invariant:
   * heap slots [i·kk, i·kk + size[i]) hold a binary max-heap under lexicographic order.
   */
  private static void offer(double[] heapD, int[] heapI, int[] size, int kk, int i, double s, int j) {
    final int base = i * kk;
    int m = size[i];
    if (m < kk) {
      int c = m; // sift up
      while (c > 0) {
        final int p = (c - 1) >>> 1;
        if (!greater(s, j, heapD[base + p], heapI[base + p])) break;
        heapD[base + c] = heapD[base + p];
        heapI[base + c] = heapI[base + p];
        c = p;
      }
      heapD[base + c] = s;
      heapI[base + c] = j;
      size[i] = m + 1;
      return;
    }
    if (kk == 0 || !greater(heapD[base], heapI[base], s, j)) return;
    int c = 0; // replace the top and sift down
    while (true) {
      int l = 2 * c + 1;
      if (l >= kk) break;
      if (l + 1 < kk && greater(heapD[base + l + 1], heapI[base + l + 1], heapD[base + l], heapI[base + l])) l++;
      if (!greater(heapD[base + l], heapI[base + l], s, j)) break;
      heapD[base + c] = heapD[base + l];
      heapI[base + c] = heapI[base + l];
      c = l;
    }
    heapD[base + c] = s;
    heapI[base + c] = j;
  }

  /** (d1, i1) after (d2, i2) in (distance, index) order. */
  private static boolean greater(double d1, int i1, double d2, int i2) {
    return d1 > d2 || (d1 == d2 && i1 > i2);
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
