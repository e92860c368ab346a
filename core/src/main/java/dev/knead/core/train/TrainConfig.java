package dev.knead.core.train;

import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import java.util.List;

/**
 * Everything training needs besides the data: the shape, the first weights, the loss and the
 * optimiser, and when to stop. The CLI, the lab and the experiments all build this record.
 *
 * @param hidden widths of the hidden layers
 * @param activations one per hidden layer
 * @param initializer how the first weights are drawn
 * @param loss what is minimised
 * @param optimizer the update rule and its base learning rate
 * @param schedule how the learning rate changes
 * @param l1 L1 penalty on weights (not biases)
 * @param l2 L2 penalty on weights (not biases), ½·l2·‖W‖²
 * @param batch points per step; 0 means the whole training set (full batch)
 * @param epochs passes over the training set
 * @param targetAccuracy stop once training accuracy reaches it; above 1 means never
 * @param clip largest gradient norm allowed (global); 0 means no clipping
 * @param snapshotEvery keep the network every this many epochs (for scrubbing); 0 picks about 50
 * @param seed the only randomness: initial weights and batch order come from it
 * @param precision the arithmetic of each training step (the weights stay double)
 */
public record TrainConfig(
    List<Integer> hidden,
    List<Activation> activations,
    Initializer initializer,
    Loss loss,
    Optimizer optimizer,
    Schedule schedule,
    double l1,
    double l2,
    int batch,
    int epochs,
    double targetAccuracy,
    double clip,
    int snapshotEvery,
    long seed,
    Precision precision) {

  public static final int MAX_EPOCHS = 10_000_000;

  public TrainConfig {
    hidden = List.copyOf(hidden);
    activations = List.copyOf(activations);
    if (activations.size() != hidden.size()) {
      throw new BadInputException(activations.size() + " activations for " + hidden.size() + " hidden layers");
    }
    if (!(l1 >= 0 && l2 >= 0 && clip >= 0)) {
      throw new BadInputException("l1, l2 and clip must be ≥ 0");
    }
    if (batch < 0) {
      throw new BadInputException("batch must be ≥ 0 (0 = full batch), got " + batch);
    }
    if (epochs < 0 || epochs > MAX_EPOCHS) {
      throw new BadInputException("epochs must be in 0 … " + MAX_EPOCHS + ", got " + epochs);
    }
    if (snapshotEvery < 0) {
      throw new BadInputException("snapshot interval must be ≥ 0");
    }
    if (precision == null) {
      throw new BadInputException("precision must be float64 or float32");
    }
  }

  /** A config that trains in double ({@link Precision#FLOAT64}). */
  public TrainConfig(
      List<Integer> hidden,
      List<Activation> activations,
      Initializer initializer,
      Loss loss,
      Optimizer optimizer,
      Schedule schedule,
      double l1,
      double l2,
      int batch,
      int epochs,
      double targetAccuracy,
      double clip,
      int snapshotEvery,
      long seed) {
    this(hidden, activations, initializer, loss, optimizer, schedule, l1, l2, batch, epochs, targetAccuracy, clip, snapshotEvery, seed,
        Precision.FLOAT64);
  }

  /** Knead's defaults: tanh, Glorot, softmax cross-entropy, Adam at 0.03, full batch, 500 epochs. */
  public static TrainConfig defaults(List<Integer> hidden) {
    return new TrainConfig(
        hidden,
        java.util.Collections.nCopies(hidden.size(), Activation.TANH),
        Initializer.GLOROT,
        Loss.SOFTMAX_CROSS_ENTROPY,
        Optimizer.of(Optimizer.Kind.ADAM, 0.03),
        Schedule.CONSTANT,
        0,
        0,
        0,
        500,
        2,
        0,
        0,
        1);
  }

  public Architecture architecture(int inputDim, int classes) {
    return new Architecture(inputDim, hidden, activations, classes);
  }

  /** @return the snapshot interval actually used */
  public int snapshotInterval() {
    return snapshotEvery > 0 ? snapshotEvery : Math.max(1, epochs / 50);
  }

  public TrainConfig withEpochs(int e) {
    return new TrainConfig(hidden, activations, initializer, loss, optimizer, schedule, l1, l2, batch, e, targetAccuracy, clip, snapshotEvery, seed, precision);
  }

  public TrainConfig withSeed(long s) {
    return new TrainConfig(hidden, activations, initializer, loss, optimizer, schedule, l1, l2, batch, epochs, targetAccuracy, clip, snapshotEvery, s, precision);
  }

  public TrainConfig withOptimizer(Optimizer o) {
    return new TrainConfig(hidden, activations, initializer, loss, o, schedule, l1, l2, batch, epochs, targetAccuracy, clip, snapshotEvery, seed, precision);
  }

  public TrainConfig withHidden(List<Integer> widths, List<Activation> acts) {
    return new TrainConfig(widths, acts, initializer, loss, optimizer, schedule, l1, l2, batch, epochs, targetAccuracy, clip, snapshotEvery, seed, precision);
  }

  public TrainConfig withPrecision(Precision p) {
    return new TrainConfig(hidden, activations, initializer, loss, optimizer, schedule, l1, l2, batch, epochs, targetAccuracy, clip, snapshotEvery, seed, p);
  }

  public TrainConfig withLoss(Loss l) {
    return new TrainConfig(hidden, activations, initializer, l, optimizer, schedule, l1, l2, batch, epochs, targetAccuracy, clip, snapshotEvery, seed, precision);
  }
}
