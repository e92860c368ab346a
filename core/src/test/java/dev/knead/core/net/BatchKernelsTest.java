package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unit-major kernels against the row-major reference kernels on seeded random input. */
class BatchKernelsTest {
  @ParameterizedTest(name = "n {0}, in {1}, out {2}")
  @CsvSource({"1,1,1", "7,2,3", "13,3,2", "100,8,8", "37,16,5", "64,70,33", "5,130,3"})
  void agreeWithTheRowMajorKernels(int n, int in, int out) {
    SplittableRandom rng = new SplittableRandom(n * 1000L + in * 10L + out);
    double[] x = rng.doubles((long) n * in, -1, 1).toArray();
    double[] p = rng.doubles((long) in * out + out, -1, 1).toArray();
    double[] dz = rng.doubles((long) n * out, -1, 1).toArray();
    final int bOff = in * out;

    double[] zRef = new double[n * out];
    Kernels.affine(x, n, in, p, 0, bOff, out, zRef);
    double[][] xU = new double[in][n];
    BatchKernels.toUnits(x, n, in, xU);
    double[][] zU = new double[out][n];
    BatchKernels.affine(xU, n, in, p, 0, bOff, out, zU);
    double[] z = new double[n * out];
    BatchKernels.fromUnits(zU, n, out, z);
    assertClose(z, zRef, in);

    double[] gRef = new double[p.length];
    Kernels.weightGradient(dz, x, n, in, out, gRef, 0, bOff);
    double[][] dzU = new double[out][n];
    BatchKernels.toUnits(dz, n, out, dzU);
    double[] g = new double[p.length];
    BatchKernels.weightGradient(dzU, xU, n, in, out, g, 0, bOff, new double[n][in], new double[in]);
    assertClose(g, gRef, n);

    double[] dxRef = new double[n * in];
    Kernels.inputGradient(dz, n, in, out, p, 0, dxRef);
    double[][] dxU = new double[in][n];
    BatchKernels.inputGradient(dzU, n, in, out, p, 0, dxU);
    double[] dx = new double[n * in];
    BatchKernels.fromUnits(dxU, n, in, dx);
    assertClose(dx, dxRef, out);
  }

  @ParameterizedTest(name = "n {0}")
  @CsvSource({"1", "6", "1001"})
  void twoInputsGiveTheBitsOfTheFourWaySums(int n) {
    SplittableRandom rng = new SplittableRandom(n);
    double[][] x = {rng.doubles(n, -1, 1).toArray(), rng.doubles(n, -1, 1).toArray()};
    double[][] dz = {rng.doubles(n, -1, 1).toArray(), rng.doubles(n, -1, 1).toArray(), rng.doubles(n, -1, 1).toArray()};
    double[] g = new double[9];
    BatchKernels.weightGradient(dz, x, n, 2, 3, g, 0, 6, new double[0][], new double[2]);
    for (int o = 0; o < 3; o++) {
      assertThat(g[6 + o]).isEqualTo(BatchKernels.sum(dz[o], n));
      assertThat(g[2 * o]).isEqualTo(BatchKernels.dot(dz[o], x[0], n));
      assertThat(g[2 * o + 1]).isEqualTo(BatchKernels.dot(dz[o], x[1], n));
    }
  }

  /** Sums of `terms` products of numbers in [−1, 1]: orders may differ, by a few ulps per term. */
  private static void assertClose(double[] got, double[] want, int terms) {
    for (int i = 0; i < want.length; i++) {
      assertThat(Math.abs(got[i] - want[i])).as("entry %d", i).isLessThanOrEqualTo(4e-16 * (terms + 1));
    }
  }
}
