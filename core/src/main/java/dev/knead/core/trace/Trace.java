package dev.knead.core.trace;

import dev.knead.core.data.Points;
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

  public Stage stage(int i) {
    return stages.get(i);
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
