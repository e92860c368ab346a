package dev.knead.analysis;

import dev.knead.core.data.Curve;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Points;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.topology.measure.Winding;
import java.util.List;
import java.util.Optional;

/**
 * The data set's core curves carried through the network, so their linking number (3-D stages)
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

  static Carried of(Network net, GroundTruth truth) {
    List<Curve> curves = truth.coreCurves().stream().filter(c -> c.closed() && c.vertices().d() == net.inputDim()).toList();
    int enclosed = truth.enclosed().isEmpty() ? -1 : truth.enclosed().get(0);
    Curve around = enclosed < 0 ? null : curves.stream().filter(c -> c.classIndex() != enclosed).findFirst().orElse(null);
    if (around == null) {
      return new Carried(net, curves, null, null);
    }
    Points v = around.vertices();
    double[] c = new double[v.d()];
    for (int i = 0; i < v.n(); i++) {
      for (int j = 0; j < v.d(); j++) {
        c[j] += v.get(i, j) / v.n();
      }
    }
    return new Carried(net, curves, Tracer.trace(net, v, new int[v.n()], Tracer.Options.POINTS_ONLY),
        Tracer.trace(net, Points.of(1, c.length, c), new int[1], Tracer.Options.POINTS_ONLY));
  }

  /**
   * Linking number of the first two curves of different classes after the first {@code layers}
   * layers, where that stage is 3-D; the curves are refined where the layers stretch them, and
   * the number is undefined where they touch.
   */
  Optional<Curves.Link> linking(int layers) {
    int dim = layers == 0 ? net.inputDim() : net.layer(layers - 1).out();
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
   * Winding number of the enclosing class's curve around the carried centroid of that curve
   * (the centre of the enclosed disk in the input), where the stage is 2-D.
   */
  Optional<Double> winding(int stage) {
    if (loop == null || loop.stage(stage).dim() != 2) {
      return Optional.empty();
    }
    return Optional.of(Winding.number(Analyst.rows(loop.stage(stage).points()), centre.stage(stage).points().row(0)));
  }
}
