package dev.knead.bench;

import dev.knead.topology.ph.Barcode;
import dev.knead.topology.ph.Rips;
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
 * Vietoris–Rips persistent homology on seeded noisy circles in the plane: H1 over the full
 * filtration (cut at the enclosing radius) and H1/H2 below a threshold, small and large.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class BenchmarkRips {

  @Param({"200", "1000"})
  public int n;

  private double[][] circle;
  private double[][] cube;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(20260601L);
    circle = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * rng.nextDouble();
      circle[i] = new double[] {Math.cos(a) + 0.05 * rng.nextGaussian(), Math.sin(a) + 0.05 * rng.nextGaussian()};
    }
    cube = new double[n][3];
    for (double[] p : cube) for (int c = 0; c < 3; c++) p[c] = rng.nextDouble();
  }

  @Benchmark
  public Barcode circleH1Full() {
    return Rips.of(circle).maxDim(1).cycles(0).compute().barcode();
  }

  @Benchmark
  public Barcode circleH1Threshold() {
    return Rips.of(circle).maxDim(1).threshold(0.3).cycles(0).compute().barcode();
  }

  @Benchmark
  public Barcode cubeH2Threshold() {
    return Rips.of(cube).maxDim(2).threshold(n <= 200 ? 0.3 : 0.18).cycles(0).compute().barcode();
  }
}
