package dev.knead.core.net;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A soft k-nearest-neighbour read-out (Olah 2014's closing proposal; the differentiable form of
 * Goldberger et al.'s neighbourhood components): m prototypes p_j with values v_j; a point reads
 * y = Σ_j w_j v_j with w = softmax_j(−‖x − p_j‖² / τ). Nothing is bent or folded: the decision
 * regions are cells around prototypes, bounded when the prototypes surround them, so this block
 * is not bound by the width theorems (it is not a homeomorphism). Prototypes and values both
 * train; they start at training points and their one-hot labels ({@link #seeded}).
 *
 * <p>Parameter layout: P (m × in, row-major) then V (m × out).
 */
public final class Prototypes implements Block {
  private final int in;
  private final int out;
  private final int m;
  private final double tau;
  private final double[] p;
  private final double[] v;

  /**
   * @param prototypes m × in, row-major
   * @param values m × out, row-major
   * @param tau temperature τ &gt; 0 (squared distance units)
   */
  public Prototypes(int in, int out, int m, double tau, double[] prototypes, double[] values) {
    if (in < 1 || out < 1 || m < 1) {
      throw new IllegalArgumentException("k-NN needs positive sizes, got in " + in + ", out " + out + ", " + m + " prototypes");
    }
    if (!(tau > 0) || !Double.isFinite(tau)) {
      throw new IllegalArgumentException("k-NN temperature must be positive, got " + tau);
    }
    if (prototypes.length != m * in || values.length != m * out) {
      throw new IllegalArgumentException("k-NN with " + m + " prototypes needs " + m * in + " coordinates and " + m * out + " values");
    }
    this.in = in;
    this.out = out;
    this.m = m;
    this.tau = tau;
    this.p = prototypes.clone();
    this.v = values.clone();
  }

  /** Random prototypes in [−1, 1]^in with small random values (before data are seen). */
  public static Prototypes random(int in, int out, int m, double tau, RandomGenerator rng) {
    double[] p = new double[m * in];
    double[] v = new double[m * out];
    for (int i = 0; i < p.length; i++) {
      p[i] = 2 * rng.nextDouble() - 1;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = 0.1 * (2 * rng.nextDouble() - 1);
    }
    return new Prototypes(in, out, m, tau, p, v);
  }

  /**
   * Training-set prototypes: m points drawn without replacement (seeded), each valued by its
   * one-hot label when out is the number of classes (else the values stay as they are).
   *
   * @param x n × in, where the block's input is (the data carried through the blocks before it)
   */
  public Prototypes seeded(double[] x, int[] labels, int n, RandomGenerator rng) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    double[] q = p.clone();
    double[] w = v.clone();
    for (int j = 0; j < Math.min(m, n); j++) {
      int k = j + rng.nextInt(n - j);
      int t = idx[j];
      idx[j] = idx[k];
      idx[k] = t;
      System.arraycopy(x, idx[j] * in, q, j * in, in);
      if (labels[idx[j]] < out) {
        Arrays.fill(w, j * out, (j + 1) * out, 0);
        w[j * out + labels[idx[j]]] = 1;
      }
    }
    return new Prototypes(in, out, m, tau, q, w);
  }

  public int count() {
    return m;
  }

  public double temperature() {
    return tau;
  }

  /** @return the prototypes, m × in */
  public double[] prototypes() {
    return p.clone();
  }

  /** @return the values, m × out */
  public double[] values() {
    return v.clone();
  }

  @Override
  public int in() {
    return in;
  }

  @Override
  public int out() {
    return out;
  }

  @Override
  public int parameterCount() {
    return p.length + v.length;
  }

  @Override
  public void copyParameters(double[] dst, int off) {
    System.arraycopy(p, 0, dst, off, p.length);
    System.arraycopy(v, 0, dst, off + p.length, v.length);
  }

  @Override
  public Prototypes withParameters(double[] src, int off) {
    return new Prototypes(in, out, m, tau, Arrays.copyOfRange(src, off, off + p.length),
        Arrays.copyOfRange(src, off + p.length, off + p.length + v.length));
  }

  /** The values are weights (penalised); the prototypes are positions. */
  @Override
  public void markWeights(boolean[] mask, int off) {
    Arrays.fill(mask, off + p.length, off + p.length + v.length, true);
  }

  @Override
  public boolean homeomorphism() {
    return false;
  }

  @Override
  public String label() {
    return "k-NN " + in + "→" + out + " (" + m + " prototypes, τ " + tau + ")";
  }

  /**
   * @param w receives the softmax weights, n × m
   * @return y, n × out
   */
  private double[] read(double[] x, int n, double[] w) {
    double[] y = new double[n * out];
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        double d2 = 0;
        for (int c = 0; c < in; c++) {
          double e = x[i * in + c] - p[j * in + c];
          d2 += e * e;
        }
        w[i * m + j] = -d2 / tau;
        max = Math.max(max, w[i * m + j]);
      }
      double sum = 0;
      for (int j = 0; j < m; j++) {
        w[i * m + j] = Math.exp(w[i * m + j] - max);
        sum += w[i * m + j];
      }
      for (int j = 0; j < m; j++) {
        w[i * m + j] /= sum;
        for (int k = 0; k < out; k++) {
          y[i * out + k] += w[i * m + j] * v[j * out + k];
        }
      }
    }
    return y;
  }

  @Override
  public Pass forward(double[] x, int n) {
    final double[] w = new double[n * m];
    final double[] y = read(x, n, w);
    return new Pass() {
      @Override
      public double[] output() {
        return y;
      }

      @Override
      public void backward(double[] dy, double[] dx, double[] grad, int off) {
        // g_j = v_j · dy; ∂L/∂s_j = w_j (g_j − Σ w g); s_j = −‖x − p_j‖²/τ
        final int vo = off + p.length;
        double[] ds = new double[m];
        if (dx != null) {
          Arrays.fill(dx, 0, n * in, 0);
        }
        for (int i = 0; i < n; i++) {
          double mean = 0;
          for (int j = 0; j < m; j++) {
            double gj = 0;
            for (int k = 0; k < out; k++) {
              gj += v[j * out + k] * dy[i * out + k];
              grad[vo + j * out + k] += w[i * m + j] * dy[i * out + k];
            }
            ds[j] = gj;
            mean += w[i * m + j] * gj;
          }
          for (int j = 0; j < m; j++) {
            final double dsj = w[i * m + j] * (ds[j] - mean);
            for (int c = 0; c < in; c++) {
              final double e = 2 * (x[i * in + c] - p[j * in + c]) / tau;
              grad[off + j * in + c] += dsj * e;
              if (dx != null) {
                dx[i * in + c] -= dsj * e;
              }
            }
          }
        }
      }
    };
  }

  /** One stage: the read-out itself (the prototypes are {@link #prototypes()}, drawn by the figures). */
  @Override
  public List<Moment> moments(double[] x, int n) {
    return List.of(new Moment("k-NN · read " + m + " prototypes (softmax of −distance²/τ)", out, forward(x, n).output()));
  }

  @Override
  public int momentCount() {
    return 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prototypes q && q.in == in && q.out == out && q.tau == tau && Arrays.equals(q.p, p) && Arrays.equals(q.v, v);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(p) * 31 + Arrays.hashCode(v);
  }

  @Override
  public String toString() {
    return "Prototypes[" + label() + "]";
  }
}
