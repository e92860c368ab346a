package dev.knead.bench;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.LayerSpecs;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.TrainSchema;
import dev.knead.core.train.Trainer;
import java.util.Map;
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
 * Full-batch training of a neural-ODE block (issue 17's target: ≥ 200 steps/s): 1,000 points of
 * the 2-D disk and annulus, {@code ode:2} (2-16-2 tanh vector field, RK4 with 8 steps,
 * backpropagation through the solver) then a linear read-out, Adam. One invocation is
 * {@link #EPOCHS} steps, so steps/s = ops/s × EPOCHS. The PyTorch side: bench/reference/torch_ode.py.
 * Run: {@code java -jar bench/target/benchmarks.jar BenchmarkFlow}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BenchmarkFlow {
  static final int EPOCHS = 20;

  @Param({"ode:2", "ode:3", "ode:2:s4"})
  public String layers;

  private Dataset data;
  private TrainConfig config;

  @Setup
  public void setUp() {
    data = Datasets.generate("nested-spheres", Map.of("dim", "2", "points", "500"), 1);
    config = TrainConfig.defaults().with(TrainSchema.LAYERS, LayerSpecs.parse(layers)).withEpochs(EPOCHS)
        .with(TrainSchema.SNAPSHOT_EVERY, (long) EPOCHS).withSeed(1);
  }

  @Benchmark
  public TrainResult train() {
    return Trainer.train(data, data.select(new int[0]), config, TrainListener.NONE);
  }
}
