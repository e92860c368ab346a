package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float kernels against plain double loops on the same float inputs (exact products, sums
 * good to 2⁻⁵³), within the float rounding bound k · 2⁻²⁴ · Σ|terms| where k counts the
 * roundings in the longest chain the kernel's stated order makes.
 */
class FloatBatchKernelsTest {
  private static final double U = 0x1p-24;
  private static final int[] INS = {1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 63, 64, 65, 784};
  private static final int[] OUTS = {1, 2, 3, 5, 8, 16, 128, 256};
  private static final int[] NS = {1, 2, 3, 5, 17, 255, 256, 1000};

  /** Every (in, out, n) of the grid up to 2²⁴ multiply-adds (all but the few largest, to keep the suite quick). */
  static Stream<Arguments> shapes() {
    List<Arguments> list = new ArrayList<>();
    for (int in : INS) {
      for (int out : OUTS) {
        for (int n : NS) {
          if ((long) in * out * n <= 1L << 24) {
            list.add(Arguments.of(in, out, n));
          }
        }
      }
    }
    return list.stream();
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}")
  @MethodSource("shapes")
  void agreeWithDoubleReference(int in, int out, int n) {
    Layer l = Layer.random(in, out, n, new SplittableRandom(((long) in * 1000 + out) * 10_000 + n));

    float[][] z = new float[out][n];
    FloatDenseLoops.affine(l.x, n, in, l.p, 0, l.bOff, out, z, 1);
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < n; i++) {
        double s = l.p[l.bOff + o];
        double mag = Math.abs(s);
        for (int j = 0; j < in; j++) {
          final double t = (double) l.p[o * in + j] * l.x[j][i];
          s += t;
          mag += Math.abs(t);
        }
        assertWithin(z[o][i], s, in * U * mag, "z", o, i);
      }
    }

    float[][] dx = new float[in][n];
    FloatDenseLoops.inputGradient(l.dz, n, in, out, l.p, 0, dx, 1);
    for (int j = 0; j < in; j++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        double mag = 0;
        for (int o = 0; o < out; o++) {
          final double t = (double) l.p[o * in + j] * l.dz[o][i];
          s += t;
          mag += Math.abs(t);
        }
        assertWithin(dx[j][i], s, out * U * mag, "dx", j, i);
      }
    }

    float[] g = new float[l.p.length];
    java.util.Arrays.fill(g, Float.NaN); // overwritten, not accumulated
    FloatDenseLoops.weightGradient(l.dz, l.x, n, in, out, g, 0, l.bOff, 1);
    // longest chain: one lane of ⌈n/8⌉ links, then three additions of lane totals; 2 spare
    final int k = (n + 7) / 8 + 5;
    for (int o = 0; o < out; o++) {
      double b = 0;
      double bMag = 0;
      for (int i = 0; i < n; i++) {
        b += l.dz[o][i];
        bMag += Math.abs(l.dz[o][i]);
      }
      assertWithin(g[l.bOff + o], b, k * U * bMag, "gb", o, 0);
      for (int j = 0; j < in; j++) {
        double s = 0;
        double mag = 0;
        for (int i = 0; i < n; i++) {
          final double t = (double) l.dz[o][i] * l.x[j][i];
          s += t;
          mag += Math.abs(t);
        }
        assertWithin(g[o * in + j], s, k * U * mag, "gW", o, j);
      }
    }
  }

  /**
   * The plain loops and the Vector API kernels sum in the same orders: the same bits on every
   * path, so a float32 run does not depend on whether the JVM has the Vector API.
   */
  @ParameterizedTest(name = "in {0}, out {1}, n {2}")
  @MethodSource("shapes")
  void plainLoopsGiveTheVectorKernelsBits(int in, int out, int n) {
    Layer l = Layer.random(in, out, n, new SplittableRandom(((long) in * 1000 + out) * 10_000 + n + 5));
    float[][] z1 = new float[out][n];
    float[][] z2 = new float[out][n];
    FloatDenseLoops.affine(l.x, n, in, l.p, 0, l.bOff, out, z1, 1);
    FloatDense.affine(l.x, n, in, l.p, 0, l.bOff, out, z2, 1);
    assertSameBits(z1, z2, "z");
    float[][] dx1 = new float[in][n];
    float[][] dx2 = new float[in][n];
    FloatDenseLoops.inputGradient(l.dz, n, in, out, l.p, 0, dx1, 1);
    FloatDense.inputGradient(l.dz, n, in, out, l.p, 0, dx2, 1);
    assertSameBits(dx1, dx2, "dx");
    float[] g1 = new float[l.p.length];
    float[] g2 = new float[l.p.length];
    FloatDenseLoops.weightGradient(l.dz, l.x, n, in, out, g1, 0, l.bOff, 1);
    FloatDense.weightGradient(l.dz, l.x, n, in, out, g2, 0, l.bOff, new FloatDense.Scratch(n, in, out), 1);
    assertSameBits(new float[][] {g1}, new float[][] {g2}, "g");
  }

  private static void assertSameBits(float[][] a, float[][] b, String what) {
    for (int r = 0; r < a.length; r++) {
      for (int i = 0; i < a[r].length; i++) {
        if (Float.floatToRawIntBits(a[r][i]) != Float.floatToRawIntBits(b[r][i])) {
          throw new AssertionError(what + "[" + r + "][" + i + "]: plain " + a[r][i] + ", vector " + b[r][i]);
        }
      }
    }
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}")
  @CsvSource({"784,256,256", "256,128,256", "64,128,256", "16,256,1000", "8,256,1000", "65,256,1000", "2,1024,1000"})
  void threadsGiveTheSameBits(int in, int out, int n) {
    assertThat((long) in * out * n).isGreaterThanOrEqualTo(DoubleDense.PARALLEL_WORK);
    Layer l = Layer.random(in, out, n, new SplittableRandom(in * 7L + out * 13L + n));
    float[][] z1 = new float[out][n];
    float[][] dx1 = new float[in][n];
    float[] g1 = new float[l.p.length];
    FloatDenseLoops.affine(l.x, n, in, l.p, 0, l.bOff, out, z1, 1);
    FloatDenseLoops.inputGradient(l.dz, n, in, out, l.p, 0, dx1, 1);
    FloatDenseLoops.weightGradient(l.dz, l.x, n, in, out, g1, 0, l.bOff, 1);
    for (int threads : new int[] {2, 3}) {
      float[][] z = new float[out][n];
      float[][] dx = new float[in][n];
      float[] g = new float[l.p.length];
      FloatDenseLoops.affine(l.x, n, in, l.p, 0, l.bOff, out, z, threads);
      FloatDenseLoops.inputGradient(l.dz, n, in, out, l.p, 0, dx, threads);
      FloatDenseLoops.weightGradient(l.dz, l.x, n, in, out, g, 0, l.bOff, threads);
      for (int o = 0; o < out; o++) {
        assertThat(bits(z[o])).as("z row %d, %d threads", o, threads).isEqualTo(bits(z1[o]));
      }
      for (int j = 0; j < in; j++) {
        assertThat(bits(dx[j])).as("dx row %d, %d threads", j, threads).isEqualTo(bits(dx1[j]));
      }
      assertThat(bits(g)).as("gradient, %d threads", threads).isEqualTo(bits(g1));
    }
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}")
  @CsvSource({"3,5,17", "16,16,1000", "784,8,256", "2,3,2"})
  void aNanSpreadsExactlyWhereItContributes(int in, int out, int n) {
    Layer l = Layer.random(in, out, n, new SplittableRandom(in + out + n));
    final int bad = n / 2;
    l.x[in - 1][bad] = Float.NaN;
    l.dz[0][bad] = Float.NaN;

    float[][] z = new float[out][n];
    FloatDenseLoops.affine(l.x, n, in, l.p, 0, l.bOff, out, z, 1);
    float[][] dx = new float[in][n];
    FloatDenseLoops.inputGradient(l.dz, n, in, out, l.p, 0, dx, 1);
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < out; o++) {
        assertThat(Float.isNaN(z[o][i])).as("z[%d][%d]", o, i).isEqualTo(i == bad);
      }
      for (int j = 0; j < in; j++) {
        assertThat(Float.isNaN(dx[j][i])).as("dx[%d][%d]", j, i).isEqualTo(i == bad);
      }
    }

    float[] g = new float[l.p.length];
    FloatDenseLoops.weightGradient(l.dz, l.x, n, in, out, g, 0, l.bOff, 1);
    for (int o = 0; o < out; o++) {
      assertThat(Float.isNaN(g[l.bOff + o])).as("gb[%d]", o).isEqualTo(o == 0);
      for (int j = 0; j < in; j++) {
        assertThat(Float.isNaN(g[o * in + j])).as("gW[%d, %d]", o, j).isEqualTo(o == 0 || j == in - 1);
      }
    }
  }

  @Test
  void unitsRoundToNearestFloatAndBack() {
    final int n = 37;
    final int d = 3;
    SplittableRandom rng = new SplittableRandom(5);
    double[] m = rng.doubles((long) n * d, -1e3, 1e3).toArray();
    m[4] = Double.NaN;
    m[5] = Double.NEGATIVE_INFINITY;
    m[7] = 1e300; // beyond float range: rounds to infinity
    m[8] = 1 + 0x1p-24; // a tie: rounds to even, 1
    float[][] units = new float[d][n];
    FloatDense.toUnits(m, n, d, units);
    for (int i = 0; i < n; i++) {
      for (int u = 0; u < d; u++) {
        assertThat(Float.floatToRawIntBits(units[u][i])).isEqualTo(Float.floatToRawIntBits((float) m[i * d + u]));
      }
    }
    assertThat(units[1][2]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(units[2][2]).isEqualTo(1f);
    double[] back = new double[n * d];
    FloatDense.fromUnits(units, n, d, back);
    float[][] again = new float[d][n];
    FloatDense.toUnits(back, n, d, again);
    for (int i = 0; i < n * d; i++) {
      assertThat(Double.valueOf(back[i])).isEqualTo(Double.valueOf((float) m[i]));
    }
    for (int u = 0; u < d; u++) {
      assertThat(bits(again[u])).isEqualTo(bits(units[u]));
    }
  }

  private static void assertWithin(float got, double want, double bound, String what, int a, int b) {
    assertThat(Math.abs(got - want)).as("%s[%d][%d] = %s, want %s", what, a, b, got, want).isLessThanOrEqualTo(bound);
  }

  private static int[] bits(float[] v) {
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Float.floatToRawIntBits(v[i]);
    }
    return r;
  }

  /** Seeded float inputs x (in × n), upstream gradients dz (out × n) and parameters p = W, b. */
  private record Layer(float[][] x, float[][] dz, float[] p, int bOff) {
    static Layer random(int in, int out, int n, SplittableRandom rng) {
      float[][] x = new float[in][n];
      float[][] dz = new float[out][n];
      float[] p = new float[in * out + out];
      for (float[] row : x) {
        fill(row, rng);
      }
      for (float[] row : dz) {
        fill(row, rng);
      }
      fill(p, rng);
      return new Layer(x, dz, p, in * out);
    }

    private static void fill(float[] v, SplittableRandom rng) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) rng.nextDouble(-1, 1);
      }
    }
  }
}
