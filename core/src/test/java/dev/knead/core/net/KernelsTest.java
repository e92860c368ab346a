package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelsTest {
  /** The oracle: one output at a time, b + Σ_j x_j w_j in j order (Layer.apply's sum). */
  private static double[] naive(double[] x, int n, int in, double[] p, int wOff, int bOff, int out) {
    double[] z = new double[n * out];
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < out; o++) {
        double s = p[bOff + o];
        for (int j = 0; j < in; j++) {
          s += x[i * in + j] * p[wOff + o * in + j];
        }
        z[i * out + o] = s;
      }
    }
    return z;
  }

  @ParameterizedTest
  @CsvSource({"1,1,1", "7,2,8", "13,8,8", "5,8,2", "9,3,5", "4,17,11"})
  void affineEqualsTheOneAtATimeSumBitForBit(int n, int in, int out) {
    SplittableRandom rng = new SplittableRandom(31L * n + 7L * in + out);
    double[] x = new double[n * in];
    double[] p = new double[3 + out * in + out];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble(-3, 3);
    }
    for (int i = 0; i < p.length; i++) {
      p[i] = rng.nextDouble(-2, 2);
    }
    double[] z = new double[n * out];
    Kernels.affine(x, n, in, p, 3, 3 + out * in, out, z);
    assertThat(z).containsExactly(naive(x, n, in, p, 3, 3 + out * in, out));
  }
}
