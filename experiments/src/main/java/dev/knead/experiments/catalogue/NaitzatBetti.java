package dev.knead.experiments.catalogue;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.train.Schedule;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Naitzat, Zhitnikov and Lim: well-trained networks simplify each class's topology layer by
 * layer, and ReLU does it faster than tanh (it is not a homeomorphism).
 */
public final class NaitzatBetti implements Experiment {
  @Override
  public String name() {
    return "naitzat";
  }

  @Override
  public String claim() {
    return "Networks trained to 100 % reduce the Betti numbers of each class layer by layer, and ReLU reduces them"
        + " faster than tanh.";
  }

  @Override
  public String citation() {
    return "G. Naitzat, A. Zhitnikov, L.-H. Lim, Topology of Deep Neural Networks (JMLR 21(184), 2020)";
  }

  @Override
  public Protocol kind() {
    return Protocol.TREND;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("datasets", "naitzat-d1,naitzat-d2,naitzat-d3", "naitzat-d1", "Naitzat's data sets"),
        new ExperimentParam("step", "0.38", "0.6", "D-I grid step (the paper's 0.19 gives 11,236 points)"),
        new ExperimentParam("points", "300", "200", "D-II and D-III points per class"),
        new ExperimentParam("hidden", "15,15,15,15", "10,10,10", "hidden widths (constant width, as the paper)"),
        ExperimentParam.of("activations", "tanh,leaky-relu:0.2,relu", "the activations compared"),
        new ExperimentParam("epochs", "10000", "600", "most training epochs (training stops at 100 %)"),
        ExperimentParam.of("lr", "0.02", "Adam learning rate, halved every 'halve' epochs"),
        ExperimentParam.of("halve", "2500", "epochs between halvings of the learning rate (the paper: 2,500)"),
        new ExperimentParam("max_per_class", "400", "200", "most points per class for Betti numbers (seeded subsample)"));
  }

  @Override
  public int defaultSeeds(boolean quick) {
    return quick ? 2 : 20; // ReLU nets reach 100 % less often: 20 seeds leave ≥ 10 on D-I
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    List<String> acts = s.words("activations");
    List<Integer> hidden = s.wholes("hidden");
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr")).untilPerfect()
        .with(new Schedule(Schedule.Kind.STEP, s.whole("halve"), 0.5));
    int max = s.whole("max_per_class");
    List<Claim> claims = new ArrayList<>();
    for (String ds : s.words("datasets")) {
      record Task(long seed, int act) {}
      List<Task> tasks = new ArrayList<>();
      for (long seed : seeds) {
        for (int a = 0; a < acts.size(); a++) {
          tasks.add(new Task(seed, a));
        }
      }
      Map<String, String> dataSettings = ds.equals("naitzat-d1") ? Map.of("step", s.text("step"))
          : Map.of("points", s.text("points"));
      List<SeedRow> rows = Pool.map(tasks, t -> {
        Dataset data = Datasets.generate(ds, dataSettings, t.seed());
        Activation act = Activation.parse(acts.get(t.act()));
        TrainResult r = Nets.train(data, hidden, act, recipe, Nets.derive(t.seed(), t.act()));
        SeedRow row = measure(t.seed(), ds + ", " + act.label(), data, r, max);
        listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: %s (train %.2f %%, %d epochs)", t.seed(),
            row.label(), 100 * r.trainAccuracy(), r.epochs()));
        return row;
      });
      claims.add(claim(ds, rows, acts, hidden, s.text("halve"), max));
    }
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, claims);
  }

  /**
   * The verdict for one data set from its rows: the last activation (e.g. relu) against the first
   * (tanh), by the relative complexity of the networks at 100 %.
   */
  static Claim claim(String ds, List<SeedRow> rows, List<String> acts, List<Integer> hidden, String halve, int max) {
    List<SeedRow> kept = rows.stream().filter(r -> r.is("kept")).toList();
    String first = acts.get(acts.size() - 1);
    String base = acts.get(0);
    double[] fast = auc(kept, ds + ", " + Activation.parse(first).label());
    double[] slow = auc(kept, ds + ", " + Activation.parse(base).label());
    return Protocols.trendLess(ds + ": " + first + " reduces the Betti numbers faster than " + base + ".",
        "networks " + hidden + " trained to 100 % training accuracy (Adam, full batch, learning rate halved every "
            + halve + " epochs; others dropped, as in the paper); per class Betti numbers by the"
            + " k-NN hop-distance Vietoris–Rips procedure frozen on the input (at most " + max + " points per class);"
            + " per network the mean over hidden layers of ω_l / ω_input, ω = Σ over classes of β₀ + β₁ + β₂ (lower ="
            + " faster reduction)", rows, first, fast, base, slow);
  }

  private static double[] auc(List<SeedRow> kept, String label) {
    return kept.stream().filter(r -> r.label().equals(label)).mapToDouble(r -> r.get("relative_complexity")).toArray();
  }

  private static SeedRow measure(long seed, String label, Dataset data, TrainResult r, int max) {
    SeedRow.Builder b = SeedRow.of(seed, label).put("train_accuracy", r.trainAccuracy()).put("epochs", r.epochs());
    boolean kept = r.trainAccuracy() == 1.0;
    b.put("kept", kept);
    if (!kept) {
      return b.build();
    }
    int[] omega = Complexity.perLayer(r.network(), data, max, seed);
    for (int i = 0; i < omega.length; i++) {
      b.put(i == 0 ? "omega_input" : "omega_layer_" + i, omega[i]);
    }
    return b.put("relative_complexity", relativeComplexity(omega)).build();
  }

  /** The mean over hidden layers of ω_l / ω_input (ω per stage, input first): lower = faster reduction. */
  static double relativeComplexity(int[] omega) {
    double sum = 0;
    for (int i = 1; i < omega.length; i++) {
      sum += omega[i] / (double) omega[0];
    }
    return sum / (omega.length - 1);
  }
}
