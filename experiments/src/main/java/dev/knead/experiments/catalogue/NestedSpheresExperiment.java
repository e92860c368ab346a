package dev.knead.experiments.catalogue;

import dev.knead.analysis.Certificates;
import dev.knead.analysis.Tunnel;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Block;
import dev.knead.core.net.Flow;
import dev.knead.core.net.LayerSpecs;
import dev.knead.core.net.Network;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Snapshot;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.TrainSchema;
import dev.knead.core.train.Trainer;
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
import dev.knead.topology.certificate.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Dupont et al.'s concentric data in 2-D (disk r ≤ 0.5, annulus 1 ≤ r ≤ 1.5) with real neural
 * ODEs and invertible blocks: a 2-D flow is a homeomorphism of the plane and cannot pull the disk
 * out of the annulus (its disk region escapes through a tunnel: the certificate); one extra
 * dimension (ANODE) frees it; the 2-D flow grows more complex (NFE) as it trains; a stack of
 * invertible 2-D couplings is bound like the flow; a soft k-NN read-out at width 2 is not.
 */
public final class NestedSpheresExperiment implements Experiment {
  static final String ODE = "ode 2";
  static final String ANODE = "ode 3 (augmented)";
  static final String COUPLINGS = "4 couplings, 2-D";
  static final String WIDE = "ode 3, parameter-matched";
  static final String KNN = "k-NN read-out, width 2";
  static final String ODE_NFE = "ode 2, adaptive (NFE protocol)";
  static final String ANODE_NFE = "ode 3 (augmented), adaptive (NFE protocol)";

  @Override
  public String name() {
    return "nested-spheres";
  }

  @Override
  public String claim() {
    return "A neural ODE in the plane is a homeomorphism: it cannot pull a disk (r ≤ 0.5) out of the annulus around it"
        + " (1 ≤ r ≤ 1.5), so its disk region escapes through the ring on every seed; one extra dimension (ANODE) separates"
        + " them, and the 2-D flow's vector field grows more complex (NFE) as it trains. Invertible 2-D couplings are bound"
        + " the same way; a soft k-NN read-out at width 2 is not.";
  }

  @Override
  public String citation() {
    return "E. Dupont, A. Doucet, Y. W. Teh, Augmented Neural ODEs (NeurIPS 2019); R. T. Q. Chen et al., Neural Ordinary"
        + " Differential Equations (NeurIPS 2018); L. Dinh et al., Density estimation using Real NVP (ICLR 2017); C. Olah (2014)";
  }

  @Override
  public Protocol kind() {
    return Protocol.IMPOSSIBILITY;
  }

