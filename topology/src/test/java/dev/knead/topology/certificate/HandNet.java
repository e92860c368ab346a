package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/** A hand-built network for tests: hidden layers σ(Wx + b), then linear logits; the class is the argmax. */
record HandNet(List<double[][]> weights, List<double[]> biases, DoubleUnaryOperator sigma, double low, double high)
    implements Classifier {

  static HandNet tanh(List<double[][]> weights, List<double[]> biases) {
    return new HandNet(weights, biases, Math::tanh, -1, 1);
  }

  static double atanh(double v) {
    return 0.5 * Math.log((1 + v) / (1 - v));
  }

  @Override
  public int classify(double[] x) {
    return from(0, x);
  }

  /** The class of input h given to layer l (0: the network's input). */
  int from(int l, double[] h) {
    double[] a = h;
    for (int k = l; k < weights.size(); k++) {
      final double[][] w = weights.get(k);
      final double[] z = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        z[i] = biases.get(k)[i];
        for (int j = 0; j < a.length; j++) {
          z[i] += w[i][j] * a[j];
        }
        if (k < weights.size() - 1) {
          z[i] = sigma.applyAsDouble(z[i]);
        }
      }
      a = z;
    }
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (a[i] > a[best]) {
        best = i;
      }
    }
    return best;
  }

  Optional<Asymptote> asymptote() {
    return Optional.of(new Asymptote(weights.get(0), biases.get(0), sigma, HandNet::atanh, low, high, h -> from(1, h)));
  }

  /** W·R(−α): the same layer read in coordinates rotated by α. */
  static double[][] rotated(double[][] w, double alpha) {
    final double c = Math.cos(alpha);
    final double s = Math.sin(alpha);
    final List<double[]> rows = new ArrayList<>();
    for (double[] row : w) {
      rows.add(new double[] {row[0] * c - row[1] * s, row[0] * s + row[1] * c});
    }
    return rows.toArray(double[][]::new);
  }
}
