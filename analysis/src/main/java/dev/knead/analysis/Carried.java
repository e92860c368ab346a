package dev.knead.analysis;

import dev.knead.core.data.Curve;
import dev.knead.core.data.Points;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.topology.measure.DataTopology;
import dev.knead.topology.measure.Winding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data's core curves (measured on its points) carried through the network, so their linking number (3-D stages)
 * or winding number (2-D stages) can be read at every stage.
 */
final class Carried {
  private final Network net;
  private final List<Curve> curves;
  /** the enclosing class's curve and its centroid, carried through every stage (null: none) */
  private final Trace loop;
  private final Trace centre;

  private Carried(Network net, List<Curve> curves, Trace loop, Trace centre) {
    this.net = net;
    this.curves = curves;
    this.loop = loop;
    this.centre = centre;
  }

  /**
   * The core curves measured on the data itself (the same for a built-in set and a file): for
   * linking, the pair of loops of different classes whose linking number is the data's; for
   * winding, the loop that encloses a piece of another class and one point of that piece.
   */
  static Carried of(Network net, DataTopology m) {
    List<Curve> curves = new ArrayList<>();
    Optional<Integer> lk = m.linkingNumber();
    m.links().stream().filter(l -> lk.isPresent() && l.number().map(Math::abs).equals(lk)).findFirst().ifPresent(l -> {
      curves.add(curve(l.a(), m.classes().get(l.a()).curves().get(l.curveA())));
      curves.add(curve(l.b(), m.classes().get(l.b()).curves().get(l.curveB())));
    });
    Optional<DataTopology.Enclosure> around = m.enclosures().stream().filter(e -> e.curve().isPresent()).findFirst();
    if (around.isEmpty() || net.inputDim() != 2) {
      return new Carried(net, curves, null, null);
    }
    Points v = Points.of(around.get().curve().orElseThrow().vertices());
    double[] c = around.get().witness();
    return new Carried(net, curves, Tracer.trace(net, v, new int[v.n()], Tracer.Options.POINTS_ONLY),
        Tracer.trace(net, Points.of(1, c.length, c), new int[1], Tracer.Options.POINTS_ONLY));
  }

  private static Curve curve(int label, DataTopology.CoreCurve c) {
    return new Curve(label, Points.of(c.vertices()), true);
  }

  /**
   * Linking number of the first two curves of different classes after the first {@code layers}
   * layers, where that stage is 3-D; the curves are refined where the layers stretch them, and
   * the number is undefined where they touch.
   */
  Optional<Curves.Link> linking(int layers) {
    int dim = layers == 0 ? net.inputDim() : net.block(layers - 1).out();
    if (dim != 3) {
      return Optional.empty();
    }
    for (int a = 0; a < curves.size(); a++) {
      for (int b = a + 1; b < curves.size(); b++) {
        if (curves.get(a).classIndex() != curves.get(b).classIndex()) {
          return Optional.of(Curves.link(Curves.prefix(net, layers), curves.get(a).vertices(), curves.get(b).vertices()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Winding number of the enclosing loop around the carried point of the enclosed piece, where
   * the stage is 2-D (±1 at the input, by the enclosure test).
   */
  Optional<Double> winding(int stage) {
    if (loop == null || loop.stage(stage).dim() != 2) {
      return Optional.empty();
    }
    return Optional.of(Winding.number(Analyst.rows(loop.stage(stage).points()), centre.stage(stage).points().row(0)));
  }
}
