package dev.knead.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.sweep.LocalSweep;
import dev.knead.sweep.RunRecord;
import dev.knead.sweep.Schema;
import dev.knead.sweep.Sweep;
import dev.knead.sweep.SweepFile;
import dev.knead.sweep.SweepListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sweep on Spark local[2] and on the local runner: the same rows, bit for bit; retries lose and duplicate nothing. */
class SparkSweepTest {
  static final String SWEEP = """
      name: spark-tiny
      data: {source: disk-annulus, seed: 3, test_share: 0.25, settings: {points: 120}}
      train:
        hidden: {width: [3, 4], depth: 1}
        epochs: 40
        seed: [1, 2]
      measures: [accuracy, loss, betti, knn]
      analysis: {max_per_class: 40}
      """;

  static SparkSession spark;

  @BeforeAll
  static void start() {
    // local[2, 4]: two worker threads, a failed task is tried up to four times (spark.task.maxFailures)
    spark = SparkSession.builder().master("local[2,4]").appName("knead-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static List<Map<String, Object>> collect(String path, List<dev.knead.sweep.Column> columns) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : spark.read().parquet(path).orderBy("run_index").collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (dev.knead.sweep.Column c : columns) {
        m.put(c.name(), r.isNullAt(r.fieldIndex(c.name())) ? null : r.get(r.fieldIndex(c.name())));
      }
      out.add(m);
    }
    return out;
  }

  @Test
  void sparkRowsAreTheLocalRunnersRowsBitForBit(@TempDir Path dir) {
    Sweep sweep = SweepFile.parse(SWEEP, "tiny.yaml");
    Schema schema = Schema.of(sweep);
    LocalSweep.Outcome local = LocalSweep.run(sweep, dir.resolve("local"), 2, Integer.MAX_VALUE, SweepListener.NONE);
    SparkSweep.Written w = SparkSweep.run(spark, SWEEP, "tiny.yaml", dir.resolve("spark").toString(), 0, SparkSweep.TaskProbe.NONE);
    assertThat(w.runs()).isEqualTo(4);
    List<Map<String, Object>> runs = collect(w.runsPath(), schema.runs());
    assertThat(runs).containsExactlyElementsOf(local.records().stream().map(RunRecord::run).toList());
    // doubles compared by bits, not by ==: equal maps of Doubles already compare bits (Double.equals)
    assertThat(runs.get(0).get("train_loss")).isInstanceOf(Double.class);
    // the stage rows too, and the table answers Spark SQL
    spark.read().parquet(w.stagesPath()).createOrReplaceTempView("stages");
    long inputRows = spark.sql("SELECT count(*) FROM stages WHERE layer = 0 AND betti = '1,0;1,1'").first().getLong(0);
    long localInput = local.records().stream().filter(r -> "1,0;1,1".equals(r.stages().get(0).get("betti"))).count();
    assertThat(inputRows).isEqualTo(localInput);
    List<Map<String, Object>> stages = new ArrayList<>();
    for (Row r : spark.read().parquet(w.stagesPath()).orderBy("run_index", "layer").collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      schema.stages().forEach(c -> m.put(c.name(), r.isNullAt(r.fieldIndex(c.name())) ? null : r.get(r.fieldIndex(c.name()))));
      stages.add(m);
    }
    assertThat(stages).containsExactlyElementsOf(local.records().stream().flatMap(r -> r.stages().stream()).toList());
  }

  /** A task that fails once after making a row: Spark tries it again; every run is in the table exactly once. */
  @Test
  void aRetriedTaskNeitherLosesNorDuplicatesRows(@TempDir Path dir) {
    Sweep sweep = SweepFile.parse(SWEEP, "tiny.yaml");
    Schema schema = Schema.of(sweep);
    SparkSweep.TaskProbe failOnce = (index, attempt, after) -> {
      if (index == 2 && attempt == 0 && after) {
        throw new IllegalStateException("planted failure of the first attempt");
      }
    };
    SparkSweep.Written w = SparkSweep.run(spark, SWEEP, "tiny.yaml", dir.resolve("spark").toString(), 2, failOnce);
    List<Map<String, Object>> runs = collect(w.runsPath(), schema.runs());
    assertThat(runs).hasSize(4);
    Map<Object, Integer> keys = new HashMap<>();
    runs.forEach(r -> keys.merge(r.get("key"), 1, Integer::sum));
    assertThat(keys).hasSize(4).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    LocalSweep.Outcome local = LocalSweep.run(sweep, dir.resolve("local"), 1, Integer.MAX_VALUE, SweepListener.NONE);
    assertThat(runs).containsExactlyElementsOf(local.records().stream().map(RunRecord::run).toList());
  }
}
