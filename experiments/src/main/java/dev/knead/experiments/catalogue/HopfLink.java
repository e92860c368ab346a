package dev.knead.experiments.catalogue;

import dev.knead.core.data.Curve;
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
import dev.knead.analysis.Curves;
import dev.knead.analysis.Facts;
import dev.knead.topology.maps.ActivationTraits;
import dev.knead.topology.measure.Separability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hopf-linked rings: width-3 monotone layers are homeomorphisms onto their image (when W is
 * invertible), so the class curves stay linked at every 3-D stage and a plane never separates
 * them; a fourth dimension does.
 */
public final class HopfLink implements Experiment {
  @Override
  public String name() {
    return "hopf-link";
  }

  @Override
  public String claim() {
    return "Width-3 networks with a monotone activation keep the linking number of the two classes' core curves (|lk| = 1"
        + " at every 3-D stage; its sign flips with det W < 0) and so never make the classes linearly separable; with"
        + " width 4 the rings come apart.";
  }

  @Override
  public String citation() {
    return "C. Olah (2014), links need 4 dimensions; Naitzat, Zhitnikov, Lim (JMLR 2020); Gauss linking integral (Banchoff)";
  }

  @Override
  public Protocol kind() {
    return Protocol.IMPOSSIBILITY;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("points", "300", "150", "points per class"),
        ExperimentParam.of("thickness", "0.1", "tube radius of each ring"),
        new ExperimentParam("depths", "1,2,3", "1,3", "depths of the width-3 networks"),
        ExperimentParam.of("wide", "4,4", "hidden widths of the network that separates them"),
        new ExperimentParam("epochs", "1500", "500", "training epochs"),
        ExperimentParam.of("lr", "0.03", "Adam learning rate"),
        ExperimentParam.of("activation", "tanh", "hidden activation (monotone)"));
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    Activation act = Activation.parse(s.text("activation"));
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr"));
    List<Integer> depths = s.wholes("depths");
    List<Integer> wide = s.wholes("wide");
    List<long[]> tasks = new ArrayList<>();
    for (long seed : seeds) {
      for (int d = 0; d <= depths.size(); d++) {
        tasks.add(new long[] {seed, d});
      }
    }
    List<SeedRow> rows = Pool.map(tasks, t -> {
      Dataset data = Datasets.generate("hopf-rings", Map.of("points", s.text("points"), "thickness", s.text("thickness")), t[0]);
      boolean isWide = t[1] == depths.size();
      List<Integer> hidden = isWide ? wide : Collections.nCopies(depths.get((int) t[1]), 3);
      TrainResult r = Nets.train(data, hidden, act, recipe, Nets.derive(t[0], t[1]));
      SeedRow row = measure(t[0], (isWide ? "width " : "width 3, depth ") + (isWide ? wide : hidden.size()), data,
          r.network(), r.trainAccuracy(), act);
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: %s (train %.1f %%)", t[0], row.label(),
          100 * r.trainAccuracy()));
      return row;
    });
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, claims(rows, depths, wide));
  }

  /** The verdicts from the rows: width-3 rows ("width 3, …") and the wide network's rows. */
  static List<Claim> claims(List<SeedRow> rows, List<Integer> depths, List<Integer> wide) {
    List<SeedRow> narrow = rows.stream().filter(r -> r.label().startsWith("width 3")).toList();
    List<SeedRow> wideRows = rows.stream().filter(r -> !r.label().startsWith("width 3")).toList();
    Claim a = Protocols.impossibility("Width-3 networks (depths " + depths + ") keep |lk| = 1 at every 3-D stage and never"
            + " separate the rings exactly.",
        "the core circles of both rings (resampled to " + DENSE + "-gons) are carried through the network; the Gauss linking integral has"
            + " |lk| ≈ 1 (|lk| in [0.5, 1.5]) at the input and after every hidden layer, and the carried curves are not"
            + " linearly separable at the last hidden stage (linked closed curves never are); where the carried curves touch"
            + " the linking number is undefined and the link is lost; a run whose carried curves reach within 1e-12 of a"
            + " bound the activation only approaches (tanh ±1, sigmoid 0 and 1; never ReLU, whose 0 is a fold that"
            + " really glues) while losing the link is undecided, since finite precision glues points", narrow, "certified");
    Claim b = Protocols.existence("Width " + wide + " separates the rings.",
        "training accuracy 100 % and the training points linearly separable at the last hidden stage", wideRows,
        r -> r.get("train_accuracy") == 1.0 && r.is("sample_separable_last_hidden"));
    return List.of(a, b);
  }

  /** One network's row; package-private so hand-built networks can be measured. */
  static SeedRow measure(long seed, String label, Dataset data, Network net, double trainAccuracy, Activation act) {
    List<Curve> curves = data.truth().coreCurves();
    List<double[][]> ca = Nets.stages(net, dense(curves.get(0).vertices(), DENSE));
    List<double[][]> cb = Nets.stages(net, dense(curves.get(1).vertices(), DENSE));
    List<double[][]> pts = Nets.stages(net, data.points());
    SeedRow.Builder b = SeedRow.of(seed, label).put("train_accuracy", trainAccuracy);
    boolean kept = true;
    int saturated = 0;
    ActivationTraits traits = Facts.traits(act);
    for (int st = 1; st + 1 < ca.size(); st++) {
      saturated += saturated(ca.get(st), traits) + saturated(cb.get(st), traits);
    }
    for (int st = 0; st + 1 < ca.size(); st++) { // the input and every hidden stage (not the logits)
      if (ca.get(st)[0].length != 3) {
        continue;
      }
      // refined where the layers stretch the curves: a coarse image polygon can fake an unlinking
      Curves.Link link = Curves.link(Curves.prefix(net, st), curves.get(0).vertices(), curves.get(1).vertices());
      double lk = link.number(); // NaN where the carried curves touch: no link, so not kept
      b.put(st == 0 ? "lk_input" : "lk_layer_" + st, lk);
      kept &= link.defined() && Math.abs(lk) >= 0.5 && Math.abs(lk) <= 1.5;
    }
    for (int l = 0; l < net.depth(); l++) {
      if (net.layer(l).in() == 3 && net.layer(l).out() == 3) {
        b.put("det_W_" + (l + 1), det3(net.layer(l).weights().toRows()));
      }
    }
    int last = ca.size() - 2;
    double[][] curvePts = new double[ca.get(last).length + cb.get(last).length][];
    int[] curveLabels = new int[curvePts.length];
    for (int i = 0; i < ca.get(last).length; i++) {
      curvePts[i] = ca.get(last)[i];
    }
    for (int i = 0; i < cb.get(last).length; i++) {
      curvePts[ca.get(last).length + i] = cb.get(last)[i];
      curveLabels[ca.get(last).length + i] = 1;
    }
    boolean curvesSeparable = Separability.linear(curvePts, curveLabels).separable();
    boolean sampleSeparable = Separability.linear(pts.get(last), data.labels()).separable();
    return b.put("curves_separable_last_hidden", curvesSeparable)
        .put("sample_separable_last_hidden", sampleSeparable)
        .put("saturated_curve_points", saturated)
        // in finite precision a saturated unit (tanh = ±1 exactly) glues points: the homeomorphism
        // argument no longer applies to the computed curves, so such a run cannot decide the claim
        .put("certified", certificate(kept, curvesSeparable, saturated))
        .build();
  }

  /**
   * The impossibility certificate of one width-3 network: 1 when the link is kept at every 3-D
   * stage and the carried curves are not linearly separable, NaN (undecided) when it is lost but
   * saturated points make the computed curves untrustworthy, 0 otherwise.
   */
  static double certificate(boolean linkKept, boolean curvesSeparable, int saturatedPoints) {
    return linkKept && !curvesSeparable ? 1 : saturatedPoints > 0 ? Double.NaN : 0;
  }

  static final int DENSE = 2048;

  /** The closed polygon resampled to m vertices, evenly along its length. */
  static dev.knead.core.data.Points dense(dev.knead.core.data.Points v, int m) {
    int n = v.n();
    int d = v.d();
    double[] out = new double[m * d];
    for (int i = 0; i < m; i++) {
      double t = i * (double) n / m;
      int a = (int) Math.floor(t);
      double f = t - a;
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (1 - f) * v.get(a % n, j) + f * v.get((a + 1) % n, j);
      }
    }
    return dev.knead.core.data.Points.of(m, d, out);
  }

  /**
   * Points with a coordinate within 1e-12 of a bound the activation only approaches (tanh's ±1,
   * sigmoid's 0 and 1): saturated in double precision. ReLU has none — its 0 is reached exactly.
   */
  static int saturated(double[][] pts, ActivationTraits act) {
    int c = 0;
    for (double[] p : pts) {
      for (double v : p) {
        if (act.saturated(v, 1e-12)) {
          c++;
          break;
        }
      }
    }
    return c;
  }

  static double det3(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
}
