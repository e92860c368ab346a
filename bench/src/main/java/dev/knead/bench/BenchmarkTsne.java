package dev.knead.bench;

import dev.knead.core.data.Datasets;
import dev.knead.core.trace.Tsne;
import java.util.Map;
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
 * What a t-SNE view costs (exact, O(n²)): one gradient step of a plane layout, the calibrated
 * affinities of n points of dimension d, and a whole default layout of the shipped digits
 * (1,797 × 64, 1,000 steps) — the price of one stage of the non-linear view, paid once per
 * stage, never per frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BenchmarkTsne {

  @Param({"2000"})
  public int n;

  @Param({"64", "784"})
  public int d;

  private double[] x;
  private double[] p;
  private double[] y;
  private double[] grad;
  private double[] digits;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(20261206L);
    x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble();
    }
    p = Tsne.affinities(x, n, d, 30);
    y = new double[n * 2];
    for (int i = 0; i < y.length; i++) {
      y[i] = 10 * rng.nextGaussian();
    }
    grad = new double[n * 2];
    digits = Datasets.byName("digits").generate(Map.of(), 0).points().toArray();
  }

  @Benchmark
  public double gradientStep() {
    return Tsne.gradient(p, y, n, 2, 1, grad, false) + grad[0];
  }

  @Benchmark
  public double[] affinities() {
    return Tsne.affinities(x, n, d, 30);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public double[] digitsLayout() {
    int m = 1797;
    return Tsne.embed(Tsne.affinities(digits, m, 64, 30), m, Tsne.pcaStart(digits, m, 64, 2), Tsne.Options.DEFAULT).y();
  }
}
