package dev.knead.bench;

import dev.knead.core.net.DoubleDense;
import dev.knead.core.net.FloatDense;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The float32 dense kernels ({@link FloatDense}: the Vector API tiles at this JVM's width, or
 * the plain loops with {@code -Dknead.vector=false}; {@code -Dknead.vector.bits=256} forces a
 * width) beside the double ones ({@link DoubleDense}) on the same seeded layer, one thread, for
 * the layer shapes in × out × n of the reference networks.
 * JMH: {@code java -jar bench/target/benchmarks.jar BenchmarkFloatKernels} (one shape: {@code -p
 * shape=16x16x1000}). On a shared machine JMH's wall-clock means swing; {@link #main} instead
 * alternates the float kernels and the double ones in one JVM and times each on the
 * thread's CPU clock (min of 9 rounds of 60 ms), printing GFLOP/s (2·in·out·n flops a call) and
 * float ÷ double speed: {@code java --add-modules jdk.incubator.vector -cp
 * bench/target/benchmarks.jar dev.knead.bench.BenchmarkFloatKernels [SHAPE …]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class BenchmarkFloatKernels {
  static final String[] SHAPES = {
    "2x8x1000", "8x8x1000", "8x2x1000", "2x16x1000", "16x16x1000", "16x2x1000", "784x256x256", "256x128x256", "128x10x256"
  };

  /** in × out × n. */
  @Param({"2x8x1000", "8x8x1000", "8x2x1000", "2x16x1000", "16x16x1000", "16x2x1000", "784x256x256", "256x128x256", "128x10x256"})
  public String shape;

  private int in;
  private int out;
  private int n;
  private float[][] x;
  private float[][] dz;
  private float[] p;
  private float[][] z;
  private float[][] dx;
  private float[] g;
  private FloatDense.Scratch scratch;
  private double[][] xd;
  private double[][] dzd;
  private double[] pd;
  private double[][] zd;
  private double[][] dxd;
  private double[] gd;
  private double[][] points;
  private double[][] accPair;

  @Setup
  public void setUp() {
    String[] s = shape.split("x");
    in = Integer.parseInt(s[0]);
    out = Integer.parseInt(s[1]);
    n = Integer.parseInt(s[2]);
    SplittableRandom rng = new SplittableRandom(7);
    xd = new double[in][];
    for (int j = 0; j < in; j++) {
      xd[j] = rng.doubles(n, -1, 1).toArray();
    }
    dzd = new double[out][];
    for (int o = 0; o < out; o++) {
      dzd[o] = rng.doubles(n, -1, 1).toArray();
    }
    pd = rng.doubles((long) in * out + out, -1, 1).toArray();
    zd = new double[out][n];
    dxd = new double[in][n];
    gd = new double[pd.length];
    points = new double[n][in];
    accPair = new double[2][in];
    x = toFloat(xd);
    dz = toFloat(dzd);
    p = new float[pd.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = (float) pd[k];
    }
    z = new float[out][n];
    dx = new float[in][n];
    g = new float[p.length];
    scratch = new FloatDense.Scratch(n, in, out);
  }

  private static float[][] toFloat(double[][] a) {
    float[][] f = new float[a.length][];
    for (int u = 0; u < a.length; u++) {
      f[u] = new float[a[u].length];
      for (int i = 0; i < f[u].length; i++) {
        f[u][i] = (float) a[u][i];
      }
    }
    return f;
  }

  @Benchmark
  public float[][] affineFloat() {
    FloatDense.affine(x, n, in, p, 0, in * out, out, z, 1);
    return z;
  }

  @Benchmark
  public double[][] affineDouble() {
    DoubleDense.affine(xd, n, in, pd, 0, in * out, out, zd);
    return zd;
  }

  @Benchmark
  public float[][] inputGradientFloat() {
    FloatDense.inputGradient(dz, n, in, out, p, 0, dx, 1);
    return dx;
  }

  @Benchmark
  public double[][] inputGradientDouble() {
    DoubleDense.inputGradient(dzd, n, in, out, pd, 0, dxd);
    return dxd;
  }

  @Benchmark
  public float[] weightGradientFloat() {
    FloatDense.weightGradient(dz, x, n, in, out, g, 0, in * out, scratch, 1);
    return g;
  }

  @Benchmark
  public double[] weightGradientDouble() {
    DoubleDense.weightGradient(dzd, xd, n, in, out, gd, 0, in * out, points, accPair);
    return gd;
  }

  /** Prints, per shape and kernel, float and double GFLOP/s (thread CPU time) and float ÷ double speed. */
  public static void main(String[] args) {
    final String[] kernels = {"affine", "inputGradient", "weightGradient"};
    final String[] shapes = args.length > 0 ? args : SHAPES;
    System.out.println("float32 kernels: " + FloatDense.implementation());
    for (String sh : shapes) {
      BenchmarkFloatKernels b = new BenchmarkFloatKernels();
      b.shape = sh;
      b.setUp();
      final double flops = 2.0 * b.in * b.out * b.n;
      Runnable[][] pairs = {{b::affineFloat, b::affineDouble}, {b::inputGradientFloat, b::inputGradientDouble},
          {b::weightGradientFloat, b::weightGradientDouble}};
      for (int k = 0; k < 3; k++) {
        final double[] best = CpuTime.bestOfPair(pairs[k][0], pairs[k][1]);
        final double single = best[0];
        final double dbl = best[1];
        System.out.printf(java.util.Locale.ROOT, "%-12s %-15s float %9.1f us %6.1f GFLOP/s  double %9.1f us %6.1f GFLOP/s  ratio %5.2f%n",
            sh, kernels[k], single, flops / single / 1e3, dbl, flops / dbl / 1e3, dbl / single);
      }
    }
  }
}
