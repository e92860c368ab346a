package dev.knead.topology.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JacobianTest {

  /** The layer under test: x ↦ tanh(Wx + b). */
  static double[] layer(double[][] w, double[] b, double[] x) {
    final double[] y = new double[w.length];
    for (int u = 0; u < w.length; u++) {
      double z = b[u];
      for (int j = 0; j < x.length; j++) {
        z += w[u][j] * x[j];
      }
      y[u] = Math.tanh(z);
    }
    return y;
  }

  /** Central finite differences, out × in. */
  static double[][] numeric(double[][] w, double[] b, double[] x) {
    final double h = 1e-6;
    final double[][] j = new double[w.length][x.length];
    for (int c = 0; c < x.length; c++) {
      final double[] up = x.clone();
      final double[] down = x.clone();
      up[c] += h;
      down[c] -= h;
      final double[] fu = layer(w, b, up);
      final double[] fd = layer(w, b, down);
      for (int u = 0; u < w.length; u++) {
        j[u][c] = (fu[u] - fd[u]) / (2 * h);
      }
    }
    return j;
  }

  static double volumeOf(double[][] j) {
    final DMatrixRMaj m = new DMatrixRMaj(j);
    if (j.length == j[0].length) {
      return CommonOps_DDRM.det(m);
    }
    final int k = Math.min(j.length, j[0].length);
    final DMatrixRMaj g = new DMatrixRMaj(k, k);
    if (j.length > j[0].length) {
      CommonOps_DDRM.multTransA(m, m, g);
    } else {
      CommonOps_DDRM.multTransB(m, m, g);
    }
    return Math.sqrt(CommonOps_DDRM.det(g));
  }

  @ParameterizedTest
  @CsvSource({"2, 2", "3, 3", "3, 2", "2, 3", "4, 2"})
  void matchesFiniteDifferences(int out, int in) {
    final Random rng = new Random(100L * out + in);
    final double[][] w = new double[out][in];
    final double[] b = new double[out];
    for (int u = 0; u < out; u++) {
      b[u] = rng.nextGaussian() * 0.3;
      for (int j = 0; j < in; j++) {
        w[u][j] = rng.nextGaussian();
      }
    }
    final int n = 20;
    final double[][] xs = new double[n][in];
    final double[][] slopes = new double[n][out];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < in; j++) {
        xs[i][j] = rng.nextGaussian();
      }
      final double[] y = layer(w, b, xs[i]);
      for (int u = 0; u < out; u++) {
        slopes[i][u] = 1 - y[u] * y[u];
      }
    }
    final double[] factors = Jacobian.volumeFactors(w, slopes);
    for (int i = 0; i < n; i++) {
      final double expected = volumeOf(numeric(w, b, xs[i]));
      assertThat(factors[i]).as("point %d", i).isCloseTo(expected, within(1e-6 * (1 + Math.abs(expected))));
      final double[][] analytic = Jacobian.at(w, slopes[i]);
      final double[][] fd = numeric(w, b, xs[i]);
      for (int u = 0; u < out; u++) {
        assertThat(analytic[u]).containsExactly(fd[u], within(1e-7));
      }
    }
  }
}
