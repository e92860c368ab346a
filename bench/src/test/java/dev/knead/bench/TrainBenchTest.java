package dev.knead.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.knead.bench.TrainBench.Result;
import dev.knead.bench.TrainBench.Row;
import dev.knead.core.io.Json;
import dev.knead.core.train.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainBenchTest {
  @Test
  void casesUseTheReferenceScriptsNames() {
    assertThat(TrainBench.CASES).extracting(TrainBench.Case::arch)
        .containsExactly("2-2-2-2-2 tanh", "2-3-3-2 tanh", "2-8-8-8-2 tanh", "2-16x6-2 relu", "784-256-128-10 relu");
  }

  @Test
  void aQuickRunMeasuresSomething() {
    for (Precision p : Precision.values()) {
      Result r = TrainBench.run(TrainBench.CASES.get(1), "adam", p, TrainBench.Options.QUICK);
      assertThat(r.arch()).isEqualTo("2-3-3-2 tanh");
      assertThat(r.optimizer()).isEqualTo("adam");
      assertThat(r.precision()).isEqualTo(p);
      assertThat(r.stepsPerS()).isPositive().isFinite();
    }
  }

  @Test
  void jsonHasTheReferenceFieldNames() {
    String json = TrainBench.toJson(List.of(new Result("2-3-3-2 tanh", "sgd", Precision.FLOAT32, 1234.56)));
    var node = Json.parse(json, "test").get(0);
    assertThat(node.get("arch").asText()).isEqualTo("2-3-3-2 tanh");
    assertThat(node.get("optimizer").asText()).isEqualTo("sgd");
    assertThat(node.get("precision").asText()).isEqualTo("float32");
    assertThat(node.get("steps_per_s").asDouble()).isEqualTo(1234.6);
  }

  @Test
  void readsTheReferenceOutputAndJoinsByArchAndOptimizer(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("torch.json");
    Files.writeString(f, """
        {"info": {"torch": "1.13"}, "results": [
          {"arch": "2-3-3-2 tanh", "optimizer": "sgd", "steps_per_s_median": 2000.0},
          {"arch": "2-3-3-2 tanh", "optimizer": "adam", "steps_per_s_median": 1000.0}]}
        """);
    List<Result> torch = TrainBench.readTorch(f);
    List<Row> rows = TrainBench.join(List.of(new Result("2-3-3-2 tanh", "adam", Precision.FLOAT64, 5000),
        new Result("2-3-3-2 tanh", "adam", Precision.FLOAT32, 8000), new Result("other", "sgd", Precision.FLOAT64, 1)), torch);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).ratio()).isCloseTo(8.0, within(1e-12));
    assertThat(rows.get(1).precision()).isEqualTo(Precision.FLOAT32);
    assertThat(rows.get(0).ratio()).isCloseTo(5.0, within(1e-12));
    assertThat(rows.get(0).torch()).isEqualTo(1000.0);
  }

  /** A run descheduled half the time did half the steps it would have: charged by its CPU time, it counts twice. */
  @Test
  void torchRatesAreChargedByTheirCpuTime(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("torch.json");
    Files.writeString(f, """
        {"info": {}, "results": [{"arch": "2-3-3-2 tanh", "optimizer": "sgd", "steps_per_s_median": 1500.0,
          "steps_per_s_runs": [1000.0, 1500.0, 2000.0], "cpu_per_wall_runs": [0.5, 1.0, 1.0]}]}
        """);
    assertThat(TrainBench.readTorch(f).get(0).stepsPerS()).isEqualTo(2000.0);
  }

  /** The flop count against a count of the multiply-adds of the three products, layer by layer. */
  @Test
  void flopsPerStepCountsForwardWeightGradientAndGradientPassedDown() {
    TrainBench.Case mnist = TrainBench.CASES.get(4);
    long madds = 0;
    int[] s = {784, 256, 128, 10};
    for (int l = 0; l < 3; l++) {
      for (int o = 0; o < s[l + 1]; o++) {
        madds += 2L * s[l] * 256; // z = Wx + b and gW = dz xᵀ
        if (l > 0) {
          madds += (long) s[l] * 256; // dx = Wᵀ dz, not needed below the first layer
        }
      }
    }
    assertThat(mnist.flopsPerStep()).isEqualTo(2.0 * madds);
  }

  /** On a machine with PyTorch the probe names a library, and says whether it is an optimised one. */
  @Test
  void theBlasProbeNamesALibrary() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")));
    TrainBench.Blas blas;
    try {
      blas = TrainBench.torchBlas();
    } catch (IOException noTorch) {
      org.junit.jupiter.api.Assumptions.abort("no python3-torch here");
      return;
    }
    assertThat(blas.library()).isNotBlank();
    assertThat(blas.optimised()).isEqualTo(blas.library().contains("openblas") || blas.library().contains("mkl")
        || blas.library().contains("blis"));
  }

  @Test
  void sharedSitsBesideTheRepository() {
    assertThat(TrainBench.sharedDir(Path.of("/work/wt-perf"))).isEqualTo(Path.of("/work/shared"));
  }
}
