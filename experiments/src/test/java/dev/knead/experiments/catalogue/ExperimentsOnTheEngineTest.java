package dev.knead.experiments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.train.TrainResult;
import dev.knead.experiments.Claim;
import dev.knead.experiments.ExperimentListener;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.Nets;
import dev.knead.experiments.Pool;
import dev.knead.experiments.SeedRow;
import dev.knead.experiments.Settings;
import dev.knead.sweep.RunRecord;
import dev.knead.sweep.Schema;
import dev.knead.sweep.Sweep;
import dev.knead.sweep.SweepFile;
import dev.knead.sweep.SweepRuns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The experiments run their networks on the sweep's engine: the same rows, bit for bit, as a plain loop. */
class ExperimentsOnTheEngineTest {
  static final Map<String, String> SMALL = Map.of("points", "40", "depths", "1", "epochs", "120");
  static final List<Long> SEEDS = List.of(1L, 2L);

  static List<SeedRow> rows(ExperimentResult r) {
    Set<SeedRow> out = new LinkedHashSet<>();
    for (Claim c : r.claims()) {
      out.addAll(c.rows());
    }
    return new ArrayList<>(out);
  }

  /**
   * The disk in the annulus, run by the experiment (its tasks on the engine, two threads), against
   * the same tasks in a plain loop on this thread, as the experiment did them before the engine:
   * every number of every row equal (Double.equals compares the bits), in the same order.
   */
  @Test
  void anExperimentsRowsAreTheBitsOfAPlainLoop() {
    DiskAnnulusExperiment e = new DiskAnnulusExperiment();
    Settings s = Settings.resolve(e, SMALL, true);
    int before = Pool.threads();
    Set<String> threads = Collections.synchronizedSet(new LinkedHashSet<>());
    ExperimentResult viaEngine;
    try {
      Pool.threads(2);
      viaEngine = e.run(s, SEEDS, true, new ExperimentListener() {
        @Override
        public void onProgress(String experiment, String message) {
          threads.add(Thread.currentThread().getName());
        }
      });
    } finally {
      Pool.threads(before);
    }
    assertThat(threads).allMatch(t -> t.startsWith("knead-sweep-")); // the engine's workers ran them

    Activation act = Activation.parse(s.text("activation"));
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr"));
    List<Integer> depths = s.wholes("depths");
    Map<String, String> data = Map.of("points", s.text("points"), "r1", s.text("r1"), "r2", s.text("r2"), "r3", s.text("r3"));
    List<SeedRow> plain = new ArrayList<>();
    for (long seed : SEEDS) {
      for (int d = 0; d <= depths.size(); d++) {
        Dataset ds = Datasets.generate("disk-annulus", data, seed);
        long netSeed = Nets.derive(seed, d);
        plain.add(d == depths.size()
            ? EnclosedDisk.wide(seed, netSeed, "width 3", ds, List.of(3), act, recipe, s.number("r1"), s.number("r2"), s.number("r3"))
            : EnclosedDisk.narrow(seed, netSeed, "width 2, depth " + depths.get(d), ds, Collections.nCopies(depths.get(d), 2), act,
                recipe, s.number("r1"), s.number("r2"), s.number("r3")));
      }
    }
    // the claims group rows by network kind; compare as the plain loop's rows, regrouped the same way
    List<SeedRow> expected = new ArrayList<>(plain.stream().filter(r -> r.label().startsWith("width 2")).toList());
    expected.addAll(plain.stream().filter(r -> r.label().equals("width 3")).toList());
    assertThat(rows(viaEngine)).containsExactlyElementsOf(expected);
  }

  /**
   * An experiment's network is a sweep point: the experiment's training of one task (data seed,
   * derived network seed, Adam, all points, no test split) and a sweep file saying the same give
   * the same final loss and accuracy, bit for bit.
   */
  @Test
  void anExperimentsNetworkIsASweepPointWithTheSameBits() {
    long dataSeed = 3;
    long netSeed = Nets.derive(dataSeed, 0);
    Map<String, String> data = Map.of("points", "40");
    Nets.Recipe recipe = Nets.Recipe.of(120, 0.03);
    TrainResult experiment = Nets.train(Datasets.generate("disk-annulus", data, dataSeed), List.of(2, 2),
        Activation.parse("tanh"), recipe, netSeed);
    Sweep sweep = SweepFile.parse(String.format(Locale.ROOT, """
        name: same-bits
        data: {source: disk-annulus, seed: %d, test_share: 0, settings: {points: 40}}
        train:
          hidden: [2, 2]
          activations: tanh
          optimizer: adam
          lr: 0.03
          epochs: 120
          snapshot_every: 120
          seed: %d
        measures: [accuracy, loss]
        """, dataSeed, netSeed), "same-bits.yaml");
    RunRecord row = SweepRuns.run(sweep, Schema.of(sweep), sweep.point(0));
    assertThat(row.run().get("train_loss")).isEqualTo(experiment.trainLoss());
    assertThat(row.run().get("train_accuracy")).isEqualTo(experiment.trainAccuracy());
    assertThat(row.run().get("epochs_run")).isEqualTo((long) experiment.epochs());
  }
}
