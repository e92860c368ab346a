package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.List;

/**
 * Flood fill of a class region from seed points on an adaptive grid (a quadtree) over a square:
 * a coarse grid of cells, each split in four while its corners disagree (the class boundary
 * crosses it) or it holds a seed its corners call out, down to a finest cell, which its centre
 * decides. Cells whose four corners agree are taken as wholly in or out; that is the resolution
 * limit: a piece of the region narrower than a cell that passes between its corners is not seen.
 */
final class Flood {
  private final Classifier f;
  private final int c;
  private final double x0;
  private final double y0;
  private final double h;
  private final int depth;
  private final int n;
  private final Node[][] coarse;
  /** Samples on the doubled lattice: 0 not yet taken, 1 out, 2 in. */
  private final byte[] samples;
  private final List<Node> leaves = new ArrayList<>();

  private static final class Node {
    final int i;
    final int j;
    final int s;
    Node[] kids;
    boolean in;
    int id = -1;
    List<double[]> seedPoints = List.of();

    Node(int i, int j, int s) {
      this.i = i;
      this.j = j;
      this.s = s;
    }
  }

  /**
   * The component holding most seeds.
   *
   * @param anchors points known to be in it: centres of its uniform cells and its seeds
   * @param seeds how many seeds it holds
   * @param touchesEdge whether it reaches the square's edge
   * @param exits centres of its cells on the edge
   * @param reach the farthest distance from the centre of any of its cells' points
   */
  record Component(List<double[]> anchors, int seeds, boolean touchesEdge, List<double[]> exits, double reach) {}

  /**
   * @param centre centre of the square
   * @param half half its side
   * @param grid coarse cells per side
   * @param depth halvings below the coarse cells
   */
  Flood(Classifier f, int c, double[] centre, double half, int grid, int depth) {
    this.f = f;
    this.c = c;
    this.depth = depth;
    this.n = grid << depth;
    this.h = 2 * half / n;
    this.x0 = centre[0] - half;
    this.y0 = centre[1] - half;
    this.coarse = new Node[grid][grid];
    this.samples = new byte[(2 * n + 1) * (2 * n + 1)];
  }

  /** @return the finest cell's side in input units */
  double resolution() {
    return h;
  }

  /** Builds the grid and fills from the seeds. @return the component holding most seeds. */
  Component fill(List<double[]> seeds) {
    final int grid = coarse.length;
    final List<int[]> cells = new ArrayList<>();
    for (double[] p : seeds) {
      final int i = (int) Math.floor((p[0] - x0) / h);
      final int j = (int) Math.floor((p[1] - y0) / h);
      if (i >= 0 && j >= 0 && i < n && j < n) {
        cells.add(new int[] {i, j});
      }
    }
    final int size = 1 << depth;
    for (int a = 0; a < grid; a++) {
      for (int b = 0; b < grid; b++) {
        coarse[a][b] = build(a * size, b * size, size, inside(cells, a * size, b * size, size));
      }
    }
    for (double[] p : seeds) {
      final int i = (int) Math.floor((p[0] - x0) / h);
      final int j = (int) Math.floor((p[1] - y0) / h);
      if (i >= 0 && j >= 0 && i < n && j < n) {
        final Node leaf = lookup(i, j);
        leaf.in = true; // a seed is a point the classifier labels as the class
        if (leaf.seedPoints.isEmpty()) {
          leaf.seedPoints = new ArrayList<>();
        }
        leaf.seedPoints.add(p);
      }
    }
    final int m = leaves.size();
    final int[] parent = new int[m];
    for (int k = 0; k < m; k++) {
      parent[k] = k;
      leaves.get(k).id = k;
    }
    for (Node l : leaves) {
      if (!l.in) {
        continue;
      }
      for (int y = l.j; l.i + l.s < n && y < l.j + l.s; ) {
        final Node r = lookup(l.i + l.s, y);
        if (r.in) {
          union(parent, l.id, r.id);
        }
        y = r.j + r.s;
      }
      for (int x = l.i; l.j + l.s < n && x < l.i + l.s; ) {
        final Node t = lookup(x, l.j + l.s);
        if (t.in) {
          union(parent, l.id, t.id);
        }
        x = t.i + t.s;
      }
    }
    final int[] count = new int[m];
    int best = -1;
    for (Node l : leaves) {
      if (!l.seedPoints.isEmpty()) {
        final int root = find(parent, l.id);
        count[root] += l.seedPoints.size();
        if (best < 0 || count[root] > count[best]) {
          best = root;
        }
      }
    }
    if (best < 0) {
      return new Component(List.of(), 0, false, List.of(), Double.NaN);
    }
    final List<double[]> centres = new ArrayList<>();
    final List<double[]> exits = new ArrayList<>();
    boolean edge = false;
    double reach = 0;
    final double cx = x0 + n * h / 2;
    final double cy = y0 + n * h / 2;
    for (Node l : leaves) {
      if (l.in && find(parent, l.id) == best) {
        final double[] p = {x0 + (l.i + l.s / 2.0) * h, y0 + (l.j + l.s / 2.0) * h};
        if (l.seedPoints.isEmpty()) {
          centres.add(p);
        } else {
          centres.addAll(l.seedPoints);
        }
        reach = Math.max(reach, Math.hypot(p[0] - cx, p[1] - cy) + l.s * h / Math.sqrt(2));
        if (l.i == 0 || l.j == 0 || l.i + l.s == n || l.j + l.s == n) {
          edge = true;
          exits.add(p);
        }
      }
    }
    return new Component(centres, count[best], edge, exits, reach);
  }

