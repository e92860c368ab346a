package dev.knead.core.net;

import dev.knead.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * A {@code --layers} sequence such as {@code ode:2,dense:3:tanh,knn:32}: the blocks in order. When
 * the last is not a k-NN read-out, a dense output layer (identity σ, Glorot) to the classes is
 * appended. Empty: the network is built from the hidden widths and activations instead.
 */
public record LayerSpecs(List<LayerSpec> items) {
  public static final LayerSpecs NONE = new LayerSpecs(List.of());

  public LayerSpecs {
    items = List.copyOf(items);
    if (items.size() > Architecture.MAX_DEPTH) {
      throw new BadInputException("at most " + Architecture.MAX_DEPTH + " layers, got " + items.size());
    }
  }

  /** Parses a comma-separated sequence; empty or {@code none} gives {@link #NONE}. */
  public static LayerSpecs parse(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.equals("none")) {
      return NONE;
    }
    List<LayerSpec> out = new ArrayList<>();
    for (String item : t.split(",", -1)) {
      if (item.isBlank()) {
        throw new BadInputException("layers '" + text + "': an empty item between commas");
      }
      out.add(LayerSpec.parse(item));
    }
    for (int i = 0; i + 1 < out.size(); i++) {
      if (out.get(i).kind() == LayerSpec.Kind.KNN && out.get(i).width() == 0) {
        throw new BadInputException("layers '" + text + "': a k-NN block inside the network needs an output width, e.g. knn:"
            + out.get(i).prototypes() + ":4");
      }
    }
    return new LayerSpecs(out);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** @return the text form ({@code none} when empty) */
  public String label() {
    return items.isEmpty() ? "none" : items.stream().map(LayerSpec::text).collect(Collectors.joining(","));
  }

  /** Draws the network: each block from the same seeded stream, in order. */
  public Network build(int inputDim, int classes, Initializer init, RandomGenerator rng) {
    List<Block> blocks = new ArrayList<>();
    int width = inputDim;
    int couplings = 0;
    for (int i = 0; i < items.size(); i++) {
      LayerSpec s = items.get(i);
      boolean last = i == items.size() - 1;
      if (last && s.kind() == LayerSpec.Kind.KNN && s.width() > 0 && s.width() != classes) {
        throw new BadInputException("layer '" + s.text() + "': as the last block a k-NN read-out gives the " + classes
            + " class logits, not " + s.width());
      }
      Block b = s.build(width, classes, last, couplings % 2 == 1, init, rng);
      if (s.kind() == LayerSpec.Kind.COUPLING) {
        couplings++;
      }
      blocks.add(b);
      width = b.out();
    }
    if (items.get(items.size() - 1).kind() != LayerSpec.Kind.KNN) {
      blocks.add(init.dense(width, classes, Activation.IDENTITY, true, rng));
    }
    return new Network(blocks);
  }
}
