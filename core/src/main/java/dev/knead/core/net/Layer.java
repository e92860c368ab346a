package dev.knead.core.net;

import java.util.Arrays;
import java.util.List;

/**
 * One dense layer: x ↦ σ(W x + b). Rotate and stretch (W), shift (b), bend (σ). The
 * {@link Block} every network had before the other kinds; networks of dense layers only train
 * on the fast kernels ({@code Workspace}), the {@link Block} methods here serve mixed networks.
 *
 * @param weights W, out × in
 * @param bias b, length out (copied in and out)
 * @param activation σ
 */
public record Layer(Matrix weights, double[] bias, Activation activation) implements Block {

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
  public int parameterCount() {
    return in() * out() + out();
  }

  /** W (row-major) then b, as the dense workspace lays them out. */
  @Override
  public void copyParameters(double[] dst, int off) {
    double[] w = weights.toArray();
    System.arraycopy(w, 0, dst, off, w.length);
    System.arraycopy(bias, 0, dst, off + w.length, bias.length);
  }

  @Override
  public Layer withParameters(double[] src, int off) {
    double[] w = Arrays.copyOfRange(src, off, off + in() * out());
    double[] b = Arrays.copyOfRange(src, off + in() * out(), off + parameterCount());
    return new Layer(Matrix.of(out(), in(), w), b, activation);
  }

  @Override
  public void markWeights(boolean[] mask, int off) {
    Arrays.fill(mask, off, off + in() * out(), true);
  }

  /** Square, invertible W and a σ with a continuous inverse on its image: a homeomorphism onto the image. */
  @Override
  public boolean homeomorphism() {
    if (in() != out() || !activation.isHomeomorphismOntoImage()) {
      return false;
    }
    org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(out(), in(), true, weights.toArray());
    return Math.abs(org.ejml.dense.row.CommonOps_DDRM.det(m)) > 1e-12;
  }

  @Override
  public String label() {
    return "dense " + in() + "→" + out() + " " + activation.label();
  }

  @Override
  public List<Moment> moments(double[] x, int n) {
    return List.of(new Moment("dense · σ(W x + b)", out(), forward(x, n).output()));
  }

  @Override
  public Pass forward(double[] x, int n) {
    final int in = in();
    final int out = out();
    final double[] p = new double[parameterCount()];
    copyParameters(p, 0);
    final double[] z = new double[n * out];
    Kernels.affine(x, n, in, p, 0, out * in, out, z);
    final double[] a = new double[n * out];
    for (int i = 0; i < a.length; i++) {
      a[i] = activation.apply(z[i]);
    }
    return new Pass() {
      @Override
      public double[] output() {
        return a;
      }

      @Override
      public void backward(double[] dy, double[] dx, double[] grad, int off) {
        double[] dz = new double[n * out];
        for (int i = 0; i < dz.length; i++) {
          dz[i] = dy[i] * activation.derivative(z[i], a[i]);
        }
        double[] g = new double[p.length];
        Kernels.weightGradient(dz, x, n, in, out, g, 0, out * in);
        for (int i = 0; i < g.length; i++) {
          grad[off + i] += g[i];
        }
        if (dx != null) {
          Kernels.inputGradient(dz, n, in, out, p, 0, dx);
        }
      }
    };
  }

  @Override
  public int momentCount() {
    return 1;
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