  private static List<int[]> inside(List<int[]> cells, int i, int j, int s) {
    if (cells.isEmpty()) {
      return cells;
    }
    final List<int[]> out = new ArrayList<>();
    for (int[] q : cells) {
      if (q[0] >= i && q[0] < i + s && q[1] >= j && q[1] < j + s) {
        out.add(q);
      }
    }
    return out;
  }

  private Node build(int i, int j, int s, List<int[]> seeds) {
    final Node node = new Node(i, j, s);
    final boolean corner = in(2 * i, 2 * j);
    final boolean uniform = in(2 * (i + s), 2 * j) == corner && in(2 * i, 2 * (j + s)) == corner
        && in(2 * (i + s), 2 * (j + s)) == corner;
    // a seed in a cell sampled wholly in is already in it; one in a cell sampled out means the
    // samples missed part of the region there, so that cell is refined down to the seed
    if (uniform && (corner || seeds.isEmpty())) {
      node.in = corner;
      leaves.add(node);
      return node;
    }
    if (s == 1) {
      node.in = in(2 * i + 1, 2 * j + 1); // a finest cell the boundary crosses: its centre decides
      leaves.add(node);
      return node;
    }
    final int k = s / 2;
    node.kids = new Node[] {
        build(i, j, k, inside(seeds, i, j, k)), build(i + k, j, k, inside(seeds, i + k, j, k)),
        build(i, j + k, k, inside(seeds, i, j + k, k)), build(i + k, j + k, k, inside(seeds, i + k, j + k, k))};
    return node;
  }

  /** Sample at doubled lattice coordinates (so cell centres are lattice points too). */
  private boolean in(int u, int v) {
    final int key = u * (2 * n + 1) + v;
    if (samples[key] == 0) {
      samples[key] = (byte) (f.classify(new double[] {x0 + u * h / 2, y0 + v * h / 2}) == c ? 2 : 1);
    }
    return samples[key] == 2;
  }

  private Node lookup(int i, int j) {
    Node node = coarse[i >> depth][j >> depth];
    while (node.kids != null) {
      final int k = node.s / 2;
      node = node.kids[(i >= node.i + k ? 1 : 0) + (j >= node.j + k ? 2 : 0)];
    }
    return node;
  }

  private static int find(int[] p, int a) {
    while (p[a] != a) {
      p[a] = p[p[a]];
      a = p[a];
    }
    return a;
  }

  private static void union(int[] p, int a, int b) {
    p[find(p, a)] = find(p, b);
  }
}
