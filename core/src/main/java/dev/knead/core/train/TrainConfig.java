package dev.knead.core.train;

import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.LayerSpecs;
import dev.knead.core.net.Initializer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything training needs besides the data: one value for every setting of
 * {@link TrainSchema} (the shape, the first weights, the loss and the optimiser, when to stop).
 * Immutable; {@link #with} makes a changed copy. The CLI, the lab and the experiments all build
 * this value, and the typed accessors below read it.
 */
public final class TrainConfig {
  /** The snapshot interval picked when none is given keeps about this many networks. */
  public static final int SNAPSHOTS = 50;
  /** The largest number of epochs ({@link TrainSchema#EPOCHS}' range). */
  public static final int MAX_EPOCHS = TrainSchema.MAX_EPOCHS;

  private final Map<ConfigField<?>, Object> values;
  private final List<Activation> activations;
  private final Optimizer optimizer;

  private TrainConfig(Map<ConfigField<?>, Object> given) {
    Map<ConfigField<?>, Object> v = new LinkedHashMap<>();
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      Object x = given.containsKey(f) ? given.get(f) : f.defaultValue();
      if (x == null) {
        throw new BadInputException(f.key() + ": a value is required");
      }
      check(f, x);
      v.put(f, x);
    }
    List<Integer> hidden = TrainSchema.HIDDEN.cast(v.get(TrainSchema.HIDDEN));
    List<Activation> acts = TrainSchema.ACTIVATIONS.cast(v.get(TrainSchema.ACTIVATIONS));
    // one activation (or none given) stands for every hidden layer; a list names one per layer
    if (acts.isEmpty()) {
      acts = Collections.nCopies(hidden.size(), Activation.TANH);
    } else if (acts.size() == 1 && hidden.size() != 1) {
      acts = Collections.nCopies(hidden.size(), acts.get(0));
    }
    if (acts.size() != hidden.size()) {
      throw new BadInputException(acts.size() + " activations for " + hidden.size() + " hidden layers");
    }
    this.activations = List.copyOf(acts);
    v.put(TrainSchema.ACTIVATIONS, this.activations);
    this.values = Collections.unmodifiableMap(v);
    this.optimizer = new Optimizer(get(TrainSchema.OPTIMIZER), get(TrainSchema.LR), get(TrainSchema.MOMENTUM), get(TrainSchema.BETA1),
        get(TrainSchema.BETA2), get(TrainSchema.EPSILON));
  }

  /** A value set in code is checked against its field's range as a typed-in one would be. */
  private static void check(ConfigField<?> f, Object x) {
    Optional<ConfigField.Range> r = f.range();
    if (r.isEmpty()) {
      return;
    }
    Object j = toJsonOf(f, x);
    if (j instanceof Number n && !r.get().contains(n.doubleValue()) && f.kind() != ConfigField.Kind.INTEGER) {
      throw new BadInputException(f.key() + " must be a number " + r.get().describe() + ", got " + n);
    }
    if (j instanceof Double d && !Double.isFinite(d)) {
      throw new BadInputException(f.key() + " must be a finite number, got " + d);
    }
    if (j instanceof Long n && !r.get().contains(n)) {
      throw new BadInputException(f.key() + " must be " + r.get().describe() + ", got " + n);
    }
    if (j instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Number n && !r.get().contains(n.doubleValue())) {
          throw new BadInputException(f.key() + ": every item must be " + r.get().describe() + ", got " + n);
        }
      }
    }
  }

  private static <T> Object toJsonOf(ConfigField<T> f, Object x) {
    return f.toJson(f.cast(x));
  }

  /** @return the config with every setting at its default */
  public static TrainConfig defaults() {
    return new TrainConfig(Map.of());
  }

  /** Knead's defaults with these hidden widths (tanh, Glorot, softmax cross-entropy, Adam at 0.03, full batch, 1000 epochs). */
  public static TrainConfig defaults(List<Integer> hidden) {
    return defaults().with(TrainSchema.HIDDEN, hidden);
  }

  /**
   * @param values some settings; the rest take their defaults
   * @throws BadInputException if a value is out of its range or the settings disagree
   */
  public static TrainConfig of(Map<ConfigField<?>, Object> values) {
    return new TrainConfig(values);
  }

  /** @return the value of a setting */
  public <T> T get(ConfigField<T> field) {
    return field.cast(values.get(field));
  }

  /** @return a copy with one setting changed (checked like any other value) */
  public <T> TrainConfig with(ConfigField<T> field, T value) {
    Map<ConfigField<?>, Object> v = new LinkedHashMap<>(values);
    v.put(field, value);
    return new TrainConfig(v);
  }

  /** @return every setting and its value, in {@link TrainSchema#FIELDS} order */
  public Map<ConfigField<?>, Object> values() {
    return values;
  }

  // ---- typed accessors ----

  public List<Integer> hidden() {
    return get(TrainSchema.HIDDEN);
  }

  /** @return one activation per hidden layer */
  public List<Activation> activations() {
    return activations;
  }

  public Initializer initializer() {
    return get(TrainSchema.INIT);
  }

  public Loss loss() {
    return get(TrainSchema.LOSS);
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Schedule schedule() {
    return get(TrainSchema.SCHEDULE);
  }

  public double l1() {
    return get(TrainSchema.L1);
  }

  public double l2() {
    return get(TrainSchema.L2);
  }

  /** @return points per step; 0 means the whole training set */
  public int batch() {
    return (int) (long) get(TrainSchema.BATCH);
  }

  public int epochs() {
    return (int) (long) get(TrainSchema.EPOCHS);
  }

  /** @return the training accuracy at which training stops; empty: never stop early */
  public Optional<Double> targetAccuracy() {
    return get(TrainSchema.TARGET_ACCURACY);
  }

  /** @return the largest gradient norm; 0 means no clipping */
  public double clip() {
    return get(TrainSchema.CLIP);
  }

  /** @return the snapshot interval asked for; 0 means {@link #snapshotInterval} picks one */
  public int snapshotEvery() {
    return (int) (long) get(TrainSchema.SNAPSHOT_EVERY);
  }

  public long seed() {
    return get(TrainSchema.SEED);
  }

  public Precision precision() {
    return get(TrainSchema.PRECISION);
  }

  /** @return the --layers sequence ({@link LayerSpecs#NONE}: the network is the hidden widths and activations) */
  public LayerSpecs layers() {
    return get(TrainSchema.LAYERS);
  }

  public Architecture architecture(int inputDim, int classes) {
    return new Architecture(inputDim, hidden(), activations, classes);
  }

  /** @return the snapshot interval actually used (about {@link #SNAPSHOTS} snapshots when none is asked for) */
  public int snapshotInterval() {
    return snapshotEvery() > 0 ? snapshotEvery() : Math.max(1, epochs() / SNAPSHOTS);
  }

  public TrainConfig withEpochs(int e) {
    return with(TrainSchema.EPOCHS, (long) e);
  }

  public TrainConfig withSeed(long s) {
    return with(TrainSchema.SEED, s);
  }

  /** @return a copy with every optimiser setting taken from o */
  public TrainConfig withOptimizer(Optimizer o) {
    Map<ConfigField<?>, Object> v = new LinkedHashMap<>(values);
    v.put(TrainSchema.OPTIMIZER, o.kind());
    v.put(TrainSchema.LR, o.learningRate());
    v.put(TrainSchema.MOMENTUM, o.momentum());
    v.put(TrainSchema.BETA1, o.beta1());
    v.put(TrainSchema.BETA2, o.beta2());
    v.put(TrainSchema.EPSILON, o.epsilon());
    return new TrainConfig(v);
  }

  public TrainConfig withHidden(List<Integer> widths, List<Activation> acts) {
    Map<ConfigField<?>, Object> v = new LinkedHashMap<>(values);
    v.put(TrainSchema.HIDDEN, List.copyOf(widths));
    v.put(TrainSchema.ACTIVATIONS, List.copyOf(acts));
    return new TrainConfig(v);
  }

  public TrainConfig withPrecision(Precision p) {
    return with(TrainSchema.PRECISION, p);
  }

  public TrainConfig withLoss(Loss l) {
    return with(TrainSchema.LOSS, l);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainConfig c && c.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("TrainConfig[");
    values.forEach((f, x) -> b.append(b.length() > 12 ? ", " : "").append(f.key()).append('=').append(toJsonOf(f, x)));
    return b.append(']').toString();
  }
}
