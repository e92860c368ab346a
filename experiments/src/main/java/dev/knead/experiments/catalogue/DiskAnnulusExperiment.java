package dev.knead.experiments.catalogue;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
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

/** Olah's disk in an annulus: width 2 never separates it (at any depth), width 3 does. */
public final class DiskAnnulusExperiment implements Experiment {
  @Override
  public String name() {
    return "disk-annulus";
  }

  @Override
  public String claim() {
    return "Every network whose hidden layers are 2 wide (any depth) leaves the disk's decision region unbounded, so it"
        + " cuts a tunnel through the ring and misclassifies part of it; a third unit separates the classes, and the"
        + " 3-D hidden codes are linearly separable. The easy way out shows as large gradients along the tunnel.";
  }

  @Override
  public String citation() {
    return "C. Olah (2014); J. Johnson, Deep, Skinny Neural Networks are not Universal Approximators (ICLR 2019)";
  }

  @Override
  public Protocol kind() {
    return Protocol.IMPOSSIBILITY;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("points", "250", "120", "points per class"),
        ExperimentParam.of("r1", "0.3333333333333333", "disk radius"),
        ExperimentParam.of("r2", "0.6666666666666666", "inner radius of the ring"),
        ExperimentParam.of("r3", "1", "outer radius of the ring"),
        new ExperimentParam("depths", "1,2,3", "1,3", "depths of the width-2 networks"),
        new ExperimentParam("epochs", "2000", "600", "training epochs"),
        ExperimentParam.of("lr", "0.03", "Adam learning rate"),
        ExperimentParam.of("activation", "tanh", "hidden activation"));
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    return run(this, "disk-annulus", Map.of("points", s.text("points"), "r1", s.text("r1"), "r2", s.text("r2"),
        "r3", s.text("r3")), s, seeds, quick, listener, "Olah's 2-2 network stalled near 80 %");
  }

  /** Shared by {@link NestedSpheresExperiment}: the same protocol on another enclosed disk. */
  static ExperimentResult run(Experiment e, String dataset, Map<String, String> dataSettings, Settings s, List<Long> seeds,
      boolean quick, ExperimentListener listener, String note) {
    Activation act = Activation.parse(s.text("activation"));
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr"));
    double r1 = s.number("r1");
    double r2 = s.number("r2");
    double r3 = s.number("r3");
    List<Integer> depths = s.wholes("depths");
    List<long[]> tasks = new ArrayList<>();
    for (long seed : seeds) {
      for (int d = 0; d <= depths.size(); d++) {
        tasks.add(new long[] {seed, d});
      }
    }
    List<SeedRow> rows = Pool.map(tasks, t -> {
      Dataset data = Datasets.generate(dataset, dataSettings, t[0]);
      long netSeed = Nets.derive(t[0], t[1]);
      SeedRow row = t[1] == depths.size()
          ? EnclosedDisk.wide(t[0], netSeed, "width 3", data, List.of(3), act, recipe, r1, r2, r3)
          : EnclosedDisk.narrow(t[0], netSeed, "width 2, depth " + depths.get((int) t[1]), data,
              Collections.nCopies(depths.get((int) t[1]), 2), act, recipe, r1, r2, r3);
      listener.onProgress(e.name(), String.format(Locale.ROOT, "seed %d: %s (train %.1f %%)", t[0], row.label(),
          100 * row.get("train_accuracy")));
      return row;
    });
    return new ExperimentResult(e.name(), e.claim(), e.citation(), s, seeds, quick, claims(rows, depths, note));
  }

  /** The verdicts from the rows: width-2 rows ("width 2, …") and width-3 rows ("width 3"). */
  static List<Claim> claims(List<SeedRow> rows, List<Integer> depths, String note) {
    List<SeedRow> narrow = rows.stream().filter(r -> r.label().startsWith("width 2")).toList();
    List<SeedRow> wide = rows.stream().filter(r -> r.label().equals("width 3")).toList();
    Claim a = Protocols.impossibility("Every width-2 network (depths " + depths + ") has an unbounded inner-class region and"
            + " misclassifies part of a dense grid of the ring (or has no inner-class region where the disk's data is).",
        "DecisionRegionCertificate.certify flood-fills the piece of the inner class's region that holds its training"
            + " points and follows it out to 10⁴ × the data radius (or finds the inner class empty: no separation"
            + " either; a route not found at the search's resolution leaves the run undecided, never certified), and a"
            + " polar grid of " + EnclosedDisk.ANGLES + " × " + EnclosedDisk.RADII + " ring points contains points"
            + " labelled as the inner class (" + note + ")", narrow, "certified");
    Claim b = Protocols.existence("Width 3 separates the classes and its 3-D hidden codes are linearly separable.",
        "a 2-3-2 network reaches 100 % training accuracy, gets every point of the dense polar grid of disk and ring"
            + " right, and Separability.linear finds the hidden stage's training codes exactly separable", wide,
        r -> r.get("train_accuracy") == 1.0 && r.get("dense_error") == 0 && r.is("hidden_codes_separable"));
    List<SeedRow> tunnelled = narrow.stream().filter(r -> !Double.isNaN(r.get("grad_ratio"))).toList();
    double[] logRatio = tunnelled.stream().mapToDouble(r -> Math.log(r.get("grad_ratio"))).toArray();
    Claim c = Protocols.trendPositive("The easy way out: the gradient of the logit difference is larger along the tunnel"
            + " than elsewhere on the ring.",
        "per width-2 network with a tunnel, log(95th percentile of |∇(logit₀ − logit₁)| on ring grid points at"
            + " tunnel angles / the same percentile at the other angles), central differences; all width-2 networks count (they cannot reach a"
            + " perfect separation of the sets, so the 100 %-training-accuracy filter does not apply)",
        tunnelled, "log gradient ratio", logRatio);
    return List.of(a, b, c);
  }
}
