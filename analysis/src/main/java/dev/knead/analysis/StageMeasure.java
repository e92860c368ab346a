package dev.knead.analysis;

import java.util.List;
import java.util.Optional;

/**
 * What was measured at one stage of a trace.
 *
 * @param stage index in the trace
 * @param name the stage's caption
 * @param dim dimension of the points there
 * @param betti per class, β₀ … β_maxDim by the frozen hop-distance procedure
 * @param separable whether every pair of classes is exactly linearly separable here
 * @param probeAccuracy training accuracy of a linear probe (multinomial logistic regression)
 * @param knnAccuracy leave-one-out k-nearest-neighbour accuracy (k = 5)
 * @param intrinsicDimension TwoNN estimate over all points
 * @param linkingNumber linking number of the classes' core curves (3-D stages of linked data)
 * @param windingNumber winding number of the enclosing class's core curve around the enclosed
 *     class (2-D stages of disk-in-annulus–like data)
 */
public record StageMeasure(
    int stage,
    String name,
    int dim,
    List<List<Integer>> betti,
    boolean separable,
    double probeAccuracy,
    double knnAccuracy,
    double intrinsicDimension,
    Optional<Double> linkingNumber,
    Optional<Double> windingNumber) {

  public StageMeasure {
    betti = betti.stream().map(List::copyOf).toList();
  }

  /** @return β₀ + β₁ + β₂ summed over classes (Naitzat et al.'s topological complexity) */
  public int complexity() {
    return betti.stream().mapToInt(b -> b.stream().limit(3).mapToInt(Integer::intValue).sum()).sum();
  }
}
