package dev.knead.topology.verdict;

import dev.knead.topology.maps.ActivationTraits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shape of a fully connected classifier as the width theorems see it: input dimension,
 * hidden widths, one activation per hidden layer, number of classes. The output layer is an
 * affine map followed by argmax (softmax).
 *
 * @param inputDim d, the input dimension, ≥ 1
 * @param hiddenWidths widths of the hidden layers, input side first (may be empty)
 * @param activations one activation per hidden layer (same length as hiddenWidths)
 * @param classes number of classes, ≥ 2
 */
public record NetworkShape(
    int inputDim, List<Integer> hiddenWidths, List<ActivationTraits> activations, int classes) {

  public NetworkShape {
    hiddenWidths = List.copyOf(hiddenWidths);
    activations = List.copyOf(activations);
    if (inputDim < 1 || classes < 2) {
      throw new IllegalArgumentException("architecture: input dimension " + inputDim + ", classes " + classes);
    }
    if (hiddenWidths.size() != activations.size()) {
      throw new IllegalArgumentException("architecture: " + hiddenWidths.size() + " hidden layers but "
          + activations.size() + " activations");
    }
    for (int w : hiddenWidths) {
      if (w < 1) {
        throw new IllegalArgumentException("architecture: hidden width " + w);
      }
    }
  }

  /** @return an architecture with the same activation in every hidden layer */
  public static NetworkShape uniform(int inputDim, List<Integer> hiddenWidths, ActivationTraits sigma, int classes) {
    return new NetworkShape(inputDim, hiddenWidths, Collections.nCopies(hiddenWidths.size(), sigma), classes);
  }

  /**
   * Reads the usual dash notation: "2-3-3-2" is input 2, hidden 3 and 3, 2 classes.
   *
   * @param spec at least "input-classes"
   * @param sigma activation of every hidden layer
   */
  public static NetworkShape parse(String spec, ActivationTraits sigma) {
    final String[] parts = spec.trim().split("-");
    if (parts.length < 2) {
      throw new IllegalArgumentException("architecture '" + spec + "': need at least input-classes");
    }
    final List<Integer> widths = new ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) {
      widths.add(Integer.parseInt(parts[i].trim()));
    }
    return uniform(Integer.parseInt(parts[0].trim()), widths, sigma, Integer.parseInt(parts[parts.length - 1].trim()));
  }

  /** @return the widest hidden layer, or 0 without hidden layers */
  public int maxWidth() {
    return hiddenWidths.stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** @return the narrowest hidden layer, or 0 without hidden layers */
  public int minWidth() {
    return hiddenWidths.stream().mapToInt(Integer::intValue).min().orElse(0);
  }

  /** @return "2-3-2 tanh"-style label */
  public String label() {
    final StringBuilder b = new StringBuilder().append(inputDim);
    for (int w : hiddenWidths) {
      b.append('-').append(w);
    }
    b.append('-').append(classes);
    final List<String> names = activations.stream().map(ActivationTraits::name).distinct().toList();
    return names.isEmpty() ? b.toString() : b + " " + String.join("/", names);
  }
}
