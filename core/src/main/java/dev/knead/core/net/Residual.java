package dev.knead.core.net;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * An invertible residual block (Behrmann et al., i-ResNet, ICML 2019): y = x + g(x), g = W₂
 * tanh(W₁ x + b₁) + b₂ with each weight matrix spectrally normalised, W = V · min(1, √c / ‖V‖₂),
 * so Lip(g) ≤ ‖W₂‖‖W₁‖ ≤ c &lt; 1. Then x ↦ x + g(x) is a homeomorphism of ℝ^d onto itself and
 * its inverse is the limit of the contraction x ← y − g(x) (Banach). The parameters are the raw
 * V's; the gradient passes through the normalisation (∂‖V‖₂/∂V = u vᵀ, the top singular pair).
 */
public final class Residual implements Block {
  /** The Lipschitz bound c of g. */
  public static final double LIPSCHITZ = 0.9;
  /** Fixed-point iterations the inverse may take (c^400 ≈ 5e-19). */
  static final int MAX_ITERATIONS = 400;

  private final int dim;
  private final Mlp raw;
  private final Mlp g;
  /** Per weight matrix: the scale applied, and the top singular pair when it binds. */
  private final Norm first;
  private final Norm second;

  private record Norm(double scale, double sigma, double[] u, double[] v) {}

  public Residual(int dim, Mlp raw) {
    if (raw.in() != dim || raw.out() != dim || raw.timed()) {
      throw new IllegalArgumentException("the residual branch must map ℝ^" + dim + " to ℝ^" + dim);
    }
    this.dim = dim;
    this.raw = raw;
    double[] p = raw.parameters();
    first = norm(p, raw.firstWeights(), raw.hidden(), dim);
    second = norm(p, raw.secondWeights(), dim, raw.hidden());
    scale(p, raw.firstWeights(), raw.hidden() * dim, first.scale);
    scale(p, raw.secondWeights(), dim * raw.hidden(), second.scale);
    g = new Mlp(dim, raw.hidden(), dim, false, p);
  }

  private static void scale(double[] p, int off, int len, double s) {
    for (int i = off; i < off + len; i++) {
      p[i] *= s;
    }
  }

  /** ‖V‖₂ of the rows × cols block at off, and the scale min(1, √c/‖V‖₂). */
  private static Norm norm(double[] p, int off, int rows, int cols) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols, true, java.util.Arrays.copyOfRange(p, off, off + rows * cols));
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, false);
    if (!svd.decompose(m)) {
      throw new IllegalStateException("SVD failed for a " + rows + " × " + cols + " weight matrix");
    }
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj w = svd.getW(null);
    DMatrixRMaj v = svd.getV(null, false);
    SingularOps_DDRM.descendingOrder(u, false, w, v, false);
    double sigma = w.get(0, 0);
    double k = Math.sqrt(LIPSCHITZ);
    if (sigma <= k) {
      return new Norm(1, sigma, null, null);
    }
    double[] uu = new double[rows];
    double[] vv = new double[cols];
    for (int i = 0; i < rows; i++) {
      uu[i] = u.get(i, 0);
    }
    for (int j = 0; j < cols; j++) {
      vv[j] = v.get(j, 0);
    }
    return new Norm(k / sigma, sigma, uu, vv);
  }

  public Mlp raw() {
    return raw;
  }

  /** @return the normalised branch g actually applied */
  public Mlp branch() {
    return g;
  }

  /** @return an upper bound of Lip(g): the product of the two normalised spectral norms */
  public double lipschitzBound() {
    return first.sigma * first.scale * second.sigma * second.scale;
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
    return raw.parameterCount();
  }

  @Override
  public void copyParameters(double[] dst, int off) {
    raw.copyParameters(dst, off);
  }

  @Override
  public Residual withParameters(double[] src, int off) {
    return new Residual(dim, new Mlp(dim, raw.hidden(), dim, false, java.util.Arrays.copyOfRange(src, off, off + raw.parameterCount())));
  }

  @Override
  public void markWeights(boolean[] mask, int off) {
    raw.markWeights(mask, off);
  }

  @Override
  public boolean homeomorphism() {
    return true;
  }

  @Override
  public String label() {
    return "residual " + dim + " (Lip g ≤ " + LIPSCHITZ + ")";
  }

  private static double[] units(double[] x, int n, int d) {
    double[] u = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        u[j * n + i] = x[i * d + j];
      }
    }
    return u;
  }

  @Override
  public Pass forward(double[] x, int n) {
    final double[] xu = units(x, n, dim);
    final int hn = g.hidden() * n;
    final double[] h = new double[hn];
    final double[] gy = new double[dim * n];
    g.eval(xu, n, 0, new double[hn], h, gy, new double[hn]);
    final double[] y = x.clone();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        y[i * dim + j] += gy[j * n + i];
      }
    }
    return new Pass() {
      @Override
      public double[] output() {
        return y;
      }

      @Override
      public void backward(double[] dy, double[] dx, double[] grad, int off) {
        double[] dyu = units(dy, n, dim);
        double[] ge = new double[g.parameterCount()];
        double[] dxu = dx == null ? null : new double[dim * n];
        g.vjp(xu, n, 0, h, dyu, new double[hn], dxu, ge, 0);
        // through W = s(V)·V: ∂L/∂V = s·G − (√c/σ²)·⟨G, V⟩·u vᵀ when the bound binds (s = √c/σ)
        double[] p = raw.parameters();
        chain(ge, p, raw.firstWeights(), g.hidden(), dim, first);
        chain(ge, p, raw.secondWeights(), dim, g.hidden(), second);
        for (int i = 0; i < ge.length; i++) {
          grad[off + i] += ge[i];
        }
        if (dx != null) {
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
              dx[i * dim + j] = dy[i * dim + j] + dxu[j * n + i];
            }
          }
        }
      }
    };
  }

  private static void chain(double[] ge, double[] v, int off, int rows, int cols, Norm nm) {
    if (nm.u == null) {
      return;
    }
    double inner = 0;
    for (int i = 0; i < rows * cols; i++) {
      inner += ge[off + i] * v[off + i];
    }
    final double ds = -nm.scale / nm.sigma;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        final int i = off + r * cols + c;
        ge[i] = nm.scale * ge[i] + ds * inner * nm.u[r] * nm.v[c];
      }
    }
  }

  /**
   * The inverse by fixed-point iteration x ← y − g(x) from x = y, until a step moves no
   * coordinate by more than tol (it contracts by c per iteration).
   *
   * @param y n × dim, row-major
   */
  public double[] inverse(double[] y, int n, double tol) {
    double[] x = y.clone();
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] gx = forward(x, n).output();
      double move = 0;
      for (int i = 0; i < x.length; i++) {
        double next = y[i] - (gx[i] - x[i]);
        move = Math.max(move, Math.abs(next - x[i]));
        x[i] = next;
      }
      if (move <= tol) {
        break;
      }
    }
    return x;
  }

  @Override
  public List<Moment> moments(double[] x, int n) {
    return List.of(new Moment("residual · x + g(x)", dim, forward(x, n).output()));
  }

  @Override
  public int momentCount() {
    return 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Residual r && r.dim == dim && r.raw.equals(raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode() * 17 + dim;
  }

  @Override
  public String toString() {
    return "Residual[" + label() + "]";
  }
}
