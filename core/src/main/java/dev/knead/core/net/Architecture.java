package dev.knead.core.net;

import dev.knead.core.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a network before it has weights: input dimension, hidden widths with one
 * activation each, and the number of classes.
 *
 * @param inputDim d ≥ 1
 * @param hidden widths of the hidden layers, each 1 … {@value #MAX_WIDTH}; at most
 *     {@value #MAX_DEPTH} of them
 * @param activations one per hidden layer
 * @param classes k ≥ 2
 */
public record Architecture(int inputDim, List<Integer> hidden, List<Activation> activations, int classes) {
  public static final int MAX_WIDTH = 1024;
  public static final int MAX_DEPTH = 64;

  public Architecture {
    hidden = List.copyOf(hidden);
    activations = List.copyOf(activations);
    if (inputDim < 1) {
      throw new BadInputException("input dimension must be at least 1, got " + inputDim);
    }
    if (hidden.size() > MAX_DEPTH) {
      throw new BadInputException("at most " + MAX_DEPTH + " hidden layers, got " + hidden.size());
    }
    for (int w : hidden) {
      if (w < 1 || w > MAX_WIDTH) {
        throw new BadInputException("hidden width " + w + " is outside 1 … " + MAX_WIDTH);
      }
    }
    if (activations.size() != hidden.size()) {
      throw new BadInputException(activations.size() + " activations for " + hidden.size() + " hidden layers");
    }
    if (classes < 2) {
      throw new BadInputException("need at least 2 classes, got " + classes);
    }
  }

  /** One activation for every hidden layer. */
  public static Architecture of(int inputDim, List<Integer> hidden, Activation activation, int classes) {
    return new Architecture(inputDim, hidden, java.util.Collections.nCopies(hidden.size(), activation), classes);
  }

  /** Parses {@code "3,3"} (or {@code "3x3"}, or empty for no hidden layer) into widths. */
  public static List<Integer> parseWidths(String text) {
    List<Integer> widths = new ArrayList<>();
    String t = text.trim();
    if (t.isEmpty() || t.equals("none")) {
      return widths;
    }
    for (String part : t.split("[,x×]", -1)) {
      if (!part.trim().matches("[0-9]{1,9}")) {
        throw new BadInputException("hidden widths '" + text + "': '" + part.trim() + "' is not a whole number");
      }
      widths.add(Integer.parseInt(part.trim()));
    }
    return widths;
  }

  /** @return layer sizes from input to output, e.g. [2, 3, 2] */
  public List<Integer> sizes() {
    List<Integer> s = new ArrayList<>();
    s.add(inputDim);
    s.addAll(hidden);
    s.add(classes);
    return s;
  }
}
