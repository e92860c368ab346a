package dev.knead.analysis;

import dev.knead.topology.measure.Gathering;
import dev.knead.topology.measure.Separability;
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
 * @param separability whether every pair of classes is exactly linearly separable here: separable,
 *     not separable (some pair proved not), or not decided within the work budget
 * @param probeAccuracy training accuracy of a linear probe (multinomial logistic regression)
 * @param knnAccuracy leave-one-out k-nearest-neighbour accuracy (k = 5)
 * @param gathering how tightly the classes are gathered: within/between distance ratio,
 *     silhouette, and per pair of classes how many points still touch and how k-NN confuses them
 *     (same k as knnAccuracy; all points)
 * @param inseparable the pairs of classes (a &lt; b) proved not separable by any hyperplane here
 * @param undecided the pairs (a &lt; b) whose separability was not decided within the budget
 * @param trivial the pairs (a &lt; b) separable only because they have at most dim + 1 points in
 *     general position (any labelling of such points is separable: it says nothing about the classes)
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
    Separability.Outcome separability,
    double probeAccuracy,
    double knnAccuracy,
    Gathering gathering,
    List<List<Integer>> inseparable,
    List<List<Integer>> undecided,
    List<List<Integer>> trivial,
    double intrinsicDimension,
    Optional<Curves.Link> link,
    Optional<Double> windingNumber) {

  public StageMeasure {
    plateaus = List.copyOf(plateaus);
    inseparable = inseparable.stream().map(List::copyOf).toList();
    undecided = undecided.stream().map(List::copyOf).toList();
    trivial = trivial.stream().map(List::copyOf).toList();
  }

  /** @return true when every pair of classes was found separable here (false also when undecided) */
  public boolean separable() {
    return separability == Separability.Outcome.SEPARABLE;
  }

  /** @return true when every pair is separable, false when some pair is proved not, empty when undecided */
  public Optional<Boolean> separableIfDecided() {
    return separability == Separability.Outcome.UNDECIDED ? Optional.empty() : Optional.of(separable());
  }

  /** @return what was decided about the pair a, b here */
  public Separability.Outcome pairOutcome(int a, int b) {
    List<Integer> p = List.of(Math.min(a, b), Math.max(a, b));
    return inseparable.contains(p) ? Separability.Outcome.NOT_SEPARABLE
        : undecided.contains(p) ? Separability.Outcome.UNDECIDED : Separability.Outcome.SEPARABLE;
  }

  /** @return whether the pair a, b is separable here only because it has at most dim + 1 points in general position */
  public boolean triviallySeparates(int a, int b) {
    return trivial.contains(List.of(Math.min(a, b), Math.max(a, b)));
  }

  /** @return the linking number where it is defined (3-D stages of linked data whose carried curves do not touch) */
  public Optional<Double> linkingNumber() {
    return link.filter(Curves.Link::defined).map(Curves.Link::number);
  }

  /** @return why the linking number is undefined here (the carried curves touch), if it is */
  public Optional<String> linkingUndefined() {
    return link.filter(l -> !l.defined()).map(Curves.Link::reason);
  }

  /** @return whether classes a and b were found exactly linearly separable here */
  public boolean separates(int a, int b) {
    return pairOutcome(a, b) == Separability.Outcome.SEPARABLE;
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
