package dev.knead.topology.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.topology.maps.ActivationTraits;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdTest {

  /** Brute force: every candidate cut (below all, between neighbours, above all) × both orientations. */
  static int bruteForce(double[] x, int[] y) {
    final double[] s = x.clone();
    Arrays.sort(s);
    final int[] labels = Arrays.stream(y).distinct().toArray();
    int best = 0;
    for (int c = -1; c < s.length; c++) {
      final double t = c < 0 ? Double.NEGATIVE_INFINITY : s[c];
      for (int below : labels) {
        for (int above : labels) {
          int ok = 0;
          for (int i = 0; i < x.length; i++) {
            ok += (x[i] <= t ? below : above) == y[i] ? 1 : 0;
          }
          best = Math.max(best, ok);
        }
      }
    }
    return best;
  }

  /** Olah's 1-D sandwich on an even grid: A = [−1/3, 1/3], B = [−1, −2/3] ∪ [2/3, 1]. */
  static double[][] sandwich(int perThird) {
    final double[] x = new double[4 * perThird];
    final double[] y = new double[4 * perThird];
    int k = 0;
    for (int i = 0; i < 2 * perThird; i++) {
      x[k] = -1.0 / 3 + (i + 0.5) * (2.0 / 3) / (2 * perThird);
      y[k++] = 0;
    }
    for (int i = 0; i < perThird; i++) {
      x[k] = -1 + (i + 0.5) * (1.0 / 3) / perThird;
      y[k++] = 1;
      x[k] = 2.0 / 3 + (i + 0.5) * (1.0 / 3) / perThird;
      y[k++] = 1;
    }
    return new double[][] {x, y};
  }

  @Test
  void sandwichCeilingIsExactlySeventyFivePercent() {
    final double[][] s = sandwich(100);
    final int[] y = Arrays.stream(s[1]).mapToInt(v -> (int) v).toArray();
    final Threshold.Best best = Threshold.best(s[0], y);
    assertThat(best.accuracy()).isEqualTo(0.75);
    assertThat(best.correct()).isEqualTo(bruteForce(s[0], y));
    final Verdict v = Verdicts.halfLine(NetworkShape.parse("1-1-1-2", ActivationTraits.TANH), s[0], y).orElseThrow();
    assertThat(v.kind()).isEqualTo(Verdict.Kind.IMPOSSIBLE);
    assertThat(v.statement()).contains("75.0 %");
    assertThat(Verdicts.halfLine(NetworkShape.parse("1-2-2", ActivationTraits.TANH), s[0], y)).isEmpty();
    assertThat(Verdicts.halfLine(NetworkShape.parse("1-1-2", ActivationTraits.SIN), s[0], y)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void agreesWithBruteForceOnRandomSamplesWithTies(long seed) {
    final Random rng = new Random(seed);
    final int n = 1 + rng.nextInt(60);
    final double[] x = new double[n];
    final int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextInt(15); // many ties
      y[i] = rng.nextInt(2) * 5 + 3;
    }
    final Threshold.Best best = Threshold.best(x, y);
    assertThat(best.correct()).isEqualTo(bruteForce(x, y));
    int ok = 0;
    for (int i = 0; i < n; i++) {
      ok += (x[i] <= best.threshold() ? best.below() : best.above()) == y[i] ? 1 : 0;
    }
    assertThat(ok).as("the reported cut achieves the count").isEqualTo(best.correct());
  }

  @Test
  void separableLineIsPossible() {
    final Verdict v = Verdicts.halfLine(NetworkShape.parse("1-1-2", ActivationTraits.TANH),
        new double[] {0, 1, 2, 3}, new int[] {1, 1, 0, 0}).orElseThrow();
    assertThat(v.kind()).isEqualTo(Verdict.Kind.POSSIBLE);
  }
}
