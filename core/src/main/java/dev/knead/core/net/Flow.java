package dev.knead.core.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * A neural ODE block (Chen et al., NeurIPS 2018): dx/dt = f(x, t; θ), f a small tanh MLP,
 * integrated from t = 0 to 1. With dim &gt; in the input is first zero-padded to dim coordinates
 * (an augmented neural ODE, Dupont et al., NeurIPS 2019) and the block hands all dim on; with dim
 * = in it is a homeomorphism of ℝ^dim (a flow map is continuous with a continuous inverse, the
 * flow run backwards), so it cannot change the topology of what it carries.
 *
 * <p>Two integrators: {@link Solver#RK4}, classical Runge–Kutta with a fixed number of steps,
 * its gradient the exact derivative of the discrete solve (backpropagation through the four
 * stages of every step); and {@link Solver#DOPRI}, Hipparchus' adaptive Dormand–Prince 5(4),
 * its gradient by the adjoint method (Chen et al. §2: the state, its adjoint a = ∂L/∂x and
 * ∂L/∂θ integrated back from 1 to 0 together).
 *
 * @see Mlp for the vector field's parameter layout
 */
public final class Flow implements Block {
  /** How the flow is integrated. */
  public enum Solver {
    RK4,
    DOPRI;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Tolerance (absolute and relative) of the adaptive solver. */
  public static final double TOLERANCE = 1e-6;
  /** Stages an adaptive flow shows in a trace (a fixed-step flow shows one per step). */
  public static final int MOMENTS = 8;

  private final int in;
  private final int dim;
  private final int steps;
  private final Solver solver;
  private final Mlp field;
  /** Absolute and relative tolerance of the adaptive solver ({@link #TOLERANCE} unless set). */
  private final double tolerance;

  /**
   * @param in input dimension d
   * @param dim the state's dimension, d + p (p zeros padded)
   * @param steps RK4 steps (ignored by the adaptive solver, kept for its trace)
   * @param field f: dim + time → hidden → dim
   */
  public Flow(int in, int dim, int steps, Solver solver, Mlp field) {
    this(in, dim, steps, solver, field, TOLERANCE);
  }

  /**
   * As {@link #Flow(int, int, int, Solver, Mlp)}, the adaptive solver at the given tolerance
   * (Dupont et al. train at 10⁻³; the run file keeps only the default).
   */
  public Flow(int in, int dim, int steps, Solver solver, Mlp field, double tolerance) {
    if (!(tolerance > 0) || tolerance > 1) {
      throw new IllegalArgumentException("the adaptive solver's tolerance must be in (0, 1], got " + tolerance);
    }
    if (in < 1 || dim < in) {
      throw new IllegalArgumentException("a flow pads " + in + "-D input to at least as many dimensions, got " + dim);
    }
    if (steps < 1 || steps > 10_000) {
      throw new IllegalArgumentException("RK4 steps must be 1 … 10000, got " + steps);
    }
    if (field.in() != dim || field.out() != dim || !field.timed()) {
      throw new IllegalArgumentException("the vector field must map (x, t) in ℝ^" + dim + " to ℝ^" + dim);
    }
    this.in = in;
    this.dim = dim;
    this.steps = steps;
    this.solver = Objects.requireNonNull(solver);
    this.field = field;
    this.tolerance = tolerance;
  }

  @Override
  public int in() {
    return in;
  }

  @Override
  public int out() {
    return dim;
  }

  public int steps() {
    return steps;
  }

  public Solver solver() {
    return solver;
  }

  public Mlp field() {
    return field;
  }

  /** @return the number of zero coordinates padded on (p of ANODE) */
  public int augmented() {
    return dim - in;
  }

  /** @return this flow integrated by another solver (same field) */
  public Flow with(Solver s, int nSteps) {
    return new Flow(in, dim, nSteps, s, field, tolerance);
  }

  /** @return the adaptive solver's tolerance (absolute and relative) */
  public double tolerance() {
    return tolerance;
  }

  /** @return this flow with the adaptive solver at another tolerance (same field) */
  public Flow withTolerance(double tol) {
    return new Flow(in, dim, steps, solver, field, tol);
  }

  @Override
  public int parameterCount() {
    return field.parameterCount();
  }

  @Override
  public void copyParameters(double[] dst, int off) {
    field.copyParameters(dst, off);
  }

  @Override
  public Flow withParameters(double[] src, int off) {
    double[] q = new double[field.parameterCount()];
    System.arraycopy(src, off, q, 0, q.length);
    return new Flow(in, dim, steps, solver, new Mlp(dim, field.hidden(), dim, true, q), tolerance);
  }

  @Override
  public void markWeights(boolean[] mask, int off) {
    field.markWeights(mask, off);
  }

  @Override
  public boolean homeomorphism() {
    return dim == in;
  }

  @Override
  public String label() {
    return dim == in ? "ode " + dim : "ode " + in + "→" + dim + " (augmented)";
  }

  @Override
  public Pass forward(double[] x, int n) {
    double[] u = pad(x, n);
    return solver == Solver.RK4 ? new Rk4Pass(u, n) : new AdjointPass(u, n);
  }

  /** @return the n points zero-padded to dim coordinates, unit-major */
  private double[] pad(double[] x, int n) {
    double[] u = new double[dim * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < in; j++) {
        u[j * n + i] = x[i * in + j];
      }
    }
    return u;
  }

  private static double[] rows(double[] u, int n, int d) {
    double[] x = new double[n * d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        x[i * d + j] = u[j * n + i];
      }
    }
    return x;
  }

  @Override
  public List<Moment> moments(double[] x, int n) {
    List<Moment> out = new ArrayList<>();
    double[] u = pad(x, n);
    if (dim > in) {
      out.add(new Moment("augment (zero-pad " + in + "-D → " + dim + "-D)", dim, rows(u, n, dim)));
    }
    if (solver == Solver.RK4) {
      Evaluator e = new Evaluator(n);
      double h = 1.0 / steps;
      int every = Math.max(1, steps / 16);
      for (int s = 0; s < steps; s++) {
        u = e.step(u, s * h, h);
        if ((s + 1) % every == 0 || s + 1 == steps) {
          out.add(new Moment(String.format(Locale.ROOT, "flow to t = %.3g", (s + 1) * h), dim, rows(u, n, dim)));
        }
      }
    } else {
      double[][] at = dopriMoments(u, n, new long[1]);
      for (int m = 1; m <= MOMENTS; m++) {
        out.add(new Moment(String.format(Locale.ROOT, "flow to t = %.3g", m / (double) MOMENTS), dim, rows(at[m - 1], n, dim)));
      }
    }
    return out;
  }

  /** Scratch for evaluating f on n points. */
  private final class Evaluator {
    final int n;
    final double[] pre;
    final double[] scratch;
    final double[] h;
    final double[] k1;
    final double[] k2;
    final double[] k3;
    final double[] k4;
    final double[] tmp;

    Evaluator(int n) {
      this.n = n;
      pre = new double[field.hidden() * n];
      scratch = new double[field.hidden() * n];
      h = new double[field.hidden() * n];
      k1 = new double[dim * n];
      k2 = new double[dim * n];
      k3 = new double[dim * n];
      k4 = new double[dim * n];
      tmp = new double[dim * n];
    }

    /** One RK4 step from u at t (returns a new array). */
    double[] step(double[] u, double t, double hs) {
      field.eval(u, n, t, pre, h, k1, scratch);
      axpy(u, 0.5 * hs, k1, tmp);
      field.eval(tmp, n, t + 0.5 * hs, pre, h, k2, scratch);
      axpy(u, 0.5 * hs, k2, tmp);
      field.eval(tmp, n, t + 0.5 * hs, pre, h, k3, scratch);
      axpy(u, hs, k3, tmp);
      field.eval(tmp, n, t + hs, pre, h, k4, scratch);
      double[] next = new double[u.length];
      combine(u, hs, k1, k2, k3, k4, next);
      return next;
    }
  }

  /** out = u + a·k */
  private static void axpy(double[] u, double a, double[] k, double[] out) {
    for (int i = 0; i < u.length; i++) {
      out[i] = u[i] + a * k[i];
    }
  }

  /** out = u + h/6 (k1 + 2 k2 + 2 k3 + k4), the RK4 update */
  private static void combine(double[] u, double h, double[] k1, double[] k2, double[] k3, double[] k4, double[] out) {
    final double c = h / 6;
    for (int i = 0; i < u.length; i++) {
      out[i] = u[i] + c * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
  }

  /**
   * RK4 with every stage's input and hidden activations kept: the backward step is the exact
   * vector-Jacobian product of the discrete solve, step by step in reverse.
   */
  private final class Rk4Pass implements Pass {
    final int n;
    /** stage inputs and hidden activations, [4·step + stage] */
    final double[][] inputs;
    final double[][] hiddens;
    final double[] output;

    Rk4Pass(double[] u0, int n) {
      this.n = n;
      final int hn = field.hidden() * n;
      inputs = new double[4 * steps][];
      hiddens = new double[4 * steps][];
      double[] pre = new double[hn];
      double[] scratch = new double[hn];
      double[][] k = new double[4][dim * n];
      final double hs = 1.0 / steps;
      final double[] c = {0, 0.5 * hs, 0.5 * hs, hs};
      double[] u = u0;
      for (int s = 0; s < steps; s++) {
        final double t = s * hs;
        for (int q = 0; q < 4; q++) {
          double[] input = q == 0 ? u : new double[dim * n];
          if (q > 0) {
            axpy(u, c[q], k[q - 1], input);
          }
          double[] hid = new double[hn];
          field.eval(input, n, t + c[q], pre, hid, k[q], scratch);
          inputs[4 * s + q] = input;
          hiddens[4 * s + q] = hid;
        }
        double[] next = new double[dim * n];
        combine(u, hs, k[0], k[1], k[2], k[3], next);
        u = next;
      }
      output = rows(u, n, dim);
    }

    @Override
    public double[] output() {
      return output;
    }

    @Override
    public long evaluations() {
      return 4L * steps;
    }

    @Override
    public void backward(double[] dy, double[] dx, double[] grad, int off) {
      final int dn = dim * n;
      final double hs = 1.0 / steps;
      final double[] c = {0, 0.5 * hs, 0.5 * hs, hs};
      final double[] w = {hs / 6, hs / 3, hs / 3, hs / 6};
      double[] a = new double[dn];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < dim; j++) {
          a[j * n + i] = dy[i * dim + j];
        }
      }
      double[] dk = new double[dn];
      double[] du = new double[dn];
      double[] dh = new double[field.hidden() * n];
      double[] carry = new double[dn];
      for (int s = steps - 1; s >= 0; s--) {
        final double t = s * hs;
        // x_{s+1} = x_s + Σ w_q k_q, k_q = f(x_s + c_q k_{q−1}): walk the stages backwards,
        // carry holding ∂L/∂k_q's share passed down from stage q + 1
        double[] dxs = a.clone();
        java.util.Arrays.fill(carry, 0);
        for (int q = 3; q >= 0; q--) {
          for (int i = 0; i < dn; i++) {
            dk[i] = w[q] * a[i] + carry[i];
          }
          field.vjp(inputs[4 * s + q], n, t + c[q], hiddens[4 * s + q], dk, dh, du, grad, off);
          for (int i = 0; i < dn; i++) {
            dxs[i] += du[i];
          }
          if (q > 0) {
            for (int i = 0; i < dn; i++) {
              carry[i] = c[q] * du[i];
            }
          }
        }
        a = dxs;
      }
      if (dx != null) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < in; j++) {
            dx[i * in + j] = a[j * n + i];
          }
        }
      }
    }
  }

  /**
   * The adaptive solve from 0 to 1 in {@link #MOMENTS} legs (restarting at each t = m/MOMENTS), so
   * that the forward pass and the trace's stages are the same solve, bit for bit.
   *
   * @return the state at t = 1/MOMENTS, …, 1, unit-major
   */
  private double[][] dopriMoments(double[] u0, int n, long[] nfe) {
    double[][] at = new double[MOMENTS][];
    double[] u = u0;
    for (int m = 1; m <= MOMENTS; m++) {
      u = dopri(u, n, (m - 1) / (double) MOMENTS, m / (double) MOMENTS, nfe);
      at[m - 1] = u;
    }
    return at;
  }

  /** dopri from t0 to t1 for n points (unit-major); adds the evaluations to nfe[0]. */
  private double[] dopri(double[] u, int n, double t0, double t1, long[] nfe) {
    Evaluator e = new Evaluator(n);
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return dim * n;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        double[] dydt = new double[y.length];
        field.eval(y, n, t, e.pre, e.h, dydt, e.scratch);
        return dydt;
      }
    };
    DormandPrince54Integrator integrator = new DormandPrince54Integrator(1e-8, 1, tolerance, tolerance);
    double[] end = integrator.integrate(ode, new ODEState(t0, u), t1).getPrimaryState();
    nfe[0] += integrator.getEvaluations();
    return end;
  }

  /** Dormand–Prince forward; the adjoint method backward (Chen et al. 2018, algorithm 1). */
  private final class AdjointPass implements Pass {
    final int n;
    final double[] end;
    final double[] output;
    final long nfe;

    AdjointPass(double[] u0, int n) {
      this.n = n;
      long[] count = new long[1];
      end = dopriMoments(u0, n, count)[MOMENTS - 1];
      nfe = count[0];
      output = rows(end, n, dim);
    }

    @Override
    public double[] output() {
      return output;
    }

    @Override
    public long evaluations() {
      return nfe;
    }

    @Override
    public void backward(double[] dy, double[] dx, double[] grad, int off) {
      final int dn = dim * n;
      final int np = field.parameterCount();
      final int hn = field.hidden() * n;
      double[] s = new double[2 * dn + np];
      System.arraycopy(end, 0, s, 0, dn);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < dim; j++) {
          s[dn + j * n + i] = dy[i * dim + j];
        }
      }
      final double[] pre = new double[hn];
      final double[] h = new double[hn];
      final double[] scratch = new double[hn];
      final double[] dh = new double[hn];
      OrdinaryDifferentialEquation adjoint = new OrdinaryDifferentialEquation() {
        @Override
        public int getDimension() {
          return 2 * dn + np;
        }

        @Override
        public double[] computeDerivatives(double t, double[] z) {
          // [x, a, g]' = [f(x, t), −aᵀ ∂f/∂x, −aᵀ ∂f/∂θ]
          double[] x = java.util.Arrays.copyOfRange(z, 0, dn);
          double[] a = java.util.Arrays.copyOfRange(z, dn, 2 * dn);
          double[] d = new double[z.length];
          double[] fx = new double[dn];
          field.eval(x, n, t, pre, h, fx, scratch);
          System.arraycopy(fx, 0, d, 0, dn);
          double[] ax = new double[dn];
          double[] g = new double[np];
          field.vjp(x, n, t, h, a, dh, ax, g, 0);
          for (int i = 0; i < dn; i++) {
            d[dn + i] = -ax[i];
          }
          for (int i = 0; i < np; i++) {
            d[2 * dn + i] = -g[i];
          }
          return d;
        }
      };
      DormandPrince54Integrator integrator = new DormandPrince54Integrator(1e-8, 1, tolerance, tolerance);
      double[] z0 = integrator.integrate(adjoint, new ODEState(1, s), 0).getPrimaryState();
      for (int i = 0; i < np; i++) {
        grad[off + i] += z0[2 * dn + i];
      }
      if (dx != null) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < in; j++) {
            dx[i * in + j] = z0[dn + j * n + i];
          }
        }
      }
    }
  }

  /**
   * Vector-field evaluations of one adaptive Dormand–Prince solve of the n points, as one system,
   * from t = 0 to 1 at this flow's tolerance: the count Dupont et al. report (torchdiffeq's dopri5
   * over [0, 1] for a batch). The forward pass of a DOPRI flow instead restarts at every trace
   * stage t = m/{@value #MOMENTS}, which puts a floor under its count.
   *
   * @param x n × in, row-major
   */
  public long solveEvaluations(double[] x, int n) {
    long[] nfe = new long[1];
    dopri(pad(x, n), n, 0, 1, nfe);
    return nfe[0];
  }

  /** Newton iterations per RK4 step of {@link #inverse}. */
  static final int NEWTON_ITERATIONS = 40;

  /**
   * The points this flow carries to y: the inverse of the map its forward pass computes (a flow
   * of the plane is a homeomorphism; the map run backwards undoes it). RK4: each step of the
   * discrete solve inverted by Newton's method, started from one RK4 step backwards, the step's
   * Jacobian by central differences, so that the forward pass of the result gives y back to
   * rounding wherever the discrete step is one-to-one; a point where Newton does not settle
   * comes back NaN. DOPRI: the flow integrated backwards, leg by leg, at the solver's tolerance
   * (an approximation of the order of the forward solve's own error).
   *
   * @param y n × dim, row-major
   * @return n × dim, row-major
   */
  public double[] inverse(double[] y, int n) {
    if (dim != in) {
      throw new IllegalStateException("an augmented flow (" + label() + ") has no inverse on ℝ^" + dim
          + ": its inputs fill only the zero-padded subspace");
    }
    double[] u = pad(y, n);
    if (solver == Solver.RK4) {
      Evaluator e = new Evaluator(n);
      final double h = 1.0 / steps;
      for (int s = steps - 1; s >= 0; s--) {
        u = unstep(e, u, s * h, h, n);
      }
    } else {
      for (int m = MOMENTS; m >= 1; m--) {
        u = dopri(u, n, m / (double) MOMENTS, (m - 1) / (double) MOMENTS, new long[1]);
      }
    }
    return rows(u, n, dim);
  }

  /** The v with step(v, t, h) = target for each of the n points (unit-major), by Newton; NaN where it fails. */
  private double[] unstep(Evaluator e, double[] target, double t, double h, int n) {
    double[] v = e.step(target, t + h, -h);
    boolean[] done = new boolean[n];
    double[][] jac = new double[dim][];
    double[] delta = new double[n];
    double[] a = new double[dim * dim];
    double[] r = new double[dim];
    for (int it = 0; it < NEWTON_ITERATIONS; it++) {
      double[] res = e.step(v, t, h);
      boolean all = true;
      for (int i = 0; i < n; i++) {
        if (done[i]) {
          continue;
        }
        double err = 0;
        double scale = 1;
        for (int j = 0; j < dim; j++) {
          err = Math.max(err, Math.abs(res[j * n + i] - target[j * n + i]));
          scale = Math.max(scale, Math.abs(target[j * n + i]));
        }
        // the step's own rounding is a few ulps of the state: closer than that cannot be asked
        done[i] = err <= 1e-14 * scale;
        all &= done[i];
      }
      if (all) {
        return v;
      }
      for (int j = 0; j < dim; j++) {
        double[] vp = v.clone();
        double[] vm = v.clone();
        for (int i = 0; i < n; i++) {
          delta[i] = 1e-6 * (1 + Math.abs(v[j * n + i]));
          vp[j * n + i] += delta[i];
          vm[j * n + i] -= delta[i];
        }
        double[] fp = e.step(vp, t, h);
        double[] fm = e.step(vm, t, h);
        for (int q = 0; q < fp.length; q++) {
          fp[q] = (fp[q] - fm[q]) / (2 * delta[q % n]);
        }
        jac[j] = fp;
      }
      for (int i = 0; i < n; i++) {
        if (done[i]) {
          continue;
        }
        for (int k = 0; k < dim; k++) {
          r[k] = res[k * n + i] - target[k * n + i];
          for (int j = 0; j < dim; j++) {
            a[k * dim + j] = jac[j][k * n + i];
          }
        }
        if (!solve(a, r, dim)) {
          for (int k = 0; k < dim; k++) {
            v[k * n + i] = Double.NaN;
          }
          done[i] = true;
          continue;
        }
        double move = 0;
        double scale = 1;
        for (int k = 0; k < dim; k++) {
          v[k * n + i] -= r[k];
          move = Math.max(move, Math.abs(r[k]));
          scale = Math.max(scale, Math.abs(v[k * n + i]));
        }
        // an update below rounding: Newton has settled as far as doubles go
        done[i] = move <= 1e-15 * scale;
      }
    }
    // what did not settle to rounding: kept when the residual is small, NaN otherwise
    double[] res = e.step(v, t, h);
    for (int i = 0; i < n; i++) {
      double err = 0;
      double scale = 1;
      for (int j = 0; j < dim; j++) {
        err = Math.max(err, Math.abs(res[j * n + i] - target[j * n + i]));
        scale = Math.max(scale, Math.abs(target[j * n + i]));
      }
      if (!(err <= 1e-10 * scale)) {
        for (int j = 0; j < dim; j++) {
          v[j * n + i] = Double.NaN;
        }
      }
    }
    return v;
  }

  /** Solves a x = b in place (b becomes x) by Gaussian elimination with partial pivoting; false when singular. */
  private static boolean solve(double[] a, double[] b, int d) {
    for (int c = 0; c < d; c++) {
      int p = c;
      for (int r = c + 1; r < d; r++) {
        if (Math.abs(a[r * d + c]) > Math.abs(a[p * d + c])) {
          p = r;
        }
      }
      if (!(Math.abs(a[p * d + c]) > 0)) {
        return false;
      }
      if (p != c) {
        for (int j = 0; j < d; j++) {
          double tmp = a[c * d + j];
          a[c * d + j] = a[p * d + j];
          a[p * d + j] = tmp;
        }
        double tmp = b[c];
        b[c] = b[p];
        b[p] = tmp;
      }
      for (int r = c + 1; r < d; r++) {
        double f = a[r * d + c] / a[c * d + c];
        for (int j = c; j < d; j++) {
          a[r * d + j] -= f * a[c * d + j];
        }
        b[r] -= f * b[c];
      }
    }
    for (int c = d - 1; c >= 0; c--) {
      double s = b[c];
      for (int j = c + 1; j < d; j++) {
        s -= a[c * d + j] * b[j];
      }
      b[c] = s / a[c * d + c];
    }
    return true;
  }

  @Override
  public int momentCount() {
    int every = Math.max(1, steps / 16);
    int flowStages = solver == Solver.RK4 ? steps / every + (steps % every == 0 ? 0 : 1) : MOMENTS;
    return (dim > in ? 1 : 0) + flowStages;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Flow f && f.in == in && f.dim == dim && f.steps == steps && f.solver == solver && f.field.equals(field)
        && f.tolerance == tolerance;
  }

  @Override
  public int hashCode() {
    return field.hashCode() * 31 + dim;
  }

  @Override
  public String toString() {
    return "Flow[" + label() + ", " + field.hidden() + " hidden, " + solver.label() + (solver == Solver.RK4 ? "×" + steps : "") + "]";
  }
}
