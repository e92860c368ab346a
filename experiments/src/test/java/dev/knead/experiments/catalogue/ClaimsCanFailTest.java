package dev.knead.experiments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import dev.knead.experiments.Catalogue;
import dev.knead.experiments.Claim;
import dev.knead.experiments.Nets;
import dev.knead.experiments.SeedRow;
import dev.knead.experiments.Settings;
import dev.knead.experiments.ClaimVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A claim that cannot fail is not a claim: for every claim of the catalogue, the experiment's own
 * verdict code is fed a constructed counter-case (hand-built networks through the row code where
 * it is cheap, hand-made rows otherwise) and must answer "fails".
 */
class ClaimsCanFailTest {
  /** Per experiment: its claims, decided on counter-cases to every one of them. */
  private static final Map<String, Supplier<List<Claim>>> COUNTER_CASES = Map.ofEntries(
      Map.entry("sandwich", ClaimsCanFailTest::sandwich),
      Map.entry("disk-annulus", ClaimsCanFailTest::enclosedDisk),
      Map.entry("nested-spheres", ClaimsCanFailTest::nestedSpheres),
      Map.entry("spirals", ClaimsCanFailTest::spirals),
      Map.entry("hopf-link", ClaimsCanFailTest::hopfLink),
      Map.entry("homeomorphisms", ClaimsCanFailTest::homeomorphisms),
      Map.entry("naitzat", ClaimsCanFailTest::naitzat),
      Map.entry("naitzat-depth", ClaimsCanFailTest::naitzatDepth),
      Map.entry("intrinsic-dimension", ClaimsCanFailTest::intrinsicDimension),
      Map.entry("word-analogy", ClaimsCanFailTest::wordAnalogy),
      Map.entry("class-gathering", ClaimsCanFailTest::gathering));

  @Test
  void everyExperimentOfTheCatalogueHasCounterCases() {
    assertThat(new TreeSet<>(COUNTER_CASES.keySet())).isEqualTo(new TreeSet<>(Catalogue.names()));
  }

  @Test
  void everyClaimFailsOnItsCounterCase() {
    COUNTER_CASES.forEach((name, claims) -> assertThat(claims.get()).as(name).isNotEmpty().allSatisfy(c ->
        assertThat(c.verdict()).as(name + ": " + c.statement() + " — " + c.finding()).isEqualTo(ClaimVerdict.FAILS)));
  }

  // ---- sandwich: a width-1 network with a non-monotone σ switches class many times; a width-2
  // network that says "class 0" everywhere does not separate anything

  static List<Claim> sandwich() {
    Dataset data = Datasets.generate("sandwich", Map.of("points", "60"), 1);
    double[][] x = Nets.rows(data.points());
    Network wiggly = new Network(List.of(
        new Layer(Matrix.of(new double[][] {{10}}), new double[] {0}, Activation.SIN),
        new Layer(Matrix.of(new double[][] {{1}, {-1}}), new double[2], Activation.IDENTITY)));
    assertThat(SandwichExperiment.switches(wiggly)).isGreaterThan(1);
    Network flat = new Network(List.of(
        new Layer(Matrix.of(new double[2][1]), new double[2], Activation.TANH),
        new Layer(Matrix.of(new double[2][2]), new double[2], Activation.IDENTITY)));
    List<SeedRow> rows = List.of(
        SandwichExperiment.row(1, "width 1, depth 1", wiggly, data, Nets.accuracy(wiggly, x, data.labels())),
        SandwichExperiment.row(1, "width 2", flat, data, Nets.accuracy(flat, x, data.labels())));
    return SandwichExperiment.claims(rows, List.of(1));
  }

  // ---- disk in annulus / nested spheres: a 2-6-2 ReLU network whose disk region is a hexagon
  // (bounded, the ring all right), a width-3 network that says "disk" everywhere, and tunnels
  // whose gradient is smaller than elsewhere

  static Network hexagon(double c) {
    double[][] w = new double[6][2];
    double[] b = new double[6];
    for (int i = 0; i < 6; i++) {
      w[i][0] = Math.cos(i * Math.PI / 3);
      w[i][1] = Math.sin(i * Math.PI / 3);
      b[i] = -c;
    }
    double[][] out = new double[2][6];
    java.util.Arrays.fill(out[0], -10);
    return new Network(List.of(new Layer(Matrix.of(w), b, Activation.RELU),
        new Layer(Matrix.of(out), new double[] {0.1, 0}, Activation.IDENTITY)));
  }

