package dev.knead.experiments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.experiments.Claim;
import dev.knead.experiments.ClaimVerdict;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordAnalogyExperimentTest {
  /** numpy on the package's unquantised vectors ranks queen first at cosine 0.769854 (see WordVectorsTest). */
  @Test
  void queenRanksFirstOnTheShippedVectors() {
    WordAnalogyExperiment e = new WordAnalogyExperiment();
    ExperimentResult r = e.run(Settings.resolve(e, Map.of(), true), List.of(1L), true, (n, m) -> { });
    Claim c = r.claims().get(0);
    assertThat(c.verdict()).isEqualTo(ClaimVerdict.HOLDS);
    assertThat(c.rows().get(0).get("rank")).isEqualTo(1);
    assertThat(c.rows().get(0).get("cosine")).isBetween(0.7689, 0.7709);
    assertThat(c.finding()).startsWith("queen ranks 1");
  }

  /** The same protocol on a question whose expected answer is not first: princess ranks below queen. */
  @Test
  void aWrongExpectationFails() {
    WordAnalogyExperiment e = new WordAnalogyExperiment();
    ExperimentResult r = e.run(Settings.resolve(e, Map.of("expected", "princess"), true), List.of(1L), true, (n, m) -> { });
    assertThat(r.claims().get(0).verdict()).isEqualTo(ClaimVerdict.FAILS);
    assertThat(r.claims().get(0).finding()).contains("first is queen");
  }
}
