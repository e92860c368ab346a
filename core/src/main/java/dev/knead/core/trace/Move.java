package dev.knead.core.trace;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Matrix;

/**
 * One of the three things a layer does to space, as a path: {@code apply(x, t)} moves points
 * continuously from where they were (t = 0) to the next stage (t = 1).
 */
public sealed interface Move permits Move.Rotate, Move.Stretch, Move.Shift, Move.Bend {

  /** @return the dimension of the points this move starts from */
  int dimIn();

  /** @return the dimension of the points at position t (the stretch may change it) */
  int dimAt(double t);

  /**
   * @param x n × dimIn() points
   * @param t position in [0, 1]
   * @return n × dimAt(t) points
   */
  double[] apply(double[] x, int n, double t);

  /** @return a short name for captions: rotate, stretch, shift, bend */
  String verb();

  /**
   * Turn by a rotation R ∈ SO(n) along the geodesic exp(t log R). The log is found once, when
   * a position inside the move is first asked for.
   */
  final class Rotate implements Move {
    private final Matrix r;
    private volatile double[] log;

    Rotate(Matrix r) {
      this.r = r;
    }

    private double[] logarithm() {
      double[] l = log;
      if (l == null) {
        l = Rotations.log(r.toArray(), r.rows());
        log = l;
      }
      return l;
    }

    @Override
    public int dimIn() {
      return r.cols();
    }

    @Override
    public int dimAt(double t) {
      return r.rows();
    }

    @Override
    public double[] apply(double[] x, int n, double t) {
      int d = r.rows();
      double[] m;
      if (t >= 1) {
        m = r.toArray(); // the exact endpoint, so stages compose to the forward pass
      } else if (t <= 0 || d < 2) {
        m = Rotations.identity(d);
      } else {
        double[] a = logarithm().clone();
        for (int i = 0; i < a.length; i++) {
          a[i] *= t;
        }
        m = Rotations.exp(a, d);
      }
      return Tracer.multiplyRows(x, n, d, m, d);
    }

    @Override
    public String verb() {
      return "rotate";
    }
  }

  /**
   * Scale axis i by σᵢ, going from dimension in to out: coordinates past min(in, out) are born
   * at 0 (out &gt; in) or shrink to 0 and are dropped at t = 1 (out &lt; in). Linear in t, so a
   * negative σ (a reflection) passes through 0.
   *
   * @param sigma signed singular values, min(in, out) of them
   */
  record Stretch(double[] sigma, int in, int out) implements Move {
    public Stretch {
      sigma = sigma.clone();
    }

    @Override
    public double[] sigma() {
      return sigma.clone();
    }

    @Override
    public int dimIn() {
      return in;
    }

    @Override
    public int dimAt(double t) {
      return t >= 1 ? out : Math.max(in, out);
    }

    @Override
    public double[] apply(double[] x, int n, double t) {
      int m = dimAt(t);
      double[] y = new double[n * m];
      int k = Math.min(in, out);
      for (int p = 0; p < n; p++) {
        for (int i = 0; i < Math.min(in, m); i++) {
          double f = i < k ? 1 + t * (sigma[i] - 1) : 1 - t; // extra input axes fade to 0
          y[p * m + i] = (t >= 1 && i < k ? sigma[i] : f) * x[p * in + i];
        }
      }
      return y;
    }

    @Override
    public String verb() {
      return "stretch";
    }
  }

  /** Translate by t · b. */
  record Shift(double[] b) implements Move {
    public Shift {
      b = b.clone();
    }

    @Override
    public double[] b() {
      return b.clone();
    }

    @Override
    public int dimIn() {
      return b.length;
    }

    @Override
    public int dimAt(double t) {
      return b.length;
    }

    @Override
    public double[] apply(double[] x, int n, double t) {
      int d = b.length;
      double[] y = new double[n * d];
      for (int p = 0; p < n; p++) {
        for (int i = 0; i < d; i++) {
          y[p * d + i] = x[p * d + i] + (t >= 1 ? b[i] : t * b[i]);
        }
      }
      return y;
    }

    @Override
    public String verb() {
      return "shift";
    }
  }

  /**
   * Bend every coordinate: (1 − t) x + t σ(x), strictly increasing in x for every t when σ is
   * (Olah's isotopy argument).
   */
  record Bend(Activation activation, int dim) implements Move {
    @Override
    public int dimIn() {
      return dim;
    }

    @Override
    public int dimAt(double t) {
      return dim;
    }

    @Override
    public double[] apply(double[] x, int n, double t) {
      double[] y = new double[n * dim];
      for (int i = 0; i < y.length; i++) {
        double s = activation.apply(x[i]);
        y[i] = t >= 1 ? s : (1 - t) * x[i] + t * s;
      }
      return y;
    }

    @Override
    public String verb() {
      return "bend";
    }
  }
}