  static List<Claim> enclosedDisk() {
    double r1 = 1 / 3.0;
    double r2 = 2 / 3.0;
    double r3 = 1;
    Dataset data = Datasets.generate("disk-annulus", Map.of("points", "60"), 1);
    double[][] x = Nets.rows(data.points());
    Network hex = hexagon(0.45); // inradius 0.45 > r1, circumradius 0.52 < r2
    SeedRow enclosed = EnclosedDisk.narrow(1, "width 2, depth 1", hex, data, Nets.accuracy(hex, x, data.labels()), r1, r2, r3);
    assertThat(enclosed.get("inner_region_unbounded")).isZero();
    assertThat(enclosed.get("dense_ring_points_inner")).isZero();
    Network disk = new Network(List.of(new Layer(Matrix.of(new double[3][2]), new double[3], Activation.TANH),
        new Layer(Matrix.of(new double[2][3]), new double[] {1, 0}, Activation.IDENTITY)));
    SeedRow wide = EnclosedDisk.wide(1, "width 3", disk, data, Nets.accuracy(disk, x, data.labels()), r1, r2, r3);
    List<SeedRow> rows = new ArrayList<>(List.of(enclosed, wide));
    for (int i = 0; i < 12; i++) { // width-2 rows with tunnels that are gentler than the rest of the ring
      rows.add(SeedRow.of(i + 2, "width 2, depth 1").put("certified", 1).put("grad_ratio", 0.5 + 0.01 * i).build());
    }
    return DiskAnnulusExperiment.claims(rows, List.of(1), "counter-case");
  }

  // ---- spirals: nothing reaches 100 % at the most turns, and the most turns come out easier

