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

  /** @param points n × d */
  public Measurement measure(double[][] points) {
    int hops = (int) Math.floor(scale);
    NeighbourLists lists = HopGraph.hopLists(HopGraph.knn(points, k), hops);
    Barcode b = Rips.of(lists).maxDim(maxDim).cycles(0).compute().barcode();
    List<Integer> betti = new ArrayList<>();
    for (int dim = 0; dim <= maxDim; dim++) betti.add(b.betti(dim, hops));
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
      for (double s : scales) {
        HopBetti h = new HopBetti(k, s, known.length - 1);
        List<Integer> b = h.measure(reference).betti();
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
