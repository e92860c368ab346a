package dev.knead.bench;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import dev.knead.core.train.Loss;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Precision;
import dev.knead.core.train.TrainStep;
import java.util.List;
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
 * One full-batch optimiser step (forward, softmax cross-entropy, backward, update), seeded; a
 * small (2-2-2-2-2 tanh, n = 1000) and a large (784-256-128-10 ReLU, batch 256) size among the
 * networks. Run: {@code java -jar bench/target/benchmarks.jar BenchmarkTrainStep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BenchmarkTrainStep {
  @Param({"2-2-2-2-2 tanh", "2-3-3-2 tanh", "2-8-8-8-2 tanh", "2-16x6-2 relu", "784-256-128-10 relu"})
  public String arch;

  @Param({"sgd", "adam"})
  public String optimizer;

  @Param({"float64", "float32"})
  public String precision;

  private TrainStep step;
  private double[] x;
  private int[] y;
  private int n;

  @Setup
  public void setUp() {
    List<Integer> sizes;
    Activation act;
    switch (arch) {
      case "2-2-2-2-2 tanh" -> { sizes = List.of(2, 2, 2, 2, 2); act = Activation.TANH; }
      case "2-3-3-2 tanh" -> { sizes = List.of(2, 3, 3, 2); act = Activation.TANH; }
      case "2-8-8-8-2 tanh" -> { sizes = List.of(2, 8, 8, 8, 2); act = Activation.TANH; }
      case "2-16x6-2 relu" -> { sizes = List.of(2, 16, 16, 16, 16, 16, 16, 2); act = Activation.RELU; }
      case "784-256-128-10 relu" -> { sizes = List.of(784, 256, 128, 10); act = Activation.RELU; }
      default -> throw new IllegalArgumentException(arch);
    }
    final int d = sizes.get(0);
    final int k = sizes.get(sizes.size() - 1);
    n = d == 2 ? 1000 : 256;
    SplittableRandom rng = new SplittableRandom(2);
    x = rng.doubles((long) n * d, d == 2 ? -1 : 0, 1).toArray();
    y = rng.ints(n, 0, k).toArray();
    Architecture a = Architecture.of(d, sizes.subList(1, sizes.size() - 1), act, k);
    Network init = Initializer.GLOROT.build(a, new SplittableRandom(1));
    Optimizer o = optimizer.equals("sgd") ? Optimizer.of(Optimizer.Kind.SGD, 0.1) : Optimizer.of(Optimizer.Kind.ADAM, 0.01);
    step = new TrainStep(init, n, Loss.SOFTMAX_CROSS_ENTROPY, o, 1, Precision.parse(precision));
  }

  @Benchmark
  public double step() {
    return step.step(x, y, n);
  }
}