  static List<Claim> spirals() {
    List<SeedRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(SeedRow.of(i, "turns 2").put("turns", 2).put("train_accuracy", 0.95 + 0.001 * i).build());
      rows.add(SeedRow.of(i, "turns 0.5").put("turns", 0.5).put("train_accuracy", 0.80 + 0.001 * i).build());
    }
    return SpiralsExperiment.claims(rows, List.of(0.5, 2.0));
  }

  // ---- hopf link: a width-3 network that loses the link with nothing saturated, and a wide one
  // at 100 % whose codes are not separable

  static List<Claim> hopfLink() {
    assertThat(HopfLink.certificate(true, false, 0)).isEqualTo(1);
    assertThat(HopfLink.certificate(true, true, 0)).isZero(); // linked curves are never separable: separable refutes
    List<SeedRow> rows = List.of(
        SeedRow.of(1, "width 3, depth 1").put("certified", HopfLink.certificate(false, false, 0)).build(),
        SeedRow.of(1, "width [4, 4]").put("train_accuracy", 1.0).put("sample_separable_last_hidden", false).build());
    return HopfLink.claims(rows, List.of(1), List.of(4, 4));
  }

  // ---- homeomorphisms: a stack with a singular layer; an inversion that flags only exact
  // saturation (the old one) on a stack that nearly saturates; a ReLU layer alive on the whole
  // loop; a leaky-ReLU layer whose W squeezes the loop 1e-12 thin

  static List<Claim> homeomorphisms() {
    Dataset data = Datasets.generate("circles", Map.of("points", "120", "noise", "0.02"), 1);
    double[][] pts = Nets.rows(data.points());
    int[] y = data.labels();
    dev.knead.topology.ph.HopBetti[] proc = new dev.knead.topology.ph.HopBetti[2];
    for (int c = 0; c < 2; c++) {
      proc[c] = dev.knead.experiments.Betti.freeze(dev.knead.experiments.Betti.select(pts,
          dev.knead.experiments.Betti.sample(y, c, 400, 1)), new int[] {1, 1});
    }
    Network singular = new Network(List.of(
        new Layer(Matrix.of(new double[][] {{1, 1}, {1, 1}}), new double[] {0.1, -0.2}, Activation.TANH),
        new Layer(Matrix.identity(2), new double[2], Activation.IDENTITY)));
    SeedRow kept = Homeomorphisms.homeo(1, "tanh stack", singular, pts, y, proc, 1);
    Network hot = Homeomorphisms.stack(new SplittableRandom(Nets.derive(1, 1)), 4, 1.5, 4);
    SeedRow plain = Homeomorphisms.flagging(1, "tanh stack, W × 4", hot, pts, Homeomorphisms::invertPlain);
    assertThat(plain.get("unflagged_inexact")).isPositive();
    // the checked inversion on the same stack is the experiment's: it passes
    assertThat(Homeomorphisms.flagging(1, "tanh stack, W × 4", hot, pts, Homeomorphisms::invertChecked).get("certified"))
        .isEqualTo(1);
    double[][] loop = dev.knead.experiments.Betti.select(pts, dev.knead.experiments.Betti.sample(y, 1, 400, 1));
    double[][] identity = {{1, 0}, {0, 1}};
    SeedRow alive = Homeomorphisms.fold(1, "random layer 1", loop, identity, new double[] {5, 5}, 0.2);
    assertThat(alive.get("dead_units")).isZero();
    // invertible, so leaky ReLU keeps the loop in exact arithmetic, but 1e-12 thin: no instrument sees a hole
    SeedRow flat = Homeomorphisms.fold(1, "random layer 2", loop, new double[][] {{1, 0}, {0, 1e-12}}, new double[2], 0.2);
    // the fold claims read the same rows: the live layer refutes "ReLU can fold", the flat one "leaky never does"
    List<Claim> first = Homeomorphisms.claims(List.of(kept, plain, alive), "1", "0.2");
    List<Claim> second = Homeomorphisms.claims(List.of(flat), "1", "0.2");
    return List.of(first.get(0), first.get(1), first.get(2), second.get(3));
  }

  // ---- naitzat: ReLU keeps more of its complexity than tanh

  static List<Claim> naitzat() {
    List<SeedRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(SeedRow.of(i, "naitzat-d1, relu").put("kept", true)
          .put("relative_complexity", NaitzatBetti.relativeComplexity(new int[] {19, 18, 17 + i % 2})).build());
      rows.add(SeedRow.of(i, "naitzat-d1, tanh").put("kept", true)
          .put("relative_complexity", NaitzatBetti.relativeComplexity(new int[] {19, 12, 6 + i % 3})).build());
    }
    return List.of(NaitzatBetti.claim("naitzat-d1", rows, List.of("tanh", "relu"), List.of(15, 15), "2500", 400));
  }

  // ---- naitzat-depth: the shallow networks drop before their last layer, the deep ones in it;
  // the bottleneck leaves more complexity than the wide layer

  static List<Claim> naitzatDepth() {
    List<Integer> shallow = List.of(15, 15);
    List<Integer> deep = List.of(15, 15, 15, 15);
    List<Integer> narrow = List.of(15, 3, 15);
    List<Integer> wide = List.of(15, 15, 15);
    List<SeedRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(SeedRow.of(i, "tanh, " + shallow).put("kept", true)
          .put("share_before_last", Complexity.shareBeforeLast(new int[] {19, 9 + i % 2, 5})).build());
      rows.add(SeedRow.of(i, "tanh, " + deep).put("kept", true)
          .put("share_before_last", Complexity.shareBeforeLast(new int[] {19, 19, 19, 18, 5 + i % 3})).build());
      rows.add(SeedRow.of(i, "tanh, " + narrow).put("kept", true).put("relative_after_bottleneck", 0.9 + 0.001 * i).build());
      rows.add(SeedRow.of(i, "tanh, " + wide).put("kept", true).put("relative_after_bottleneck", 0.5 + 0.001 * i).build());
    }
    return NaitzatDepth.claims(rows, List.of("tanh"), List.of(shallow, deep, narrow, wide), 2, "counter-case");
  }

  // ---- intrinsic dimension: it only falls

  static List<Claim> intrinsicDimension() {
    List<SeedRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      double hump = IntrinsicDimensionExperiment.hump(new double[] {3, 2.5, 2 - 0.01 * i, 1.5, 1});
      rows.add(SeedRow.of(i, "net").put("kept", true).put("hump", hump).build());
    }
    IntrinsicDimensionExperiment e = new IntrinsicDimensionExperiment();
    return List.of(IntrinsicDimensionExperiment.claim(rows, Settings.resolve(e, Map.of(), true), Activation.TANH));
  }

  // ---- nested spheres with flows: a 2-D ODE and couplings whose disk region is bounded, an
  // ANODE, a matched flow and a k-NN read-out that leave part of the grid wrong, NFE that shrinks
  // in training and an ANODE that needs more evaluations than the ODE

  static List<Claim> nestedSpheres() {
    Dataset data = Datasets.generate("nested-spheres", Map.of("dim", "2", "points", "60"), 1);
    double[][] x = Nets.rows(data.points());
    // a 2-D network that encloses the disk (an augmented flow: no tunnel to walk, the flood fill finds the region bounded)
    Network bump = NestedSpheresTunnelTest.bump();
    double acc = Nets.accuracy(bump, x, data.labels());
    List<SeedRow> rows = new ArrayList<>();
    rows.add(NestedSpheresExperiment.row(1, NestedSpheresExperiment.ODE, bump, data, acc, 0.5, 1, 1.5));
    rows.add(NestedSpheresExperiment.row(1, NestedSpheresExperiment.COUPLINGS, bump, data, acc, 0.5, 1, 1.5));
    assertThat(rows.get(0).get("certified")).isZero();
    for (long seed = 1; seed <= 12; seed++) {
      rows.add(SeedRow.of(seed, NestedSpheresExperiment.ANODE).put("train_accuracy", 0.9).put("dense_error", 0.1)
          .put("inner_region_unbounded", 1.0).build());
      rows.add(SeedRow.of(seed, NestedSpheresExperiment.WIDE).put("train_accuracy", 1.0).put("dense_error", 0.02)
          .put("inner_region_unbounded", 0.0).build());
      rows.add(SeedRow.of(seed, NestedSpheresExperiment.KNN).put("train_accuracy", 1.0).put("dense_error", 0.0)
          .put("inner_region_unbounded", 1.0).build());
      // the 2-D flow's NFE falls in training, and ANODE's ends above it
      rows.add(SeedRow.of(seed, NestedSpheresExperiment.ODE_NFE).put("nfe_start", 80).put("nfe_end", 40)
          .put("log_nfe_growth", Math.log(0.5)).build());
      rows.add(SeedRow.of(seed, NestedSpheresExperiment.ANODE_NFE).put("nfe_start", 40).put("nfe_end", 200)
          .put("log_nfe_growth", Math.log(5)).build());
    }
    return NestedSpheresExperiment.claims(rows);
  }

  // ---- word analogy: a hand-made space where "monarch" sits exactly on king − man + woman and
  // queen lies off it, so queen ranks second

  static List<Claim> wordAnalogy() {
    // king (1,1,0), man (0,1,0), woman (0,-1,0.2), queen (1,-1,0.9), monarch on k̂ − m̂ + ŵ
    double[] w = {0, -1, 0.2};
    double nw = Math.sqrt(1 + 0.04);
    double[] q = {1 / Math.sqrt(2), 1 / Math.sqrt(2) - 1 - 1 / nw, 0.2 / nw};
    dev.knead.core.data.words.WordVectors v = new dev.knead.core.data.words.WordVectors("counter-case",
        List.of("king", "man", "woman", "queen", "monarch"), 3,
        new double[] {1, 1, 0, 0, 1, 0, w[0], w[1], w[2], 1, -1, 0.9, q[0], q[1], q[2]});
    return List.of(WordAnalogyExperiment.claim(v, "king", "man", "woman", "queen"));
  }

  // ---- class gathering: the classes come apart at the input and are mixed after the layers (a
  // network that folds the classes onto each other), measured through the experiment's own code

  static List<Claim> gathering() {
    List<SeedRow> rows = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(5);
    int n = 120;
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
    }
    for (int seed = 0; seed < 12; seed++) {
      double[][] apart = new double[n][6];
      double[][] mixed = new double[n][4];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 6; j++) {
          apart[i][j] = 0.3 * gauss(rng) + (j == y[i] ? 4 : 0);
        }
        for (int j = 0; j < 4; j++) {
          mixed[i][j] = gauss(rng); // the labels no longer say where a point is
        }
      }
      double[] sil = GatheringExperiment.silhouettes(List.of(apart, mixed, mixed), y);
      rows.add(SeedRow.of(seed, "folding net").put("kept", true).put("rise", GatheringExperiment.rise(sil)).build());
    }
    GatheringExperiment e = new GatheringExperiment();
    return List.of(GatheringExperiment.claim(rows, Settings.resolve(e, Map.of(), true)));
  }

  private static double gauss(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
