package dev.knead.analysis;

import dev.knead.core.data.Curve;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Points;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.topology.measure.Linking;
import dev.knead.topology.measure.Winding;
import java.util.List;
import java.util.Optional;

/**
 * The data set's core curves carried through the network, so their linking number (3-D stages)
 * or winding number (2-D stages) can be read at every stage.
 */
final class Carried {
  private final List<Curve> curves;
  private final List<Trace> traces;
  private final int enclosed;

  private Carried(List<Curve> curves, List<Trace> traces, int enclosed) {
    this.curves = curves;
    this.traces = traces;
    this.enclosed = enclosed;
  }

  static Carried of(Network net, GroundTruth truth) {
    List<Curve> curves = truth.coreCurves().stream().filter(c -> c.closed() && c.vertices().d() == net.inputDim()).toList();
    List<Trace> traces = curves.stream()
        .map(c -> Tracer.trace(net, c.vertices(), new int[c.vertices().n()], Tracer.Options.POINTS_ONLY)).toList();
    int enclosed = truth.enclosed().isEmpty() ? -1 : truth.enclosed().get(0);
    return new Carried(curves, traces, enclosed);
  }

  /** Linking number of the first two curves of different classes, where the stage is 3-D. */
  Optional<Double> linking(int stage) {
    for (int a = 0; a < curves.size(); a++) {
      for (int b = a + 1; b < curves.size(); b++) {
        if (curves.get(a).classIndex() != curves.get(b).classIndex()) {
          Points pa = traces.get(a).stage(stage).points();
          Points pb = traces.get(b).stage(stage).points();
          if (pa.d() != 3) {
            return Optional.empty();
          }
          return Optional.of(Linking.number(Analyst.rows(pa), Analyst.rows(pb)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Winding number of the enclosing class's curve around the carried centre of the curve's
   * input disk (the image of its centroid), where the stage is 2-D.
   */
  Optional<Double> winding(int stage) {
    if (enclosed < 0) {
      return Optional.empty();
    }
    for (int a = 0; a < curves.size(); a++) {
      if (curves.get(a).classIndex() != enclosed) {
        Points loop = traces.get(a).stage(stage).points();
        if (loop.d() != 2) {
          return Optional.empty();
        }
        Points centre = centreTrace(a).stage(stage).points();
        return Optional.of(Winding.number(Analyst.rows(loop), centre.row(0)));
      }
    }
    return Optional.empty();
  }

  private Trace centreTrace(int a) {
    Points v = curves.get(a).vertices();
    double[] c = new double[v.d()];
    for (int i = 0; i < v.n(); i++) {
      for (int j = 0; j < v.d(); j++) {
        c[j] += v.get(i, j) / v.n();
      }
    }
    return Tracer.trace(traces.get(a).network(), Points.of(1, c.length, c), new int[1], Tracer.Options.POINTS_ONLY);
  }
}
