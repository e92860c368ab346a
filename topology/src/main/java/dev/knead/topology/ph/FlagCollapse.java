package dev.knead.topology.ph;

import java.util.Arrays;

/**
 * Shrinks a graph without changing the homotopy type of its clique (flag) complex, by two
 * kinds of domination on closed neighbourhoods N[x] = N(x) ∪ {x}:
 *
 * <ul>
 *   <li><b>Dominated vertices</b> (strong collapse; Barmak and Minian, "Strong homotopy types,
 *       nerves and collapses", DCG 2012; Boissonnat and Pritam, "Computing persistent homology
 *       of flag complexes via strong collapses", SoCG 2019): if N[v] ⊆ N[u] for a neighbour u,
 *       the link of v is a cone with apex u and the flag complex of G − v is a deformation
 *       retract of that of G.
 *   <li><b>Dominated edges</b> (Boissonnat and Pritam, "Edge collapse and persistence of flag
 *       complexes", SoCG 2020): if N[u] ∩ N[v] ⊆ N[w] for some w ∉ {u, v}, the link of uv is a
 *       cone with apex w, and removing uv with its cofaces leaves a homotopy-equivalent flag
 *       complex (the clique complex of G − uv).
 * </ul>
 *
 * Both are applied from a worklist until neither applies (a fixed point). Only the homotopy
 * type is kept, so the result is for Betti numbers of one complex, not for persistence.
 */
final class FlagCollapse {
  /** Rows: sorted open neighbourhoods; only [0, deg[x]) of row x is live. */
  private final int[][] nb;
  private final int[] deg;
  private final boolean[] alive;
  /** FIFO of vertices to re-examine; each vertex at most once (inQueue). */
  private final int[] queue;
  private final boolean[] inQueue;
  private int head;
  private int count;
  private final int[] common;

  private FlagCollapse(int[][] adjacency) {
    final int n = adjacency.length;
    nb = new int[n][];
    deg = new int[n];
    int maxDeg = 0;
    for (int x = 0; x < n; x++) {
      nb[x] = adjacency[x].clone();
      deg[x] = nb[x].length;
      maxDeg = Math.max(maxDeg, deg[x]);
    }
    alive = new boolean[n];
    Arrays.fill(alive, true);
    queue = new int[Math.max(1, n)];
    inQueue = new boolean[n];
    common = new int[maxDeg];
  }

  /**
   * @param adjacency sorted open neighbour rows of a simple undirected graph (symmetric, no
   *     loops); not modified
   * @param edges also remove dominated edges (slower per step, smaller result)
   * @return the reduced graph, its surviving vertices relabelled 0..m−1 in increasing order,
   *     rows sorted
   */
  static int[][] reduce(int[][] adjacency, boolean edges) {
    FlagCollapse c = new FlagCollapse(adjacency);
    final int n = adjacency.length;
    for (int x = 0; x < n; x++) c.push(x);
    // phase 1: vertices only, cheap, removes most of a dense sample
    while (c.count > 0) {
      final int v = c.pop();
      if (c.alive[v] && c.vertexDominated(v)) c.removeVertex(v);
    }
    if (edges) {
      for (int x = 0; x < n; x++) if (c.alive[x]) c.push(x);
      // phase 2: invariant — every vertex with an edge or closed neighbourhood changed since it
      // was last examined is in the queue, so an empty queue means a fixed point
      while (c.count > 0) {
        final int x = c.pop();
        if (!c.alive[x]) continue;
        if (c.vertexDominated(x)) {
          c.removeVertex(x);
          continue;
        }
        boolean changed = false;
        for (int a = 0; a < c.deg[x]; ) {
          final int y = c.nb[x][a];
          if (c.edgeDominated(x, y)) {
            c.removeEdge(x, y);
            c.push(y);
            changed = true; // row x shifted left: a now points at the next neighbour
          } else {
            a++;
          }
        }
        if (changed) c.push(x);
      }
    }
    return c.relabelled();
  }

  private void push(int x) {
    if (inQueue[x]) return;
    inQueue[x] = true;
    queue[(head + count++) % queue.length] = x;
  }

