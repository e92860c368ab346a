package dev.knead.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSweepTest {
  static final String SWEEP = """
      name: killed
      data: {source: xor, seed: 2, test_share: 0.25, settings: {points: 200}}
      train:
        hidden: {width: [2, 4], depth: [1, 2]}
        epochs: 150
        seed: {from: 1, to: 3}
      measures: [accuracy, loss, separability]
      analysis: {max_per_class: 30}
      """;

  static long lines(Path journal) throws Exception {
    if (!Files.exists(journal)) {
      return 0;
    }
    return new String(Files.readAllBytes(journal), StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
  }

  @Test
  void theThreadCountDoesNotChangeABit(@TempDir Path dir) {
    Sweep s = SweepFile.parse(SWEEP, "k.yaml");
    LocalSweep.Outcome one = LocalSweep.run(s, dir.resolve("one"), 1, 5, SweepListener.NONE);
    LocalSweep.Outcome two = LocalSweep.run(s, dir.resolve("two"), 2, 5, SweepListener.NONE);
    assertThat(two.records()).isEqualTo(one.records());
    assertThat(one.records()).extracting(RunRecord::index).containsExactly(0, 1, 2, 3, 4);
  }

  /**
   * Kill -9 a sweep in its own JVM once some runs are in the journal, cut its last line in half as a
   * kill during a write would, resume: every run exactly once, and the same bits as a sweep never
   * interrupted.
   */
  @Test
  void aKilledSweepResumesWithNothingLostAndNothingDoneTwice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("killed.yaml");
    Files.writeString(file, SWEEP);
    Path out = dir.resolve("out");
    Path journal = out.resolve(Journal.FILE);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SweepProcess.class.getName(), file.toString(),
        out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (lines(journal) < 3 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the child was still sweeping when killed").isTrue();
    p.destroyForcibly().waitFor();
    long before = lines(journal);
    assertThat(before).isBetween(3L, 11L);
    assertThat(out.resolve("runs.csv")).doesNotExist();
    // a write cut short by the kill: half a line, no newline
    Files.write(journal, "{\"key\":\"abc\",\"index\":4,\"ru".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

    Sweep s = SweepFile.parse(SWEEP, "killed.yaml");
    int[] started = new int[2];
    LocalSweep.Outcome resumed = LocalSweep.run(s, out, 2, Integer.MAX_VALUE, new SweepListener() {
      @Override
      public void started(int total, int done) {
        started[0] = total;
        started[1] = done;
      }
    });
    assertThat(started[0]).isEqualTo(12);
    assertThat(resumed.resumed()).isEqualTo((int) before).isEqualTo(started[1]);
    assertThat(resumed.ran()).isEqualTo(12 - (int) before);
    // the journal: exactly one whole line per run, the cut line gone
    List<String> journalLines = Files.readAllLines(journal);
    assertThat(journalLines).hasSize(12).allSatisfy(l -> assertThat(l).endsWith("}"));
    assertThat(Journal.read(out, Schema.of(s))).hasSize(12);

    LocalSweep.Outcome clean = LocalSweep.run(s, dir.resolve("clean"), 1, Integer.MAX_VALUE, SweepListener.NONE);
    assertThat(resumed.records()).isEqualTo(clean.records());
    assertThat(Files.readString(out.resolve("runs.csv"))).isEqualTo(Files.readString(dir.resolve("clean").resolve("runs.csv")));
    assertThat(Files.readString(out.resolve("stages.jsonl"))).isEqualTo(Files.readString(dir.resolve("clean").resolve("stages.jsonl")));

    // a third call finds everything done and trains nothing
    assertThat(LocalSweep.run(s, out, 2, Integer.MAX_VALUE, SweepListener.NONE).ran()).isZero();
  }

  @Test
  void theTablesReadBackToTheSameBits(@TempDir Path dir) {
    Sweep s = SweepFile.parse(SWEEP, "k.yaml");
    LocalSweep.Outcome o = LocalSweep.run(s, dir, 2, 3, SweepListener.NONE);
    Tables.Meta meta = Tables.readMeta(dir);
    assertThat(meta.schema()).isEqualTo(Schema.of(s));
    assertThat(Tables.ordered(Journal.read(dir, meta.schema()))).isEqualTo(o.records());
  }

  @Test
  void aFolderOfASweepWithOtherMeasuresIsRefused(@TempDir Path dir) {
    LocalSweep.run(SweepFile.parse(SWEEP, "k.yaml"), dir, 1, 1, SweepListener.NONE);
    Sweep other = SweepFile.parse(SWEEP.replace("[accuracy, loss, separability]", "[accuracy]"), "k.yaml");
    assertThatThrownBy(() -> LocalSweep.run(other, dir, 1, 1, SweepListener.NONE)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("holds a sweep with other columns");
  }

  @Test
  void theSchemaListsEveryTrainingSettingOnce() {
    Schema schema = Schema.of(SweepFile.parse(SWEEP, "k.yaml"));
    for (dev.knead.core.train.ConfigField<?> f : dev.knead.core.train.TrainSchema.FIELDS) {
      assertThat(schema.runs()).extracting(Column::name).containsOnlyOnce(f.key());
    }
  }
}
