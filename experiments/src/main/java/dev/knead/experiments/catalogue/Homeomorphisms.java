package dev.knead.experiments.catalogue;

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
import dev.knead.experiments.Param;
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
        + " layer (unless tanh saturates in finite precision, which is flagged); ReLU can fold a loop away (β₁ 1 → 0)"
        + " where leaky ReLU, a homeomorphism, keeps it.";
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
  public List<Param> params() {
    return List.of(
        new Param("points", "200", "120", "points per class (two circles)"),
        Param.of("noise", "0.02", "noise of the circles"),
        Param.of("depth", "4", "square tanh layers in the stack"),
        Param.of("stretch", "1.5", "singular values drawn from [1/stretch, stretch]"),
        Param.of("saturating", "40", "factor on W for the saturated stack"),
        Param.of("alpha", "0.2", "leaky ReLU slope"));
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    List<SeedRow[]> rows = Pool.map(seeds, seed -> {
      Dataset data = Datasets.generate("circles", Map.of("points", s.text("points"), "noise", s.text("noise")), seed);
      SplittableRandom rng = new SplittableRandom(seed);
      double[][] pts = Nets.rows(data.points());
      int[] y = data.labels();
      HopBetti[] proc = new HopBetti[2];
      for (int c = 0; c < 2; c++) {
        proc[c] = Betti.freeze(Betti.select(pts, Betti.sample(y, c, 400, seed)), new int[] {1, 1});
      }
      Network stack = stack(rng, s.whole("depth"), s.number("stretch"), 1);
      Network hot = stack(new SplittableRandom(Nets.derive(seed, 1)), s.whole("depth"), s.number("stretch"),
          s.number("saturating"));
      SeedRow keep = homeo(seed, "tanh stack", stack, pts, y, proc, seed);
      SeedRow sat = homeo(seed, "saturated tanh stack (W × " + s.text("saturating") + ")", hot, pts, y, proc, seed);
      SeedRow fold = fold(seed, pts, y, rng, s.number("alpha"));
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: kept %s, saturated %.0f, relu β₁ %.0f", seed,
          keep.is("betti_kept"), sat.get("saturated_points"), fold.get("relu_beta1")));
      return new SeedRow[] {keep, sat, fold};
    });
    List<SeedRow> keep = rows.stream().map(r -> r[0]).toList();
    List<SeedRow> sat = rows.stream().map(r -> r[1]).toList();
    List<SeedRow> fold = rows.stream().map(r -> r[2]).toList();
    Claim a = Protocols.impossibility("Random stacks of " + s.text("depth") + " square tanh layers with invertible W keep"
            + " both circles' Betti numbers (1, 1) at every stage and invert exactly.",
        "W = R(a)·diag(s₁, s₂)·R(b) with s in [1/stretch, stretch] (det ≠ 0 by construction); Betti numbers by the hop"
            + " procedure frozen on the input; inversion layer by layer with Activation.inverse and W⁻¹; certified when"
            + " the Betti numbers never change and the largest inversion error is below 1e-9 (or saturation is"
            + " flagged)", keep, "certified");
    Claim b = Protocols.existence("Saturation breaks exact inversion in finite precision and is flagged, not hidden.",
        "the same stacks with W multiplied by the saturating factor: some points reach tanh = ±1 in double precision,"
            + " their inversion is refused and counted", sat, r -> r.get("saturated_points") > 0);
    Claim c = Protocols.existence("ReLU folds a loop away (β₁ 1 → 0) where leaky ReLU keeps it.",
        "one square layer x ↦ σ(Rx + b) on the outer circle, R a random rotation and b₂ below minus the loop's highest"
            + " second coordinate (a unit that is dead on the whole loop): β₁ of the image by the frozen procedure, ReLU"
            + " vs leaky ReLU", fold, r -> r.get("relu_beta1") == 0 && r.get("leaky_beta1") == 1);
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, List.of(a, b, c));
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

  private static SeedRow homeo(long seed, String label, Network net, double[][] pts, int[] y, HopBetti[] proc, long sampleSeed) {
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

  private static SeedRow fold(long seed, double[][] pts, int[] y, SplittableRandom rng, double alpha) {
    double[][] r = rot(2 * Math.PI * rng.nextDouble());
    int[] idx = Betti.sample(y, 1, 400, seed);
    double[][] loop = Betti.select(pts, idx);
    HopBetti p = Betti.freeze(loop, new int[] {1, 1});
    double highest = Double.NEGATIVE_INFINITY;
    for (double[] x : loop) {
      highest = Math.max(highest, r[1][0] * x[0] + r[1][1] * x[1]);
    }
    // unit 2 is dead on the whole loop: z₂ ≤ −0.1 everywhere on it
    double[] bias = {rng.nextDouble() * 0.6 - 0.3, -highest - 0.1};
    double[][] relu = new double[loop.length][];
    double[][] leaky = new double[loop.length][];
    Activation lr = Activation.leakyRelu(alpha);
    for (int i = 0; i < loop.length; i++) {
      double z0 = r[0][0] * loop[i][0] + r[0][1] * loop[i][1] + bias[0];
      double z1 = r[1][0] * loop[i][0] + r[1][1] * loop[i][1] + bias[1];
      relu[i] = new double[] {Activation.RELU.apply(z0), Activation.RELU.apply(z1)};
      leaky[i] = new double[] {lr.apply(z0), lr.apply(z1)};
    }
    return SeedRow.of(seed, "one layer, relu vs leaky-relu:" + alpha)
        .put("input_beta1", Betti.of(p, loop).get(1))
        .put("relu_beta1", Betti.of(p, relu).get(1))
        .put("leaky_beta1", Betti.of(p, leaky).get(1))
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
