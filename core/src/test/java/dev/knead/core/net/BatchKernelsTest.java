package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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
    DoubleDense.toUnits(x, n, in, xU);
    double[][] zU = new double[out][n];
    DoubleDense.affine(xU, n, in, p, 0, bOff, out, zU);
    double[] z = new double[n * out];
    DoubleDense.fromUnits(zU, n, out, z);
    assertClose(z, zRef, in);

    double[] gRef = new double[p.length];
    Kernels.weightGradient(dz, x, n, in, out, gRef, 0, bOff);
    double[][] dzU = new double[out][n];
    DoubleDense.toUnits(dz, n, out, dzU);
    double[] g = new double[p.length];
    DoubleDense.weightGradient(dzU, xU, n, in, out, g, 0, bOff, new double[n][in], new double[2][in]);
    assertClose(g, gRef, n);

    double[] dxRef = new double[n * in];
    Kernels.inputGradient(dz, n, in, out, p, 0, dxRef);
    double[][] dxU = new double[in][n];
    DoubleDense.inputGradient(dzU, n, in, out, p, 0, dxU);
    double[] dx = new double[n * in];
    DoubleDense.fromUnits(dxU, n, in, dx);
    assertClose(dx, dxRef, out);
  }

  @ParameterizedTest(name = "n {0}")
  @CsvSource({"1", "6", "1001"})
  void twoInputsGiveTheBitsOfTheFourWaySums(int n) {
    SplittableRandom rng = new SplittableRandom(n);
    double[][] x = {rng.doubles(n, -1, 1).toArray(), rng.doubles(n, -1, 1).toArray()};
    double[][] dz = {rng.doubles(n, -1, 1).toArray(), rng.doubles(n, -1, 1).toArray(), rng.doubles(n, -1, 1).toArray()};
    double[] g = new double[9];
    DoubleDense.weightGradient(dz, x, n, 2, 3, g, 0, 6, new double[0][], new double[2][2]);
    for (int o = 0; o < 3; o++) {
      assertThat(g[6 + o]).isEqualTo(DoubleDense.sum(dz[o], n));
      assertThat(g[2 * o]).isEqualTo(DoubleDense.dot(dz[o], x[0], n));
      assertThat(g[2 * o + 1]).isEqualTo(DoubleDense.dot(dz[o], x[1], n));
    }
  }

  private static final int[] INS = {1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 63, 64, 65, 784};
  private static final int[] OUTS = {1, 2, 3, 5, 8, 16, 128, 256};
  private static final int[] NS = {1, 2, 3, 5, 17, 255, 256, 1000};

  /**
   * Seeded shapes: every in, out and n value at least once (the first 14 by index), then 30
   * random picks; threads 1 and 2; n capped so the scalar references stay quick.
   */
  static Stream<Arguments> shapes() {
    SplittableRandom rng = new SplittableRandom(20_240_611);
    List<Arguments> shapes = new ArrayList<>();
    for (int k = 0; k < 44; k++) {
      final int in = k < INS.length ? INS[k] : INS[rng.nextInt(INS.length)];
      final int out = k < INS.length ? OUTS[k % OUTS.length] : OUTS[rng.nextInt(OUTS.length)];
      int n = k < INS.length ? NS[(3 * k) % NS.length] : NS[rng.nextInt(NS.length)];
      if ((long) in * out * n > 60_000_000L) {
        n = 255;
      }
      shapes.add(Arguments.of(in, out, n, 1 + k % 2));
    }
    shapes.add(Arguments.of(784, 256, 256, 2)); // over the parallel threshold in every kernel
    shapes.add(Arguments.of(65, 33, 1000, 2));
    return shapes.stream();
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}, threads {3}")
  @MethodSource("shapes")
  void giveTheBitsOfTheDocumentedOrder(int in, int out, int n, int threads) {
    SplittableRandom rng = new SplittableRandom(in * 1_000_003L + out * 1009L + n);
    double[][] x = units(rng, in, n);
    double[][] dz = units(rng, out, n);
    double[] p = rng.doubles((long) in * out + out, -1, 1).toArray();
    final int bOff = in * out;

    double[][] z = units(rng, out, n); // stale values must be overwritten
    DoubleDense.affine(x, n, in, p, 0, bOff, out, z, threads);
    assertSameBits(z, referenceAffine(x, n, in, p, bOff, out), "z");

    double[][] dx = units(rng, in, n);
    DoubleDense.inputGradient(dz, n, in, out, p, 0, dx, threads);
    assertSameBits(dx, referenceInputGradient(dz, n, in, out, p), "dx");

    double[] g = rng.doubles(p.length, -1, 1).toArray();
    double[][] points = units(rng, n, in);
    DoubleDense.weightGradient(dz, x, n, in, out, g, 0, bOff, points, new double[2][in], threads);
    assertArrayEquals(rawBits(referenceWeightGradient(dz, x, n, in, out)), rawBits(g), "gW, gb");
  }

  /** z[o][i] = b[o], then one fma per j, j ascending. */
  private static double[][] referenceAffine(double[][] x, int n, int in, double[] p, int bOff, int out) {
    double[][] z = new double[out][n];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < n; i++) {
        double s = p[bOff + o];
        for (int j = 0; j < in; j++) {
          s = Math.fma(p[o * in + j], x[j][i], s);
        }
        z[o][i] = s;
      }
    }
    return z;
  }

  /** dx[j][i] = 0, then one fma per o, o ascending. */
  private static double[][] referenceInputGradient(double[][] dz, int n, int in, int out, double[] p) {
    double[][] dx = new double[in][n];
    for (int j = 0; j < in; j++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int o = 0; o < out; o++) {
          s = Math.fma(p[o * in + j], dz[o][i], s);
        }
        dx[j][i] = s;
      }
    }
    return dx;
  }

  /** gW then gb, each sum in the order weightGradient's Javadoc states for this shape. */
  private static double[] referenceWeightGradient(double[][] dz, double[][] x, int n, int in, int out) {
    double[] g = new double[in * out + out];
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    for (int o = 0; o < out; o++) {
      if (in == 3) {
        g[in * out + o] = twoWay(dz[o], ones, n, false);
        for (int j = 0; j < in; j++) {
          g[o * in + j] = twoWay(dz[o], x[j], n, true);
        }
        continue;
      }
      g[in * out + o] = fourWay(dz[o], ones, n, false);
      for (int j = 0; j < in; j++) {
        g[o * in + j] = in < DoubleDense.WIDE_INPUT ? fourWay(dz[o], x[j], n, true) : chain(dz[o], x[j], n);
      }
    }
    return g;
  }

  /** Partial sums over i ≡ 0, 1, 2, 3 (mod 4), ((s0 + s1) + (s2 + s3)), then the tail; fma, or plain adds of a. */
  private static double fourWay(double[] a, double[] b, int n, boolean fma) {
    double[] s = new double[4];
    final int whole = n - n % 4;
    for (int i = 0; i < whole; i++) {
      s[i % 4] = fma ? Math.fma(a[i], b[i], s[i % 4]) : s[i % 4] + a[i];
    }
    double t = (s[0] + s[1]) + (s[2] + s[3]);
    for (int i = whole; i < n; i++) {
      t = fma ? Math.fma(a[i], b[i], t) : t + a[i];
    }
    return t;
  }

  /** Partial sums over even and odd i, (s_even + s_odd), then the last point if n is odd. */
  private static double twoWay(double[] a, double[] b, int n, boolean fma) {
    double[] s = new double[2];
    final int whole = n - n % 2;
    for (int i = 0; i < whole; i++) {
      s[i % 2] = fma ? Math.fma(a[i], b[i], s[i % 2]) : s[i % 2] + a[i];
    }
    double t = s[0] + s[1];
    if (whole < n) {
      t = fma ? Math.fma(a[whole], b[whole], t) : t + a[whole];
    }
    return t;
  }

  /** One fused chain over i ascending, from 0. */
  private static double chain(double[] a, double[] b, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s = Math.fma(a[i], b[i], s);
    }
    return s;
  }

  private static double[][] units(SplittableRandom rng, int count, int n) {
    double[][] u = new double[count][];
    for (int k = 0; k < count; k++) {
      u[k] = rng.doubles(n, -1, 1).toArray();
    }
    return u;
  }

  private static long[] rawBits(double[] a) {
    long[] bits = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      bits[i] = Double.doubleToRawLongBits(a[i]);
    }
    return bits;
  }

  private static void assertSameBits(double[][] got, double[][] want, String what) {
    for (int u = 0; u < want.length; u++) {
      assertArrayEquals(rawBits(want[u]), rawBits(got[u]), what + " unit " + u);
    }
  }

  /** Sums of `terms` products of numbers in [−1, 1]: orders may differ, by a few ulps per term. */
  private static void assertClose(double[] got, double[] want, int terms) {
    for (int i = 0; i < want.length; i++) {
      assertThat(Math.abs(got[i] - want[i])).as("entry %d", i).isLessThanOrEqualTo(4e-16 * (terms + 1));
    }
  }
}
