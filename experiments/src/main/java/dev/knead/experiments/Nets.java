package dev.knead.experiments;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Network;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Schedule;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainSchema;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.Trainer;
import dev.knead.core.trace.Domain;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Training and reading hidden stages, the way every experiment does it. */
public final class Nets {
  private Nets() {}

  /**
   * How an experiment trains: Adam, full batch, softmax cross-entropy, Glorot weights.
   *
   * @param epochs most passes over the data
   * @param learningRate Adam's base rate
   * @param stopAtPerfect stop once training accuracy is 100 % (the network is then "well trained")
   * @param schedule e.g. halve every 1,000 epochs (Naitzat et al. halve every 2,500)
   */
  public record Recipe(int epochs, double learningRate, boolean stopAtPerfect, Schedule schedule) {
    public static Recipe of(int epochs, double learningRate) {
      return new Recipe(epochs, learningRate, false, Schedule.CONSTANT);
    }

    public Recipe untilPerfect() {
      return new Recipe(epochs, learningRate, true, schedule);
    }

    public Recipe with(Schedule s) {
      return new Recipe(epochs, learningRate, stopAtPerfect, s);
    }
  }

  /** Trains on all of {@code data} (no test split) from the given seed. */
  public static TrainResult train(Dataset data, List<Integer> hidden, Activation act, Recipe r, long seed) {
    TrainConfig c = TrainConfig.defaults().withHidden(hidden, Collections.nCopies(hidden.size(), act))
        .withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, r.learningRate()))
        .with(TrainSchema.SCHEDULE, r.schedule())
        .withEpochs(r.epochs())
        .with(TrainSchema.TARGET_ACCURACY, r.stopAtPerfect() ? Optional.of(1.0) : Optional.<Double>empty())
        .with(TrainSchema.SNAPSHOT_EVERY, (long) Math.max(1, r.epochs()))
        .withSeed(seed);
    return Trainer.train(data, data.select(new int[0]), c, TrainListener.NONE);
  }

  /** Trains a --layers network (e.g. {@code ode:2}) on all of {@code data} from the given seed. */
  public static TrainResult trainLayers(Dataset data, String layers, Recipe r, long seed) {
    TrainConfig c = TrainConfig.defaults().with(TrainSchema.LAYERS, dev.knead.core.net.LayerSpecs.parse(layers))
        .withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, r.learningRate()))
        .with(TrainSchema.SCHEDULE, r.schedule())
        .withEpochs(r.epochs())
        .with(TrainSchema.TARGET_ACCURACY, r.stopAtPerfect() ? Optional.of(1.0) : Optional.<Double>empty())
        .with(TrainSchema.SNAPSHOT_EVERY, (long) Math.max(1, r.epochs()))
        .withSeed(seed);
    return Trainer.train(data, data.select(new int[0]), c, TrainListener.NONE);
  }

  /**
   * The points at the input, after every hidden layer (its bend) and at the logits.
   *
   * @return one n × d array per stage
   */
  public static List<double[][]> stages(Network net, Points points) {
    Trace t = Tracer.layers(net, points, new int[points.n()], Domain.around(points, Tracer.Options.POINTS_ONLY.margin()),
        Tracer.Options.POINTS_ONLY);
    List<double[][]> out = new ArrayList<>();
    for (Stage s : t.layerEnds()) {
      out.add(rows(s.points()));
    }
    return out;
  }

  public static double[][] rows(Points p) {
    double[][] r = new double[p.n()][];
    for (int i = 0; i < p.n(); i++) {
      r[i] = p.row(i);
    }
    return r;
  }

  /** @return the share of points the network labels correctly */
  public static double accuracy(Network net, double[][] x, int[] y) {
    int ok = 0;
    for (int i = 0; i < x.length; i++) {
      ok += net.predict(x[i]) == y[i] ? 1 : 0;
    }
    return x.length == 0 ? Double.NaN : ok / (double) x.length;
  }

  /** A seed for a sub-task of a run, derived from the run's seed and the task's index. */
  public static long derive(long seed, long task) {
    long z = seed * 0x9E3779B97F4A7C15L + task * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
