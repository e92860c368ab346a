package dev.knead.experiments;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The three protocols of issue 6, as functions from per-seed numbers to a verdict. Experiments
 * measure; these decide.
 */
public final class Protocols {
  /** Significance level of every trend test. */
  public static final double ALPHA = 0.05;
  /** Fewest well-trained networks per group before a trend test is run. */
  public static final int MIN_NETS = 10;

  private Protocols() {}

  /**
   * Existence: holds when the best of the k seeds achieves it.
   *
   * @param achieved whether a row achieves the claim
   */
  public static Claim existence(String statement, String protocol, List<SeedRow> rows, Predicate<SeedRow> achieved) {
    long hits = rows.stream().filter(achieved).count();
    ClaimVerdict v = rows.isEmpty() ? ClaimVerdict.INCONCLUSIVE : hits > 0 ? ClaimVerdict.HOLDS : ClaimVerdict.FAILS;
    String finding = rows.isEmpty() ? "no networks were run"
        : hits > 0 ? hits + " of " + rows.size() + " runs achieve it (the best of k counts)"
        : "none of " + rows.size() + " runs achieves it";
    return new Claim(statement, Protocol.EXISTENCE, v, "existence, best of k seeds: " + protocol, finding, rows,
        Optional.empty());
  }

  /**
   * Impossibility: holds only when every row carries the certificate. A row whose certificate
   * could not be decided (NaN in {@code key}) makes the claim inconclusive unless another row
   * already refutes it.
   *
   * @param key the row's certificate value: 1 certified, 0 refuted, NaN undecided
   */
  public static Claim impossibility(String statement, String protocol, List<SeedRow> rows, String key) {
    long refuted = rows.stream().filter(r -> r.get(key) == 0).count();
    long undecided = rows.stream().filter(r -> Double.isNaN(r.get(key))).count();
    ClaimVerdict v = rows.isEmpty() ? ClaimVerdict.INCONCLUSIVE
        : refuted > 0 ? ClaimVerdict.FAILS : undecided > 0 ? ClaimVerdict.INCONCLUSIVE : ClaimVerdict.HOLDS;
    String finding = rows.isEmpty() ? "no networks were run"
        : refuted > 0 ? refuted + " of " + rows.size() + " runs lack the certificate"
        : undecided > 0 ? undecided + " of " + rows.size() + " runs could not be decided"
        : "all " + rows.size() + " runs carry the certificate";
    return new Claim(statement, Protocol.IMPOSSIBILITY, v, "impossibility, every one of k seeds with a certificate: "
        + protocol, finding, rows, Optional.empty());
  }

  /**
   * Trend, unpaired: "values of group A tend to be smaller than those of group B", by a one-sided
   * Mann–Whitney U test at {@link #ALPHA}. Inconclusive with fewer than {@link #MIN_NETS} values
   * in a group; fails when p ≥ α (the trend is not reproduced).
   */
  public static Claim trendLess(String statement, String protocol, List<SeedRow> rows, String nameA, double[] a,
      String nameB, double[] b) {
    String sizes = nameA + " " + a.length + ", " + nameB + " " + b.length;
    if (a.length < MIN_NETS || b.length < MIN_NETS) {
      return new Claim(statement, Protocol.TREND, ClaimVerdict.INCONCLUSIVE, protocol, "too few well-trained networks for the test ("
          + sizes + "; need " + MIN_NETS + " each)", rows, Optional.empty());
    }
    Stats.OneSided t = Stats.mannWhitneyLess(a, b);
    TestResult tr = new TestResult("Mann–Whitney U, one-sided (" + nameA + " < " + nameB + ")", t.statistic(), t.pValue(),
        ALPHA, sizes);
    return decide(statement, protocol, rows, tr, String.format(Locale.ROOT, "median %s %.3g vs %s %.3g",
        nameA, Stats.median(a), nameB, Stats.median(b)));
  }

  /**
   * Trend, paired: "the differences tend to be positive", by a one-sided Wilcoxon signed-rank
   * test at {@link #ALPHA}, over at least {@link #MIN_NETS} networks.
   */
  public static Claim trendPositive(String statement, String protocol, List<SeedRow> rows, String what, double[] d) {
    if (d.length < MIN_NETS) {
      return new Claim(statement, Protocol.TREND, ClaimVerdict.INCONCLUSIVE, protocol, "too few well-trained networks for the test ("
          + d.length + "; need " + MIN_NETS + ")", rows, Optional.empty());
    }
    Stats.OneSided t = Stats.wilcoxonPositive(d);
    TestResult tr = new TestResult("Wilcoxon signed-rank, one-sided (" + what + " > 0)", t.statistic(), t.pValue(), ALPHA,
        d.length + " networks");
    return decide(statement, protocol, rows, tr, String.format(Locale.ROOT, "median %s %.3g over %d networks", what,
        Stats.median(d), d.length));
  }

  private static Claim decide(String statement, String protocol, List<SeedRow> rows, TestResult t, String summary) {
    ClaimVerdict v = t.pValue() < t.alpha() ? ClaimVerdict.HOLDS : ClaimVerdict.FAILS;
    String finding = String.format(Locale.ROOT, "%s; %s: p = %.3g (%s α = %.2f)", summary, t.name(), t.pValue(),
        v == ClaimVerdict.HOLDS ? "<" : "≥", t.alpha());
    return new Claim(statement, Protocol.TREND, v, "trend, statistical test over ≥ " + MIN_NETS + " networks: " + protocol,
        finding, rows, Optional.of(t));
  }
}
