package dev.knead.analysis;

import dev.knead.topology.measure.Gathering;
import dev.knead.topology.ph.HopBetti;
import java.util.List;
import java.util.Optional;

/**
 * What was measured at one stage of a trace.
 *
 * @param stage index in the trace
 * @param name the stage's caption
 * @param dim dimension of the points there
 * @param plateaus per class, the Betti numbers read from this stage alone (k-NN hop procedure,
 *     the numbers that hold over the longest run of k) with that run of k; β_k only for
 *     k below the stage's dimension
 * @param separable whether every pair of classes is exactly linearly separable here
 * @param probeAccuracy training accuracy of a linear probe (multinomial logistic regression)
 * @param knnAccuracy leave-one-out k-nearest-neighbour accuracy (k = 5)
 * @param gathering how tightly the classes are gathered: within/between distance ratio,
 *     silhouette, and per pair of classes how many points still touch and how k-NN confuses them
 *     (same k as knnAccuracy; all points)
 * @param inseparable the pairs of classes (a &lt; b) that no hyperplane separates exactly here
 * @param intrinsicDimension TwoNN estimate over all points
 * @param link linking number of the classes' core curves, or why it is undefined (3-D stages of linked data)
 * @param windingNumber winding number of the enclosing class's core curve around the enclosed
 *     class (2-D stages of disk-in-annulus–like data)
 */
public record StageMeasure(
    int stage,
    String name,
    int dim,
    List<HopBetti.Plateau> plateaus,
    boolean separable,
    double probeAccuracy,
    double knnAccuracy,
    Gathering gathering,
    List<List<Integer>> inseparable,
    double intrinsicDimension,
    Optional<Curves.Link> link,
    Optional<Double> windingNumber) {

  public StageMeasure {
    plateaus = List.copyOf(plateaus);
    inseparable = inseparable.stream().map(List::copyOf).toList();
  }

  /** @return the linking number where it is defined (3-D stages of linked data whose carried curves do not touch) */
  public Optional<Double> linkingNumber() {
    return link.filter(Curves.Link::defined).map(Curves.Link::number);
  }

  /** @return why the linking number is undefined here (the carried curves touch), if it is */
  public Optional<String> linkingUndefined() {
    return link.filter(l -> !l.defined()).map(Curves.Link::reason);
  }

  /** @return whether classes a and b are exactly linearly separable here */
  public boolean separates(int a, int b) {
    return !inseparable.contains(List.of(Math.min(a, b), Math.max(a, b)));
  }

  /** @return per class, β₀ … β_k (k below the stage's dimension) */
  public List<List<Integer>> betti() {
    return plateaus.stream().map(HopBetti.Plateau::betti).toList();
  }

  /** @return β₀ + β₁ + β₂ summed over classes (Naitzat et al.'s topological complexity) */
  public int complexity() {
    return betti().stream().mapToInt(b -> b.stream().limit(3).mapToInt(Integer::intValue).sum()).sum();
  }
}
