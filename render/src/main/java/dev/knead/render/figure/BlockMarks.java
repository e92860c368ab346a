package dev.knead.render.figure;

import dev.knead.core.net.Block;
import dev.knead.core.net.Coupling;
import dev.knead.core.net.Network;
import dev.knead.core.net.Prototypes;
import dev.knead.core.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a figure shows beside the stages of blocks that are not dense layers: a k-NN block's
 * prototypes in the stage it reads (coloured by class, with the distance √τ at which a
 * prototype's weight falls by e), a coupling block's two halves (which coordinates pass through,
 * which are moved). The figures and the lab read these, so both draw the same points.
 */
public final class BlockMarks {
  private BlockMarks() {}

  /**
   * A k-NN block's prototypes where it reads them.
   *
   * @param layer the block's index in the network
   * @param stage the trace stage the block reads (the previous block's end, or the input)
   * @param points m × dim, row-major: the prototypes themselves, in that stage's coordinates
   * @param classes the class of each: its value's largest entry when the block gives the
   *     logits, else the class the rest of the network gives the prototype
   * @param reach √τ: the distance at which a prototype's softmax weight falls by a factor e
   */
  public record PrototypeMarks(int layer, int stage, int m, int dim, double[] points, int[] classes, double reach) {
    public PrototypeMarks {
      points = points.clone();
      classes = classes.clone();
    }

    @Override
    public double[] points() {
      return points.clone();
    }

    @Override
    public int[] classes() {
      return classes.clone();
    }
  }

  /**
   * A coupling block's halves: held coordinates pass through unchanged and condition the moved ones.
   *
   * @param reads the stage the block reads; its own stages follow it (0-based coordinates)
   */
  public record Halves(int layer, int reads, int[] held, int[] moved, boolean affine) {
    public Halves {
      held = held.clone();
      moved = moved.clone();
    }

    @Override
    public int[] held() {
      return held.clone();
    }

    @Override
    public int[] moved() {
      return moved.clone();
    }

    /** @return e.g. "x1 passes through, x2 is scaled and shifted" (coordinates counted from 1) */
    public String caption() {
      return names(held) + (held.length == 1 ? " passes" : " pass") + " through, " + names(moved)
          + (moved.length == 1 ? " is " : " are ") + (affine ? "scaled and shifted" : "shifted") + " by a function of "
          + (held.length == 1 ? "it" : "them");
    }

    private static String names(int[] idx) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < idx.length; i++) {
        b.append(i == 0 ? "" : i == idx.length - 1 ? " and " : ", ").append('x').append(idx[i] + 1);
      }
      return b.toString();
    }
  }

  /** @return every k-NN block's prototypes, in the order of the blocks */
  public static List<PrototypeMarks> prototypes(Network net) {
    int[] ends = Trace.layerEnds(net);
    List<PrototypeMarks> out = new ArrayList<>();
    for (int l = 0; l < net.blocks().size(); l++) {
      if (net.block(l) instanceof Prototypes p) {
        double[] pts = p.prototypes();
        int m = p.count();
        int[] cls = new int[m];
        boolean last = l == net.blocks().size() - 1;
        double[] y = last ? p.values() : rest(net, l, pts, m);
        int k = y.length / m;
        for (int j = 0; j < m; j++) {
          int best = 0;
          for (int c = 1; c < k; c++) {
            if (y[j * k + c] > y[j * k + best]) {
              best = c;
            }
          }
          cls[j] = best;
        }
        out.add(new PrototypeMarks(l, ends[l], m, p.in(), pts, cls, Math.sqrt(p.temperature())));
      }
    }
    return out;
  }

  /** @return the prototypes a figure of this stage draws (those of the k-NN block reading it), if any */
  public static Optional<PrototypeMarks> prototypesAt(Network net, int stage) {
    return prototypes(net).stream().filter(p -> p.stage() == stage).findFirst();
  }

  /** @return every coupling block's halves */
  public static List<Halves> halves(Network net) {
    int[] ends = Trace.layerEnds(net);
    List<Halves> out = new ArrayList<>();
    for (int l = 0; l < net.blocks().size(); l++) {
      if (net.block(l) instanceof Coupling c) {
        int d = c.in();
        List<Integer> held = new ArrayList<>();
        List<Integer> moved = new ArrayList<>();
        for (int j = 0; j < d; j++) {
          // the block's own rule: the odd coordinates (0-based) are held when odd() is set
          ((j % 2 == 1) == c.odd() ? held : moved).add(j);
        }
        out.add(new Halves(l, ends[l], held.stream().mapToInt(Integer::intValue).toArray(),
            moved.stream().mapToInt(Integer::intValue).toArray(), c.affine()));
      }
    }
    return out;
  }

  /** @return the halves of the coupling block that reads this stage or leads to it, if any */
  public static Optional<Halves> halvesAt(Network net, int stage) {
    int[] ends = Trace.layerEnds(net);
    return halves(net).stream().filter(h -> stage >= h.reads() && stage <= ends[h.layer() + 1]).findFirst();
  }

  /** The rest of the network after block l, applied to m points (its logits). */
  private static double[] rest(Network net, int l, double[] x, int m) {
    double[] y = x;
    for (int b = l; b < net.blocks().size(); b++) {
      Block blk = net.block(b);
      y = blk.forward(y, m).output().clone();
    }
    return y;
  }
}