  @Override
  public int defaultSeeds(boolean quick) {
    return quick ? 2 : 10;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("points", "200", "120", "points per class"),
        ExperimentParam.of("r1", "0.5", "radius of the inner disk"),
        ExperimentParam.of("r2", "1.0", "inner radius of the annulus"),
        ExperimentParam.of("r3", "1.5", "outer radius of the annulus"),
        new ExperimentParam("epochs", "400", "150", "training epochs"),
        ExperimentParam.of("lr", "0.03", "Adam learning rate"),
        ExperimentParam.of("ode", "ode:2", "the 2-D flow"),
        ExperimentParam.of("anode", "ode:3", "the augmented flow"),
        ExperimentParam.of("couplings", "coupling,coupling,coupling,coupling", "the invertible 2-D stack"),
        ExperimentParam.of("matched", "ode:3:h32", "one more dimension, about the couplings' parameter count"),
        ExperimentParam.of("knn", "knn:32", "the k-NN read-out on the 2-D input"),
        new ExperimentParam("nfe_points", "1000", "300", "points per class for the NFE protocol (Dupont et al.: 2000 in all)"),
        new ExperimentParam("nfe_epochs", "30", "5", "epochs of the NFE protocol (Dupont et al.: 30)"),
        ExperimentParam.of("nfe_batch", "64", "minibatch of the NFE protocol (Dupont et al.: 64)"),
        ExperimentParam.of("nfe_lr", "0.001", "Adam learning rate of the NFE protocol (Dupont et al.: 1e-3)"),
        ExperimentParam.of("nfe_tol", "0.001", "adaptive solver tolerance, absolute and relative (Dupont et al.: 1e-3)"),
        ExperimentParam.of("nfe_ode", "ode:2:h32:dopri", "the 2-D flow of the NFE protocol (32 hidden units as Dupont et al.)"),
        ExperimentParam.of("nfe_anode", "ode:3:h32:dopri", "the augmented flow of the NFE protocol"));
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    Nets.Recipe recipe = Nets.Recipe.of(s.whole("epochs"), s.number("lr"));
    double r1 = s.number("r1");
    double r2 = s.number("r2");
    double r3 = s.number("r3");
    String[][] kinds = {{ODE, s.text("ode")}, {ANODE, s.text("anode")}, {COUPLINGS, s.text("couplings")},
        {WIDE, s.text("matched")}, {KNN, s.text("knn")}, {ODE_NFE, s.text("nfe_ode")}, {ANODE_NFE, s.text("nfe_anode")}};
    List<long[]> tasks = new ArrayList<>();
    for (long seed : seeds) {
      for (int k = 0; k < kinds.length; k++) {
        tasks.add(new long[] {seed, k});
      }
    }
    Map<String, String> data = Map.of("dim", "2", "points", s.text("points"), "r1", s.text("r1"), "r2", s.text("r2"),
        "r3", s.text("r3"));
    Map<String, String> nfeData = Map.of("dim", "2", "points", s.text("nfe_points"), "r1", s.text("r1"), "r2", s.text("r2"),
        "r3", s.text("r3"));
    NfeProtocol protocol = new NfeProtocol(s.whole("nfe_epochs"), s.whole("nfe_batch"), s.number("nfe_lr"), s.number("nfe_tol"));
    List<SeedRow> rows = Pool.map(tasks, t -> {
      String[] kind = kinds[(int) t[1]];
      if (kind[0].equals(ODE_NFE) || kind[0].equals(ANODE_NFE)) {
        Dataset d = Datasets.generate("nested-spheres", nfeData, t[0]);
        SeedRow row = nfeRow(t[0], kind[0], d, kind[1], protocol, Nets.derive(t[0], t[1]));
        listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: %s (train %.1f %%, NFE %.0f → %.0f)", t[0], kind[0],
            100 * row.get("train_accuracy"), row.get("nfe_start"), row.get("nfe_end")));
        return row;
      }
      Dataset d = Datasets.generate("nested-spheres", data, t[0]);
      TrainResult r = Nets.trainLayers(d, kind[1], recipe, Nets.derive(t[0], t[1]));
      SeedRow row = row(t[0], kind[0], r.network(), d, r.trainAccuracy(), r1, r2, r3);
      listener.onProgress(name(), String.format(Locale.ROOT, "seed %d: %s (train %.1f %%, tunnel %s)", t[0], kind[0],
          100 * row.get("train_accuracy"), tunnelWord(row.get("tunnel"))));
      return row;
    });
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, claims(rows));
  }

  private static String tunnelWord(double v) {
    return Double.isNaN(v) ? "not applicable" : v == 1 ? "found" : "not found";
  }

  /**
   * One trained network: the tunnel (the constructive certificate), the flood-fill certificate
   * beside it as a cross-check, the dense polar grid, the parameter count.
   */
  static SeedRow row(long seed, String label, Network net, Dataset data, double trainAccuracy, double r1, double r2, double r3) {
    double[] centre = {0, 0};
    Certificate c = Certificates.plane(net, data, 0, centre, r3);
    Tunnel.Finding t = Tunnel.certify(net, Certificates.classData(data, 0), 0, centre, r2, r3, Tunnel.Options.around(r3));
    EnclosedDisk.Grid g = EnclosedDisk.grid(net, r1, r2, r3);
    double[] x = t.exhibit();
    return SeedRow.of(seed, label)
        .put("train_accuracy", trainAccuracy)
        .put("parameters", net.parameterCount())
        .put("tunnel", tunnel(t))
        .put("tunnel_x", x.length == 2 ? x[0] : Double.NaN)
        .put("tunnel_y", x.length == 2 ? x[1] : Double.NaN)
        .put("tunnel_r", t.exhibitRadius(centre))
        .put("tunnel_margin", t.exhibitMargin())
        .put("tunnel_shell_samples", t.shellSamples())
        .put("tunnel_reach", t.reach())
        .put("inner_region_unbounded", EnclosedDisk.unbounded(c))
        .put("tunnel_angle_deg", c.angleDegrees())
        .put("dense_error", g.error())
        .put("dense_ring_points_inner", g.ringWrong())
        .put("certified", certified(t, c, g.ringWrong()))
        .build();
  }

  /** The tunnel as 1 found (a verified ring point), 0 not found, NaN where the construction does not apply or no disk data is labelled disk. */
  static double tunnel(Tunnel.Finding t) {
    return switch (t.outcome()) {
      case FOUND -> 1;
      case NOT_FOUND -> 0;
      case NOT_APPLICABLE, EMPTY -> Double.NaN;
    };
  }

  /**
   * 1 when the tunnel exhibits a ring point labelled disk on a path from the disk's data (the
   * network's own forward pass says so); otherwise what the flood fill decides (bounded: 0, not
   * found at its resolution: undecided).
   */
  static double certified(Tunnel.Finding t, Certificate c, int ringWrong) {
    return t.found() ? 1 : EnclosedDisk.certified(c, ringWrong);
  }

  /**
   * Dupont et al.'s NFE protocol (their anode/training.py and config.json): Adam, minibatches,
   * the flow solved adaptively (Dormand–Prince) at a tolerance during training.
   */
  record NfeProtocol(int epochs, int batch, double learningRate, double tolerance) {}

  /**
   * A flow trained adaptively as Dupont et al. do, and its forward NFE at initialisation and after
   * every epoch: the mean over the data's minibatches (fixed, of the protocol's size) of the
   * evaluations of one Dormand–Prince solve over [0, 1] at the protocol's tolerance.
   */
  static SeedRow nfeRow(long seed, String label, Dataset data, String layers, NfeProtocol p, long trainSeed) {
    TrainConfig c = TrainConfig.defaults().with(TrainSchema.LAYERS, LayerSpecs.parse(layers))
        .withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, p.learningRate()))
        .with(TrainSchema.BATCH, (long) p.batch())
        .withEpochs(p.epochs())
        .with(TrainSchema.SNAPSHOT_EVERY, 1L)
        .withSeed(trainSeed);
    // as Trainer.train(data, test, config, listener) draws it, the flows at the protocol's tolerance
    SplittableRandom root = new SplittableRandom(trainSeed);
    Network init = Trainer.initial(data, c, root.split());
    init = new Network(init.blocks().stream().map(b -> b instanceof Flow f ? (Block) f.withTolerance(p.tolerance()) : b).toList());
    TrainResult r = Trainer.train(init, data, data.select(new int[0]), c, root.split(), TrainListener.NONE);
    List<Snapshot> snaps = r.snapshots();
    double start = nfe(snaps.get(0).network(), data, p.batch());
    double end = nfe(r.network(), data, p.batch());
    double sum = 0;
    for (Snapshot sn : snaps) {
      sum += nfe(sn.network(), data, p.batch());
    }
    return SeedRow.of(seed, label)
        .put("train_accuracy", r.trainAccuracy())
        .put("parameters", r.network().parameterCount())
        .put("epochs", r.history().size())
        .put("nfe_start", start)
        .put("nfe_end", end)
        .put("nfe_mean", sum / snaps.size())
        .put("log_nfe_growth", Math.log(end / start))
        .put("nfe_legs_last_epoch", r.history().get(r.history().size() - 1).evaluations())
        .build();
  }

  /**
   * The mean over the data's minibatches of the given size (one fixed shuffle, seed 1, so every
   * batch mixes the classes as a training batch does) of the forward NFE of the network's flows
   * (one adaptive solve over [0, 1] each, {@link Flow#solveEvaluations}); NaN without flows.
   */
  static double nfe(Network net, Dataset data, int batch) {
    double[] all = data.points().toArray();
    final int d = data.dim();
    final int n = data.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    long total = 0;
    int batches = 0;
    boolean any = false;
    for (int start = 0; start < n; start += batch) {
      int m = Math.min(batch, n - start);
      double[] a = new double[m * d];
      for (int i = 0; i < m; i++) {
        System.arraycopy(all, order[start + i] * d, a, i * d, d);
      }
      for (Block b : net.blocks()) {
        if (b instanceof Flow f) {
          total += f.solveEvaluations(a, m);
          any = true;
        }
        a = b.forward(a, m).output();
      }
      batches++;
    }
    return any ? total / (double) batches : Double.NaN;
  }

  static List<SeedRow> rows(List<SeedRow> rows, String label) {
    return rows.stream().filter(r -> r.label().equals(label)).toList();
  }

  /** The verdicts from the rows, by label. */
  static List<Claim> claims(List<SeedRow> rows) {
    List<SeedRow> ode = rows(rows, ODE);
    List<SeedRow> anode = rows(rows, ANODE);
    List<SeedRow> couplings = rows(rows, COUPLINGS);
    List<SeedRow> wide = rows(rows, WIDE);
    List<SeedRow> knn = rows(rows, KNN);
    List<SeedRow> odeNfe = rows(rows, ODE_NFE);
    List<SeedRow> anodeNfe = rows(rows, ANODE_NFE);
    String tunnel = "the tunnel (Tunnel.certify): the network is invertible blocks then a linear read-out, so the disk's region"
        + " is φ⁻¹ of a half-plane; from a disk data point labelled disk, the read-out's ray towards the disk class is pulled"
        + " back through the blocks' inverses and sampled at most r₃/1000 apart (within 2 r₃, then proportionally farther) out to"
        + " 100 r₃; certified when a sample in the annulus r₂ ≤ r ≤ r₃ is labelled disk by the network's own forward pass, every"
        + " sample before it too (columns tunnel_x, tunnel_y: the exhibited ring point; tunnel_reach: how far the verified path"
        + " goes). Where no tunnel is exhibited, DecisionRegionCertificate's flood fill decides (bounded: refuted; not found at its"
        + " resolution: undecided); its finding is kept as the cross-check column inner_region_unbounded";
    Claim a = Protocols.impossibility("A 2-D neural ODE (then a linear read-out) leaves the disk's region unbounded and misclassifies"
        + " part of the annulus, on every seed.", tunnel + " (RK4, 8 steps, 2-16-2 tanh vector field)", ode, "certified");
    Claim b = Protocols.existence("One extra dimension (ANODE, zero-padded to 3-D) separates the disk from the annulus.",
        "100 % training accuracy, every point of the dense polar grid of disk and annulus right, and the disk's region bounded"
        + " (the flood-fill certificate)", anode, NestedSpheresExperiment::separates);
    String nfe = "Dupont et al.'s protocol (anode/training.py, config.json): each flow trained with Adam (lr 1e-3), minibatches"
        + " of 64, 30 epochs, on 2000 points (1000 per class: Knead's generator draws equal classes where Dupont drew 500 inside,"
        + " 1500 outside), solved by Dormand–Prince 5(4) at absolute and relative tolerance 1e-3 while training (gradients by the"
        + " adjoint method; Dupont backpropagates through the solver: the forward count does not depend on it); NFE = forward"
        + " vector-field evaluations of one adaptive solve over [0, 1] per minibatch of 64, the mean over the epoch's minibatches,"
        + " with the network at initialisation (nfe_start) and after the last epoch (nfe_end). The vector field is Knead's"
        + " (x, t) → 32 tanh → x, where Dupont's has two ReLU layers of 32. nfe_legs_last_epoch: the training solve's own count"
        + " per step (restarted at t = k/8 for the trace)";
    double[] growth = odeNfe.stream().mapToDouble(r -> r.get("log_nfe_growth")).toArray();
    Claim c = Protocols.trendPositive("The 2-D flow's NFE grows during training.",
        "per 2-D ODE network, log(nfe_end / nfe_start); " + nfe, odeNfe, "log NFE growth", growth);
    List<SeedRow> both = new ArrayList<>(anodeNfe);
    both.addAll(odeNfe);
    Claim d = Protocols.trendLess("After training, ANODE needs fewer function evaluations than the 2-D ODE.",
        "nfe_end, ANODE (one extra dimension) vs the 2-D ODE; " + nfe, both, "ANODE NFE",
        anodeNfe.stream().mapToDouble(r -> r.get("nfe_end")).toArray(), "2-D ODE NFE",
        odeNfe.stream().mapToDouble(r -> r.get("nfe_end")).toArray());
    Claim e = Protocols.impossibility("A stack of four invertible 2-D coupling blocks (RealNVP) leaves the disk's region unbounded"
        + " and misclassifies part of the annulus, on every seed.", tunnel + " (couplings inverted in closed form)", couplings,
        "certified");
    Claim f = Protocols.existence("About the same parameter count with one extra dimension (an augmented flow) separates them.",
        "as for ANODE; the rows give both networks' parameter counts", wide, NestedSpheresExperiment::separates);
    Claim g = Protocols.existence("A soft k-NN read-out on the 2-D input (32 prototypes, width 2) separates the disk from the annulus,"
        + " where every width-2 dense tanh network cannot (disk-annulus).", "as for ANODE", knn, NestedSpheresExperiment::separates);
    return List.of(a, b, c, d, e, f, g);
  }

  static boolean separates(SeedRow r) {
    return r.get("train_accuracy") == 1.0 && r.get("dense_error") == 0 && r.get("inner_region_unbounded") == 0;
  }
}
