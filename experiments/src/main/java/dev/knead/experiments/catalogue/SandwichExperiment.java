package dev.knead.experiments.catalogue;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Network;
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
import dev.knead.topology.verdict.Threshold;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Olah's 1-D sandwich: width-1 layers make the network monotone, so its decision regions are
 * half-lines and no run beats the best threshold; two units separate it.
 */
public final class SandwichExperiment implements Experiment {
  @Override
  public String name() {
    return "sandwich";
  }

  @Override
  public String claim() {
    return "With width-1 hidden layers (any depth) a network on the 1-D sandwich is monotone, so it never beats the"
        + " best single threshold (75 % of the default data); width 2 separates it.";
  }

  @Override
  public String citation() {
    return "C. Olah, Neural Networks, Manifolds, and Topology (2014)";
  }

  @Override
  public Protocol kind() {
    return Protocol.IMPOSSIBILITY;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("points", "200", "100", "points per class"),
        ExperimentParam.of("depths", "1,2,3", "depths of the width-1 networks"),
        new ExperimentParam("epochs", "1500", "600", "training epochs"),
        ExperimentParam.of("lr", "0.03", "Adam learning rate"),
        ExperimentParam.of("activation", "tanh", "hidden activation (monotone)"));
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    Activation act = Activation.parse(s.text("activation"));
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr"));
    List<Integer> depths = s.wholes("depths");
    List<long[]> tasks = new ArrayList<>();
    for (long seed : seeds) {
      for (int d = 0; d <= depths.size(); d++) {
        tasks.add(new long[] {seed, d});
      }
    }
    List<SeedRow> rows = Pool.map(tasks, t -> {
      long seed = t[0];
      boolean wide = t[1] == depths.size();
      Dataset data = Datasets.generate("sandwich", Map.of("points", s.text("points")), seed);
      List<Integer> hidden = wide ? List.of(2) : Collections.nCopies(depths.get((int) t[1]), 1);
      TrainResult r = Nets.train(data, hidden, act, wide ? recipe.untilPerfect() : recipe, Nets.derive(seed, t[1]));
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: %s trained (%.1f %%)", seed, hidden, 100 * r.trainAccuracy()));
      return row(seed, wide ? "width 2" : "width 1, depth " + hidden.size(), r.network(), data, r.trainAccuracy());
    });
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, claims(rows, depths));
  }

  /** One network's row: how often its decision switches along the line, and the certificate. No training. */
  static SeedRow row(long seed, String label, Network net, Dataset data, double trainAccuracy) {
    double[] x = new double[data.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = data.points().get(i, 0);
    }
    double ceiling = Threshold.best(x, data.labels()).accuracy();
    int switches = switches(net);
    return SeedRow.of(seed, label)
        .put("train_accuracy", trainAccuracy)
        .put("half_line_ceiling", ceiling)
        .put("decision_switches", switches)
        // the certificate: the prediction changes at most once along the line (a half-line),
        // so no accuracy above the exact best threshold is possible
        .put("certified", switches <= 1 && trainAccuracy <= ceiling + 1e-12)
        .build();
  }

  /** The verdicts from the rows: width-1 rows ("width 1, …") and width-2 rows ("width 2"). */
  static List<Claim> claims(List<SeedRow> rows, List<Integer> depths) {
    List<SeedRow> narrow = rows.stream().filter(r -> r.label().startsWith("width 1")).toList();
    List<SeedRow> wide = rows.stream().filter(r -> r.label().equals("width 2")).toList();
    Claim a = Protocols.impossibility("Width-1 networks (depths " + depths + ") stay at or below the exact half-line ceiling.",
        "the decision function is sampled on 20,001 points of [-3, 3] and switches class at most once (its regions are"
            + " half-lines), and training accuracy is at most Threshold.best on the same data", narrow, "certified");
    Claim b = Protocols.existence("Width 2 separates the sandwich.", "a 1-2-2 network reaches 100 % training accuracy",
        wide, r -> r.get("train_accuracy") == 1.0);
    return List.of(a, b);
  }

  /** Number of times the predicted class changes along a fine grid of [-3, 3]. */
  static int switches(Network net) {
    int n = 20_001;
    int prev = -1;
    int count = 0;
    for (int i = 0; i < n; i++) {
      int c = net.predict(new double[] {-3 + 6.0 * i / (n - 1)});
      count += prev >= 0 && c != prev ? 1 : 0;
      prev = c;
    }
    return count;
  }
}
