package dev.knead.topology.maps;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Local volume change of a layer x ↦ σ(Wx + b). Its Jacobian at x is J = diag(σ'(z)) · W with
 * z = Wx + b, so the layer needs only the slopes σ'(z) per point, not σ itself.
 */
public final class Jacobian {
  private Jacobian() {}

  /**
   * @param w out × in weights
   * @param slopes σ'(z) at one point, length out
   * @return J = diag(slopes) · W, out × in (a new array)
   */
  public static double[][] at(double[][] w, double[] slopes) {
    if (slopes.length != w.length) {
      throw new IllegalArgumentException("jacobian: " + slopes.length + " slopes for " + w.length + " units");
    }
    final double[][] j = new double[w.length][];
    for (int u = 0; u < w.length; u++) {
      j[u] = w[u].clone();
      for (int c = 0; c < j[u].length; c++) {
        j[u][c] *= slopes[u];
      }
    }
    return j;
  }

  /**
   * Volume factor of the layer at each point.
   *
   * <ul>
   *   <li>square: det J = Π σ'(z_u) · det W, signed (negative: orientation flips);
   *   <li>expanding (out &gt; in): √det(JᵀJ), the n_in-dimensional volume of the image of a unit
   *       cube (0 where the layer collapses);
   *   <li>contracting (out &lt; in): √det(JJᵀ), the volume factor on the directions J keeps.
   * </ul>
   *
   * @param w out × in weights
   * @param slopes σ'(z) per point, n × out
   * @return n volume factors
   */
  public static double[] volumeFactors(double[][] w, double[][] slopes) {
    final int out = w.length;
    final int in = w[0].length;
    final double[] result = new double[slopes.length];
    if (out == in) {
      final double detW = CommonOps_DDRM.det(matrix(w));
      for (int i = 0; i < slopes.length; i++) {
        if (slopes[i].length != out) {
          throw new IllegalArgumentException("jacobian: slope row " + i + " has " + slopes[i].length + " values, not " + out);
        }
        double p = detW;
        for (double s : slopes[i]) {
          p *= s;
        }
        result[i] = p;
      }
      return result;
    }
    final int k = Math.min(out, in);
    final DMatrixRMaj gram = new DMatrixRMaj(k, k);
    for (int i = 0; i < slopes.length; i++) {
      final DMatrixRMaj j = matrix(at(w, slopes[i]));
      if (out > in) {
        CommonOps_DDRM.multTransA(j, j, gram);
      } else {
        CommonOps_DDRM.multTransB(j, j, gram);
      }
      // The Gram determinant is ≥ 0 in exact arithmetic; clamp rounding below zero.
      result[i] = Math.sqrt(Math.max(0, CommonOps_DDRM.det(gram)));
    }
    return result;
  }

  private static DMatrixRMaj matrix(double[][] a) {
    return new DMatrixRMaj(a);
  }
}
