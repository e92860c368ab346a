package dev.knead.core.net;

import dev.knead.core.data.Points;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A feed-forward network: blocks that knead space (dense layers, flows, coupling and residual
 * blocks, k-NN read-outs), the last giving the k logits the loss reads (a dense output layer
 * with identity σ, or a k-NN read-out). Immutable; training returns a new one.
 */
public final class Network {
  private final List<Block> blocks;
  private final boolean dense;

  /** @param blocks hidden blocks followed by the output block; at least the output block */
  public Network(List<? extends Block> blocks) {
    this.blocks = List.copyOf(blocks);
    if (this.blocks.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least its output layer");
    }
    for (int l = 1; l < this.blocks.size(); l++) {
      if (this.blocks.get(l).in() != this.blocks.get(l - 1).out()) {
        throw new IllegalArgumentException("layer " + (l + 1) + " takes " + this.blocks.get(l).in() + " inputs but layer " + l
            + " gives " + this.blocks.get(l - 1).out());
      }
    }
    this.dense = this.blocks.stream().allMatch(b -> b instanceof Layer);
  }

  /** @return every block, input to output */
  public List<Block> blocks() {
    return blocks;
  }

  public Block block(int l) {
    return blocks.get(l);
  }

  /** @return whether every block is a dense layer (the fast kernels and the five-move trace apply) */
  public boolean isDense() {
    return dense;
  }

  /**
   * @return the dense layers of a dense network
   * @throws IllegalStateException when the network has other blocks (read {@link #blocks()})
   */
  @SuppressWarnings("unchecked")
  public List<Layer> layers() {
    if (!dense) {
      throw new IllegalStateException("the network " + describe() + " has blocks that are not dense layers; read its blocks");
    }
    return (List<Layer>) (List<?>) blocks;
  }

  /**
   * @return layer l of a dense network
   * @throws IllegalStateException when block l is not a dense layer
   */
  public Layer layer(int l) {
    if (blocks.get(l) instanceof Layer layer) {
      return layer;
    }
    throw new IllegalStateException("block " + (l + 1) + " is " + blocks.get(l).label() + ", not a dense layer");
  }

  public int inputDim() {
    return blocks.get(0).in();
  }

  /** @return k, the number of outputs (classes) */
  public int classes() {
    return blocks.get(blocks.size() - 1).out();
  }

  /** @return the number of hidden blocks (the depth, in bends) */
  public int depth() {
    return blocks.size() - 1;
  }

  /** @return widths of the hidden blocks' outputs */
  public List<Integer> hiddenWidths() {
    return blocks.subList(0, blocks.size() - 1).stream().map(Block::out).toList();
  }

  /** @return the total number of trainable numbers */
  public int parameterCount() {
    return blocks.stream().mapToInt(Block::parameterCount).sum();
  }

  /** @return the logits for one point x (length inputDim) */
  public double[] logits(double[] x) {
    double[] a = x;
    for (Block b : blocks) {
      a = b.apply(a);
    }
    return a;
  }

  /** @return the index of the largest logit */
  public int predict(double[] x) {
    return argmax(logits(x));
  }

  /** @return logits of every point, n × k */
  public Points logits(Points x) {
    if (dense) {
      double[] out = new double[x.n() * classes()];
      for (int i = 0; i < x.n(); i++) {
        System.arraycopy(logits(x.row(i)), 0, out, i * classes(), classes());
      }
      return Points.of(x.n(), classes(), out);
    }
    // one batch pass: a flow integrates all points together
    double[] a = x.toArray();
    for (Block b : blocks) {
      a = b.forward(a, x.n()).output();
    }
    return Points.of(x.n(), classes(), a);
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * e.g. {@code 2-3-2 tanh} or {@code 2-8-4-2 tanh,relu}: sizes, then hidden activations; a
   * network with other blocks as its spec, e.g. {@code 2 → ode:3 → dense:2}.
   */
  public String describe() {
    if (!dense) {
      return inputDim() + " → " + blocks.stream().map(LayerSpec::of).map(LayerSpec::text).collect(Collectors.joining(" → "));
    }
    List<Layer> layers = layers();
    String sizes = inputDim() + "-" + layers.stream().map(l -> String.valueOf(l.out())).collect(Collectors.joining("-"));
    List<String> acts = layers.subList(0, layers.size() - 1).stream().map(l -> l.activation().label()).toList();
    if (acts.isEmpty()) {
      return sizes + " linear";
    }
    return sizes + " " + (acts.stream().distinct().count() == 1 ? acts.get(0) : String.join(",", acts));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network n && n.blocks.equals(blocks);
  }

  @Override
  public int hashCode() {
    return blocks.hashCode();
  }

  @Override
  public String toString() {
    return "Network[" + blocks + "]";
  }
}
