package dev.knead.experiments.catalogue;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.train.TrainResult;
import dev.knead.experiments.Claim;
import dev.knead.experiments.Experiment;
import dev.knead.experiments.ExperimentListener;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.Nets;
import dev.knead.experiments.ExperimentParam;
import dev.knead.experiments.Pool;
import dev.knead.experiments.Protocol;
import dev.knead.experiments.Protocols;
import dev.knead.experiments.SeedRow;
import dev.knead.experiments.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Spirals of growing entanglement (turns) against width and depth: possible, but harder. */
public final class SpiralsExperiment implements Experiment {
  @Override
  public String name() {
    return "spirals";
  }

  @Override
  public String claim() {
    return "Two spirals are separable by a narrow deep enough network (no topological obstruction), but the more turns,"
        + " the harder: accuracy over a width × depth grid falls as entanglement grows.";
  }

  @Override
  public String citation() {
    return "C. Olah (2014), 'spirals are possible but hard'; TensorFlow Playground's spiral";
  }

  @Override
  public Protocol kind() {
    return Protocol.TREND;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("points", "200", "100", "points per class"),
        new ExperimentParam("turns", "0.5,1,1.5,2", "0.5,1.5", "turns of each arm (entanglement)"),
        new ExperimentParam("widths", "2,4,8", "2,8", "hidden widths"),
        ExperimentParam.of("depths", "1,3", "depths"),
        new ExperimentParam("epochs", "1500", "500", "training epochs"),
        ExperimentParam.of("lr", "0.03", "Adam learning rate"),
        ExperimentParam.of("activation", "tanh", "hidden activation"));
  }

  @Override
  public int defaultSeeds(boolean quick) {
    return quick ? 2 : 5;
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    Activation act = Activation.parse(s.text("activation"));
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr")).untilPerfect();
    List<Double> turns = s.numbers("turns");
    List<Integer> widths = s.wholes("widths");
    List<Integer> depths = s.wholes("depths");
    record Task(long seed, double turns, int width, int depth, long index) {}
    List<Task> tasks = new ArrayList<>();
    for (long seed : seeds) {
      long i = 0;
      for (double t : turns) {
        for (int w : widths) {
          for (int d : depths) {
            tasks.add(new Task(seed, t, w, d, i++));
          }
        }
      }
    }
    List<SeedRow> rows = Pool.map(tasks, t -> {
      Dataset data = Datasets.generate("spirals", Map.of("points", s.text("points"), "turns", Double.toString(t.turns())),
          t.seed());
      TrainResult r = Nets.train(data, Collections.nCopies(t.depth(), t.width()), act, recipe, Nets.derive(t.seed(), t.index()));
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: turns %.2g, %d×%d (%.1f %%)", t.seed(), t.turns(),
          t.depth(), t.width(), 100 * r.trainAccuracy()));
      return SeedRow.of(t.seed(), String.format(Locale.ROOT, "turns %s, width %d, depth %d", num(t.turns()), t.width(), t.depth()))
          .put("turns", t.turns()).put("width", t.width()).put("depth", t.depth())
          .put("train_accuracy", r.trainAccuracy()).put("epochs", r.epochs()).build();
    });
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, claims(rows, turns));
  }

  /** The verdicts from the rows (each with its "turns" and "train_accuracy"). */
  static List<Claim> claims(List<SeedRow> rows, List<Double> turns) {
    double most = turns.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double least = turns.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    List<SeedRow> hard = rows.stream().filter(r -> r.get("turns") == most).toList();
    Claim a = Protocols.existence("Even the most entangled spirals (" + num(most) + " turns) can be separated by some network"
            + " of the grid.", "some network of the width × depth grid reaches 100 % training accuracy", hard,
        r -> r.get("train_accuracy") == 1.0);
    double[] accMost = hard.stream().mapToDouble(r -> r.get("train_accuracy")).toArray();
    double[] accLeast = rows.stream().filter(r -> r.get("turns") == least).mapToDouble(r -> r.get("train_accuracy")).toArray();
    Claim b = Protocols.trendLess("More turns are harder: over the whole grid, accuracy at " + num(most) + " turns is lower"
            + " than at " + num(least) + ".", "training accuracy of every network of the grid (all seeds) at the most"
            + " turns against the fewest; the whole grid counts, since the claim is about how hard training is", rows,
        "turns " + num(most), accMost, "turns " + num(least), accLeast);
    return List.of(a, b);
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
