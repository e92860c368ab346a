package dev.knead.topology.ph;

/**
 * Union–find on a parent array (path halving): the one copy that component counts outside the
 * persistence engine use. The engine keeps its own full-compression find on its hot path.
 */
public final class UnionFind {
  private UnionFind() {}

  /** @return a parent array of n singletons */
  public static int[] singletons(int n) {
    final int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    return parent;
  }

  /** @return the root of x, halving the path on the way */
  public static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of x and y under the smaller root; @return whether they were apart */
  public static boolean union(int[] parent, int x, int y) {
    final int rx = find(parent, x);
    final int ry = find(parent, y);
    if (rx == ry) return false;
    parent[Math.max(rx, ry)] = Math.min(rx, ry);
    return true;
  }
}
