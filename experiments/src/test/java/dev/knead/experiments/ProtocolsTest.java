package dev.knead.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocols decide verdicts as issue 6 says; the tests' p-values are checked against exact counts. */
class ProtocolsTest {
  static SeedRow row(long seed, String key, double v) {
    return SeedRow.of(seed, "net").put(key, v).build();
  }

  @Test
  void existenceIsTheBestOfK() {
    List<SeedRow> oneOfThree = List.of(row(1, "acc", 0.9), row(2, "acc", 1.0), row(3, "acc", 0.8));
    assertThat(Protocols.existence("s", "p", oneOfThree, r -> r.get("acc") == 1.0).verdict()).isEqualTo(ClaimVerdict.HOLDS);
    List<SeedRow> none = List.of(row(1, "acc", 0.9), row(2, "acc", 0.99));
    assertThat(Protocols.existence("s", "p", none, r -> r.get("acc") == 1.0).verdict()).isEqualTo(ClaimVerdict.FAILS);
    assertThat(Protocols.existence("s", "p", List.of(), r -> true).verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
  }

  @Test
  void impossibilityNeedsTheCertificateOnEverySeed() {
    List<SeedRow> all = List.of(row(1, "certified", 1), row(2, "certified", 1), row(3, "certified", 1));
    assertThat(Protocols.impossibility("s", "p", all, "certified").verdict()).isEqualTo(ClaimVerdict.HOLDS);
    List<SeedRow> oneMissing = List.of(row(1, "certified", 1), row(2, "certified", 0), row(3, "certified", 1));
    assertThat(Protocols.impossibility("s", "p", oneMissing, "certified").verdict()).isEqualTo(ClaimVerdict.FAILS);
    List<SeedRow> undecided = List.of(row(1, "certified", 1), row(2, "certified", Double.NaN));
    assertThat(Protocols.impossibility("s", "p", undecided, "certified").verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
    // an accuracy column is not a certificate: a row without one is undecided, never a pass
    assertThat(Protocols.impossibility("s", "p", List.of(row(1, "acc", 0.75)), "certified").verdict())
        .isEqualTo(ClaimVerdict.INCONCLUSIVE);
  }

  @Test
  void mannWhitneyMatchesTheExactNullDistribution() {
    // {1,2,3} vs {4,5,6}: the most extreme of C(6,3) = 20 equally likely rank splits, one-sided p = 1/20
    Stats.OneSided t = Stats.mannWhitneyLess(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertThat(t.statistic()).isEqualTo(9);
    assertThat(t.pValue()).isCloseTo(0.05, within(1e-12));
    // the other direction is as unlikely as it gets: p = 1 − 1/20
    assertThat(Stats.mannWhitneyLess(new double[] {4, 5, 6}, new double[] {1, 2, 3}).pValue()).isCloseTo(0.95, within(1e-12));
  }

  @Test
  void wilcoxonMatchesTheExactNullDistribution() {
    // n = 5 differences, all positive: W⁺ = 15, the one extreme of 2⁵ = 32 sign patterns, p = 1/32
    Stats.OneSided t = Stats.wilcoxonPositive(new double[] {0.5, 1.5, 2.5, 3.5, 4.5});
    assertThat(t.statistic()).isEqualTo(15);
    assertThat(t.pValue()).isCloseTo(1 / 32.0, within(1e-12));
    // one negative difference of smallest rank: W⁺ = 14; P(W⁺ ≥ 14) = 2/32
    assertThat(Stats.wilcoxonPositive(new double[] {-0.5, 1.5, 2.5, 3.5, 4.5}).pValue()).isCloseTo(2 / 32.0, within(1e-12));
  }

  @Test
  void trendNeedsTenNetworksAndAPValueBelowAlpha() {
    double[] low = new double[10];
    double[] high = new double[10];
    for (int i = 0; i < 10; i++) {
      low[i] = i;
      high[i] = 100 + i;
    }
    Claim holds = Protocols.trendLess("s", "p", List.of(), "a", low, "b", high);
    assertThat(holds.verdict()).isEqualTo(ClaimVerdict.HOLDS);
    assertThat(holds.test()).isPresent();
    // exact: 1 / C(20, 10)
    assertThat(holds.test().get().pValue()).isCloseTo(1 / 184756.0, within(1e-12));
    assertThat(Protocols.trendLess("s", "p", List.of(), "a", high, "b", low).verdict()).isEqualTo(ClaimVerdict.FAILS);
    assertThat(Protocols.trendLess("s", "p", List.of(), "a", new double[9], "b", high).verdict())
        .isEqualTo(ClaimVerdict.INCONCLUSIVE);
  }

  @Test
  void settingsRejectUnknownKeysAndKeepOrder() {
    Experiment e = Catalogue.byName("sandwich");
    Settings s = Settings.resolve(e, Map.of("points", "50"), true);
    assertThat(s.whole("points")).isEqualTo(50);
    assertThat(s.values().keySet()).startsWith("points");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.resolve(e, Map.of("nope", "1"), false))
        .isInstanceOf(dev.knead.core.BadInputException.class).hasMessageContaining("valid parameters");
  }

  @Test
  void reRunsGiveTheSameNumbersWhateverTheThreads() {
    Experiment e = Catalogue.byName("sandwich");
    Map<String, String> small = Map.of("points", "40", "epochs", "100", "depths", "1,2");
    Pool.threads(1);
    ExperimentResult one = Catalogue.run(e, small, 2, true, ExperimentListener.NONE);
    Pool.threads(2);
    ExperimentResult two = Catalogue.run(e, small, 2, true, ExperimentListener.NONE);
    assertThat(two).isEqualTo(one);
  }
}
