package dev.knead.topology.ph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Betti numbers the way Naitzat, Zhitnikov and Lim (JMLR 2020) measure them per layer:
 * symmetrised k-nearest-neighbour graph, hop distance (edge count, BFS), Vietoris–Rips at a
 * fixed hop scale (scale 2.5 connects points within 2 hops), homology over Z/2. k and the
 * scale are chosen once on a reference cloud and then frozen, so results from different
 * layers are comparable.
 *
 * @param k neighbours per point
 * @param scale hop scale; the complex holds edges of at most floor(scale) hops
 * @param maxDim highest Betti number measured
 */
public record HopBetti(int k, double scale, int maxDim) {

  public HopBetti {
    if (k < 1) throw new IllegalArgumentException("k must be >= 1: " + k);
    if (!(scale >= 1)) throw new IllegalArgumentException("scale must be >= 1 hop: " + scale);
    if (maxDim < 0 || maxDim > 3) throw new IllegalArgumentException("maxDim must be 0..3: " + maxDim);
  }

  /**
   * Betti numbers of one cloud under this frozen procedure.
   *
   * @param k the k used
   * @param scale the hop scale used
   * @param betti β0..β_maxDim
   */
  public record Measurement(int k, double scale, List<Integer> betti) {
    public Measurement {
      betti = List.copyOf(betti);
    }
  }

  /**
   * Only the Betti numbers of one flag complex are needed — the clique complex of the graph
   * joining points within floor(scale) hops — so the graph is collapsed first (dominated
   * vertices and edges keep the homotopy type; see {@link FlagCollapse}) and the small rest
   * goes to the cohomology engine. Same numbers as persistence of the hop filtration read at
   * floor(scale).
   *
   * @param points n × d
   */
  public Measurement measure(double[][] points) {
    return measureGraph(HopGraph.knn(points, k));
  }

  /** @param knn the symmetrised k-nearest-neighbour graph of the cloud for this k */
  private Measurement measureGraph(int[][] knn) {
    final int hops = (int) Math.floor(scale);
    int[] b = FlagBetti.of(HopGraph.hopAdjacency(knn, hops), maxDim);
    List<Integer> betti = new ArrayList<>();
    for (int x : b) betti.add(x);
    return new Measurement(k, scale, betti);
  }

  /**
   * Freezes (k, scale) on a reference cloud with known Betti numbers: the first pair, k in
   * the given order and then scales in order, that reproduces them; if none does, the pair
   * with the smallest total |β − known|.
   */
  public static HopBetti calibrate(double[][] reference, int[] known, int[] ks, double[] scales) {
    HopBetti best = null;
    int bestError = Integer.MAX_VALUE;
    for (int k : ks) {
      final int[][] knn = HopGraph.knn(reference, k); // shared by every scale tried with this k
      for (double s : scales) {
        HopBetti h = new HopBetti(k, s, known.length - 1);
        List<Integer> b = h.measureGraph(knn).betti();
        int err = 0;
        for (int d = 0; d < known.length; d++) err += Math.abs(b.get(d) - known[d]);
        if (err < bestError) {
          best = h;
          bestError = err;
        }
        if (err == 0) return h;
      }
    }
    return best;
  }

  /**
   * Betti numbers read from a cloud on its own, with the range of k over which they hold.
   *
   * @param betti β0..β_maxDim: the vector that stays the same over the longest run of consecutive k
   * @param kFrom smallest k of that run
   * @param kTo largest k of that run
   * @param scale the hop scale
   * @param unique no other run of the same length gave different numbers
   */
  public record Plateau(List<Integer> betti, int kFrom, int kTo, double scale, boolean unique) {
    public Plateau {
      betti = List.copyOf(betti);
    }
  }

  /**
   * Reads a cloud by itself, never from a known answer: the Betti numbers at every k of
   * {@code ks} (ascending) at a fixed hop scale, and the vector that holds over the longest run
   * of consecutive k. A k-nearest-neighbour graph depends only on which points are near which,
   * not on distances, so a map that keeps neighbourhoods (a homeomorphism that does not stretch
   * one part far more than its neighbour) keeps the plateau; a frozen k, chosen on another
   * cloud, may sit at the edge of this cloud's plateau and flip.
   *
   * @param maxDim highest Betti number; callers cap it below the cloud's dimension
   */
  public static Plateau plateau(double[][] points, int maxDim, int[] ks, double scale) {
    return plateau(points, maxDim, ks, new double[] {scale});
  }

  /**
   * The longest plateau over k at any of the hop scales; between equally long ones, the one at
   * the larger scale (a hop further smooths the sampling noise a small k leaves).
   */
  public static Plateau plateau(double[][] points, int maxDim, int[] ks, double[] scales) {
    int[] sorted = ks.clone();
    Arrays.sort(sorted);
    double[] byScale = scales.clone();
    Arrays.sort(byScale);
    Plateau best = null;
    int bestLen = 0;
    boolean unique = true;
    // the neighbours once, nearest first: every k's graph is a prefix of them (the same graphs as
    // a search per k, which cost 30 tree searches per cloud where one sort now serves)
    final int[][] order = HopGraph.nearestInOrder(points, sorted[sorted.length - 1]);
    final List<int[][]> graphs = new ArrayList<>();
    for (int k : sorted) graphs.add(HopGraph.knnFromOrder(order, k));
    for (int si = byScale.length - 1; si >= 0; si--) {
      double scale = byScale[si];
      List<List<Integer>> seen = new ArrayList<>();
      for (int i = 0; i < sorted.length; i++) seen.add(new HopBetti(sorted[i], scale, maxDim).measureGraph(graphs.get(i)).betti());
      for (int a = 0; a < sorted.length; ) {
        int b = a + 1;
        while (b < sorted.length && seen.get(b).equals(seen.get(a))) b++;
        if (b - a > bestLen) {
          bestLen = b - a;
          best = new Plateau(seen.get(a), sorted[a], sorted[b - 1], scale, true);
          unique = true;
        } else if (b - a == bestLen && !seen.get(a).equals(best.betti())) {
          unique = false;
        }
        a = b;
      }
    }
    return new Plateau(best.betti(), best.kFrom(), best.kTo(), best.scale(), unique);
  }

  /**
   * Freezes k on a reference cloud whose Betti numbers are unknown, at a fixed scale: the
   * Betti vector that stays the same over the longest run of consecutive k in {@code ks}
   * (ascending) is taken as the cloud's topology, and the middle k of that run is used.
   */
  public static HopBetti calibrate(double[][] reference, int maxDim, int[] ks, double scale) {
    int[] sorted = ks.clone();
    Arrays.sort(sorted);
    List<List<Integer>> seen = new ArrayList<>();
    for (int k : sorted) seen.add(new HopBetti(k, scale, maxDim).measure(reference).betti());
    int bestFrom = 0;
    int bestLen = 0;
    for (int a = 0; a < sorted.length; ) {
      int b = a + 1;
      while (b < sorted.length && seen.get(b).equals(seen.get(a))) b++;
      if (b - a > bestLen) {
        bestLen = b - a;
        bestFrom = a;
      }
      a = b;
    }
    return new HopBetti(sorted[bestFrom + (bestLen - 1) / 2], scale, maxDim);
  }
}
