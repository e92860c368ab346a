package dev.knead.experiments.catalogue;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Split;
import dev.knead.core.net.Activation;
import dev.knead.core.run.DataSpec;
import dev.knead.core.train.TrainResult;
import dev.knead.experiments.Claim;
import dev.knead.experiments.Experiment;
import dev.knead.experiments.ExperimentListener;
import dev.knead.experiments.ExperimentParam;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.Nets;
import dev.knead.experiments.Pool;
import dev.knead.experiments.Protocol;
import dev.knead.experiments.Protocols;
import dev.knead.experiments.SeedRow;
import dev.knead.experiments.Settings;
import dev.knead.topology.measure.Gathering;
import java.util.List;
import java.util.Locale;

/**
 * A trained network gathers the images of one class together: on held-out handwritten digits the
 * silhouette of the classes is higher after the last hidden layer than at the input.
 */
public final class GatheringExperiment implements Experiment {
  @Override
  public String name() {
    return "class-gathering";
  }

  @Override
  public String claim() {
    return "Class gathering rises with depth on digits: on held-out images the classes' silhouette after the last"
        + " hidden layer exceeds the silhouette at the input.";
  }

  @Override
  public String citation() {
    return "P. J. Rousseeuw, Silhouettes (J. Comput. Appl. Math. 20, 1987); the digits: E. Alpaydin, C. Kaynak,"
        + " Optical Recognition of Handwritten Digits (UCI, 1998)";
  }

  @Override
  public Protocol kind() {
    return Protocol.TREND;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        ExperimentParam.of("data", "digits", "data set: the built-in digits, or a CSV file with a label column last"),
        ExperimentParam.of("test-share", "0.2", "share of images held out; the silhouette is measured on them"),
        ExperimentParam.of("hidden", "32,16", "hidden widths"),
        ExperimentParam.of("activation", "relu", "hidden activation"),
        new ExperimentParam("epochs", "300", "150", "training epochs (full batch, Adam)"),
        ExperimentParam.of("lr", "0.003", "Adam learning rate"),
        ExperimentParam.of("min-accuracy", "0.95", "networks below this training accuracy are dropped"));
  }

  @Override
  public int defaultSeeds(boolean quick) {
    return quick ? 2 : 12;
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    Activation act = Activation.parse(s.text("activation"));
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr"));
    List<SeedRow> rows = Pool.map(seeds, seed -> {
      Dataset data = DataSpec.of(s.text("data"), seed).load();
      Split split = Datasets.split(data, s.number("test-share"), seed);
      TrainResult r = Nets.train(split.train(), s.wholes("hidden"), act, recipe, Nets.derive(seed, 0));
      double[] sil = silhouettes(Nets.stages(r.network(), split.test().points()), split.test().labels());
      SeedRow.Builder b = SeedRow.of(seed, r.network().describe()).put("train_accuracy", r.trainAccuracy())
          .put("test_accuracy", Nets.accuracy(r.network(), Nets.rows(split.test().points()), split.test().labels()))
          .put("kept", r.trainAccuracy() >= s.number("min-accuracy"));
      for (int i = 0; i < sil.length; i++) {
        b.put(i == 0 ? "silhouette_input" : i == sil.length - 1 ? "silhouette_logits" : "silhouette_layer_" + i, sil[i]);
      }
      b.put("rise", rise(sil));
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: train %.1f %%, silhouette %.3f → %.3f", seed,
          100 * r.trainAccuracy(), sil[0], sil[sil.length - 2]));
      return b.build();
    });
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, List.of(claim(rows, s)));
  }

  /** Silhouette of the classes at every stage (input, each hidden layer, logits). */
  static double[] silhouettes(List<double[][]> stages, int[] labels) {
    double[] out = new double[stages.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Gathering.of(stages.get(i), labels, 5).silhouette();
    }
    return out;
  }

  /** Silhouette after the last hidden layer minus at the input (the logits are not a hidden layer). */
  static double rise(double[] silhouettes) {
    return silhouettes[Math.max(0, silhouettes.length - 2)] - silhouettes[0];
  }

  /** The verdict from the rows (each with "kept" and "rise"). */
  static Claim claim(List<SeedRow> rows, Settings s) {
    double[] rise = rows.stream().filter(r -> r.is("kept")).mapToDouble(r -> r.get("rise")).toArray();
    return Protocols.trendPositive("Class gathering rises with depth on " + s.text("data") + ".",
        "networks " + s.text("hidden") + " " + s.text("activation") + " trained on " + s.text("data") + " (a share "
            + s.text("test-share") + " held out; networks below " + s.text("min-accuracy") + " training accuracy dropped);"
            + " the silhouette of the held-out images' classes at the input and after every layer; per network the"
            + " rise = silhouette after the last hidden layer − silhouette at the input", rows, "rise", rise);
  }
}
