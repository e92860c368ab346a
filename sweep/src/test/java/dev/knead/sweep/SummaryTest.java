package dev.knead.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void quartilesInterpolateBetweenRanksAsNumpyDoes() {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25]
    Summary.Stats s = Summary.stats(new double[] {4, 1, 3, 2}, false);
    assertThat(s.median()).isEqualTo(2.5);
    assertThat(s.q1()).isEqualTo(1.75);
    assertThat(s.q3()).isEqualTo(3.25);
    assertThat(s.best()).isEqualTo(4);
    assertThat(Summary.stats(new double[] {4, 1, 3, 2}, true).best()).isEqualTo(1);
  }

  /** The median against its definition: at least half the values on each side. */
  @Test
  void theMedianSplitsTheValuesInHalf() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int t = 0; t < 200; t++) {
      double[] v = rng.doubles(1 + rng.nextInt(30)).toArray();
      double m = Summary.stats(v, false).median();
      long below = Arrays.stream(v).filter(x -> x <= m + 1e-15).count();
      long above = Arrays.stream(v).filter(x -> x >= m - 1e-15).count();
      assertThat(below * 2).isGreaterThanOrEqualTo(v.length);
      assertThat(above * 2).isGreaterThanOrEqualTo(v.length);
    }
  }

  @Test
  void groupsCountTheirWellTrainedRuns() {
    List<Map<String, Object>> rows = List.of(row("tanh", 1.0, true), row("tanh", 0.9, false), row("relu", 1.0, true),
        row("tanh", 1.0, true));
    List<Summary.Group> g = Summary.of(rows, List.of("activations"), List.of("train_accuracy"));
    assertThat(g).hasSize(2);
    assertThat(g.get(0).group()).containsEntry("activations", "tanh");
    assertThat(g.get(0).runs()).isEqualTo(3);
    assertThat(g.get(0).successRate()).hasValueSatisfying(s -> assertThat(s).isCloseTo(2 / 3.0, within(1e-15)));
    assertThat(g.get(0).stats().get("train_accuracy").median()).isEqualTo(1.0);
    assertThat(g.get(1).runs()).isEqualTo(1);
  }

  static Map<String, Object> row(String act, double acc, boolean well) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activations", act);
    m.put("train_accuracy", acc);
    m.put("well_trained", well);
    return m;
  }
}
