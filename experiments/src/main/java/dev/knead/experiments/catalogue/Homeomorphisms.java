package dev.knead.experiments.catalogue;

import dev.knead.analysis.Analyst;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import dev.knead.experiments.Betti;
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
import dev.knead.topology.ph.HopBetti;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Square tanh layers with invertible W are homeomorphisms: Betti numbers are kept and every
 * layer inverts exactly (unless finite precision saturates tanh, which is then flagged). ReLU is
 * not injective: a dead unit folds a loop flat, where leaky ReLU keeps it.
 */
public final class Homeomorphisms implements Experiment {
  @Override
  public String name() {
    return "homeomorphisms";
  }

  @Override
  public String claim() {
    return "Stacks of square tanh layers with invertible W keep every class's Betti numbers and invert exactly layer by"
        + " layer; where tanh nearly saturates, exact inversion breaks and is flagged; a random ReLU layer can fold a"
        + " loop away (β₁ 1 → 0), a leaky ReLU layer, a homeomorphism, never does.";
  }

  @Override
  public String citation() {
    return "C. Olah (2014), homeomorphism of tanh layers with det W ≠ 0; Naitzat, Zhitnikov, Lim (JMLR 2020), ReLU folds";
  }

  @Override
  public Protocol kind() {
    return Protocol.IMPOSSIBILITY;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("points", "200", "120", "points per class (two circles)"),
        ExperimentParam.of("noise", "0.02", "noise of the circles"),
        ExperimentParam.of("depth", "4", "square tanh layers in the stack"),
        ExperimentParam.of("stretch", "1.5", "singular values drawn from [1/stretch, stretch]"),
        ExperimentParam.of("saturating", "3,4,8", "factors on W for the saturating stacks (some points saturate, some not)"),
        ExperimentParam.of("alpha", "0.2", "leaky ReLU slope"),
        ExperimentParam.of("layers", "8", "random one-layer maps per seed for ReLU versus leaky ReLU"));
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    List<Double> factors = s.numbers("saturating");
    List<List<SeedRow>> rows = Pool.map(seeds, seed -> {
      Dataset data = Datasets.generate("circles", Map.of("points", s.text("points"), "noise", s.text("noise")), seed);
      SplittableRandom rng = new SplittableRandom(seed);
      double[][] pts = Nets.rows(data.points());
      int[] y = data.labels();
      HopBetti[] proc = new HopBetti[2];
      for (int c = 0; c < 2; c++) {
        proc[c] = Betti.freeze(Betti.select(pts, Betti.sample(y, c, 400, seed)), new int[] {1, 1});
      }
      Network stack = stack(rng, s.whole("depth"), s.number("stretch"), 1);
      List<SeedRow> out = new ArrayList<>();
      out.add(homeo(seed, "tanh stack", stack, pts, y, proc, seed));
      for (int f = 0; f < factors.size(); f++) {
        Network hot = stack(new SplittableRandom(Nets.derive(seed, 1 + f)), s.whole("depth"), s.number("stretch"),
            factors.get(f));
        out.add(flagging(seed, "tanh stack, W × " + SpiralsExperiment.num(factors.get(f)), hot, pts, Homeomorphisms::invertChecked));
      }
      // the outer circle (class 1) through random square layers, the same W and b for both activations
      double[][] loop = Betti.select(pts, Betti.sample(y, 1, 400, seed));
      SplittableRandom layerRng = new SplittableRandom(Nets.derive(seed, 1000));
      for (int l = 0; l < s.whole("layers"); l++) {
        double[][] w = randomW(layerRng, s.number("stretch"));
        out.add(fold(seed, "random layer " + (l + 1) + ", relu vs leaky-relu:" + s.text("alpha"), loop, w,
            randomBias(layerRng, w, loop), s.number("alpha")));
      }
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: kept %s, %d rows", seed,
          out.get(0).is("betti_kept"), out.size()));
      return out;
    });
    List<SeedRow> all = rows.stream().flatMap(List::stream).toList();
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, claims(all, s.text("depth"), s.text("alpha")));
  }

  /** The verdicts from the rows: "tanh stack", "tanh stack, W × f" and "random layer …" rows. */
  static List<Claim> claims(List<SeedRow> rows, String depth, String alpha) {
    List<SeedRow> keep = rows.stream().filter(r -> r.label().equals("tanh stack")).toList();
    List<SeedRow> sat = rows.stream().filter(r -> r.label().startsWith("tanh stack, W ×")).toList();
    List<SeedRow> fold = rows.stream().filter(r -> r.label().startsWith("random layer")).toList();
    Claim a = Protocols.impossibility("Random stacks of " + depth + " square tanh layers with invertible W keep"
            + " both circles' Betti numbers (1, 1) at every stage and invert exactly.",
        "W = R(a)·diag(s₁, s₂)·R(b) with s in [1/stretch, stretch] (det ≠ 0 by construction); Betti numbers by the hop"
            + " procedure frozen on the input; inversion layer by layer with Activation.inverse and W⁻¹; certified when"
            + " the Betti numbers never change and the largest inversion error is below 1e-9 (or saturation is"
            + " flagged)", keep, "certified");
    Claim b = Protocols.impossibility("Where finite precision breaks exact inversion (tanh near ±1), the inversion says"
            + " so: every point it does not flag inverts to 1e-9.",
        "the same stacks with W multiplied by each saturating factor: each point is inverted layer by layer with a"
            + " first-order bound on the error (the rounding of each tanh value × |d tanh⁻¹/da| = 1/(1 − a²), carried"
            + " through ‖W⁻¹‖∞), flagged when the bound passes 1e-9; certified when some points are flagged and every"
            + " unflagged point comes back within 1e-9 of where it started (undecided when nothing saturates)",
        sat, "certified");
    Claim c = Protocols.existence("A ReLU layer can fold a loop away (β₁ 1 → 0).",
        "random square layers x ↦ σ(Wx + b) on the outer circle, W as above, each b_i placing unit i's hyperplane"
            + " uniformly within ±1.5 × the loop's half-width along w_i around its centre (nothing forces a unit to"
            + " be dead): a fold counts when β₁ of the image, read on its own, is 0 and the image"
            + " lies on the two half-axes (no sample point with both units on: a tree, β₁ = 0 exactly)", fold,
        r -> r.get("input_beta1") == 1 && r.get("relu_beta1") == 0 && r.is("image_on_axes"));
    Claim d = Protocols.impossibility("A leaky-ReLU layer (slope " + alpha + "), a homeomorphism, keeps the loop (β₁ = 1).",
        "the same layers with leaky ReLU: certified when β₁ of the image, read on its own, is 1"
            + " (undecided when the input's β₁ is not measured as 1, or the image's reading is tied with another)", fold, "leaky_certified");
    return List.of(a, b, c, d);
  }

  /** Inverts a stack's last hidden stage back to the input, or returns null for a flagged point. */
  interface Inverter {
    double[] invert(Network net, double[] a);
  }

  /**
   * The saturating stack's row: how many points the inversion flags, and how far the unflagged
   * ones come back from where they started. Refuted by any unflagged point off by 1e-9 or more;
   * certified when none is and some are flagged; NaN when none is flagged (nothing to test).
   */
  static SeedRow flagging(long seed, String label, Network net, double[][] pts, Inverter inverter) {
    List<double[][]> st = Nets.stages(net, dev.knead.core.data.Points.of(pts));
    double[][] last = st.get(st.size() - 2);
    int flagged = 0;
    int inexact = 0;
    double err = 0;
    for (int p = 0; p < pts.length; p++) {
      double[] x = inverter.invert(net, last[p]);
      if (x == null) {
        flagged++;
        continue;
      }
      double e = Math.max(Math.abs(x[0] - pts[p][0]), Math.abs(x[1] - pts[p][1]));
      err = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(err, e);
      inexact += e < INVERSE_TOLERANCE ? 0 : 1;
    }
    return SeedRow.of(seed, label).put("flagged_points", flagged).put("unflagged_inexact", inexact)
        .put("max_unflagged_error", err)
        .put("certified", inexact > 0 ? 0 : flagged == 0 ? Double.NaN : 1).build();
  }

  static final double INVERSE_TOLERANCE = 1e-9;

  /**
   * Inversion with a first-order error bound, from the last hidden stage back through every
   * hidden layer: each tanh value is off by a few ulps from the forward pass, tanh⁻¹
   * multiplies that (and the error carried from above) by 1/(1 − a²), W⁻¹ by at most ‖W⁻¹‖∞.
   * Returns null (flagged) once the bound passes {@link #INVERSE_TOLERANCE}.
   */
  static double[] invertChecked(Network net, double[] a) {
    double[] x = a.clone();
    double bound = 0;
    for (int l = net.depth() - 1; l >= 0; l--) { // depth() counts the hidden layers, not the output layer
      Layer layer = net.layer(l);
      double dz = 0;
      for (int j = 0; j < 2; j++) {
        double slope = 1 / (1 - x[j] * x[j]);
        dz = Math.max(dz, (bound + 4 * Math.ulp(x[j])) * slope);
      }
      if (!(Math.abs(x[0]) < 1 && Math.abs(x[1]) < 1) || !Double.isFinite(dz)) {
        return null;
      }
      x = invert(layer, x);
      double[][] w = layer.weights().toRows();
      double det = w[0][0] * w[1][1] - w[0][1] * w[1][0];
      double invNorm = Math.max(Math.abs(w[1][1]) + Math.abs(w[0][1]), Math.abs(w[1][0]) + Math.abs(w[0][0])) / Math.abs(det);
      bound = invNorm * dz + 4 * Math.ulp(Math.max(Math.abs(x[0]), Math.abs(x[1])));
      if (!(bound <= INVERSE_TOLERANCE)) {
        return null;
      }
    }
    return x;
  }

  /** Inversion that refuses only exact saturation (tanh = ±1), as {@link #homeo} inverts. */
  static double[] invertPlain(Network net, double[] a) {
    double[] x = a.clone();
    try {
      for (int l = net.depth() - 1; l >= 0; l--) {
        x = invert(net.layer(l), x);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return x;
  }

  /** A stack of square tanh layers (and an identity output layer) with well-conditioned W. */
  static Network stack(SplittableRandom rng, int depth, double stretch, double factor) {
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      double a = 2 * Math.PI * rng.nextDouble();
      double b = 2 * Math.PI * rng.nextDouble();
      double s1 = Math.exp((2 * rng.nextDouble() - 1) * Math.log(stretch)) * factor;
      double s2 = Math.exp((2 * rng.nextDouble() - 1) * Math.log(stretch)) * factor;
      double[][] w = times(rot(a), times(new double[][] {{s1, 0}, {0, s2}}, rot(b)));
      layers.add(new Layer(Matrix.of(w), new double[] {rng.nextDouble() - 0.5, rng.nextDouble() - 0.5}, Activation.TANH));
    }
    layers.add(new Layer(Matrix.identity(2), new double[2], Activation.IDENTITY));
    return new Network(layers);
  }

  static SeedRow homeo(long seed, String label, Network net, double[][] pts, int[] y, HopBetti[] proc, long sampleSeed) {
    List<double[][]> st = Nets.stages(net, dev.knead.core.data.Points.of(pts));
    boolean kept = true;
    SeedRow.Builder b = SeedRow.of(seed, label);
    for (int i = 1; i + 1 < st.size(); i++) {
      for (int c = 0; c < 2; c++) {
        List<Integer> beta = Betti.of(proc[c], Betti.select(st.get(i), Betti.sample(y, c, 400, sampleSeed)));
        kept &= beta.equals(List.of(1, 1));
        if (c == 0) {
          b.put("beta1_class0_layer_" + i, beta.get(1));
        }
      }
    }
    int saturated = 0;
    double err = 0;
    double[][] last = st.get(st.size() - 2);
    for (int p = 0; p < pts.length; p++) {
      double[] x = last[p];
      try {
        for (int l = net.depth() - 1; l >= 0; l--) {
          x = invert(net.layer(l), x);
        }
        for (int j = 0; j < 2; j++) {
          err = Math.max(err, Math.abs(x[j] - pts[p][j]));
        }
      } catch (IllegalArgumentException e) {
        saturated++;
      }
    }
    return b.put("betti_kept", kept).put("max_inverse_error", err).put("saturated_points", saturated)
        .put("certified", kept && (err < 1e-9 || saturated > 0)).build();
  }

  /** x = W⁻¹(σ⁻¹(a) − b) for a square 2 × 2 layer. */
  static double[] invert(Layer layer, double[] a) {
    double[][] w = layer.weights().toRows();
    double z0 = layer.activation().inverse(a[0]) - layer.bias(0);
    double z1 = layer.activation().inverse(a[1]) - layer.bias(1);
    double det = w[0][0] * w[1][1] - w[0][1] * w[1][0];
    return new double[] {(w[1][1] * z0 - w[0][1] * z1) / det, (-w[1][0] * z0 + w[0][0] * z1) / det};
  }

  /** W = R(a)·diag(s₁, s₂)·R(b), s in [1/stretch, stretch]: invertible, like the stacks'. */
  static double[][] randomW(SplittableRandom rng, double stretch) {
    double a = 2 * Math.PI * rng.nextDouble();
    double b = 2 * Math.PI * rng.nextDouble();
    double s1 = Math.exp((2 * rng.nextDouble() - 1) * Math.log(stretch));
    double s2 = Math.exp((2 * rng.nextDouble() - 1) * Math.log(stretch));
    return times(rot(a), times(new double[][] {{s1, 0}, {0, s2}}, rot(b)));
  }

  /** Each unit's hyperplane uniformly within ±1.5 × the loop's half-width along w_i, around the loop's centre. */
  static double[] randomBias(SplittableRandom rng, double[][] w, double[][] loop) {
    double[] bias = new double[2];
    for (int i = 0; i < 2; i++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] x : loop) {
        double z = w[i][0] * x[0] + w[i][1] * x[1];
        lo = Math.min(lo, z);
        hi = Math.max(hi, z);
      }
      double centre = 0.5 * (lo + hi);
      double half = 0.5 * (hi - lo);
      bias[i] = -centre + 1.5 * half * (2 * rng.nextDouble() - 1);
    }
    return bias;
  }

  /**
   * One layer x ↦ σ(Wx + b) applied to a loop with ReLU and with leaky ReLU (slope alpha): β₁ of
   * the loop and of each image, each read on its own, and how many units are dead on the whole loop.
   */
  static SeedRow fold(long seed, String label, double[][] loop, double[][] w, double[] bias, double alpha) {
    double[][] relu = new double[loop.length][];
    double[][] leaky = new double[loop.length][];
    Activation lr = Activation.leakyRelu(alpha);
    boolean[] alive = new boolean[2];
    boolean onAxes = true;
    for (int i = 0; i < loop.length; i++) {
      double z0 = w[0][0] * loop[i][0] + w[0][1] * loop[i][1] + bias[0];
      double z1 = w[1][0] * loop[i][0] + w[1][1] * loop[i][1] + bias[1];
      alive[0] |= z0 > 0;
      alive[1] |= z1 > 0;
      onAxes &= !(z0 > 0 && z1 > 0);
      relu[i] = new double[] {Activation.RELU.apply(z0), Activation.RELU.apply(z1)};
      leaky[i] = new double[] {lr.apply(z0), lr.apply(z1)};
    }
    // each cloud read on its own (the Betti numbers that hold over the longest run of k), never
    // on a scale frozen on the loop: leaky ReLU squeezes one side by 1/alpha, and a frozen scale
    // then reads the squeezed side as torn (an artefact, not a change of shape)
    int input = Analyst.stageBetti(loop, 2, 1).betti().get(1);
    HopBetti.Plateau leakyReading = Analyst.stageBetti(leaky, 2, 1);
    int leakyBeta1 = leakyReading.betti().get(1);
    return SeedRow.of(seed, label)
        .put("input_beta1", input)
        .put("relu_beta1", Analyst.stageBetti(relu, 2, 1).betti().get(1))
        .put("leaky_beta1", leakyBeta1)
        .put("leaky_reading_unique", leakyReading.unique())
        .put("dead_units", (alive[0] ? 0 : 1) + (alive[1] ? 0 : 1))
        // no point with both units on: the ReLU image lies on the two half-axes, a tree, so its
        // β₁ is 0 exactly (a measured 0 without this may be a hole below the instrument's scale)
        .put("image_on_axes", onAxes)
        // undecided when the input's loop is not measured, or the image's reading is tied with another
        .put("leaky_certified", input != 1 || !leakyReading.unique() ? Double.NaN : leakyBeta1 == 1 ? 1 : 0)
        .build();
  }

  private static double[][] rot(double a) {
    return new double[][] {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}};
  }

  private static double[][] times(double[][] a, double[][] b) {
    double[][] c = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j];
      }
    }
    return c;
  }
}
