package dev.knead.topology.verdict;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What was measured on the point cloud at one stage (the input, or the output of a layer):
 * the raw material of an {@link Explanation}. Every part may be unknown.
 *
 * @param betti per class label, its Betti numbers (β₀, β₁, …) at this stage
 * @param separable whether the classes are linearly separable at this stage
 * @param linkingNumber the linking number between the classes at this stage (3-D stages)
 */
public record StageFacts(Map<Integer, List<Integer>> betti, Optional<Boolean> separable, Optional<Double> linkingNumber) {

  public StageFacts {
    betti = betti.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  /** @return nothing measured */
  public static StageFacts unknown() {
    return new StageFacts(Map.of(), Optional.empty(), Optional.empty());
  }

  /** @return a copy with these per-class Betti numbers */
  public StageFacts withBetti(Map<Integer, List<Integer>> numbers) {
    return new StageFacts(numbers, separable, linkingNumber);
  }

  /** @return a copy that knows whether the classes are linearly separable here */
  public StageFacts withSeparable(boolean value) {
    return new StageFacts(betti, Optional.of(value), linkingNumber);
  }

  /** @return a copy that knows the linking number here */
  public StageFacts withLinkingNumber(double value) {
    return new StageFacts(betti, separable, Optional.of(value));
  }
}
