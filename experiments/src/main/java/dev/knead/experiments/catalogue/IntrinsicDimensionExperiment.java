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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The intrinsic dimension of the representation rises in the first layers and falls towards the output. */
public final class IntrinsicDimensionExperiment implements Experiment {
  @Override
  public String name() {
    return "intrinsic-dimension";
  }

  @Override
  public String claim() {
    return "Across the layers of a well-trained network the intrinsic dimension (TwoNN) of the data rises, then falls"
        + " towards the output.";
  }

  @Override
  public String citation() {
    return "A. Ansuini, A. Laio, J. Macke, D. Zoccolan, Intrinsic dimension of data representations in deep neural"
        + " networks (NeurIPS 2019); TwoNN: E. Facco et al. (Sci. Rep. 2017)";
  }

  @Override
  public Protocol kind() {
    return Protocol.TREND;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        ExperimentParam.of("data", "swiss-roll", "data set"),
        new ExperimentParam("points", "500", "200", "points per class"),
        ExperimentParam.of("noise", "0.02", "noise"),
        new ExperimentParam("hidden", "10,10,10,10", "8,8,8", "hidden widths"),
        ExperimentParam.of("activation", "tanh", "hidden activation"),
        new ExperimentParam("epochs", "2000", "500", "most training epochs (training stops at 100 %)"),
        ExperimentParam.of("lr", "0.01", "Adam learning rate"));
  }

  @Override
  public int defaultSeeds(boolean quick) {
    return quick ? 2 : 12;
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    Activation act = Activation.parse(s.text("activation"));
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr")).untilPerfect();
    List<SeedRow> rows = Pool.map(seeds, seed -> {
      Dataset data = Datasets.generate(s.text("data"), Map.of("points", s.text("points"), "noise", s.text("noise")), seed);
      TrainResult r = Nets.train(data, s.wholes("hidden"), act, recipe, Nets.derive(seed, 0));
      List<double[][]> st = Nets.stages(r.network(), data.points());
      SeedRow.Builder b = SeedRow.of(seed, r.network().describe()).put("train_accuracy", r.trainAccuracy())
          .put("kept", r.trainAccuracy() == 1.0);
      double[] ids = new double[st.size()];
      for (int i = 0; i < st.size(); i++) {
        ids[i] = dev.knead.topology.measure.IntrinsicDimension.twoNN(st.get(i));
        b.put(i == 0 ? "id_input" : i == st.size() - 1 ? "id_logits" : "id_layer_" + i, ids[i]);
      }
      b.put("hump", hump(ids));
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: train %.1f %%", seed, 100 * r.trainAccuracy()));
      return b.build();
    });
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, List.of(claim(rows, s, act)));
  }

  /**
   * The hump: how far the hidden layers' mean ID stands above both ends.
   *
   * @param ids the ID at the input, after every hidden layer and at the logits
   */
  static double hump(double[] ids) {
    double inner = 0;
    for (int i = 1; i < ids.length - 1; i++) {
      inner += ids[i] / (ids.length - 2);
    }
    return Math.min(inner - ids[0], inner - ids[ids.length - 1]);
  }

  /** The verdict from the rows (each with "kept" and "hump"). */
  static Claim claim(List<SeedRow> rows, Settings s, Activation act) {
    double[] hump = rows.stream().filter(r -> r.is("kept")).mapToDouble(r -> r.get("hump")).toArray();
    return Protocols.trendPositive("The intrinsic dimension rises, then falls across the layers.",
        "networks " + s.text("hidden") + " " + act.label() + " on " + s.text("data") + " trained to 100 % (others"
            + " dropped); TwoNN over all points at the input, after each hidden layer and at the logits; per network"
            + " the hump = min(mean hidden ID − input ID, mean hidden ID − logits ID)", rows, "hump", hump);
  }
}
