package dev.knead.app.lab;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * How a stage wider than 3 is shown: its top three principal axes (PCA of the stage's points),
 * each axis signed so that its largest component is positive, which keeps the picture from
 * flipping between frames. Stages of 3 or fewer dimensions are shown as they are.
 *
 * @param d the stage's dimension
 * @param k the shown dimension, min(d, 3)
 * @param mean length d (zeros when d ≤ 3)
 * @param axes k × d row-major: row i is the i-th principal axis
 */
record Projection(int d, int k, double[] mean, double[] axes) {
  static final int SHOWN = 3;

  static Projection identity(int d) {
    int k = Math.min(d, SHOWN);
    double[] axes = new double[k * d];
    for (int i = 0; i < k; i++) {
      axes[i * d + i] = 1;
    }
    return new Projection(d, k, new double[d], axes);
  }

  boolean isIdentity() {
    return d <= SHOWN;
  }

  /** @param x n × d row-major points the axes are fitted to */
  static Projection fit(double[] x, int n, int d) {
    if (d <= SHOWN || n < 2) {
      return identity(d);
    }
    double[] mean = new double[d];
    for (int p = 0; p < n; p++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[p * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < d; i++) {
        double a = x[p * d + i] - mean[i];
        if (!Double.isFinite(a)) {
          continue;
        }
        for (int j = i; j < d; j++) {
          cov.data[i * d + j] += a * (x[p * d + j] - mean[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        cov.data[i * d + j] = cov.data[j * d + i];
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(cov)) {
      return identity(d);
    }
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
    double[] axes = new double[SHOWN * d];
    for (int i = 0; i < SHOWN; i++) {
      DMatrixRMaj v = eig.getEigenVector(order[i]);
      int big = 0;
      for (int j = 1; j < d; j++) {
        if (Math.abs(v.get(j, 0)) > Math.abs(v.get(big, 0))) {
          big = j;
        }
      }
      double sign = v.get(big, 0) < 0 ? -1 : 1;
      for (int j = 0; j < d; j++) {
        axes[i * d + j] = sign * v.get(j, 0);
      }
    }
    return new Projection(d, SHOWN, mean, axes);
  }

  /**
   * @param x n × d points
   * @param y n × k output (may be x itself only when the projection is the identity of k = d)
   */
  void apply(double[] x, int n, double[] y) {
    if (isIdentity()) {
      System.arraycopy(x, 0, y, 0, n * d);
      return;
    }
    // y_i = a_i · (x − mean) = a_i · x − a_i · mean; all k axes in one pass over the row
    final double[] c = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < d; j++) {
        c[i] += axes[i * d + j] * mean[j];
      }
    }
    final int a1 = d;
    final int a2 = 2 * d;
    for (int p = 0; p < n; p++) {
      final int xp = p * d;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      for (int j = 0; j < d; j++) {
        final double v = x[xp + j];
        s0 += axes[j] * v;
        s1 += axes[a1 + j] * v;
        s2 += axes[a2 + j] * v;
      }
      y[p * k] = s0 - c[0];
      y[p * k + 1] = s1 - c[1];
      y[p * k + 2] = s2 - c[2];
    }
  }
}
