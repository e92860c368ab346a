package dev.knead.core.data;

import java.util.List;
import java.util.Optional;

/**
 * What is known exactly about the sets a data set samples: the facts verdicts rest on.
 *
 * @param betti per class, its Betti numbers β₀, β₁, β₂ (shorter lists mean trailing zeros)
 * @param manifoldDims per class, the dimension of the manifold it samples (a solid disk is 2,
 *     a circle 1); used by the 2k + 2 isotopy verdict
 * @param enclosed indices of the classes that are bounded and enclosed by another class
 *     (the inner disk of the disk-in-annulus): no exact separation without a wide enough layer
 * @param linkingNumber linking number of the classes' core curves where the data set has one
 * @param coreCurves curves whose topology is carried through the network (may be empty)
 */
public record GroundTruth(
    List<List<Integer>> betti,
    List<Integer> manifoldDims,
    List<Integer> enclosed,
    Optional<Integer> linkingNumber,
    List<Curve> coreCurves) {

  public GroundTruth {
    betti = betti.stream().map(List::copyOf).toList();
    manifoldDims = List.copyOf(manifoldDims);
    enclosed = List.copyOf(enclosed);
    coreCurves = List.copyOf(coreCurves);
  }

  /** Nothing known (a user's file). */
  public static GroundTruth unknown() {
    return new GroundTruth(List.of(), List.of(), List.of(), Optional.empty(), List.of());
  }

  public boolean isKnown() {
    return !betti.isEmpty();
  }
}
