package dev.knead.core.trace;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The geodesic path from the identity to a rotation R ∈ SO(n): R(t) = exp(t · log R). Kernels
 * on plain n × n row-major arrays.
 */
final class Rotations {
  private Rotations() {}

  /**
   * log R for R ∈ SO(n), a skew-symmetric matrix. R is normal: S = (R + Rᵀ)/2 has eigenvalue
   * cos θ on each plane R turns by θ. Within each eigenspace of S, a unit q and the unit q'
   * along R q − cos θ · q span a plane turned by θ = atan2(q'ᵀRq, qᵀRq); log R adds
   * θ (q' qᵀ − q q'ᵀ). When R q − cos θ q vanishes (θ = π), any orthogonal partner in the same
   * eigenspace serves, so half-turns need no special formula.
   *
   * @param r n × n rotation, row-major
   * @return n × n skew-symmetric logarithm
   */
  static double[] log(double[] r, int n) {
    double[] s = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i * n + j] = 0.5 * (r[i * n + j] + r[j * n + i]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(new DMatrixRMaj(n, n, true, s))) {
      throw new IllegalStateException("eigen-decomposition of a rotation failed");
    }
    Integer[] order = new Integer[n];
    double[] c = new double[n];
    double[][] q = new double[n][n];
    for (int e = 0; e < n; e++) {
      order[e] = e;
      c[e] = eig.getEigenvalue(e).real;
      DMatrixRMaj vec = eig.getEigenVector(e);
      for (int i = 0; i < n; i++) {
        q[e][i] = vec.get(i, 0);
      }
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(c[x], c[y]));
    double[] log = new double[n * n];
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && c[order[end]] - c[order[end - 1]] < 1e-7) {
        end++;
      }
      if (c[order[start]] < 1 - 1e-12) {
        java.util.List<double[]> used = new java.util.ArrayList<>();
        for (int m = start; m < end; m++) {
          double[] u = orthonormalise(q[order[m]].clone(), used);
          if (u == null) {
            continue;
          }
          double[] ru = apply(r, u, n);
          double cos = dot(u, ru);
          double[] w = ru.clone();
          for (int i = 0; i < n; i++) {
            w[i] -= cos * u[i];
          }
          used.add(u);
          double[] partner = orthonormalise(w, used);
          for (int m2 = m + 1; partner == null && m2 < end; m2++) {
            partner = orthonormalise(q[order[m2]].clone(), used);
          }
          if (partner == null) {
            continue; // a lone axis: numerically a fixed axis, nothing turns
          }
          used.add(partner);
          double theta = Math.atan2(dot(partner, ru), cos);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              log[i * n + j] += theta * (partner[i] * u[j] - u[i] * partner[j]);
            }
          }
        }
      }
      start = end;
    }
    return log;
  }

  /** Removes the components along {@code basis}; returns the unit remainder or null if ~0. */
  private static double[] orthonormalise(double[] v, java.util.List<double[]> basis) {
    for (int pass = 0; pass < 2; pass++) {
      for (double[] b : basis) {
        double p = dot(v, b);
        for (int i = 0; i < v.length; i++) {
          v[i] -= p * b[i];
        }
      }
    }
    double norm = Math.sqrt(dot(v, v));
    if (norm < 1e-6) {
      return null;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
    return v;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] apply(double[] m, double[] v, int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += m[i * n + j] * v[j];
      }
      y[i] = s;
    }
    return y;
  }

  /**
   * exp(A) by scaling and squaring with a degree-18 Taylor polynomial; accurate to a few ulps
   * for the skew matrices used here.
   */
  static double[] exp(double[] a, int n) {
    double norm = 0;
    for (int i = 0; i < n; i++) {
      double row = 0;
      for (int j = 0; j < n; j++) {
        row += Math.abs(a[i * n + j]);
      }
      norm = Math.max(norm, row);
    }
    int squarings = norm > 0.5 ? (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)) : 0;
    double scale = Math.pow(2, -squarings);
    double[] b = new double[n * n];
    for (int i = 0; i < b.length; i++) {
      b[i] = a[i] * scale;
    }
    double[] result = identity(n);
    double[] term = identity(n);
    for (int k = 1; k <= 18; k++) {
      term = multiply(term, b, n);
      double f = 1.0 / k;
      for (int i = 0; i < term.length; i++) {
        term[i] *= f;
        result[i] += term[i];
      }
    }
    for (int s = 0; s < squarings; s++) {
      result = multiply(result, result, n);
    }
    return result;
  }

  static double det(double[] m, int n) {
    return CommonOps_DDRM.det(new DMatrixRMaj(n, n, true, m));
  }

  static double[] identity(int n) {
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) {
      m[i * n + i] = 1;
    }
    return m;
  }

  static double[] transpose(double[] m, int n) {
    double[] t = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        t[j * n + i] = m[i * n + j];
      }
    }
    return t;
  }

  static double[] multiply(double[] a, double[] b, int n) {
    double[] p = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double aik = a[i * n + k];
        if (aik == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          p[i * n + j] += aik * b[k * n + j];
        }
      }
    }
    return p;
  }
}
