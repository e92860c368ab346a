package dev.knead.topology.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.PivotSelectionRule;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Exact linear separability as a linear-programming feasibility test.
 *
 * <p>Two finite sets A, B ⊂ ℝᵈ are strictly linearly separable iff there are w, b with
 * w·x + b ≥ 1 on A and ≤ −1 on B (any strict separator can be rescaled to margin 1). For k
 * classes Knead asks this for <em>every pair</em> of classes and reports each pair: the
 * classes are "linearly separable" when all pairs are (which is what a softmax layer needs
 * for the two-class case and a necessary condition for k classes).
 *
 * <p>Points are centred and scaled into [−1, 1]ᵈ first (separability is affine-invariant).
 * The LP maximises the margin t of y·(w·z + b) ≥ t with every |w_j| ≤ 1 and |b| ≤ d + 1: all
 * variables are bounded and t = 0 is always feasible, so the LP always has an optimum (an
 * unbounded or empty LP cannot occur, whatever the points). It is solved by constraint
 * generation: on a subset, adding the points the subset's separator gets most wrong, until it
 * holds for every point (a subset with no margin proves the whole has none). The separator found
 * is checked on every point; pairs are called separable when its smallest margin exceeds 1e-7 in
 * the scaled coordinates (about 1e-7 of the data's extent): thinner separations, and clouds that
 * are flat to within that, are reported as not separable. A point carried by both classes is
 * never separable.
 *
 * <p>Every decision runs on a work {@link Budget} (multiply-adds, counted per pair, the same on
 * every machine): a pair whose separator is not found and whose LP does not finish within it is
 * {@link Outcome#UNDECIDED}, never a guessed yes or no. m ≤ d + 1 affinely independent points
 * are separable whatever their labels (a known answer, flagged {@link Pair#trivial()}): such a
 * "yes" says nothing about how the classes lie.
 */
public final class Separability {
  private Separability() {}

  /** What one decision (a pair, or every pair) came to. */
  public enum Outcome {
    SEPARABLE("separable"),
    NOT_SEPARABLE("not separable"),
    /** neither a separator nor a proof that none exists was found within the budget */
    UNDECIDED("not decided within budget");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** @return the words the explanation and the JSON use */
    public String label() {
      return label;
    }
  }

  /**
   * Most work spent on one pair of classes, in multiply-adds (perceptron passes m·d, the
   * interpolating solve m²·d, each simplex pivot rows × columns of its tableau). Deterministic:
   * the same points and budget give the same outcome on any machine and load.
   *
   * @param work multiply-adds per pair, ≥ 1
   */
  public record Budget(long work) {
    /** No limit: the LP runs to its end (the exact answer, however long it takes). */
    public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE);

    public Budget {
      if (work < 1) {
        throw new IllegalArgumentException("separability budget must be at least 1 multiply-add: " + work);
      }
    }
  }

  /** Work left on one pair. */
  static final class Meter {
    private long left;

    Meter(Budget b) {
      left = b.work();
    }

    /** @return true and charges the cost if it fits; false (charging nothing) otherwise */
    boolean spend(double cost) {
      if (cost > left) {
        return false;
      }
      left -= (long) Math.ceil(cost);
      return true;
    }

    long left() {
      return left;
    }
  }

  /** What the procedure found for one pair: (w, b) in scaled coordinates when separable. */
  record Found(Outcome outcome, double[] wb, boolean trivial) {
    static final Found NO = new Found(Outcome.NOT_SEPARABLE, null, false);
    static final Found UNDECIDED = new Found(Outcome.UNDECIDED, null, false);

    static Found yes(double[] wb, boolean trivial) {
      return new Found(Outcome.SEPARABLE, wb, trivial);
    }
  }

  private static final int BATCH = 100;
  private static final double SLACK = 1e-9;
  /** Smallest margin counted as a separation, in the scaled coordinates (data in [−1, 1]ᵈ, |w_j| ≤ 1). */
  static final double MARGIN = 1e-7;

  /**
   * One pair of classes.
   *
   * @param classA the class on the positive side
   * @param classB the class on the negative side
   * @param outcome separable, not separable, or not decided within the budget
   * @param trivial separable because the pair has no more than d + 1 points, affinely
   *     independent: any labelling of them is separable, so it says nothing about the classes
   * @param points how many points the pair has
   * @param normal w (length d) in the original coordinates when separable, else empty
   * @param offset b, so that w·x + b &gt; 0 on classA and &lt; 0 on classB; NaN if not separable
   */
  public record Pair(int classA, int classB, Outcome outcome, boolean trivial, int points, double[] normal, double offset) {
    public Pair {
      normal = normal.clone();
    }

    /** @return whether a hyperplane was found that strictly separates them */
    public boolean separable() {
      return outcome == Outcome.SEPARABLE;
    }

    @Override
    public double[] normal() {
      return normal.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.classA == classA && p.classB == classB && p.outcome == outcome
          && p.trivial == trivial && p.points == points && Arrays.equals(p.normal, normal) && Double.compare(p.offset, offset) == 0;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * classA + classB) + Arrays.hashCode(normal);
    }

    @Override
    public String toString() {
      return "class " + classA + " vs " + classB + ": " + outcome.label() + (trivial ? " (trivially: at most d + 1 points)" : "");
    }
  }

  /**
   * @param pairs one entry per pair of distinct labels (a &lt; b), in label order
   * @param outcome separable when every pair is (trivially so for one class), not separable when
   *     some pair is proved not separable, otherwise not decided within the budget
   */
  public record Report(List<Pair> pairs, Outcome outcome) {
    public Report {
      pairs = List.copyOf(pairs);
    }

    /** @return true when every pair was found separable */
    public boolean separable() {
      return outcome == Outcome.SEPARABLE;
    }

    /** @return the pairs proved not separable */
    public List<Pair> inseparable() {
      return pairs.stream().filter(p -> p.outcome() == Outcome.NOT_SEPARABLE).toList();
    }

    /** @return the pairs not decided within the budget */
    public List<Pair> undecided() {
      return pairs.stream().filter(p -> p.outcome() == Outcome.UNDECIDED).toList();
    }

    /** @return the pairs separable only because they have at most d + 1 points in general position */
    public List<Pair> trivial() {
      return pairs.stream().filter(Pair::trivial).toList();
    }
  }

  /** Every pair of outcomes to one: any "not" wins, then any "undecided", else separable. */
  static Outcome combine(List<Pair> pairs) {
    if (pairs.stream().anyMatch(p -> p.outcome() == Outcome.NOT_SEPARABLE)) {
      return Outcome.NOT_SEPARABLE;
    }
    return pairs.stream().anyMatch(p -> p.outcome() == Outcome.UNDECIDED) ? Outcome.UNDECIDED : Outcome.SEPARABLE;
  }

  /**
   * @param points n × d points
   * @param labels n class labels (any ints)
   * @return the separability of every pair of classes, each decided exactly (no budget)
   */
  public static Report linear(double[][] points, int[] labels) {
    return linear(points, labels, Budget.UNLIMITED);
  }

  /**
   * @param points n × d points
   * @param labels n class labels (any ints)
   * @param budget most work per pair
   * @return the separability of every pair of classes
   */
  public static Report linear(double[][] points, int[] labels, Budget budget) {
    Rows.dimension(points, "separability");
    Rows.checkLabels(points, labels, "separability");
    final TreeSet<Integer> classes = new TreeSet<>();
    for (int y : labels) {
      classes.add(y);
    }
    final Integer[] cs = classes.toArray(new Integer[0]);
    final List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < cs.length; i++) {
      for (int j = i + 1; j < cs.length; j++) {
        pairs.add(pair(points, labels, cs[i], cs[j], budget));
      }
    }
    return new Report(pairs, combine(pairs));
  }

  /** @see #linear(double[][], int[]) with flat row-major n × d points */
  public static Report linear(double[] flat, int n, int d, int[] labels) {
    return linear(Rows.fromFlat(flat, n, d), labels);
  }

  /**
   * @param points n × d points
   * @param labels n labels
   * @return whether the points labelled a can be strictly separated from those labelled b
   */
  public static Pair pair(double[][] points, int[] labels, int a, int b) {
    return pair(points, labels, a, b, Budget.UNLIMITED);
  }

  /** The same within a work budget. */
  public static Pair pair(double[][] points, int[] labels, int a, int b, Budget budget) {
    final int d = Rows.dimension(points, "separability");
    Rows.checkLabels(points, labels, "separability");
    final List<double[]> xs = new ArrayList<>();
    final List<Integer> ys = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      if (labels[i] == a || labels[i] == b) {
        xs.add(points[i]);
        ys.add(labels[i] == a ? 1 : -1);
      }
    }
    if (!ys.contains(1) || !ys.contains(-1)) {
      return new Pair(a, b, Outcome.SEPARABLE, false, ys.size(), new double[d], ys.contains(1) ? 1 : -1);
    }
    // Scale into [−1, 1]^d around the bounding-box centre.
    final double[] lo = new double[d];
    final double[] hi = new double[d];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] x : xs) {
      for (int j = 0; j < d; j++) {
        lo[j] = Math.min(lo[j], x[j]);
        hi[j] = Math.max(hi[j], x[j]);
      }
    }
    final double[] centre = new double[d];
    double scale = 0;
    for (int j = 0; j < d; j++) {
      centre[j] = (lo[j] + hi[j]) / 2;
      scale = Math.max(scale, (hi[j] - lo[j]) / 2);
    }
    if (scale == 0) {
      scale = 1; // all points equal: both classes share it, infeasible below
    }
    final int m = xs.size();
    final double[][] z = new double[m][d];
    final int[] y = new int[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (xs.get(i)[j] - centre[j]) / scale;
      }
      y[i] = ys.get(i);
    }
    final Found found = solve(z, y, new Meter(budget));
    if (found.outcome() != Outcome.SEPARABLE) {
      return new Pair(a, b, found.outcome(), false, m, new double[0], Double.NaN);
    }
    final double[] wb = found.wb();
    // Undo the scaling: w·(x − c)/s + b' = (w/s)·x + (b' − w·c/s).
    final double[] w = new double[d];
    double offset = wb[d];
    for (int j = 0; j < d; j++) {
      w[j] = wb[j] / scale;
      offset -= w[j] * centre[j];
    }
    return new Pair(a, b, Outcome.SEPARABLE, found.trivial(), m, w, offset);
  }

  /**
   * The largest margin t of a separator with every |w_j| ≤ 1 and |b| ≤ d + 1, by constraint
   * generation: solve on a subset, add the points the subset's separator gets most wrong, repeat.
   * The variables are boxed, so the LP is never unbounded, and (w, b, t) = 0 is always feasible.
   *
   * @return (w, b) whose smallest margin over all points exceeds {@link #MARGIN}, or null
   */
  static double[] solve(double[][] z, int[] y) {
    return solve(z, y, new Meter(Budget.UNLIMITED)).wb();
  }

  /** The decision within the meter's work: a checked separator, a finished LP's "no", or undecided. */
  static Found solve(double[][] z, int[] y, Meter meter) {
    final int m = z.length;
    final int d = z[0].length;
    // no more points than dimensions + 1 (wide stages: 400 points of a pair at 784-D): if they are
    // affinely independent, w·z + b = y has an exact solution, a separator with margin 1 whatever the
    // labels — a known answer, flagged so that no one reads it as the classes lying apart
    if (m <= d + 1 && meter.spend((double) m * m * (d + 1) / 2 + (double) m * m * m / 6)) {
      final double[] exact = interpolating(z, y);
      if (exact != null) {
        return Found.yes(exact, true);
      }
    }
    // a separator found by the perceptron is a proof on its own; the LP is needed only to show
    // that none exists (at 64-D and ten classes it took ~50 s for the 45 pairs; the perceptron ~0.3 s)
    final int epochs = (int) Math.min(PERCEPTRON_EPOCHS, meter.left() / ((double) m * (d + 1)) / 2);
    if (epochs > 0) {
      meter.spend((double) epochs * m * (d + 1));
      final double[] quick = perceptron(z, y, epochs);
      if (quick != null) {
        return Found.yes(quick, false);
      }
    }
    return lp(z, y, meter);
  }

  /**
   * The least-norm (w, b) with w·z_i + b = y_i for every row, through the Gram matrix of the rows
   * [z_i, 1] (Cholesky); null when the rows are (numerically) dependent or the separator it gives
   * has no margin above {@link #MARGIN} once scaled as the LP's (every |w_j| ≤ 1).
   */
  static double[] interpolating(double[][] z, int[] y) {
    final int m = z.length;
    final int d = z[0].length;
    final double[][] g = new double[m][m];
    double top = 0;
    final double[] two = new double[2];
    for (int i = 0; i < m; i++) {
      int j = 0;
      // two partners at a time: row i is read once for both, each sum in dot()'s order
      for (; j + 1 <= i; j += 2) {
        dotTwo(z[i], z[j], z[j + 1], two);
        g[i][j] = two[0] + 1;
        g[j][i] = two[0] + 1;
        g[i][j + 1] = two[1] + 1;
        g[j + 1][i] = two[1] + 1;
      }
      for (; j <= i; j++) {
        final double v = dot(z[i], z[j]) + 1;
        g[i][j] = v;
        g[j][i] = v;
      }
      top = Math.max(top, g[i][i]);
    }
    for (int j = 0; j < m; j++) { // in-place Cholesky, lower triangle
      double s = g[j][j];
      for (int k = 0; k < j; k++) {
        s -= g[j][k] * g[j][k];
      }
      if (!(s > 1e-10 * top)) {
        return null; // dependent rows: leave it to the LP
      }
      final double l = Math.sqrt(s);
      g[j][j] = l;
      for (int i = j + 1; i < m; i++) {
        double t = g[i][j];
        for (int k = 0; k < j; k++) {
          t -= g[i][k] * g[j][k];
        }
        g[i][j] = t / l;
      }
    }
    final double[] a = new double[m]; // G a = y by forward and back substitution
    for (int i = 0; i < m; i++) {
      double t = y[i];
      for (int k = 0; k < i; k++) {
        t -= g[i][k] * a[k];
      }
      a[i] = t / g[i][i];
    }
    for (int i = m - 1; i >= 0; i--) {
      double t = a[i];
      for (int k = i + 1; k < m; k++) {
        t -= g[k][i] * a[k];
      }
      a[i] = t / g[i][i];
    }
    final double[] wb = new double[d + 1];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        wb[j] += a[i] * z[i][j];
      }
      wb[d] += a[i];
    }
    return scaled(wb, z, y);
  }

  /** (w, b) scaled so that every |w_j| ≤ 1 and |b| ≤ d + 1, if its smallest margin then exceeds {@link #MARGIN}; else null. */
  private static double[] scaled(double[] wb, double[][] z, int[] y) {
    final int d = z[0].length;
    double big = Math.abs(wb[d]) / (d + 1);
    for (int j = 0; j < d; j++) {
      big = Math.max(big, Math.abs(wb[j]));
    }
    if (big == 0 || !Double.isFinite(big)) {
      return null;
    }
    for (int j = 0; j <= d; j++) {
      wb[j] /= big;
    }
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < z.length; i++) {
      smallest = Math.min(smallest, y[i] * (dot(wb, z[i]) + wb[d]));
    }
    return smallest > MARGIN ? wb : null;
  }

  /** The LP alone, by constraint generation (see {@link #solve}), with no budget; null when not separable. */
  static double[] lp(double[][] z, int[] y) {
    return lp(z, y, new Meter(Budget.UNLIMITED)).wb();
  }

  /** The LP by constraint generation within the meter's work. */
  static Found lp(double[][] z, int[] y, Meter meter) {
    final int m = z.length;
    final int d = z[0].length;
    final boolean[] in = new boolean[m];
    final List<Integer> active = new ArrayList<>();
    final int stride = Math.max(1, m / BATCH);
    for (int i = 0; i < m; i += stride) {
      in[i] = true;
      active.add(i);
    }
    while (true) {
      final double[] wbt = widest(z, y, active, meter);
      if (wbt == null) {
        return Found.UNDECIDED; // out of work, or the simplex failed numerically on both pivot rules
      }
      final double t = wbt[d + 1];
      if (!(t > MARGIN)) {
        return Found.NO; // even this subset has no separator with a margin above MARGIN
      }
      if (!meter.spend((double) m * (d + 1))) {
        return Found.UNDECIDED;
      }
      final List<Integer> violated = new ArrayList<>();
      final double[] margin = new double[m];
      double smallest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        margin[i] = y[i] * (dot(wbt, z[i]) + wbt[d]);
        smallest = Math.min(smallest, margin[i]);
        if (!in[i] && margin[i] < t - SLACK) {
          violated.add(i);
        }
      }
      if (violated.isEmpty()) {
        // checked on every point, not only the subset the LP saw
        return smallest > MARGIN ? Found.yes(Arrays.copyOf(wbt, d + 1), false) : Found.NO;
      }
      violated.sort((p, q) -> Double.compare(margin[p], margin[q]));
      for (int k = 0; k < Math.min(BATCH, violated.size()); k++) {
        in[violated.get(k)] = true;
        active.add(violated.get(k));
      }
    }
  }

  /** Passes of the perceptron before the LP takes over. */
  static final int PERCEPTRON_EPOCHS = 200;

  /**
   * Rosenblatt's perceptron on the scaled points (deterministic order): after a pass without
   * mistakes its (w, b), scaled into the LP's box (|w_j| ≤ 1, |b| ≤ d + 1), is returned if its
   * smallest margin over every point exceeds {@link #MARGIN} — the same test the LP's answer
   * passes, so the verdict is the LP's; otherwise null.
   */
  static double[] perceptron(double[][] z, int[] y, int epochs) {
    final int m = z.length;
    final int d = z[0].length;
    final double[] wb = new double[d + 1];
    for (int e = 0; e < epochs; e++) {
      int mistakes = 0;
      for (int i = 0; i < m; i++) {
        if (y[i] * (dot(wb, z[i]) + wb[d]) <= 0) {
          for (int j = 0; j < d; j++) {
            wb[j] += y[i] * z[i][j];
          }
          wb[d] += y[i];
          mistakes++;
        }
      }
      if (mistakes == 0) {
        double big = Math.abs(wb[d]) / (d + 1);
        for (int j = 0; j < d; j++) {
          big = Math.max(big, Math.abs(wb[j]));
        }
        if (big == 0) {
          return null;
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = 0; j <= d; j++) {
          wb[j] /= big;
        }
        for (int i = 0; i < m; i++) {
          smallest = Math.min(smallest, y[i] * (dot(wb, z[i]) + wb[d]));
        }
        return smallest > MARGIN ? wb : null;
      }
    }
    return null;
  }

  /**
   * max t subject to y_i (w·z_i + b) ≥ t on the rows, −1 ≤ w_j ≤ 1, |b| ≤ d + 1, t ≤ 1.
   *
   * @return (w, b, t), or null when the meter's work ran out or the simplex failed numerically
   */
  private static double[] widest(double[][] z, int[] y, List<Integer> rows, Meter meter) {
    final int d = z[0].length;
    final int vars = d + 2;
    final List<LinearConstraint> constraints = new ArrayList<>(rows.size() + 2 * vars);
    for (int i : rows) {
      final double[] c = new double[vars];
      for (int j = 0; j < d; j++) {
        c[j] = y[i] * z[i][j];
      }
      c[d] = y[i];
      c[d + 1] = -1;
      constraints.add(new LinearConstraint(c, Relationship.GEQ, 0));
    }
    for (int j = 0; j < vars; j++) {
      final double[] e = new double[vars];
      e[j] = 1;
      final double bound = j < d ? 1 : j == d ? d + 1 : 1;
      constraints.add(new LinearConstraint(e, Relationship.LEQ, bound));
      if (j < vars - 1) {
        constraints.add(new LinearConstraint(e.clone(), Relationship.GEQ, -bound));
      }
    }
    final double[] objective = new double[vars];
    objective[d + 1] = 1;
    // the dense tableau: a row per constraint, a column per variable, slack and artificial variable;
    // building it and every pivot cost about rows × columns multiply-adds
    final double cells = (double) constraints.size() * (vars + 1 + 2.0 * constraints.size());
    // Dantzig's rule first, but only for a bounded number of pivots (a simplex usually ends within
    // a few pivots per row): this LP is degenerate at its start (every row is tight at w = b = t = 0)
    // and Dantzig's rule was seen cycling through thousands of pivots on 10-D logits; Bland's rule,
    // which cannot cycle, takes the rest (alone it was seen stopping at a wrong "no" on a separable set)
    for (PivotSelectionRule rule : List.of(PivotSelectionRule.DANTZIG, PivotSelectionRule.BLAND)) {
      final double share = rule == PivotSelectionRule.DANTZIG ? meter.left() / 2.0 : meter.left();
      final long cap = rule == PivotSelectionRule.DANTZIG ? 20L * constraints.size() : 100_000;
      final long pivots = (long) Math.min(cap, share / cells - 1);
      if (pivots < 1) {
        continue;
      }
      final SimplexSolver solver = new SimplexSolver();
      try {
        final double[] point = solver
            .optimize(new MaxIter((int) pivots), new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(false), rule)
            .getPoint();
        meter.spend(cells * (1 + solver.getIterations()));
        return point;
      } catch (MathIllegalStateException e) {
        // out of pivots, or numerical (a boxed, feasible LP has an optimum): try the other pivot rule
        meter.spend(cells * (1 + solver.getIterations()));
      }
    }
    return null; // neither rule finished: undecided, never a guessed "no"
  }

  /** dot(x, v) and dot(x, w) into out, bit for bit: the same four sums per pair, x loaded once. */
  static void dotTwo(double[] x, double[] v, double[] w, double[] out) {
    final int n = x.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double r0 = 0;
    double r1 = 0;
    double r2 = 0;
    double r3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      final double x0 = x[j];
      final double x1 = x[j + 1];
      final double x2 = x[j + 2];
      final double x3 = x[j + 3];
      s0 += v[j] * x0;
      s1 += v[j + 1] * x1;
      s2 += v[j + 2] * x2;
      s3 += v[j + 3] * x3;
      r0 += w[j] * x0;
      r1 += w[j + 1] * x1;
      r2 += w[j + 2] * x2;
      r3 += w[j + 3] * x3;
    }
    for (; j < n; j++) {
      s0 += v[j] * x[j];
      r0 += w[j] * x[j];
    }
    out[0] = (s0 + s1) + (s2 + s3);
    out[1] = (r0 + r1) + (r2 + r3);
  }

  /** w·x over x's length, in four interleaved sums (the Gram matrix of a wide pair is most of this class's work). */
  static double dot(double[] w, double[] x) {
    final int n = x.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += w[j] * x[j];
      s1 += w[j + 1] * x[j + 1];
      s2 += w[j + 2] * x[j + 2];
      s3 += w[j + 3] * x[j + 3];
    }
    for (; j < n; j++) {
      s0 += w[j] * x[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

}
