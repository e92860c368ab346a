package dev.knead.bench;

import dev.knead.core.net.BatchKernels;
import dev.knead.core.net.FloatBatchKernels;
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
 * The float32 dense kernels beside the double ones on the same seeded layer, one thread, from
 * the small (2, 8, 1000) to the large (784, 256, 256) shape; GFLOP/s = 2 · in · out · n / time.
 * Run: {@code java -jar bench/target/benchmarks.jar BenchmarkFloatKernels}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BenchmarkFloatKernels {
  /** in × out × n. */
  @Param({"2x8x1000", "8x8x1000", "8x2x1000", "2x16x1000", "16x16x1000", "16x2x1000", "784x256x256", "256x128x256", "128x10x256"})
  public String shape;

  private int in;
  private int out;
  private int n;
  private double[][] xd;
  private double[][] dzd;
  private double[] pd;
  private double[][] zd;
  private double[][] dxd;
  private double[] gd;
  private double[][] points;
  private double[][] acc;
  private float[][] xf;
  private float[][] dzf;
  private float[] pf;
  private float[][] zf;
  private float[][] dxf;
  private float[] gf;
  private FloatBatchKernels.Scratch scratch;

  @Setup
  public void setUp() {
    String[] s = shape.split("x");
    in = Integer.parseInt(s[0]);
    out = Integer.parseInt(s[1]);
    n = Integer.parseInt(s[2]);
    SplittableRandom rng = new SplittableRandom(3);
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
    acc = new double[2][in];
    xf = toFloat(xd);
    dzf = toFloat(dzd);
    pf = new float[pd.length];
    for (int k = 0; k < pd.length; k++) {
      pf[k] = (float) pd[k];
    }
    zf = new float[out][n];
    dxf = new float[in][n];
    gf = new float[pf.length];
    scratch = new FloatBatchKernels.Scratch(n, in, out);
  }

  private static float[][] toFloat(double[][] v) {
    float[][] f = new float[v.length][v[0].length];
    for (int u = 0; u < v.length; u++) {
      for (int i = 0; i < v[u].length; i++) {
        f[u][i] = (float) v[u][i];
      }
    }
    return f;
  }

  @Benchmark
  public double[][] affineDouble() {
    BatchKernels.affine(xd, n, in, pd, 0, in * out, out, zd, 1);
    return zd;
  }

  @Benchmark
  public float[][] affineFloat() {
    FloatBatchKernels.affine(xf, n, in, pf, 0, in * out, out, zf, 1);
    return zf;
  }

  @Benchmark
  public double[][] inputGradientDouble() {
    BatchKernels.inputGradient(dzd, n, in, out, pd, 0, dxd, 1);
    return dxd;
  }

  @Benchmark
  public float[][] inputGradientFloat() {
    FloatBatchKernels.inputGradient(dzf, n, in, out, pf, 0, dxf, 1);
    return dxf;
  }

  @Benchmark
  public double[] weightGradientDouble() {
    BatchKernels.weightGradient(dzd, xd, n, in, out, gd, 0, in * out, points, acc, 1);
    return gd;
  }

  @Benchmark
  public float[] weightGradientFloat() {
    FloatBatchKernels.weightGradient(dzf, xf, n, in, out, gf, 0, in * out, scratch, 1);
    return gf;
  }
}
