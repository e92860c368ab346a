package dev.knead.experiments;

import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.hipparchus.stat.inference.WilcoxonSignedRankTest;

/**
 * One-sided rank tests for trend claims. Hipparchus gives two-sided p-values; the one-sided
 * p-value in the claimed direction is half of it when the data lean that way and one minus half
 * of it otherwise.
 */
public final class Stats {
  private Stats() {}

  /**
   * @param statistic U of the first group: pairs (a, b) with a &lt; b, ties counting ½
   * @param pValue one-sided, for "a tends to be smaller than b"
   */
  public record OneSided(double statistic, double pValue) {}

  /** Mann–Whitney U test of "a tends to be smaller than b" (unpaired groups). */
  public static OneSided mannWhitneyLess(double[] a, double[] b) {
    double u = 0;
    for (double x : a) {
      for (double y : b) {
        u += x < y ? 1 : x == y ? 0.5 : 0;
      }
    }
    final double half = a.length * (double) b.length / 2;
    if (u == half) {
      return new OneSided(u, 0.5 + 0.5 * (1 - pTwoSided(a, b)));
    }
    double p2 = pTwoSided(a, b);
    return new OneSided(u, u > half ? p2 / 2 : 1 - p2 / 2);
  }

  private static double pTwoSided(double[] a, double[] b) {
    if (allEqual(a, b)) {
      return 1;
    }
    // exact null distribution for small groups (no ties), the normal approximation otherwise
    boolean exact = a.length + b.length <= 30 && !hasTies(a, b);
    return new MannWhitneyUTest().mannWhitneyUTest(a, b, exact);
  }

  /**
   * Wilcoxon signed-rank test of "the paired differences d tend to be positive".
   *
   * @param d differences, one per network; zeros are dropped (Wilcoxon's convention)
   */
  public static OneSided wilcoxonPositive(double[] d) {
    double[] nz = java.util.Arrays.stream(d).filter(v -> v != 0 && !Double.isNaN(v)).toArray();
    if (nz.length == 0) {
      return new OneSided(0, 1);
    }
    double[] zero = new double[nz.length];
    // W⁺: sum of the ranks of |d| over the positive differences (average ranks for ties)
    double[] abs = java.util.Arrays.stream(nz).map(Math::abs).toArray();
    double wPlus = 0;
    for (int i = 0; i < nz.length; i++) {
      if (nz[i] > 0) {
        wPlus += averageRank(abs, abs[i]);
      }
    }
    double mean = nz.length * (nz.length + 1) / 4.0;
    boolean exact = nz.length <= 30;
    double p2 = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(nz, zero, exact);
    if (wPlus == mean) {
      return new OneSided(wPlus, 0.5 + 0.5 * (1 - p2));
    }
    return new OneSided(wPlus, wPlus > mean ? p2 / 2 : 1 - p2 / 2);
  }

  static double averageRank(double[] values, double v) {
    int below = 0;
    int equal = 0;
    for (double x : values) {
      below += x < v ? 1 : 0;
      equal += x == v ? 1 : 0;
    }
    return below + (equal + 1) / 2.0;
  }

  private static boolean hasTies(double[] a, double[] b) {
    double[] all = new double[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return java.util.Arrays.stream(all).distinct().count() < all.length;
  }

  private static boolean allEqual(double[] a, double[] b) {
    double first = a.length > 0 ? a[0] : b[0];
    return java.util.Arrays.stream(a).allMatch(x -> x == first) && java.util.Arrays.stream(b).allMatch(x -> x == first);
  }

  /** @return the median (NaN for no values) */
  public static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }
}
