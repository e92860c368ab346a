package dev.knead.core.net;

import dev.knead.core.data.Points;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A feed-forward network: hidden layers that knead space, then an output layer (identity σ)
 * whose k outputs are the logits the loss reads. Immutable; training returns a new one.
 *
 * @param layers hidden layers followed by the output layer; at least the output layer
 */
public record Network(List<Layer> layers) {

  public Network {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least its output layer");
    }
    for (int l = 1; l < layers.size(); l++) {
      if (layers.get(l).in() != layers.get(l - 1).out()) {
        throw new IllegalArgumentException(
            "layer " + (l + 1) + " takes " + layers.get(l).in() + " inputs but layer " + l + " gives " + layers.get(l - 1).out());
      }
    }
  }

  public int inputDim() {
    return layers.get(0).in();
  }

  /** @return k, the number of outputs (classes) */
  public int classes() {
    return layers.get(layers.size() - 1).out();
  }

  /** @return the number of hidden layers (the depth, in bends) */
  public int depth() {
    return layers.size() - 1;
  }

  public Layer layer(int l) {
    return layers.get(l);
  }

  /** @return widths of the hidden layers */
  public List<Integer> hiddenWidths() {
    return layers.subList(0, layers.size() - 1).stream().map(Layer::out).toList();
  }

  /** @return the total number of weights and biases */
  public int parameterCount() {
    return layers.stream().mapToInt(l -> l.in() * l.out() + l.out()).sum();
  }

  /** @return the logits for one point x (length inputDim) */
  public double[] logits(double[] x) {
    double[] a = x;
    for (Layer layer : layers) {
      a = layer.apply(a);
    }
    return a;
  }

  /** @return the index of the largest logit */
  public int predict(double[] x) {
    return argmax(logits(x));
  }

  /** @return logits of every point, n × k */
  public Points logits(Points x) {
    double[] out = new double[x.n() * classes()];
    for (int i = 0; i < x.n(); i++) {
      System.arraycopy(logits(x.row(i)), 0, out, i * classes(), classes());
    }
    return Points.of(x.n(), classes(), out);
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

  /** e.g. {@code 2-3-2 tanh} or {@code 2-8-4-2 tanh,relu}: sizes, then hidden activations. */
  public String describe() {
    String sizes = inputDim() + "-" + layers.stream().map(l -> String.valueOf(l.out())).collect(Collectors.joining("-"));
    List<String> acts = layers.subList(0, layers.size() - 1).stream().map(l -> l.activation().label()).toList();
    if (acts.isEmpty()) {
      return sizes + " linear";
    }
    return sizes + " " + (acts.stream().distinct().count() == 1 ? acts.get(0) : String.join(",", acts));
  }
}
