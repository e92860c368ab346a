package dev.knead.core.trace;

import dev.knead.core.data.Points;
import dev.knead.core.net.Block;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages a batch of points, the grid and the region samples pass through: input; per layer
 * rotate (Vᵀ), stretch (Σ), rotate (U), shift (+b), bend (σ) — the output layer has no bend —
 * then the softmax output. Topology, figures, the CLI and the lab all read traces; none re-runs
 * a network its own way.
 *
 * @param network the network traced
 * @param labels class of every point (length n)
 * @param fieldClasses predicted class of every region sample
 * @param domain the input box of the grid and the region samples
 * @param stages from input to output
 */
public record Trace(Network network, int[] labels, int[] fieldClasses, Domain domain, List<Stage> stages) {
  public Trace {
    labels = labels.clone();
    fieldClasses = fieldClasses.clone();
    stages = List.copyOf(stages);
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public int[] fieldClasses() {
    return fieldClasses.clone();
  }

  /** @return the i-th stage held (for a complete trace, the stage of index i) */
  public Stage stage(int i) {
    return stages.get(i);
  }

  /** @return whether every move is here ({@link Tracer#trace}), not only the layers' ends ({@link Tracer#layers}) */
  public boolean complete() {
    return stages.get(stages.size() - 1).index() == stages.size() - 1;
  }

  /**
   * @param index the stage's index in the full trace
   * @return that stage
   * @throws IllegalArgumentException if this trace does not hold it
   */
  public Stage stageAt(int index) {
    if (complete() && index >= 0 && index < stages.size()) {
      return stages.get(index);
    }
    for (Stage s : stages) {
      if (s.index() == index) {
        return s;
      }
    }
    throw new IllegalArgumentException("stage " + index + " is not in this trace");
  }

  /** @return the stages that end a layer: input, every hidden layer's bend, the logits */
  public List<Stage> layerEnds() {
    List<Stage> out = new ArrayList<>();
    for (int i : layerEnds(network)) {
      out.add(stageAt(i));
    }
    return out;
  }

  /** @return the index of the stage the output layer cuts: the last hidden layer's end, or the input */
  public int cutStage() {
    int[] ends = layerEnds(network);
    return ends[ends.length - 2];
  }

  // ---- where each stage sits, from the network alone (the Tracer builds by these) ----

  /**
   * @return whether layer l has a bend (every hidden dense layer; the output layer only when its
   *     σ is not the identity; never a block that is not a dense layer)
   */
  public static boolean bends(Network net, int l) {
    if (!(net.block(l) instanceof Layer layer)) {
      return false;
    }
    return l < net.blocks().size() - 1 || layer.activation().kind() != dev.knead.core.net.Activation.Kind.IDENTITY;
  }

  /** @return how many stages block l adds: a dense layer its moves, another block its {@link Block#momentCount()} */
  public static int stagesOf(Network net, int l) {
    Block b = net.block(l);
    return b instanceof Layer ? (bends(net, l) ? 5 : 4) : b.momentCount();
  }

  /** @return the index of block l's first stage */
  static int offset(Network net, int l) {
    int o = 1;
    for (int j = 0; j < l; j++) {
      o += stagesOf(net, j);
    }
    return o;
  }

  /** @return the number of stages of the full trace of net */
  public static int stageCount(Network net) {
    return offset(net, net.blocks().size()) + 1;
  }

  /**
   * @param l the layer, 0-based (a dense layer)
   * @param kind one of the five moves of a layer
   * @return the index of the stage that move of layer l reaches
   */
  public static int index(Network net, int l, Stage.Kind kind) {
    if (l < 0 || l >= net.blocks().size()) {
      throw new IllegalArgumentException("layer " + l + " is outside 0 … " + (net.blocks().size() - 1));
    }
    int k = switch (kind) {
      case ROTATE_IN -> 0;
      case STRETCH -> 1;
      case ROTATE_OUT -> 2;
      case SHIFT -> 3;
      case BEND -> 4;
      case INPUT, OUTPUT, BLOCK -> throw new IllegalArgumentException(kind + " is not a move of a dense layer");
    };
    if (!(net.block(l) instanceof Layer)) {
      throw new IllegalArgumentException("layer " + (l + 1) + " is " + net.block(l).label() + ", not a dense layer (see blockStage)");
    }
    if (kind == Stage.Kind.BEND && !bends(net, l)) {
      throw new IllegalArgumentException("the output layer has no bend");
    }
    return offset(net, l) + k;
  }

  /** @return the index of stage k (0-based) inside block l, a block that is not a dense layer */
  public static int blockStage(Network net, int l, int k) {
    if (k < 0 || k >= stagesOf(net, l)) {
      throw new IllegalArgumentException("block " + (l + 1) + " has " + stagesOf(net, l) + " stages, not " + (k + 1));
    }
    return offset(net, l) + k;
  }

  /** @return indices of the stages that end a layer: 0, each layer's last move (the logits last) */
  public static int[] layerEnds(Network net) {
    int layers = net.blocks().size();
    int[] out = new int[layers + 1];
    for (int l = 0; l < layers; l++) {
      out[l + 1] = net.block(l) instanceof Layer
          ? index(net, l, bends(net, l) && l < layers - 1 ? Stage.Kind.BEND : Stage.Kind.SHIFT)
          : offset(net, l) + stagesOf(net, l) - 1;
    }
    // the logits: the output layer's last move
    out[layers] = stageCount(net) - 2;
    return out;
  }

  /** @return "layer 1", …, or "output layer" for the last (a block that is not dense adds its kind) */
  public static String layerName(Network net, int l) {
    String name = l == net.blocks().size() - 1 ? "output layer" : "layer " + (l + 1);
    // the block's short spec (ode:3, knn:32): figure captions are narrow
    return net.block(l) instanceof Layer ? name : name + " (" + dev.knead.core.net.LayerSpec.of(net.block(l)).text() + ")";
  }

  public int size() {
    return stages.size();
  }

  /** @return the stage that holds the logits (the output layer's shift) */
  public Stage logits() {
    return stages.get(stages.size() - 2);
  }

  /**
   * Points, grid and region samples at position t ∈ [0, 1] of the move into stage i. t = 0 is
   * stage i − 1, t = 1 is stage i. The output stage (softmax) is reached by a straight line.
   */
  public Frame at(int i, double t) {
    if (!complete()) {
      throw new IllegalStateException("a trace of the layers' ends only has no moves to follow (use Tracer.trace)");
    }
    if (i < 0 || i >= stages.size()) {
      throw new IllegalArgumentException("stage " + i + " is outside 0 … " + (stages.size() - 1));
    }
    double tt = Math.max(0, Math.min(1, t));
    Stage to = stages.get(i);
    String caption = to.name() + (tt < 1 ? String.format(java.util.Locale.ROOT, " · %.0f %%", tt * 100) : "");
    if (i == 0 || tt >= 1) {
      return new Frame(i, tt, caption, to.points(), to.grid(), to.field());
    }
    Stage from = stages.get(i - 1);
    if (to.move().isEmpty()) {
      return new Frame(i, tt, caption, blend(from.points(), to.points(), tt), blendAll(from.grid(), to.grid(), tt),
          blend(from.field(), to.field(), tt));
    }
    Move m = to.move().get();
    List<Points> grid = new ArrayList<>(from.grid().size());
    for (Points line : from.grid()) {
      grid.add(carry(m, line, tt));
    }
    return new Frame(i, tt, caption, carry(m, from.points(), tt), grid, carry(m, from.field(), tt));
  }

  /**
   * The whole network as one slider: position s ∈ [0, stages − 1]; the integer part picks the
   * move, the fraction the position inside it.
   */
  public Frame atPosition(double s) {
    double c = Math.max(0, Math.min(stages.size() - 1, s));
    int i = (int) Math.ceil(c);
    return i == 0 ? at(0, 1) : at(i, c - (i - 1));
  }

  private static Points carry(Move m, Points p, double t) {
    double[] y = m.apply(p.toArray(), p.n(), t);
    return Points.of(p.n(), m.dimAt(t), y);
  }

  private static Points blend(Points a, Points b, double t) {
    if (a.d() != b.d()) {
      return t < 0.5 ? a : b;
    }
    double[] x = a.toArray();
    double[] y = b.toArray();
    for (int i = 0; i < x.length; i++) {
      x[i] = (1 - t) * x[i] + t * y[i];
    }
    return Points.of(a.n(), a.d(), x);
  }

  private static List<Points> blendAll(List<Points> a, List<Points> b, double t) {
    List<Points> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(blend(a.get(i), b.get(i), t));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trace tr && tr.network.equals(network) && java.util.Arrays.equals(tr.labels, labels)
        && tr.stages.equals(stages);
  }

  @Override
  public int hashCode() {
    return network.hashCode() * 31 + stages.size();
  }
}
