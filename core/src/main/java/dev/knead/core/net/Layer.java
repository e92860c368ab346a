package dev.knead.core.net;

import java.util.Arrays;

/**
 * One layer: x ↦ σ(W x + b). Rotate and stretch (W), shift (b), bend (σ).
 *
 * @param weights W, out × in
 * @param bias b, length out (copied in and out)
 * @param activation σ
 */
public record Layer(Matrix weights, double[] bias, Activation activation) {

  public Layer {
    bias = bias.clone();
    if (bias.length != weights.rows()) {
      throw new IllegalArgumentException("bias has " + bias.length + " entries for " + weights.rows() + " units");
    }
  }

  @Override
  public double[] bias() {
    return bias.clone();
  }

  public double bias(int i) {
    return bias[i];
  }

  public int in() {
    return weights.cols();
  }

  public int out() {
    return weights.rows();
  }

  /** @return σ(W x + b) for one point x (length in) */
  public double[] apply(double[] x) {
    double[] y = new double[out()];
    for (int i = 0; i < y.length; i++) {
      double s = bias[i];
      for (int j = 0; j < x.length; j++) {
        s += weights.get(i, j) * x[j];
      }
      y[i] = activation.apply(s);
    }
    return y;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Layer l
        && l.weights.equals(weights)
        && Arrays.equals(l.bias, bias)
        && l.activation.equals(activation);
  }

  @Override
  public int hashCode() {
    return weights.hashCode() * 31 + Arrays.hashCode(bias);
  }

  @Override
  public String toString() {
    return "Layer[" + in() + "→" + out() + " " + activation + "]";
  }
}
