package dev.knead.core.train;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.LayerSpecs;
import dev.knead.core.train.ConfigField.Range;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of training, once: the CLI's flags and --help, the lab's request, the page's
 * controls (GET /api/schema) and the run file's config.train are all read off this table. Adding
 * a setting is adding one line here (and the code that uses it).
 */
public final class TrainSchema {
  private TrainSchema() {}

  public static final int MAX_EPOCHS = 10_000_000;

  public static final ConfigField<List<Integer>> HIDDEN = ConfigField.list("hidden", List.of(3), Architecture.MAX_DEPTH,
      ConfigField.wholeItem(1, Architecture.MAX_WIDTH), Range.closed(1, Architecture.MAX_WIDTH), "units", "Hidden widths, e.g. 3,3; none for no hidden layer", List.of()).inNetwork();

  public static final ConfigField<List<Activation>> ACTIVATIONS = ConfigField.list("activations", List.of(Activation.TANH), Architecture.MAX_DEPTH,
      ConfigField.namedItem(Activation::parse, Activation::label), null, "",
      "One activation for every hidden layer, or one per layer", List.of("tanh", "sigmoid", "softplus", "relu", "leaky-relu", "elu", "sin",
          "identity")).inNetwork().alsoFlags("--activation");

  public static final ConfigField<LayerSpecs> LAYERS = ConfigField.choice("layers", LayerSpecs.NONE,
      List.of("none", "ode:2", "ode:3", "ode:2:dopri", "coupling,coupling,coupling,coupling", "residual,residual,residual",
          "knn:32", "ode:2,knn:32", "ode:2,dense:3:tanh,knn:32"), LayerSpecs::parse, LayerSpecs::label,
      "Blocks in order, e.g. ode:2,dense:3:tanh,knn:32 (dense, ode, coupling, residual, knn; see docs/layers.md); none = the"
          + " hidden widths and activations").inNetwork();

  public static final ConfigField<Initializer> INIT = ConfigField.choice("init", Initializer.GLOROT, List.of("glorot", "he", "uniform:0.5"),
      Initializer::parse, Initializer::label, "How the first weights are drawn: glorot, he or uniform:a").inNetwork()
      .storedAt("initializer");

  public static final ConfigField<Loss> LOSS = ConfigField.choice("loss", Loss.SOFTMAX_CROSS_ENTROPY,
      List.of("softmax-ce", "binary-ce", "squared"), Loss::parse, Loss::label, "What is minimised: softmax-ce, binary-ce or squared");

  public static final ConfigField<Optimizer.Kind> OPTIMIZER = ConfigField.choice("optimizer", Optimizer.Kind.ADAM,
      List.of("adam", "sgd", "momentum", "nesterov"), Optimizer::parseKind, ConfigField::lower,
      "The update rule: sgd, momentum, nesterov or adam").storedAt("optimizer.kind");

  public static final ConfigField<Double> LR = ConfigField.number("lr", 0.03, new Range(0, true, 100, false), "",
      "Base learning rate (the schedule scales it)").storedAt("optimizer.learning_rate");

  public static final ConfigField<Double> MOMENTUM = ConfigField.number("momentum", 0.9, new Range(0, false, 1, true), "",
      "Momentum μ for momentum and nesterov").storedAt("optimizer.momentum");

  public static final ConfigField<Double> BETA1 = ConfigField.number("beta1", 0.9, new Range(0, false, 1, true), "",
      "Adam's first-moment decay β1").storedAt("optimizer.beta1");

  public static final ConfigField<Double> BETA2 = ConfigField.number("beta2", 0.999, new Range(0, false, 1, true), "",
      "Adam's second-moment decay β2").storedAt("optimizer.beta2");

  public static final ConfigField<Double> EPSILON = ConfigField.number("epsilon", 1e-8, new Range(0, true, 1, false), "",
      "Adam's denominator guard ε").storedAt("optimizer.epsilon");

  public static final ConfigField<Schedule> SCHEDULE = ConfigField.choice("schedule", Schedule.CONSTANT,
      List.of("constant", "cosine", "step:200:0.5"), Schedule::parse, Schedule::label,
      "How the learning rate changes: constant, cosine or step:EVERY:FACTOR");

  public static final ConfigField<Double> L1 = ConfigField.number("l1", 0, Range.atLeast(0), "",
      "L1 penalty on weights (not biases)");

  public static final ConfigField<Double> L2 = ConfigField.number("l2", 0, Range.atLeast(0), "",
      "L2 penalty on weights (not biases), ½·l2·‖W‖²");

  public static final ConfigField<Long> BATCH = ConfigField.integer("batch", 0, 0, 1_000_000_000, "points",
      "Points per step; 0 = the whole training set (full batch)");

  public static final ConfigField<Long> EPOCHS = ConfigField.integer("epochs", 1000, 0, MAX_EPOCHS, "epochs",
      "Passes over the training points");

  public static final ConfigField<Optional<Double>> TARGET_ACCURACY = ConfigField.optionalNumber("target_accuracy",
      new Range(0, true, 1, false), "never stop early", "", "Stop once training accuracy reaches this share");

  public static final ConfigField<Optional<Double>> TARGET_LOSS = ConfigField.optionalNumber("target_loss", Range.atLeast(0),
      "never stop early", "", "Stop once the training loss (without penalties) is at most this");

  public static final ConfigField<Double> CLIP = ConfigField.number("clip", 0, Range.atLeast(0), "",
      "Largest global gradient norm; 0 = no clipping");

  public static final ConfigField<Long> SNAPSHOT_EVERY = ConfigField.integer("snapshot_every", 0, 0, MAX_EPOCHS, "epochs",
      "Keep the network every this many epochs for scrubbing; 0 = about " + TrainConfig.SNAPSHOTS + " snapshots");

  public static final ConfigField<Long> SEED = ConfigField.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, "",
      "Seed of the initial weights and the batch order");

  public static final ConfigField<Precision> PRECISION = ConfigField.choice("precision", Precision.FLOAT64,
      List.of("float64", "float32"), Precision::parse, Precision::label,
      "Arithmetic of each step: float64 (exact) or float32 (faster, as PyTorch; the weights stay double)");

  /** Every setting, in the order of --help, the page and the run file. */
  public static final List<ConfigField<?>> FIELDS = List.of(HIDDEN, ACTIVATIONS, LAYERS, INIT, LOSS, OPTIMIZER, LR, MOMENTUM, BETA1, BETA2,
      EPSILON, SCHEDULE, L1, L2, BATCH, EPOCHS, TARGET_ACCURACY, TARGET_LOSS, CLIP, SNAPSHOT_EVERY, SEED, PRECISION);

  /** @return the field with this key */
  public static Optional<ConfigField<?>> field(String key) {
    return FIELDS.stream().filter(f -> f.key().equals(key)).findFirst();
  }
}
