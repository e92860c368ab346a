package dev.knead.app.lab;

import dev.knead.core.data.Points;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Domain;
import dev.knead.core.trace.Grid;
import java.util.ArrayList;
import java.util.List;

/**
 * The live view's stages: where the points, the grid and the region samples are after each
 * whole layer (input, every hidden layer's bend, the logits). Each layer is applied with core's
 * own forward pass ({@link Layer#apply}), so these equal the trace's stages of the same index
 * (rotate·stretch·rotate·shift·bend compose to the layer) at a fifth of the cost; the move
 * scrubber reads the full {@link dev.knead.core.trace.Trace}.
 */
final class LayerStages {
  /**
   * @param index the index of the same stage in the full trace
   * @param points n × width
   * @param grid polylines, each m × width
   * @param field region samples, f × width
   */
  record LayerStage(int index, String name, String kind, int layer, Points points, List<Points> grid, Points field) {}

  /**
   * @param stages input, hidden layers, logits
   * @param fieldClasses predicted class of every region sample
   * @param fieldConfidence softmax probability of that class, in [0, 1]
   */
  record Result(List<LayerStage> stages, int[] fieldClasses, double[] fieldConfidence) {}

  private LayerStages() {}

  /** The grid lines the live view draws over the input box (none above 3-D). */
  static List<Points> grid(Domain domain) {
    int d = domain.dim();
    return d > 3 ? List.of() : d == 3 ? Grid.lines(domain, 5, 21) : Grid.lines(domain, 21, 41);
  }

  /** The 40 × 40 region samples (40³ would be too many in 3-D: 12³ there; none above). */
  static Points field(Domain domain) {
    int d = domain.dim();
    return d > 3 ? Points.of(0, d, new double[0]) : Grid.lattice(domain, d == 3 ? 1728 : 1600);
  }

  static Result of(Network net, Points points, List<Points> grid, Points field) {
    List<LayerStage> out = new ArrayList<>();
    out.add(new LayerStage(0, "input", "input", -1, points, grid, field));
    Points p = points;
    Points f = field;
    List<Points> g = grid;
    int depth = net.depth();
    for (int l = 0; l <= depth; l++) {
      Layer layer = net.layer(l);
      p = apply(layer, p);
      f = apply(layer, f);
      List<Points> moved = new ArrayList<>(g.size());
      for (Points line : g) {
        moved.add(apply(layer, line));
      }
      g = moved;
      if (l < depth) {
        out.add(new LayerStage(5 * (l + 1), "layer " + (l + 1) + " · bend (" + layer.activation().label() + ")", "bend", l, p, g, f));
      } else {
        out.add(new LayerStage(5 * depth + 4, "output layer · shift (+b)", "shift", l, p, g, f));
      }
    }
    int k = f.d();
    int[] classes = new int[f.n()];
    double[] confidence = new double[f.n()];
    for (int i = 0; i < f.n(); i++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (f.get(i, j) > f.get(i, best)) {
          best = j;
        }
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(f.get(i, j) - f.get(i, best));
      }
      classes[i] = best;
      confidence[i] = 1 / sum;
    }
    return new Result(out, classes, confidence);
  }

  /** n × in → n × out through one layer (σ(W x + b); the output layer's σ is the identity). */
  private static Points apply(Layer layer, Points x) {
    final int n = x.n();
    final int in = layer.in();
    final int out = layer.out();
    final double[] w = layer.weights().toArray();
    final double[] b = layer.bias();
    final double[] a = x.toArray();
    final double[] y = new double[n * out];
    // the same sum, in the same order, as Layer.apply: b_i + Σ_j W_ij x_j, then σ
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < out; i++) {
        double s = b[i];
        for (int j = 0; j < in; j++) {
          s += w[i * in + j] * a[p * in + j];
        }
        y[p * out + i] = layer.activation().apply(s);
      }
    }
    return Points.of(n, out, y);
  }
}
