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

  @Test
  void sharedSitsBesideTheRepository() {
    assertThat(TrainBench.sharedDir(Path.of("/work/wt-perf"))).isEqualTo(Path.of("/work/shared"));
  }
}
