package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeparabilityTest {

  static double[][] gaussians(int perClass, double gap, long seed, int[] labelsOut) {
    final Random rng = new Random(seed);
    final double[][] p = new double[2 * perClass][];
    for (int i = 0; i < 2 * perClass; i++) {
      final int c = i < perClass ? 0 : 1;
      p[i] = new double[] {rng.nextGaussian() + (c == 0 ? -gap : gap), rng.nextGaussian() * 2};
      labelsOut[i] = c;
    }
    return p;
  }

  /** Oracle: the returned hyperplane really separates. */
  static void assertSeparates(Separability.Pair pair, double[][] p, int[] y) {
    final double[] w = pair.normal();
    for (int i = 0; i < p.length; i++) {
      double s = pair.offset();
      for (int j = 0; j < w.length; j++) {
        s += w[j] * p[i][j];
      }
      if (y[i] == pair.classA()) {
        assertThat(s).as("point %d", i).isPositive();
      } else if (y[i] == pair.classB()) {
        assertThat(s).as("point %d", i).isNegative();
      }
    }
  }

  @Test
  void xorIsNotSeparable() {
    final double[][] p = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
    final Separability.Report r = Separability.linear(p, new int[] {0, 0, 1, 1});
    assertThat(r.separable()).isFalse();
    assertThat(r.inseparable()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 500, 3000})
  void separatedGaussiansAreSeparable(int perClass) {
    final int[] y = new int[2 * perClass];
    final double[][] p = gaussians(perClass, 8, 3, y);
    final Separability.Report r = Separability.linear(p, y);
    assertThat(r.separable()).isTrue();
    assertSeparates(r.pairs().get(0), p, y);
  }

  @Test
  void overlappingGaussiansAreNot() {
    final int[] y = new int[400];
    final double[][] p = gaussians(200, 0.5, 5, y);
    assertThat(Separability.linear(p, y).separable()).isFalse();
  }

  @Test
  void collinearEdgeCases() {
    // on the line y = 2x: {0, 1} | {2, 3} separable, {0, 2} | {1} not
    final double[][] line = {{0, 0}, {1, 2}, {2, 4}, {3, 6}};
    final int[] split = {0, 0, 1, 1};
    final Separability.Report ok = Separability.linear(line, split);
    assertThat(ok.separable()).isTrue();
    assertSeparates(ok.pairs().get(0), line, split);
    assertThat(Separability.linear(new double[][] {{0, 0}, {2, 4}, {1, 2}}, new int[] {0, 0, 1}).separable())
        .isFalse();
    // a shared point is never separable; one-dimensional input works
    assertThat(Separability.linear(new double[][] {{1, 1}, {1, 1}}, new int[] {0, 1}).separable()).isFalse();
    assertThat(Separability.linear(new double[][] {{-2}, {-1}, {1}, {5}}, new int[] {7, 7, 9, 9}).separable())
        .isTrue();
  }

  @Test
  void reportsEveryPairOfThreeClasses() {
    // classes 0 and 2 interleave on a line; 1 sits far away
    final double[][] p = {{0, 0}, {2, 0}, {1, 0}, {3, 0}, {0, 10}, {1, 10}};
    final int[] y = {0, 0, 2, 2, 1, 1};
    final Separability.Report r = Separability.linear(p, y);
    assertThat(r.pairs()).hasSize(3);
    assertThat(r.separable()).isFalse();
    assertThat(r.inseparable()).singleElement().satisfies(q -> {
      assertThat(q.classA()).isZero();
      assertThat(q.classB()).isEqualTo(2);
    });
  }

  @Test
  void oneClassIsTriviallySeparable() {
    assertThat(Separability.linear(new double[][] {{0, 1}, {2, 3}}, new int[] {4, 4}).separable()).isTrue();
  }

  // --- finding 7: the LP must never crash; its answer agrees with independent methods ---

  /**
   * The disk-in-annulus (disk r &lt; 1/3, ring 2/3 &lt; r &lt; 1) through the hand-made 2-2-2 tanh network
   * of issue 14, W₁ = [[2000, 0], [2000, 0.2]]: its hidden and logit stages are nearly degenerate
   * clouds (most points at the saturated corners). With seed 39 the old margin-1 LP stopped with
   * "unbounded solution".
   */
  static double[][][] hugeWeightStages(long seed, int[] labels) {
    final java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    final int n = labels.length;
    final double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      final boolean disk = i < n / 2;
      final double r = disk ? Math.sqrt(rng.nextDouble()) / 3 : Math.sqrt(4 / 9.0 + rng.nextDouble() * (1 - 4 / 9.0));
      final double t = 2 * Math.PI * rng.nextDouble();
      x[i] = new double[] {r * Math.cos(t), r * Math.sin(t)};
      labels[i] = disk ? 0 : 1;
    }
    final double b1 = rng.nextDouble() * 2 - 1;
    final double b2 = rng.nextDouble() * 2 - 1;
    final double[][] w2 = {{rng.nextDouble() * 4 - 2, rng.nextDouble() * 4 - 2}, {rng.nextDouble() * 4 - 2, rng.nextDouble() * 4 - 2}};
    final double[][] h = new double[n][];
    final double[][] z = new double[n][];
    for (int i = 0; i < n; i++) {
      h[i] = new double[] {Math.tanh(2000 * x[i][0] + b1), Math.tanh(2000 * x[i][0] + 0.2 * x[i][1] + b2)};
      z[i] = new double[] {w2[0][0] * h[i][0] + w2[0][1] * h[i][1], w2[1][0] * h[i][0] + w2[1][1] * h[i][1]};
    }
    return new double[][][] {x, h, z};
  }

  /**
   * Brute force in 2-D: the largest margin over 20 000 directions of the gap between the two
   * classes' projections, relative to the cloud's extent (negative: no direction separates).
   */
  static double bestGap(double[][] p, int[] y) {
    double extent = 0;
    for (double[] a : p) {
      extent = Math.max(extent, Math.max(Math.abs(a[0] - p[0][0]), Math.abs(a[1] - p[0][1])));
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < 20_000; k++) {
      final double th = Math.PI * 2 * k / 20_000;
      final double cos = Math.cos(th);
      final double sin = Math.sin(th);
      double maxA = Double.NEGATIVE_INFINITY;
      double minB = Double.POSITIVE_INFINITY;
      for (int i = 0; i < p.length; i++) {
        final double v = (p[i][0] - p[0][0]) * cos + (p[i][1] - p[0][1]) * sin;
        if (y[i] == 0) {
          maxA = Math.max(maxA, v);
        } else {
          minB = Math.min(minB, v);
        }
      }
      best = Math.max(best, (minB - maxA) / Math.max(extent, 1e-300));
    }
    return best;
  }

  static void agreesWithBruteForce(double[][] p, int[] y) {
    final Separability.Report r = Separability.linear(p, y);
    final double gap = bestGap(p, y);
    if (r.separable()) {
      assertSeparates(r.pairs().get(0), p, y);
    }
    if (gap > 1e-3) {
      assertThat(r.separable()).as("brute force finds a gap of %g", gap).isTrue();
    }
    if (gap < -1e-3) {
      assertThat(r.separable()).as("every direction overlaps by at least %g", -gap).isFalse();
    }
  }

  @Test
  void hugeFirstLayerWeightsNeverCrashTheLp() {
    final int[] y = new int[500];
    for (double[][] stage : hugeWeightStages(39, y)) {
      agreesWithBruteForce(stage, y);
    }
  }

  @Test
  void manyHugeWeightNetworksAgreeWithBruteForce() {
    final int[] y = new int[100];
    for (long seed = 0; seed < 12; seed++) {
      for (double[][] stage : hugeWeightStages(seed, y)) {
        agreesWithBruteForce(stage, y);
      }
    }
  }

  @Test
  void nearlyDegenerateCloudsAgreeWithBruteForce() {
    final Random rng = new Random(11);
    for (int trial = 0; trial < 60; trial++) {
      final int n = 20 + rng.nextInt(60);
      final double[][] p = new double[n][];
      final int[] y = new int[n];
      final double flat = Math.pow(10, -rng.nextInt(13)); // spread across the line, down to 1e-12
      final double far = rng.nextBoolean() ? 1e9 : 0; // far from the origin
      final double shift = rng.nextDouble() * 2 - 0.5; // class 1 shifted along the line: overlapping or apart
      for (int i = 0; i < n; i++) {
        y[i] = i % 2;
        final double t = rng.nextDouble() + (y[i] == 1 ? shift : 0);
        final double dup = rng.nextInt(4) == 0 && i > 1 ? 1 : 0; // some duplicated points
        p[i] = dup == 1 ? p[i - 2].clone() : new double[] {far + t, far + 2 * t + flat * rng.nextGaussian()};
        if (dup == 1) {
          y[i] = y[i - 2];
        }
      }
      agreesWithBruteForce(p, y);
    }
  }

  /** A perceptron (a second, independent method): when it converges, the LP must find a separator too. */
  @Test
  void whereAPerceptronConvergesTheLpSeparates() {
    final Random rng = new Random(5);
    for (int trial = 0; trial < 40; trial++) {
      final int[] y = new int[100];
      final double[][] p = gaussians(50, 0.5 + 3 * rng.nextDouble(), trial, y);
      final double[] w = new double[3];
      boolean converged = false;
      for (int epoch = 0; epoch < 2000 && !converged; epoch++) {
        converged = true;
        for (int i = 0; i < p.length; i++) {
          final int s = y[i] == 0 ? 1 : -1;
          if (s * (w[0] * p[i][0] + w[1] * p[i][1] + w[2]) <= 0) {
            w[0] += s * p[i][0];
            w[1] += s * p[i][1];
            w[2] += s;
            converged = false;
          }
        }
      }
      final Separability.Report r = Separability.linear(p, y);
      if (converged) {
        assertThat(r.separable()).as("trial %d: the perceptron separated it", trial).isTrue();
      }
      if (!r.separable()) {
        assertThat(converged).isFalse();
      }
      if (r.separable()) {
        assertSeparates(r.pairs().get(0), p, y);
      }
    }
  }

  /**
   * The perceptron shortcut never changes a verdict: on random clouds in [−1, 1]^d, separable
   * and not (classes shifted apart by a varying gap, some overlapping), the LP alone and the
   * perceptron-then-LP agree, and a perceptron answer separates every point inside the LP's box.
   */
  @Test
  void perceptronShortcutAgreesWithTheLp() {
    Random rng = new Random(12);
    int separable = 0;
    for (int trial = 0; trial < 60; trial++) {
      int d = 2 + rng.nextInt(20);
      int m = 20 + rng.nextInt(80);
      double gap = rng.nextDouble() * 1.2 - 0.3;
      double[][] z = new double[m][d];
      int[] y = new int[m];
      for (int i = 0; i < m; i++) {
        y[i] = i % 2 == 0 ? 1 : -1;
        for (int j = 0; j < d; j++) {
          z[i][j] = rng.nextDouble() * 2 - 1;
        }
        z[i][0] = y[i] * gap + (1 - Math.abs(gap)) * (rng.nextDouble() * 2 - 1) * 0.9;
      }
      double[] both = Separability.solve(z, y);
      double[] lp = Separability.lp(z, y);
      assertThat(both != null).as("trial %d (d %d, m %d, gap %.2f)", trial, d, m, gap).isEqualTo(lp != null);
      double[] quick = Separability.perceptron(z, y, Separability.PERCEPTRON_EPOCHS);
      if (quick != null) {
        separable++;
        for (int j = 0; j < d; j++) {
          assertThat(Math.abs(quick[j])).isLessThanOrEqualTo(1 + 1e-12);
        }
        for (int i = 0; i < m; i++) {
          double s = quick[d];
          for (int j = 0; j < d; j++) {
            s += quick[j] * z[i][j];
          }
          assertThat(y[i] * s).isGreaterThan(Separability.MARGIN);
        }
      }
    }
    assertThat(separable).as("cases the shortcut decided").isBetween(5, 55);
  }

  @Test
  void pointsInGeneralPositionNoMoreThanTheDimensionPlusOneAreSeparableWhateverTheirLabels() {
    // theorem: m ≤ d + 1 affinely independent points can be split any way by a hyperplane
    Random r = new Random(5);
    int m = 60;
    int d = 80;
    double[][] z = new double[m][d];
    int[] y = new int[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = r.nextDouble() * 2 - 1;
      }
      y[i] = r.nextBoolean() ? 1 : -1;
    }
    double[] wb = Separability.interpolating(z, y);
    assertThat(wb).isNotNull();
    for (int i = 0; i < m; i++) {
      double s = wb[d];
      for (int j = 0; j < d; j++) {
        s += wb[j] * z[i][j];
        assertThat(Math.abs(wb[j])).isLessThanOrEqualTo(1 + 1e-12);
      }
      assertThat(y[i] * s).as("margin of point %d", i).isGreaterThan(Separability.MARGIN);
    }
    // one point carried by both classes: rows dependent, no interpolation, and no separator at all
    z[1] = z[0].clone();
    y[0] = 1;
    y[1] = -1;
    assertThat(Separability.interpolating(z, y)).isNull();
    int[] labels = new int[m];
    for (int i = 0; i < m; i++) {
      labels[i] = y[i] > 0 ? 0 : 1;
    }
    assertThat(Separability.linear(z, labels).separable()).isFalse();
  }

  // --- a work budget: a third outcome, never a guessed yes or no ---

  static final Separability.Budget SMALL = new Separability.Budget(2_000_000);

  /** Random clouds in [−1, 1]^d, classes shifted apart by a gap (negative: overlapping). */
  static double[][] shifted(Random rng, int m, int d, double gap, int[] labels) {
    double[][] z = new double[m][d];
    for (int i = 0; i < m; i++) {
      labels[i] = i % 2;
      for (int j = 0; j < d; j++) {
        z[i][j] = rng.nextDouble() * 2 - 1;
      }
      z[i][0] = (labels[i] == 0 ? gap : -gap) + (1 - Math.abs(gap)) * (rng.nextDouble() * 2 - 1) * 0.9;
    }
    return z;
  }

  /** Where the budgeted decision decides, it is the exact LP's answer; XOR and far Gaussians decide at any budget. */
  @Test
  void aBudgetedDecisionAgreesWithTheExactLpWhereItDecides() {
    Random rng = new Random(21);
    int decided = 0;
    int undecided = 0;
    int lpFailed = 0;
    for (int trial = 0; trial < 60; trial++) {
      int d = 2 + rng.nextInt(30);
      int m = 20 + rng.nextInt(200);
      int[] y = new int[m];
      double[][] z = shifted(rng, m, d, rng.nextDouble() * 1.2 - 0.3, y);
      Separability.Outcome exact = Separability.linear(z, y).outcome();
      if (exact == Separability.Outcome.UNDECIDED) {
        // the simplex failed on both pivot rules (seen once here: Dantzig's cycling past 100,000
        // pivots, Bland's "unbounded" from rounding); it used to be reported as "not separable"
        lpFailed++;
        continue;
      }
      Separability.Outcome budgeted = Separability.linear(z, y, SMALL).outcome();
      if (budgeted == Separability.Outcome.UNDECIDED) {
        undecided++;
      } else {
        decided++;
        assertThat(budgeted).as("trial %d (d %d, m %d)", trial, d, m).isEqualTo(exact);
      }
    }
    assertThat(decided).as("decided within the small budget").isGreaterThan(10);
    assertThat(undecided).as("left undecided by the small budget").isGreaterThan(0);
    assertThat(lpFailed).as("trials the unlimited LP could not finish").isLessThanOrEqualTo(2);
    // known answers
    assertThat(Separability.linear(new double[][] {{0, 0}, {1, 1}, {0, 1}, {1, 0}}, new int[] {0, 0, 1, 1}, SMALL).outcome())
        .isEqualTo(Separability.Outcome.NOT_SEPARABLE);
    int[] g = new int[400];
    double[][] far = gaussians(200, 8, 3, g);
    Separability.Report r = Separability.linear(far, g, SMALL);
    assertThat(r.outcome()).isEqualTo(Separability.Outcome.SEPARABLE);
    assertSeparates(r.pairs().get(0), far, g);
    assertThat(r.trivial()).isEmpty();
  }

  /** A tiny budget leaves hard pairs undecided, and says so, rather than answering "no". */
  @Test
  void aTinyBudgetLeavesThePairUndecided() {
    int[] y = new int[400];
    double[][] p = gaussians(200, 0.5, 5, y); // overlapping: the exact answer is "not separable"
    assertThat(Separability.linear(p, y).outcome()).isEqualTo(Separability.Outcome.NOT_SEPARABLE);
    Separability.Report tiny = Separability.linear(p, y, new Separability.Budget(1000));
    assertThat(tiny.outcome()).isEqualTo(Separability.Outcome.UNDECIDED);
    assertThat(tiny.separable()).isFalse();
    assertThat(tiny.inseparable()).isEmpty();
    assertThat(tiny.undecided()).singleElement().satisfies(q -> {
      assertThat(q.outcome()).isEqualTo(Separability.Outcome.UNDECIDED);
      assertThat(q.normal()).isEmpty();
    });
    // three classes: one pair proved not separable makes the whole "not", whatever is undecided
    double[][] three = {{0, 0}, {2, 0}, {1, 0}, {3, 0}, {0, 10}, {1, 10}};
    int[] labels = {0, 0, 2, 2, 1, 1};
    assertThat(Separability.linear(three, labels).outcome()).isEqualTo(Separability.Outcome.NOT_SEPARABLE);
  }

  /** m ≤ d + 1 points in general position: separable, flagged as the known answer it is. */
  @Test
  void fewPointsInHighDimensionAreFlaggedTriviallySeparable() {
    Random rng = new Random(8);
    int[] y = new int[50];
    double[][] z = new double[50][80];
    for (int i = 0; i < 50; i++) {
      y[i] = rng.nextInt(2);
      for (int j = 0; j < 80; j++) {
        z[i][j] = rng.nextGaussian();
      }
    }
    Separability.Report r = Separability.linear(z, y, SMALL);
    assertThat(r.outcome()).isEqualTo(Separability.Outcome.SEPARABLE);
    assertThat(r.pairs().get(0).trivial()).isTrue();
    assertSeparates(r.pairs().get(0), z, y);
  }
}
