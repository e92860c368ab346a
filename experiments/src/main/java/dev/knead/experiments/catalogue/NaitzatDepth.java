package dev.knead.experiments.catalogue;

import dev.knead.analysis.Analyst;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Network;
import dev.knead.core.train.Schedule;
import dev.knead.core.train.TrainResult;
import dev.knead.experiments.Claim;
import dev.knead.experiments.Experiment;
import dev.knead.experiments.ExperimentListener;
import dev.knead.experiments.Betti;
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
 * Naitzat, Zhitnikov and Lim, on where the topology changes: deep networks spread the drop of
 * the Betti numbers across their layers while shallow ones make it late, and a narrow bottleneck
 * forces an early drop. On D-I, with the hop procedure read at every stage on its own (the frozen
 * procedure of {@link NaitzatBetti} is recorded beside it).
 */
public final class NaitzatDepth implements Experiment {
  private static final String DATA = "naitzat-d1";

  @Override
  public String name() {
    return "naitzat-depth";
  }

  @Override
  public String claim() {
    return "Deep networks spread the change of topology across their layers, shallow ones change it in their last"
        + " layer; a narrow bottleneck forces an early drop of the Betti numbers.";
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
        new ExperimentParam("step", "0.38", "0.6", "D-I grid step (the paper's 0.19 gives 11,236 points)"),
        ExperimentParam.of("shallow", "15,15", "hidden widths of the shallow networks"),
        ExperimentParam.of("deep", "15,15,15,15,15,15,15,15", "hidden widths of the deep networks"),
        ExperimentParam.of("narrow", "15,3,15,15", "hidden widths with a bottleneck (its narrowest layer is compared)"),
        ExperimentParam.of("wide", "15,15,15,15", "the same depth without the bottleneck"),
        ExperimentParam.of("activations", "tanh,relu", "one pair of claims per activation"),
        new ExperimentParam("epochs", "10000", "600", "most training epochs"),
        ExperimentParam.of("stop", "at-100", "at-100: stop at the first epoch at 100 % training accuracy; never: train every"
            + " epoch and keep the nets at 100 % at the end (they have longer to simplify the topology)"),
        ExperimentParam.of("lr", "0.02", "Adam learning rate, halved every 'halve' epochs"),
        ExperimentParam.of("halve", "2500", "epochs between halvings of the learning rate (the paper: 2,500)"),
        new ExperimentParam("max_per_class", "400", "200", "most points per class for Betti numbers (seeded subsample)"));
  }

  @Override
  public int defaultSeeds(boolean quick) {
    return quick ? 2 : 16; // on D-I 16 seeds leave ≥ 10 nets at 100 % per group (not ReLU with a width-3 bottleneck)
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    List<String> acts = s.words("activations");
    List<List<Integer>> nets = List.of(s.wholes("shallow"), s.wholes("deep"), s.wholes("narrow"), s.wholes("wide"));
    int bottleneck = bottleneck(nets.get(2), nets.get(3));
    Nets.Recipe recipe = recipe(s);
    int max = s.whole("max_per_class");
    record Task(long seed, int act, int net) {}
    List<Task> tasks = new ArrayList<>();
    for (long seed : seeds) {
      for (int a = 0; a < acts.size(); a++) {
        for (int n = 0; n < nets.size(); n++) {
          tasks.add(new Task(seed, a, n));
        }
      }
    }
    List<SeedRow> rows = Pool.map(tasks, t -> {
      Dataset data = Datasets.generate(DATA, Map.of("step", s.text("step")), t.seed());
      Activation act = Activation.parse(acts.get(t.act()));
      List<Integer> hidden = nets.get(t.net());
      TrainResult r = Nets.train(data, hidden, act, recipe, Nets.derive(t.seed(), t.act() * nets.size() + t.net()));
      SeedRow row = measure(t.seed(), label(act, hidden), data, r, max, t.net() >= 2 ? bottleneck : 0);
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: %s (train %.2f %%, %d epochs)", t.seed(),
          row.label(), 100 * r.trainAccuracy(), r.epochs()));
      return row;
    });
    String stop = recipe.stopAtPerfect() ? "trained until 100 % training accuracy"
        : "trained for " + s.text("epochs") + " epochs, kept at 100 % training accuracy";
    String training = stop + " on D-I (grid step " + s.text("step") + "; Adam, full batch, learning rate halved every "
        + s.text("halve") + " epochs; others dropped, as in the paper); per class Betti numbers by the k-NN"
        + " hop-distance Vietoris–Rips procedure, read at every stage on its own (the numbers that hold over the"
        + " longest run of k and hop scale; never tuned to the known answer; at most " + max + " points per class);"
        + " ω = Σ over classes of β₀ + β₁ + β₂ (ω with the paper's procedure frozen on the input is kept beside it as"
        + " omega_frozen_*: a frozen scale reads a layer that cannot change topology as a drop)";
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, claims(rows, acts, nets, bottleneck, training));
  }

  /** The verdicts from the rows: per activation, shallow against deep and bottleneck against no bottleneck. */
  static List<Claim> claims(List<SeedRow> rows, List<String> acts, List<List<Integer>> nets, int bottleneck, String training) {
    List<Claim> claims = new ArrayList<>();
    for (String a : acts) {
      Activation act = Activation.parse(a);
      String shallow = label(act, nets.get(0));
      String deep = label(act, nets.get(1));
      claims.add(Protocols.trendLess(a + ": deep networks " + nets.get(1) + " make more of the drop of complexity"
          + " before their last hidden layer than shallow ones " + nets.get(0) + ".",
          "networks " + training + "; per network the share of the drop ω_input − ω_last made before the last"
              + " hidden layer, (ω_input − ω_{L−1}) / (ω_input − ω_L) (networks without a drop have none)",
          group(rows, shallow, deep), "shallow", values(rows, shallow, "share_before_last"), "deep",
          values(rows, deep, "share_before_last")));
      String narrow = label(act, nets.get(2));
      String wide = label(act, nets.get(3));
      claims.add(Protocols.trendLess(a + ": a width-" + nets.get(2).get(bottleneck - 1) + " bottleneck "
          + nets.get(2) + " leaves less complexity after layer " + bottleneck + " than " + nets.get(3) + ".",
          "networks " + training + "; per network ω_" + bottleneck + " / ω_input, after the bottleneck layer",
          group(rows, narrow, wide), "bottleneck", values(rows, narrow, "relative_after_bottleneck"), "no bottleneck",
          values(rows, wide, "relative_after_bottleneck")));
    }
    return claims;
  }

  /** Adam with the paper's halving schedule, stopping at 100 % or not as 'stop' says. */
  private static Nets.Recipe recipe(Settings s) {
    Nets.Recipe r = Nets.Recipe.of(s.whole("epochs"), s.number("lr"))
        .with(new Schedule(Schedule.Kind.STEP, s.whole("halve"), 0.5));
    return switch (s.text("stop")) {
      case "at-100" -> r.untilPerfect();
      case "never" -> r;
      default -> throw new BadInputException("naitzat-depth: stop='" + s.text("stop") + "'; use at-100 or never");
    };
  }

  /** @return the 1-based index of the narrow net's narrowest layer, which the wide net must also have */
  static int bottleneck(List<Integer> narrow, List<Integer> wide) {
    int b = 0;
    for (int l = 1; l < narrow.size(); l++) {
      b = narrow.get(l) < narrow.get(b) ? l : b;
    }
    if (wide.size() <= b) {
      throw new BadInputException("naitzat-depth: 'wide' " + wide + " has no layer " + (b + 1)
          + " to compare with the bottleneck of " + narrow);
    }
    return b + 1;
  }

  private static String label(Activation act, List<Integer> hidden) {
    return act.label() + ", " + hidden;
  }

  private static List<SeedRow> group(List<SeedRow> rows, String a, String b) {
    return rows.stream().filter(r -> r.label().equals(a) || r.label().equals(b)).toList();
  }

  /** @return the key's defined values over the kept rows with this label */
  private static double[] values(List<SeedRow> rows, String label, String key) {
    return rows.stream().filter(r -> r.label().equals(label) && r.is("kept")).mapToDouble(r -> r.get(key))
        .filter(v -> !Double.isNaN(v)).toArray();
  }

  /** @param bottleneck the layer after which ω / ω_input is recorded; 0: record the share before the last layer */
  private static SeedRow measure(long seed, String label, Dataset data, TrainResult r, int max, int bottleneck) {
    SeedRow.Builder b = SeedRow.of(seed, label).put("train_accuracy", r.trainAccuracy()).put("epochs", r.epochs());
    boolean kept = r.trainAccuracy() == 1.0;
    b.put("kept", kept);
    if (!kept) {
      return b.build();
    }
    int[] omega = perStage(r.network(), data, max, seed);
    b.put(bottleneck > 0 ? "relative_after_bottleneck" : "share_before_last",
        bottleneck > 0 ? omega[bottleneck] / (double) omega[0] : Complexity.shareBeforeLast(omega));
    for (int i = 0; i < omega.length; i++) {
      b.put(i == 0 ? "omega_input" : "omega_layer_" + i, omega[i]);
    }
    int[] frozen = Complexity.perLayer(r.network(), data, max, seed);
    for (int i = 0; i < frozen.length; i++) {
      b.put(i == 0 ? "omega_frozen_input" : "omega_frozen_layer_" + i, frozen[i]);
    }
    return b.build();
  }

  /**
   * ω at the input and after every hidden layer, each stage read on its own ({@link Analyst#stageBetti}):
   * a layer that cannot change topology (a tanh embedding) keeps ω unless the sample stops covering a class.
   */
  static int[] perStage(Network net, Dataset data, int max, long seed) {
    List<double[][]> st = Nets.stages(net, data.points());
    int[] y = data.labels();
    int[][] idx = new int[data.classes()][];
    for (int c = 0; c < data.classes(); c++) {
      idx[c] = Betti.sample(y, c, max, seed); // the same subsample as the frozen procedure's
    }
    int[] omega = new int[st.size() - 1]; // the last stage is the logits: not a hidden layer
    for (int i = 0; i < omega.length; i++) {
      int dim = st.get(i)[0].length;
      for (int c = 0; c < data.classes(); c++) {
        omega[i] += Analyst.stageBetti(Betti.select(st.get(i), idx[c]), dim, 2).betti().stream()
            .mapToInt(Integer::intValue).sum();
      }
    }
    return omega;
  }
}
