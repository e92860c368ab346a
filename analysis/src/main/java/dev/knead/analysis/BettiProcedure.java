package dev.knead.analysis;

import java.util.Arrays;

/**
 * How the per-stage Betti numbers were read: at every stage and for every class, the k-nearest-
 * neighbour hop-distance numbers at each k tried, keeping those that hold over the longest run.
 *
 * @param ks the k tried, ascending
 * @param scalesHops the hop scales tried (edges of at most floor(scale) hops)
 */
public record BettiProcedure(int[] ks, double[] scalesHops) {
  public BettiProcedure {
    ks = ks.clone();
    scalesHops = scalesHops.clone();
  }

  @Override
  public double[] scalesHops() {
    return scalesHops.clone();
  }

  @Override
  public int[] ks() {
    return ks.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BettiProcedure p && Arrays.equals(p.ks, ks) && Arrays.equals(p.scalesHops, scalesHops);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ks) + Arrays.hashCode(scalesHops);
  }

  @Override
  public String toString() {
    return "BettiProcedure[ks=" + Arrays.toString(ks) + ", scalesHops=" + Arrays.toString(scalesHops) + "]";
  }
}