  private int pop() {
    final int x = queue[head];
    head = (head + 1) % queue.length;
    count--;
    inQueue[x] = false;
    return x;
  }

  /** Some neighbour u has N[v] ⊆ N[u] (so |N(u)| ≥ |N(v)|). */
  private boolean vertexDominated(int v) {
    final int[] rv = nb[v];
    final int dv = deg[v];
    for (int a = 0; a < dv; a++) {
      final int u = rv[a];
      if (deg[u] >= dv && closedSubset(v, u)) return true;
    }
    return false;
  }

  /** For adjacent v, u: N[v] ⊆ N[u] iff every neighbour of v other than u is a neighbour of u. */
  private boolean closedSubset(int v, int u) {
    final int[] rv = nb[v];
    final int[] ru = nb[u];
    final int dv = deg[v];
    final int du = deg[u];
    int b = 0;
    for (int a = 0; a < dv; a++) {
      final int x = rv[a];
      if (x == u) continue;
      while (b < du && ru[b] < x) b++;
      if (b == du || ru[b] != x) return false;
      b++;
    }
    return true;
  }

  /**
   * N[u] ∩ N[v] = {u, v} ∪ C with C the common open neighbours; w ∈ C dominates uv iff
   * C \ {w} ⊆ N(w) (u, v ∈ N(w) already). A w outside C cannot: it would need u, v ∈ N(w).
   */
  private boolean edgeDominated(int u, int v) {
    final int c = intersect(u, v);
    for (int a = 0; a < c; a++) {
      final int w = common[a];
      if (deg[w] >= c + 1 && containsAllBut(w, c)) return true;
    }
    return false;
  }

  /** Fills common[0, c) with N(u) ∩ N(v), sorted; returns c. */
  private int intersect(int u, int v) {
    final int[] ru = nb[u];
    final int[] rv = nb[v];
    final int du = deg[u];
    final int dv = deg[v];
    int a = 0;
    int b = 0;
    int c = 0;
    while (a < du && b < dv) {
      final int x = ru[a];
      final int y = rv[b];
      if (x < y) {
        a++;
      } else if (y < x) {
        b++;
      } else {
        common[c++] = x;
        a++;
        b++;
      }
    }
    return c;
  }

  /** common[0, c) \ {w} ⊆ N(w). */
  private boolean containsAllBut(int w, int c) {
    final int[] rw = nb[w];
    final int dw = deg[w];
    int b = 0;
    for (int a = 0; a < c; a++) {
      final int x = common[a];
      if (x == w) continue;
      while (b < dw && rw[b] < x) b++;
      if (b == dw || rw[b] != x) return false;
      b++;
    }
    return true;
  }

  private void removeVertex(int v) {
    final int[] rv = nb[v];
    for (int a = 0; a < deg[v]; a++) {
      final int w = rv[a];
      deleteFrom(w, v);
      push(w);
    }
    deg[v] = 0;
    alive[v] = false;
  }

  private void removeEdge(int u, int v) {
    deleteFrom(u, v);
    deleteFrom(v, u);
  }

  /** Removes y from the sorted live prefix of row x. */
  private void deleteFrom(int x, int y) {
    final int[] r = nb[x];
    final int at = Arrays.binarySearch(r, 0, deg[x], y);
    if (at < 0) throw new IllegalStateException("no edge " + x + "–" + y);
    System.arraycopy(r, at + 1, r, at, deg[x] - at - 1);
    deg[x]--;
  }

  private int[][] relabelled() {
    final int n = nb.length;
    final int[] id = new int[n];
    int m = 0;
    for (int x = 0; x < n; x++) id[x] = alive[x] ? m++ : -1;
    int[][] out = new int[m][];
    for (int x = 0; x < n; x++) {
      if (!alive[x]) continue;
      final int[] row = new int[deg[x]];
      // relabelling is monotone, so rows stay sorted
      for (int a = 0; a < deg[x]; a++) row[a] = id[nb[x][a]];
      out[id[x]] = row;
    }
    return out;
  }
}
