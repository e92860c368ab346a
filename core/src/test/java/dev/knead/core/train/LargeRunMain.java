package dev.knead.core.train;

import dev.knead.core.data.Dataset;
import dev.knead.core.net.Activation;
import java.util.List;

/**
 * Trains a small network for one epoch on args[0] random points in the given precision: what
 * {@link TrainingMemoryTest} runs in a JVM with a small heap. Exits 0 when the run completes.
 */
public final class LargeRunMain {
  private LargeRunMain() {}

  public static void main(String[] args) {
    final int n = Integer.parseInt(args[0]);
    final Precision precision = Precision.valueOf(args[1]);
    Dataset train = Fixtures.random(n, 2, 2, 1);
    Dataset test = Fixtures.random(n / 4, 2, 2, 2);
    TrainConfig c = TrainConfig.defaults().withHidden(List.of(16, 16), List.of(Activation.RELU, Activation.RELU))
        .with(TrainSchema.BATCH, 128L).withEpochs(1).withSeed(3).withPrecision(precision);
    TrainResult r = Trainer.train(train, test, c, TrainListener.NONE);
    if (r.history().size() != 1 || !Double.isFinite(r.trainLoss()) || !Double.isFinite(r.testLoss())) {
      System.exit(3);
    }
  }
}
