package dev.knead.core.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A RealNVP coupling block (Dinh, Sohl-Dickstein, Bengio, ICLR 2017): the coordinates split into
 * a held half a and a moved half b; y_a = x_a, y_b = x_b ⊙ e^{s(x_a)} + t(x_a), with s and t one
 * small tanh MLP of the held half (additive coupling, NICE: s ≡ 0). The inverse is exact: x_a =
 * y_a, x_b = (y_b − t(y_a)) ⊙ e^{−s(y_a)}, so the block is a homeomorphism of ℝ^d onto itself.
 * Which half is held alternates with {@code odd} (even coordinates held, or odd).
 */
public final class Coupling implements Block {
  private final int dim;
  private final boolean odd;
  private final boolean affine;
  private final Mlp net;
  private final int[] held;
  private final int[] moved;

  /**
   * @param dim d ≥ 2
   * @param odd hold the odd coordinates (1, 3, …) instead of the even ones (0, 2, …)
   * @param affine scale and shift (RealNVP) rather than shift only (NICE)
   * @param net held half → hidden → (s, t) of the moved half (t only when additive)
   */
  public Coupling(int dim, boolean odd, boolean affine, Mlp net) {
    if (dim < 2) {
      throw new IllegalArgumentException("a coupling block needs at least 2 coordinates to split, got " + dim);
    }
    List<Integer> h = new ArrayList<>();
    List<Integer> m = new ArrayList<>();
    for (int j = 0; j < dim; j++) {
      ((j % 2 == 1) == odd ? h : m).add(j);
    }
    held = h.stream().mapToInt(Integer::intValue).toArray();
    moved = m.stream().mapToInt(Integer::intValue).toArray();
    if (net.in() != held.length || net.out() != (affine ? 2 : 1) * moved.length || net.timed()) {
      throw new IllegalArgumentException("the coupling's MLP must map the " + held.length + " held coordinates to "
          + (affine ? 2 : 1) * moved.length + " numbers");
    }
    this.dim = dim;
    this.odd = odd;
    this.affine = affine;
    this.net = net;
  }

  /** The conditioner's shape for a block of this size. */
  public static int heldCount(int dim, boolean odd) {
    return odd ? dim / 2 : (dim + 1) / 2;
  }

  public boolean odd() {
    return odd;
  }

  public boolean affine() {
    return affine;
  }

  public Mlp net() {
    return net;
  }

  @Override
  public int in() {
    return dim;
  }

  @Override
  public int out() {
    return dim;
  }

  @Override
  public int parameterCount() {
    return net.parameterCount();
  }

  @Override
  public void copyParameters(double[] dst, int off) {
    net.copyParameters(dst, off);
  }

  @Override
  public Coupling withParameters(double[] src, int off) {
    return new Coupling(dim, odd, affine, new Mlp(net.in(), net.hidden(), net.out(), false,
        java.util.Arrays.copyOfRange(src, off, off + net.parameterCount())));
  }

  @Override
  public void markWeights(boolean[] mask, int off) {
    net.markWeights(mask, off);
  }

  @Override
  public boolean homeomorphism() {
    return true;
  }

  @Override
  public String label() {
    return (affine ? "coupling " : "additive coupling ") + dim + (odd ? " (odd held)" : " (even held)");
  }

  /** s and t of the held half (s = 0 when additive), each moved × n, and the MLP's hidden layer. */
  private record Conditioner(double[] held, double[] hidden, double[] s, double[] t) {}

  private Conditioner condition(double[] x, int n) {
    final int nh = held.length;
    final int nm = moved.length;
    double[] xa = new double[nh * n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < nh; k++) {
        xa[k * n + i] = x[i * dim + held[k]];
      }
    }
    double[] hid = new double[net.hidden() * n];
    double[] y = new double[net.out() * n];
    net.eval(xa, n, 0, new double[hid.length], hid, y, new double[hid.length]);
    double[] s = affine ? java.util.Arrays.copyOfRange(y, 0, nm * n) : new double[nm * n];
    double[] t = java.util.Arrays.copyOfRange(y, affine ? nm * n : 0, (affine ? 2 : 1) * nm * n);
    return new Conditioner(xa, hid, s, t);
  }

  @Override
  public Pass forward(double[] x, int n) {
    final Conditioner c = condition(x, n);
    final int nm = moved.length;
    final double[] y = x.clone();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < nm; k++) {
        final int j = i * dim + moved[k];
        y[j] = x[j] * Math.exp(c.s[k * n + i]) + c.t[k * n + i];
      }
    }
    return new Pass() {
      @Override
      public double[] output() {
        return y;
      }

      @Override
      public void backward(double[] dy, double[] dx, double[] grad, int off) {
        // ∂L/∂s = dy_b ⊙ x_b ⊙ e^s, ∂L/∂t = dy_b, ∂L/∂x_b = dy_b ⊙ e^s; the MLP passes the rest to x_a
        double[] dnet = new double[net.out() * n];
        double[] dxb = new double[nm * n];
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < nm; k++) {
            final int j = i * dim + moved[k];
            final double e = Math.exp(c.s[k * n + i]);
            if (affine) {
              dnet[k * n + i] = dy[j] * x[j] * e;
              dnet[(nm + k) * n + i] = dy[j];
            } else {
              dnet[k * n + i] = dy[j];
            }
            dxb[k * n + i] = dy[j] * e;
          }
        }
        double[] dxa = dx == null ? null : new double[held.length * n];
        net.vjp(c.held, n, 0, c.hidden, dnet, new double[c.hidden.length], dxa, grad, off);
        if (dx != null) {
          for (int i = 0; i < n; i++) {
            for (int k = 0; k < held.length; k++) {
              dx[i * dim + held[k]] = dy[i * dim + held[k]] + dxa[k * n + i];
            }
            for (int k = 0; k < nm; k++) {
              dx[i * dim + moved[k]] = dxb[k * n + i];
            }
          }
        }
      }
    };
  }

  /** @return x with y = this(x), exactly up to rounding (n × dim, row-major) */
  public double[] inverse(double[] y, int n) {
    final Conditioner c = condition(y, n);
    final double[] x = y.clone();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < moved.length; k++) {
        final int j = i * dim + moved[k];
        x[j] = (y[j] - c.t[k * n + i]) * Math.exp(-c.s[k * n + i]);
      }
    }
    return x;
  }

  /** The two halves: first the moved half scaled (e^s), then shifted (+t); the held half stays. */
  @Override
  public List<Moment> moments(double[] x, int n) {
    final Conditioner c = condition(x, n);
    double[] scaled = x.clone();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < moved.length; k++) {
        final int j = i * dim + moved[k];
        scaled[j] = x[j] * Math.exp(c.s[k * n + i]);
      }
    }
    String half = odd ? "even coordinates" : "odd coordinates";
    List<Moment> out = new ArrayList<>();
    if (affine) {
      out.add(new Moment("coupling · scale the " + half + " by e^s(held half)", dim, scaled));
    }
    out.add(new Moment("coupling · shift the " + half + " by t(held half)", dim, forward(x, n).output()));
    return out;
  }

  @Override
  public int momentCount() {
    return affine ? 2 : 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coupling c && c.dim == dim && c.odd == odd && c.affine == affine && c.net.equals(net);
  }

  @Override
  public int hashCode() {
    return net.hashCode() * 31 + dim;
  }

  @Override
  public String toString() {
    return "Coupling[" + label() + "]";
  }
}
