package dev.knead.experiments;

import dev.knead.topology.ph.HopBetti;
import java.util.List;
import java.util.SplittableRandom;

/** Betti numbers of one class by Naitzat et al.'s frozen hop-distance procedure. */
public final class Betti {
  /** k tried in this order: middle values first, so the frozen k is not at the edge of a good run. */
  private static final int[] KS = {10, 12, 14, 8, 17, 6, 20};
  private static final double[] SCALES = {2.5, 1.5, 3.5};

  private Betti() {}

  /** Freezes (k, scale) on the input cloud of a class whose Betti numbers are known. */
  public static HopBetti freeze(double[][] reference, int[] known) {
    return HopBetti.calibrate(reference, known, KS, SCALES);
  }

  /** @return β₀ … β_maxDim of the points with the frozen procedure */
  public static List<Integer> of(HopBetti procedure, double[][] points) {
    return procedure.measure(points).betti();
  }

  /**
   * @return the indices of the points with label c, at most {@code max} of them (a seeded
   *     subsample, in ascending order)
   */
  public static int[] sample(int[] labels, int c, int max, long seed) {
    int[] idx = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    if (idx.length <= max) {
      return idx;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) { // partial Fisher–Yates
      int j = i + rng.nextInt(idx.length - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(idx, max);
    java.util.Arrays.sort(out);
    return out;
  }

  /** @return the rows with the given indices */
  public static double[][] select(double[][] pts, int[] idx) {
    double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = pts[idx[i]];
    }
    return out;
  }
}
