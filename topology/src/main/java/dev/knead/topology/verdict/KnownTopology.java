package dev.knead.topology.verdict;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is known about the data's topology before training; every part may be unknown.
 * Built with {@link #unknown()} and the {@code with…} methods, each returning a new value.
 * Knead fills it from what it measured on the points (never from a generator's answer), and
 * says how in {@code evidence}, which the verdicts quote among their facts.
 *
 * @param betti per class label, its Betti numbers (β₀, β₁, β₂, …); absent classes unknown
 * @param manifoldDims per class label, the dimension k of the manifold it lies on
 * @param enclosed labels of classes that are bounded and enclosed by another class (the disk
 *     inside the annulus, the ball inside the shell)
 * @param linkingNumber linking number between the two classes' core curves, if known
 * @param domainDim dimension of the input domain, if known
 * @param evidence per fact ({@link #ENCLOSED}, {@link #LINKING}), how it was established, in
 *     words (e.g. the scales over which it holds); absent when nothing is said
 */
public record KnownTopology(
    Map<Integer, List<Integer>> betti,
    Map<Integer, Integer> manifoldDims,
    Set<Integer> enclosed,
    Optional<Integer> linkingNumber,
    Optional<Integer> domainDim,
    Map<String, String> evidence) {

  /** Key of {@link #evidence} for the enclosure facts. */
  public static final String ENCLOSED = "enclosed";
  /** Key of {@link #evidence} for the linking number. */
  public static final String LINKING = "linking";

  public KnownTopology {
    evidence = Map.copyOf(evidence);
    betti = betti.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    manifoldDims = Map.copyOf(manifoldDims);
    enclosed = Set.copyOf(enclosed);
  }

  /** @return nothing known */
  public static KnownTopology unknown() {
    return new KnownTopology(Map.of(), Map.of(), Set.of(), Optional.empty(), Optional.empty(), Map.of());
  }

  /** @return a copy that also knows class {@code label}'s Betti numbers */
  public KnownTopology withBetti(int label, List<Integer> numbers) {
    final Map<Integer, List<Integer>> m = new HashMap<>(betti);
    m.put(label, numbers);
    return new KnownTopology(m, manifoldDims, enclosed, linkingNumber, domainDim, evidence);
  }

  /** @return a copy that also knows class {@code label} lies on a k-dimensional manifold */
  public KnownTopology withManifoldDim(int label, int k) {
    final Map<Integer, Integer> m = new HashMap<>(manifoldDims);
    m.put(label, k);
    return new KnownTopology(betti, m, enclosed, linkingNumber, domainDim, evidence);
  }

  /** @return a copy in which class {@code label} is bounded and enclosed by another class */
  public KnownTopology withEnclosed(int label) {
    final Set<Integer> s = new HashSet<>(enclosed);
    s.add(label);
    return new KnownTopology(betti, manifoldDims, s, linkingNumber, domainDim, evidence);
  }

  /** @return a copy that knows the linking number between the classes */
  public KnownTopology withLinkingNumber(int lk) {
    return new KnownTopology(betti, manifoldDims, enclosed, Optional.of(lk), domainDim, evidence);
  }

  /** @return a copy that knows the input domain's dimension */
  public KnownTopology withDomainDim(int dim) {
    return new KnownTopology(betti, manifoldDims, enclosed, linkingNumber, Optional.of(dim), evidence);
  }

  /** @return a copy that says how fact {@code key} was established */
  public KnownTopology withEvidence(String key, String how) {
    final Map<String, String> m = new HashMap<>(evidence);
    m.put(key, how);
    return new KnownTopology(betti, manifoldDims, enclosed, linkingNumber, domainDim, m);
  }
}
