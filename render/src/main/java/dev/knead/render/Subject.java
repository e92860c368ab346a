package dev.knead.render;

import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Grid;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.render.view.Cut;
import java.util.List;

/**
 * What a figure is about: a trace, the names of its classes and a one-line description (e.g.
 * "2-3-2 tanh on disk-annulus").
 */
public record Subject(Trace trace, List<String> classNames, String description) {
  public Subject {
    classNames = List.copyOf(classNames);
  }

  /** @return the side of the region-sample lattice when the input is 2-D, else 0 */
  public int fieldSide() {
    int inDim = trace.network().inputDim();
    int count = trace.fieldClasses().length;
    int side = inDim == 2 ? Grid.latticeSide(2, count) : 0;
    return side * side == count ? side : 0;
  }

  /**
   * The output layer's decision boundary where it is a line or plane in a stage's own
   * coordinates: in the space the output layer reads (the last hidden bend, or the input of a
   * network without hidden layers) and in the logits, for two classes and stages up to 3-D.
   *
   * @return the cut, or null
   */
  public Cut cut(Stage s) {
    Network net = trace.network();
    if (net.classes() != 2 || s.dim() > 3) {
      return null;
    }
    int last = net.blocks().size() - 1;
    if (s == trace.logits() || s.index() == trace.logits().index()) {
      return new Cut(new double[] {1, -1, 0}, 0);
    }
    // the stage the output layer reads (the last hidden block's end); a k-NN read-out draws no line
    boolean feeds = (last == 0 && s.kind() == Stage.Kind.INPUT) || (last > 0 && s.index() == Trace.layerEnds(net)[last]);
    if (!feeds || !(net.block(last) instanceof Layer out)) {
      return null;
    }
    double[] n = new double[3];
    for (int j = 0; j < out.in(); j++) {
      n[j] = out.weights().get(0, j) - out.weights().get(1, j);
    }
    return new Cut(n, out.bias(0) - out.bias(1));
  }

  /** @return for two classes, p₀ − p₁ of every region sample (from the output stage); else null */
  public double[] fieldMargin() {
    if (trace.network().classes() != 2) {
      return null;
    }
    dev.knead.core.data.Points probs = trace.stage(trace.size() - 1).field();
    double[] m = new double[probs.n()];
    for (int i = 0; i < m.length; i++) {
      m[i] = probs.get(i, 0) - probs.get(i, 1);
    }
    return m;
  }

  /** @return the class names for k classes, numbering any the data did not name */
  public String className(int c) {
    return c < classNames.size() ? classNames.get(c) : "class " + c;
  }
}
