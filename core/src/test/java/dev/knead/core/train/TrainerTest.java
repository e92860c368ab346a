package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.net.Activation;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainerTest {
  private static TrainConfig config(List<Integer> hidden, int epochs, long seed) {
    return TrainConfig.defaults(hidden).withEpochs(epochs).withSeed(seed);
  }

  @Test
  void widthThreeSeparatesTheDiskFromTheRing() {
    Dataset data = Fixtures.diskInRing(150, 1);
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), config(List.of(3), 600, 2), TrainListener.NONE);
    assertThat(r.trainAccuracy()).isGreaterThanOrEqualTo(0.99);
    assertThat(r.history()).hasSize(600);
    assertThat(r.history().get(599).loss()).isLessThan(r.history().get(0).loss() / 5);
    assertThat(r.rewinds()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Optimizer.Kind.class)
  void everyOptimizerLowersTheLoss(Optimizer.Kind kind) {
    Dataset data = Fixtures.diskInRing(60, 3);
    double lr = kind == Optimizer.Kind.ADAM ? 0.02 : 0.3;
    TrainConfig c = config(List.of(4), 200, 5).withOptimizer(Optimizer.of(kind, lr));
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), c, TrainListener.NONE);
    assertThat(r.trainLoss()).isLessThan(r.history().get(0).loss());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 32})
  void sameSeedGivesTheSameBits(int batch) {
    Dataset data = Fixtures.diskInRing(50, 4);
    Dataset test = Fixtures.diskInRing(20, 5);
    TrainConfig c = TrainConfig.defaults().withHidden(List.of(3, 3), List.of(Activation.TANH, Activation.RELU))
        .withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, 0.01)).with(TrainSchema.SCHEDULE, Schedule.parse("step:10:0.5"))
        .with(TrainSchema.L1, 0.001).with(TrainSchema.L2, 0.001).with(TrainSchema.BATCH, (long) batch).withEpochs(30)
        .with(TrainSchema.CLIP, 1.0).withSeed(77);
    TrainResult a = Trainer.train(data, test, c, TrainListener.NONE);
    TrainResult b = Trainer.train(data, test, c, TrainListener.NONE);
    assertThat(b.network()).isEqualTo(a.network());
    assertThat(b.history()).isEqualTo(a.history());
    TrainResult other = Trainer.train(data, test, c.withSeed(78), TrainListener.NONE);
    assertThat(other.network()).isNotEqualTo(a.network());
  }

  @Test
  void snapshotsStartAtTheInitialWeightsAndEndAtTheResult() {
    Dataset data = Fixtures.diskInRing(40, 6);
    TrainConfig c = config(List.of(3), 100, 9);
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), c, TrainListener.NONE);
    assertThat(r.snapshots()).extracting(Snapshot::epoch).startsWith(0, 2, 4).endsWith(100);
    assertThat(r.snapshots().get(r.snapshots().size() - 1).network()).isEqualTo(r.network());
    SplittableRandom root = new SplittableRandom(c.seed());
    assertThat(r.snapshots().get(0).network())
        .isEqualTo(c.initializer().build(c.architecture(2, 2), root.split()));
  }

  @Test
  void stopsAtTheTargetLossAsMeasuredPointByPoint() {
    Dataset data = Fixtures.diskInRing(60, 7);
    TrainConfig c = config(List.of(4), 5000, 1).with(TrainSchema.TARGET_LOSS, Optional.of(0.2));
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), c, TrainListener.NONE);
    assertThat(r.status()).isEqualTo(TrainResult.Status.TARGET_REACHED);
    assertThat(r.epochs()).isLessThan(5000);
    // the oracle: mean softmax cross-entropy of the returned network, one point at a time
    double sum = 0;
    int[] y = data.labels();
    for (int i = 0; i < data.size(); i++) {
      double[] z = r.network().logits(data.points().row(i));
      double max = java.util.Arrays.stream(z).max().orElseThrow();
      double norm = 0;
      for (double v : z) {
        norm += Math.exp(v - max);
      }
      sum += max + Math.log(norm) - z[y[i]];
    }
    assertThat(sum / data.size()).isLessThanOrEqualTo(0.2).isCloseTo(r.trainLoss(), org.assertj.core.api.Assertions.within(1e-12));
    // and training without the target runs on past that epoch
    TrainResult all = Trainer.train(data, Fixtures.empty(2, 2), c.with(TrainSchema.TARGET_LOSS, Optional.empty()).withEpochs(r.epochs() + 5),
        TrainListener.NONE);
    assertThat(all.status()).isEqualTo(TrainResult.Status.COMPLETED);
    assertThat(all.epochs()).isEqualTo(r.epochs() + 5);
    assertThat(all.history().subList(0, r.epochs())).isEqualTo(r.history());
  }

  @Test
  void stopsAtTheTargetAccuracy() {
    Dataset data = Fixtures.diskInRing(60, 7);
    TrainConfig c = config(List.of(4), 5000, 1);
    c = c.withEpochs(5000).with(TrainSchema.TARGET_ACCURACY, Optional.of(0.95)).withSeed(1);
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), c, TrainListener.NONE);
    assertThat(r.status()).isEqualTo(TrainResult.Status.TARGET_REACHED);
    assertThat(r.epochs()).isLessThan(5000);
    assertThat(r.history().get(r.epochs() - 1).trainAccuracy()).isGreaterThanOrEqualTo(0.95);
    // the network returned is one that really scores the target, not the one before the last step
    assertThat(r.trainAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void divergenceIsRewoundNeverSilent() {
    Dataset data = Fixtures.diskInRing(60, 8);
    // plain SGD at rate 90 with squared error on a ReLU net blows up at once
    TrainConfig c = config(List.of(8, 8), 60, 3)
        .withHidden(List.of(8, 8), List.of(Activation.RELU, Activation.RELU))
        .withOptimizer(Optimizer.of(Optimizer.Kind.SGD, 90))
        .withLoss(Loss.SQUARED_ERROR);
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), c, TrainListener.NONE);
    assertThat(r.rewinds()).isNotEmpty();
    assertThat(r.rewinds().get(0).learningRateAfter()).isEqualTo(45);
    assertThat(r.history()).allSatisfy(e -> assertThat(e.loss()).isFinite());
    assertThat(r.trainLoss()).isFinite();
    for (int l = 0; l < r.network().layers().size(); l++) {
      assertThat(java.util.Arrays.stream(r.network().layer(l).weights().toArray()).allMatch(Double::isFinite)).isTrue();
    }
  }

  @Test
  void theGuardKeepsTheLastNetworkWhoseLossWasChecked() {
    // knead train --data moons --hidden 3 --lr 100 --epochs 100: Adam at rate 100 explodes within
    // an epoch, so the weights an epoch ends with must not be called good before their loss is
    // known (this run once rewound 12 times to one exploded state and saved loss 77 from 0.73)
    TrainConfig c = config(List.of(3), 100, 1).withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, 100));
    dev.knead.core.run.Run run = dev.knead.core.run.Runs.execute(
        new dev.knead.core.run.ExperimentConfig(dev.knead.core.run.DataSpec.of("moons", 1), c), TrainListener.NONE);
    TrainResult r = run.result();
    Workspace ws = new Workspace(r.snapshots().get(0).network(), run.split().train().size());
    int[] right = new int[1];
    double initial = ws.lossAndGradient(
        run.split().train().points().toArray(), run.split().train().labels(), run.split().train().size(),
        c.loss(), false, right);
    assertThat(r.rewinds()).isNotEmpty();
    assertThat(r.trainLoss()).isFinite().isLessThanOrEqualTo(initial);
    // no two rewinds in a row go back to the same epoch with the same complaint: a good state,
    // once rewound to, trains on at the halved rate
    for (int i = 1; i < r.rewinds().size(); i++) {
      Rewind a = r.rewinds().get(i - 1);
      Rewind b = r.rewinds().get(i);
      assertThat(b.epoch() == a.epoch() && b.backTo() == a.backTo() && b.reason().equals(a.reason()))
          .as("rewind %d repeats rewind %d: %s", i, i - 1, b).isFalse();
    }
  }

  @Test
  void aRunThatNeverCalmsDownReturnsTheUntrainedNetwork() {
    // inputs 10⁴ wide, ReLU, squared error, plain SGD at 100: even after 12 halvings (0.024) every
    // step blows up, so no state after the start is ever checked good and the run must hand back
    // the initial weights
    Dataset ring = Fixtures.diskInRing(40, 11);
    double[] xy = ring.points().toArray();
    for (int i = 0; i < xy.length; i++) {
      xy[i] *= 1e4;
    }
    Dataset data = new Dataset("wide ring", java.util.Map.of(), dev.knead.core.data.Points.of(ring.size(), 2, xy),
        ring.labels(), ring.classNames(), dev.knead.core.data.GroundTruth.unknown());
    TrainConfig c = config(List.of(8, 8), 30, 5)
        .withHidden(List.of(8, 8), List.of(Activation.RELU, Activation.RELU))
        .withOptimizer(Optimizer.of(Optimizer.Kind.SGD, 100))
        .withLoss(Loss.SQUARED_ERROR);
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), c, TrainListener.NONE);
    assertThat(r.status()).isEqualTo(TrainResult.Status.DIVERGED);
    assertThat(r.rewinds()).hasSize(Trainer.MAX_REWINDS);
    assertThat(r.network()).isEqualTo(r.snapshots().get(0).network());
    assertThat(r.snapshots()).extracting(Snapshot::epoch).containsExactly(0);
  }

  @Test
  void checkingTheGoodStateLeavesANormalRunsBitsAlone() {
    // the guard's check runs at snapshot epochs only: if it disturbed the training state, runs
    // with different snapshot intervals would part ways
    Dataset data = Fixtures.diskInRing(50, 4);
    for (Precision precision : Precision.values()) {
      for (int batch : new int[] {0, 16}) {
        TrainConfig every1 = TrainConfig.defaults().withHidden(List.of(3, 3), List.of(Activation.TANH, Activation.RELU))
            .withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, 0.01)).with(TrainSchema.L1, 0.001).with(TrainSchema.L2, 0.001)
            .with(TrainSchema.BATCH, (long) batch).withEpochs(30).with(TrainSchema.CLIP, 1.0)
            .with(TrainSchema.SNAPSHOT_EVERY, 1L).withSeed(77).withPrecision(precision);
        TrainConfig every30 = TrainConfig.defaults().withHidden(List.of(3, 3), List.of(Activation.TANH, Activation.RELU))
            .withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, 0.01)).with(TrainSchema.L1, 0.001).with(TrainSchema.L2, 0.001)
            .with(TrainSchema.BATCH, (long) batch).withEpochs(30).with(TrainSchema.CLIP, 1.0)
            .with(TrainSchema.SNAPSHOT_EVERY, 30L).withSeed(77).withPrecision(precision);
        TrainResult a = Trainer.train(data, Fixtures.empty(2, 2), every1, TrainListener.NONE);
        TrainResult b = Trainer.train(data, Fixtures.empty(2, 2), every30, TrainListener.NONE);
        assertThat(a.rewinds()).isEmpty();
        assertThat(b.network()).isEqualTo(a.network());
        assertThat(b.history()).isEqualTo(a.history());
      }
    }
  }

  @Test
  void cancelledTrainingSaysSo() {
    Dataset data = Fixtures.diskInRing(30, 9);
    int[] seen = {0};
    TrainListener stopAfter5 = new TrainListener() {
      @Override
      public void onEpoch(Epoch e, java.util.function.Supplier<dev.knead.core.net.Network> n) {
        seen[0]++;
      }

      @Override
      public boolean cancelled() {
        return seen[0] >= 5;
      }
    };
    TrainResult r = Trainer.train(data, Fixtures.empty(2, 2), config(List.of(3), 100, 1), stopAfter5);
    assertThat(r.status()).isEqualTo(TrainResult.Status.CANCELLED);
    assertThat(r.epochs()).isEqualTo(5);
  }

  @Test
  void clippingBoundsTheGradientNorm() {
    double[] g = {3, 4};
    Trainer.clip(g, 1);
    assertThat(Math.hypot(g[0], g[1])).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-15));
    double[] small = {0.3, 0.4};
    Trainer.clip(small, 1);
    assertThat(small).containsExactly(0.3, 0.4);
  }
}
