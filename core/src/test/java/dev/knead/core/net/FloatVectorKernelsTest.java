package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 kernels ({@link FloatDense}: the tiles at this JVM's vector width, or the plain
 * loops, as core's pom asks) against plain scalar code written here from the three summation
 * orders of FloatDense's comment (bit for bit), against double sums (within float rounding), and for NaN.
 */
class FloatVectorKernelsTest {
  private static final int[] INS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 64, 65, 784};
  private static final int[] OUTS = {1, 2, 3, 5, 8, 16, 128, 256};
  private static final int[] NS = {1, 2, 3, 7, 8, 9, 15, 16, 17, 255, 256, 1000};

  /** Every in and out, each pair with one n chosen by a seeded walk over NS, plus shapes large enough to split across threads. */
  static Stream<Arguments> shapes() {
    List<Arguments> shapes = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(42);
    for (int in : INS) {
      for (int out : OUTS) {
        int n = NS[rng.nextInt(NS.length)];
        while ((long) in * out * n > 20_000_000L) {
          n = NS[rng.nextInt(NS.length)];
        }
        shapes.add(Arguments.of(in, out, n));
      }
    }
    // over 2^20 multiply-adds: the two-thread runs really split
    shapes.add(Arguments.of(784, 256, 17));
    shapes.add(Arguments.of(17, 128, 1000));
    shapes.add(Arguments.of(65, 256, 255));
    shapes.add(Arguments.of(784, 16, 256));
    shapes.add(Arguments.of(16, 16, 1000));
    shapes.add(Arguments.of(128, 10, 256));
    shapes.add(Arguments.of(256, 128, 256));
    return shapes.stream();
  }

  /** A layer's operands on seeded random input; unit arrays longer than n with NaN past n, which must never be read. */
  private static final class Layer {
    final int in;
    final int out;
    final int n;
    final int wOff = 3;
    final int bOff;
    final float[] p;
    final float[][] x;
    final float[][] dz;

    Layer(int in, int out, int n, long seed) {
      this.in = in;
      this.out = out;
      this.n = n;
      bOff = wOff + in * out + 2;
      SplittableRandom rng = new SplittableRandom(seed);
      p = new float[bOff + out + 1];
      for (int k = 0; k < p.length; k++) {
        p[k] = (float) rng.nextDouble(-1, 1);
      }
      x = units(in, n, rng);
      dz = units(out, n, rng);
    }

    private static float[][] units(int count, int n, SplittableRandom rng) {
      float[][] u = new float[count][n + 5];
      for (float[] a : u) {
        for (int i = 0; i < n; i++) {
          a[i] = (float) rng.nextDouble(-1, 1);
        }
        Arrays.fill(a, n, a.length, Float.NaN);
      }
      return u;
    }
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}")
  @MethodSource("shapes")
  void giveTheBitsOfTheStatedOrders(int in, int out, int n) {
    Layer l = new Layer(in, out, n, in * 100_003L + out * 1009L + n);
    float[][] zRef = new float[out][n];
    scalarAffine(l, zRef);
    float[][] dxRef = new float[in][n];
    scalarInputGradient(l, dxRef);
    float[] gRef = new float[l.p.length];
    scalarWeightGradient(l, gRef);
    FloatDense.Scratch scratch = new FloatDense.Scratch(n + 3, in + 2, out + 1);
    for (int threads = 1; threads <= 2; threads++) {
      float[][] z = filled(out, n + 5, 7f);
      FloatDense.affine(l.x, n, in, l.p, l.wOff, l.bOff, out, z, threads);
      assertSameBits(z, zRef, n, "affine, threads " + threads);
      float[][] dx = filled(in, n + 5, 7f);
      FloatDense.inputGradient(l.dz, n, in, out, l.p, l.wOff, dx, threads);
      assertSameBits(dx, dxRef, n, "inputGradient, threads " + threads);
      float[] g = new float[l.p.length];
      Arrays.fill(g, 7f);
      FloatDense.weightGradient(l.dz, l.x, n, in, out, g, l.wOff, l.bOff, scratch, threads);
      assertThat(bits(g)).as("weightGradient, threads %d", threads).isEqualTo(bits(gRef));
    }
  }

  /** The width core's pom asks for is the one these tests ran at (else they would prove nothing about it). */
  @org.junit.jupiter.api.Test
  void runAtTheAskedWidth() {
    String bits = System.getProperty("knead.vector.bits");
    if ("false".equals(System.getProperty("knead.vector"))) {
      assertThat(FloatDense.implementation()).isEqualTo("plain loops");
    } else if (bits != null) {
      assertThat(FloatDense.implementation()).startsWith("Vector API, " + bits + "-bit");
    } else {
      assertThat(FloatDenseTiles.SPECIES).isEqualTo(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FloatDenseTiles.species("64")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}")
  @CsvSource({"1,1,1", "3,5,17", "9,2,1000", "65,16,255", "784,8,256"})
  void agreeWithDoubleSums(int in, int out, int n) {
    Layer l = new Layer(in, out, n, 11L * in + out + n);
    float[][] z = new float[out][n];
    FloatDense.affine(l.x, n, in, l.p, l.wOff, l.bOff, out, z, 1);
    float[][] dx = new float[in][n];
    FloatDense.inputGradient(l.dz, n, in, out, l.p, l.wOff, dx, 1);
    float[] g = new float[l.p.length];
    FloatDense.weightGradient(l.dz, l.x, n, in, out, g, l.wOff, l.bOff, new FloatDense.Scratch(n, in, out), 1);
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < out; o++) {
        double sum = l.p[l.bOff + o];
        double mass = Math.abs(sum);
        for (int j = 0; j < in; j++) {
          final double t = (double) l.p[l.wOff + o * in + j] * l.x[j][i];
          sum += t;
          mass += Math.abs(t);
        }
        assertThat(Math.abs(z[o][i] - sum)).isLessThanOrEqualTo(1e-5 * mass);
      }
      for (int j = 0; j < in; j++) {
        double sum = 0;
        double mass = 0;
        for (int o = 0; o < out; o++) {
          final double t = (double) l.p[l.wOff + o * in + j] * l.dz[o][i];
          sum += t;
          mass += Math.abs(t);
        }
        assertThat(Math.abs(dx[j][i] - sum)).isLessThanOrEqualTo(1e-5 * mass);
      }
    }
    for (int o = 0; o < out; o++) {
      for (int j = -1; j < in; j++) {
        double sum = 0;
        double mass = 0;
        for (int i = 0; i < n; i++) {
          final double t = j < 0 ? l.dz[o][i] : (double) l.dz[o][i] * l.x[j][i];
          sum += t;
          mass += Math.abs(t);
        }
        final float got = j < 0 ? g[l.bOff + o] : g[l.wOff + o * in + j];
        assertThat(Math.abs(got - sum)).isLessThanOrEqualTo(1e-5 * mass);
      }
    }
  }

  @ParameterizedTest(name = "in {0}, out {1}, n {2}, NaN at point {3}")
  @CsvSource({"1,1,1,0", "5,3,17,16", "16,16,1000,3", "9,2,12,9", "70,20,255,250"})
  void nanReachesExactlyTheOutputsItFeeds(int in, int out, int n, int at) {
    Layer l = new Layer(in, out, n, at);
    final int j0 = in / 2;
    final int o0 = out / 2;
    l.x[j0][at] = Float.NaN;
    l.dz[o0][at] = Float.NaN;
    float[][] z = new float[out][n];
    FloatDense.affine(l.x, n, in, l.p, l.wOff, l.bOff, out, z, 1);
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < n; i++) {
        assertThat(Float.isNaN(z[o][i])).as("z[%d][%d]", o, i).isEqualTo(i == at);
      }
    }
    float[][] dx = new float[in][n];
    FloatDense.inputGradient(l.dz, n, in, out, l.p, l.wOff, dx, 1);
    for (int j = 0; j < in; j++) {
      for (int i = 0; i < n; i++) {
        assertThat(Float.isNaN(dx[j][i])).as("dx[%d][%d]", j, i).isEqualTo(i == at);
      }
    }
    float[] g = new float[l.p.length];
    FloatDense.weightGradient(l.dz, l.x, n, in, out, g, l.wOff, l.bOff, new FloatDense.Scratch(n, in, out), 1);
    for (int o = 0; o < out; o++) {
      assertThat(Float.isNaN(g[l.bOff + o])).as("gb[%d]", o).isEqualTo(o == o0);
      for (int j = 0; j < in; j++) {
        assertThat(Float.isNaN(g[l.wOff + o * in + j])).as("gW[%d, %d]", o, j).isEqualTo(o == o0 || j == j0);
      }
    }
  }

  /** Order 1: z[o][i] = fma chain from b[o] over j ascending. */
  private static void scalarAffine(Layer l, float[][] z) {
    for (int o = 0; o < l.out; o++) {
      for (int i = 0; i < l.n; i++) {
        float acc = l.p[l.bOff + o];
        for (int j = 0; j < l.in; j++) {
          acc = Math.fma(l.p[l.wOff + o * l.in + j], l.x[j][i], acc);
        }
        z[o][i] = acc;
      }
    }
  }

  /** Order 2: dx[j][i] = fma chain from 0 over o ascending. */
  private static void scalarInputGradient(Layer l, float[][] dx) {
    for (int j = 0; j < l.in; j++) {
      for (int i = 0; i < l.n; i++) {
        float acc = 0f;
        for (int o = 0; o < l.out; o++) {
          acc = Math.fma(l.p[l.wOff + o * l.in + j], l.dz[o][i], acc);
        }
        dx[j][i] = acc;
      }
    }
  }

  /** Order 3: eight lane sums over i ≡ t (mod 8), then the fixed tree. */
  private static void scalarWeightGradient(Layer l, float[] g) {
    Arrays.fill(g, 7f);
    for (int o = 0; o < l.out; o++) {
      final float[] d = l.dz[o];
      float[] lanes = new float[8];
      for (int i = 0; i < l.n; i++) {
        lanes[i % 8] = lanes[i % 8] + d[i];
      }
      g[l.bOff + o] = tree(lanes);
      for (int j = 0; j < l.in; j++) {
        lanes = new float[8];
        for (int i = 0; i < l.n; i++) {
          lanes[i % 8] = Math.fma(d[i], l.x[j][i], lanes[i % 8]);
        }
        g[l.wOff + o * l.in + j] = tree(lanes);
      }
    }
    // cells outside W and b keep what the caller had
  }

  private static float tree(float[] l) {
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
  }

  private static float[][] filled(int count, int length, float v) {
    float[][] a = new float[count][length];
    for (float[] r : a) {
      Arrays.fill(r, v);
    }
    return a;
  }

  /** Same bits on [0, n); past n the output arrays keep their fill. */
  private static void assertSameBits(float[][] got, float[][] want, int n, String what) {
    for (int u = 0; u < want.length; u++) {
      assertThat(bits(Arrays.copyOf(got[u], n))).as("%s, unit %d", what, u).isEqualTo(bits(want[u]));
      for (int i = n; i < got[u].length; i++) {
        assertThat(got[u][i]).as("%s, unit %d past n", what, u).isEqualTo(7f);
      }
    }
  }

  private static int[] bits(float[] a) {
    int[] b = new int[a.length];
    for (int k = 0; k < a.length; k++) {
      b[k] = Float.floatToRawIntBits(a[k]);
    }
    return b;
  }
}
