package dev.knead.bench;

import dev.knead.core.net.DoubleDense;
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
 * The dense double kernels of {@link DoubleDense} against their previous version (kept below
 * as {@code Before}, commit bcc7fff), in the same JVM on the same seeded data, for the layer
 * shapes "in,out,n" of the reference networks; one thread. Both give the same bits. Run:
 * {@code java -jar bench/target/benchmarks.jar BenchmarkBatchKernels}. On a shared machine JMH's
 * wall-clock means swing by 2×; {@link #main} instead alternates old and new in one JVM and
 * times each on the thread's CPU clock (min of 9 rounds of 60 ms):
 * {@code java -cp bench/target/benchmarks.jar dev.knead.bench.BenchmarkBatchKernels}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BenchmarkBatchKernels {
  @Param({"2,8,1000", "8,8,1000", "8,2,1000", "16,16,1000", "784,256,256", "256,128,256", "128,10,256"})
  public String shape;

  private int in;
  private int out;
  private int n;
  private double[][] x;
  private double[][] dz;
  private double[] p;
  private double[][] z;
  private double[][] dx;
  private double[] g;
  private double[][] points;
  private double[] acc;
  private double[][] accPair;

  @Setup
  public void setUp() {
    String[] s = shape.split(",");
    in = Integer.parseInt(s[0]);
    out = Integer.parseInt(s[1]);
    n = Integer.parseInt(s[2]);
    SplittableRandom rng = new SplittableRandom(7);
    x = new double[in][];
    for (int j = 0; j < in; j++) {
      x[j] = rng.doubles(n, -1, 1).toArray();
    }
    dz = new double[out][];
    for (int o = 0; o < out; o++) {
      dz[o] = rng.doubles(n, -1, 1).toArray();
    }
    p = rng.doubles((long) in * out + out, -1, 1).toArray();
    z = new double[out][n];
    dx = new double[in][n];
    g = new double[p.length];
    points = new double[n][in];
    acc = new double[in];
    accPair = new double[2][in];
  }

  @Benchmark
  public double[][] affine() {
    DoubleDense.affine(x, n, in, p, 0, in * out, out, z);
    return z;
  }

  @Benchmark
  public double[][] affineBefore() {
    Before.affine(x, n, in, p, 0, in * out, out, z);
    return z;
  }

  @Benchmark
  public double[][] inputGradient() {
    DoubleDense.inputGradient(dz, n, in, out, p, 0, dx);
    return dx;
  }

  @Benchmark
  public double[][] inputGradientBefore() {
    Before.inputGradient(dz, n, in, out, p, 0, dx);
    return dx;
  }

  @Benchmark
  public double[] weightGradient() {
    DoubleDense.weightGradient(dz, x, n, in, out, g, 0, in * out, points, accPair);
    return g;
  }

  @Benchmark
  public double[] weightGradientBefore() {
    Before.weightGradient(dz, x, n, in, out, g, 0, in * out, points, acc);
    return g;
  }

  /** Prints, per shape and kernel, old and new µs a call (thread CPU time) and old ÷ new. */
  public static void main(String[] args) {
    final String[] shapes = {"2,8,1000", "8,8,1000", "8,2,1000", "16,16,1000", "784,256,256", "256,128,256", "128,10,256"};
    final String[] kernels = {"affine", "inputGradient", "weightGradient"};
    for (String sh : shapes) {
      BenchmarkBatchKernels b = new BenchmarkBatchKernels();
      b.shape = sh;
      b.setUp();
      Runnable[][] pairs = {{b::affineBefore, b::affine}, {b::inputGradientBefore, b::inputGradient},
          {b::weightGradientBefore, b::weightGradient}};
      for (int k = 0; k < 3; k++) {
        final double[] best = CpuTime.bestOfPair(pairs[k][0], pairs[k][1]);
        final double before = best[0];
        final double after = best[1];
        System.out.printf(java.util.Locale.ROOT, "%-12s %-15s before %10.1f us  after %10.1f us  ratio %5.2f%n", sh, kernels[k],
            before, after, before / after);
      }
    }
  }

  /** {@link DoubleDense} as of commit bcc7fff (one row per pass), the reference for the ratios. */
  private static final class Before {
    private Before() {}

    /** Units of the summed-over operand kept hot per pass (64 arrays of n doubles ≈ L2). */
    private static final int BLOCK = 64;

    /**
     * z = W x + b: z[o][i] = b[o] + Σ_j W[o, j] x[j][i], j ascending.
     *
     * @param x in units × n points
     * @param p parameter block holding W (out × in, row-major) at wOff and b (out) at bOff
     * @param z out units × n points, output
     */
    static void affine(double[][] x, int n, int in, double[] p, int wOff, int bOff, int out, double[][] z) {
      affine(x, n, in, p, wOff, bOff, out, z, 1);
    }

    /**
     * {@link #affine} on up to {@code threads} threads, each owning a block of output units:
     * the same bits whatever the thread count.
     */
    static void affine(double[][] x, int n, int in, double[] p, int wOff, int bOff, int out, double[][] z, int threads) {
      for (int o = 0; o < out; o++) {
        java.util.Arrays.fill(z[o], 0, n, p[bOff + o]);
      }
      forBlocks(out, threads, (from, to) -> combine(x, n, in, p, wOff, in, 1, from, to, z), (long) n * in * out);
    }

    /**
     * dx = Wᵀ dz: dx[j][i] = Σ_o W[o, j] dz[o][i], o ascending (the gradient passed down).
     *
     * @param dz out units × n
     * @param dx in units × n, output
     */
    static void inputGradient(double[][] dz, int n, int in, int out, double[] p, int wOff, double[][] dx) {
      inputGradient(dz, n, in, out, p, wOff, dx, 1);
    }

    /** {@link #inputGradient} on up to {@code threads} threads, each owning a block of the in units. */
    static void inputGradient(double[][] dz, int n, int in, int out, double[] p, int wOff, double[][] dx, int threads) {
      for (int j = 0; j < in; j++) {
        java.util.Arrays.fill(dx[j], 0, n, 0);
      }
      forBlocks(in, threads, (from, to) -> combine(dz, n, out, p, wOff, 1, in, from, to, dx), (long) n * in * out);
    }

    /** Work on output units [from, to). */
    @FunctionalInterface
    interface Block {
      void run(int from, int to);
    }

    /** Below this many multiply-adds a kernel stays on the calling thread. */
    static final long PARALLEL_WORK = 1L << 20;

    /**
     * Runs body over [0, count) split into at most {@code threads} contiguous blocks. Blocks
     * write disjoint output units and each unit's sums keep their order, so results do not
     * depend on the split. Small work (under {@link #PARALLEL_WORK}) or one thread: one call.
     */
    static void forBlocks(int count, int threads, Block body, long work) {
      final int blocks = Math.min(threads, count);
      if (blocks <= 1 || work < PARALLEL_WORK) {
        body.run(0, count);
        return;
      }
      java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> body.run(
          (int) ((long) count * b / blocks), (int) ((long) count * (b + 1) / blocks)));
    }

    /**
     * c[r][i] += Σ_q A(r, q) · s[q][i] for rows r in [rowFrom, rowTo), with A(r, q) = p[off + r·rs
     * + q·qs], q ascending: the one
     * loop nest behind {@link #affine} (A = W) and {@link #inputGradient} (A = Wᵀ). Four q at a
     * time in one chain of fused multiply-adds, so c is loaded and stored once per four terms.
     */
    private static void combine(double[][] s, int n, int qCount, double[] p, int off, int rs, int qs, int rowFrom, int rowTo, double[][] c) {
      for (int q0 = 0; q0 < qCount; q0 += BLOCK) {
        final int q1 = Math.min(qCount, q0 + BLOCK);
        for (int r = rowFrom; r < rowTo; r++) {
          final double[] cr = c[r];
          final int ar = off + r * rs;
          int q = q0;
          for (; q + 3 < q1; q += 4) {
            final double a0 = p[ar + q * qs];
            final double a1 = p[ar + (q + 1) * qs];
            final double a2 = p[ar + (q + 2) * qs];
            final double a3 = p[ar + (q + 3) * qs];
            final double[] s0 = s[q];
            final double[] s1 = s[q + 1];
            final double[] s2 = s[q + 2];
            final double[] s3 = s[q + 3];
            for (int i = 0; i < n; i++) {
              cr[i] = Math.fma(a3, s3[i], Math.fma(a2, s2[i], Math.fma(a1, s1[i], Math.fma(a0, s0[i], cr[i]))));
            }
          }
          for (; q < q1; q++) {
            final double a0 = p[ar + q * qs];
            final double[] s0 = s[q];
            for (int i = 0; i < n; i++) {
              cr[i] = Math.fma(a0, s0[i], cr[i]);
            }
          }
        }
      }
    }

    /** From this input width on, {@link #weightGradient} runs row-wise over a transposed input. */
    static final int WIDE_INPUT = 16;

    /**
     * gW = dz xᵀ and gb = dz 1 (gradients of W and b), overwriting the gradient block:
     * gW[o, j] = Σ_i dz[o][i] x[j][i] and gb[o] = Σ_i dz[o][i]. Summation order, fixed by the
     * shape: for in = 3, gb and gW in one pass as two partial sums over even and odd i, then
     * (s_even + s_odd), then the last point if n is odd; otherwise gb and, for in &lt;
     * {@link #WIDE_INPUT}, gW as four partial sums over i ≡ 0, 1, 2, 3 (mod 4), then
     * ((s0 + s1) + (s2 + s3)), then the tail; for wider inputs gW in i ascending (one fused chain
     * over the points, vectorised across j).
     *
     * @param dz out units × n
     * @param x in units × n, the inputs of the layer
     * @param g gradient block with gW at wOff (out × in, row-major) and gb at bOff (out)
     * @param points scratch of at least n arrays of at least in doubles (used when in ≥ {@link #WIDE_INPUT})
     * @param acc scratch of at least in doubles
     */
    static void weightGradient(
        double[][] dz, double[][] x, int n, int in, int out, double[] g, int wOff, int bOff, double[][] points, double[] acc) {
      weightGradient(dz, x, n, in, out, g, wOff, bOff, points, acc, 1);
    }

    /**
     * {@link #weightGradient} on up to {@code threads} threads, each owning a block of output
     * units (rows of gW): the same bits whatever the thread count.
     */
    static void weightGradient(
        double[][] dz, double[][] x, int n, int in, int out, double[] g, int wOff, int bOff, double[][] points, double[] acc,
        int threads) {
      if (in == 2) {
        pairWeightGradient(dz, x[0], x[1], n, out, g, wOff, bOff);
        return;
      }
      if (in == 3) {
        narrowWeightGradient(dz, x, n, in, out, g, wOff, bOff);
        return;
      }
      for (int o = 0; o < out; o++) {
        g[bOff + o] = sum(dz[o], n);
      }
      if (in < WIDE_INPUT) {
        for (int o = 0; o < out; o++) {
          for (int j = 0; j < in; j++) {
            g[wOff + o * in + j] = dot(dz[o], x[j], n);
          }
        }
        return;
      }
      // point-major copy of x, so that gW[o, ·] += dz[o][i] x[·][i] runs along j
      for (int j = 0; j < in; j++) {
        final double[] xj = x[j];
        for (int i = 0; i < n; i++) {
          points[i][j] = xj[i];
        }
      }
      forBlocks(out, threads, (from, to) -> wideRows(dz, n, in, g, wOff, points, from == 0 ? acc : new double[in], from, to),
          (long) n * in * out);
    }

    /** Rows [from, to) of the wide weight gradient: gW[o, ·] = Σ_i dz[o][i] points[i][·], i ascending. */
    private static void wideRows(double[][] dz, int n, int in, double[] g, int wOff, double[][] points, double[] acc, int from, int to) {
      for (int o = from; o < to; o++) {
        final double[] d = dz[o];
        java.util.Arrays.fill(acc, 0, in, 0);
        int i = 0;
        for (; i + 3 < n; i += 4) {
          final double d0 = d[i];
          final double d1 = d[i + 1];
          final double d2 = d[i + 2];
          final double d3 = d[i + 3];
          final double[] x0 = points[i];
          final double[] x1 = points[i + 1];
          final double[] x2 = points[i + 2];
          final double[] x3 = points[i + 3];
          for (int j = 0; j < in; j++) {
            acc[j] = Math.fma(d3, x3[j], Math.fma(d2, x2[j], Math.fma(d1, x1[j], Math.fma(d0, x0[j], acc[j]))));
          }
        }
        for (; i < n; i++) {
          final double d0 = d[i];
          final double[] x0 = points[i];
          for (int j = 0; j < in; j++) {
            acc[j] = Math.fma(d0, x0[j], acc[j]);
          }
        }
        System.arraycopy(acc, 0, g, wOff + o * in, in);
      }
    }

    /**
     * {@link #weightGradient} for in = 2: gb, gW[o, 0] and gW[o, 1] in one pass over the points,
     * each as the four partial sums of {@link #dot} and {@link #sum}, so the bits are theirs.
     */
    private static void pairWeightGradient(double[][] dz, double[] x0, double[] x1, int n, int out, double[] g, int wOff, int bOff) {
      for (int o = 0; o < out; o++) {
        final double[] d = dz[o];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        double u0 = 0;
        double u1 = 0;
        double u2 = 0;
        double u3 = 0;
        double v0 = 0;
        double v1 = 0;
        double v2 = 0;
        double v3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
          final double d0 = d[i];
          final double d1 = d[i + 1];
          final double d2 = d[i + 2];
          final double d3 = d[i + 3];
          b0 += d0;
          b1 += d1;
          b2 += d2;
          b3 += d3;
          u0 = Math.fma(d0, x0[i], u0);
          u1 = Math.fma(d1, x0[i + 1], u1);
          u2 = Math.fma(d2, x0[i + 2], u2);
          u3 = Math.fma(d3, x0[i + 3], u3);
          v0 = Math.fma(d0, x1[i], v0);
          v1 = Math.fma(d1, x1[i + 1], v1);
          v2 = Math.fma(d2, x1[i + 2], v2);
          v3 = Math.fma(d3, x1[i + 3], v3);
        }
        double b = (b0 + b1) + (b2 + b3);
        double u = (u0 + u1) + (u2 + u3);
        double v = (v0 + v1) + (v2 + v3);
        for (; i < n; i++) {
          b += d[i];
          u = Math.fma(d[i], x0[i], u);
          v = Math.fma(d[i], x1[i], v);
        }
        g[bOff + o] = b;
        g[wOff + 2 * o] = u;
        g[wOff + 2 * o + 1] = v;
      }
    }

    /**
     * {@link #weightGradient} for in = 3: every sum of one unit in a single pass over the
     * points, two independent chains each.
     */
    private static void narrowWeightGradient(double[][] dz, double[][] x, int n, int in, int out, double[] g, int wOff, int bOff) {
      final double[] x0 = x[0];
      final double[] x1 = x[1];
      final double[] x2 = x[2];
      for (int o = 0; o < out; o++) {
        final double[] d = dz[o];
        double be = 0;
        double bo = 0;
        double w0e = 0;
        double w0o = 0;
        double w1e = 0;
        double w1o = 0;
        double w2e = 0;
        double w2o = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
          final double de = d[i];
          final double dd = d[i + 1];
          be += de;
          bo += dd;
          w0e = Math.fma(de, x0[i], w0e);
          w0o = Math.fma(dd, x0[i + 1], w0o);
          w1e = Math.fma(de, x1[i], w1e);
          w1o = Math.fma(dd, x1[i + 1], w1o);
          w2e = Math.fma(de, x2[i], w2e);
          w2o = Math.fma(dd, x2[i + 1], w2o);
        }
        double b = be + bo;
        double w0 = w0e + w0o;
        double w1 = w1e + w1o;
        double w2 = w2e + w2o;
        if (i < n) {
          b += d[i];
          w0 = Math.fma(d[i], x0[i], w0);
          w1 = Math.fma(d[i], x1[i], w1);
          w2 = Math.fma(d[i], x2[i], w2);
        }
        g[bOff + o] = b;
        final int go = wOff + o * in;
        g[go] = w0;
        g[go + 1] = w1;
        g[go + 2] = w2;
      }
    }

    /** Σ_i a[i] b[i] for i &lt; n in the order {@link #weightGradient} states. */
    static double dot(double[] a, double[] b, int n) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int i = 0;
      for (; i + 3 < n; i += 4) {
        s0 = Math.fma(a[i], b[i], s0);
        s1 = Math.fma(a[i + 1], b[i + 1], s1);
        s2 = Math.fma(a[i + 2], b[i + 2], s2);
        s3 = Math.fma(a[i + 3], b[i + 3], s3);
      }
      double s = (s0 + s1) + (s2 + s3);
      for (; i < n; i++) {
        s = Math.fma(a[i], b[i], s);
      }
      return s;
    }

    /** Σ_i a[i] for i &lt; n, in the same four-way order as {@link #dot}. */
    static double sum(double[] a, int n) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int i = 0;
      for (; i + 3 < n; i += 4) {
        s0 += a[i];
        s1 += a[i + 1];
        s2 += a[i + 2];
        s3 += a[i + 3];
      }
      double s = (s0 + s1) + (s2 + s3);
      for (; i < n; i++) {
        s += a[i];
      }
      return s;
    }
  }
}
