package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two-class kernel against {@link Loss#lossAndGradient} on the same (float) logits, margins from 0 to 900. */
class TwoClassSoftmaxTest {
  @ParameterizedTest(name = "n {0}, scale {1}")
  @CsvSource({"1,1", "2,3", "7,30", "1000,10", "1025,100", "3000,900"})
  void agreesWithTheLoss(int n, double scale) {
    SplittableRandom rng = new SplittableRandom(n * 17L + (long) scale);
    float[] z0 = new float[n];
    float[] z1 = new float[n];
    double[] rows = new double[2 * n];
    int[] y = rng.ints(n, 0, 2).toArray();
    for (int i = 0; i < n; i++) {
      z0[i] = (float) rng.nextDouble(-scale, scale);
      z1[i] = i % 5 == 0 ? z0[i] : (float) rng.nextDouble(-scale, scale); // ties: the first largest (class 0) counts
      rows[2 * i] = z0[i];
      rows[2 * i + 1] = z1[i];
    }
    double[] gRows = new double[2 * n];
    int[] right = new int[1];
    double want = Loss.SOFTMAX_CROSS_ENTROPY.lossAndGradient(rows, n, 2, y, gRows, right);
    float[] g0 = new float[n];
    float[] g1 = new float[n];
    int[] right2 = new int[1];
    double got = TwoClassSoftmax.lossAndGradient(z0, z1, n, y, g0, g1, right2, new double[n], new double[n], new double[n], new double[n]);
    assertThat(got).isCloseTo(want, within(1e-13 * Math.max(1, Math.abs(want))));
    assertThat(right2[0]).isEqualTo(right[0]);
    for (int i = 0; i < n; i++) {
      // within float rounding plus the double loss's own error (it forms p − 1, which cancels) …
      assertThat((double) g0[i]).as("g0 %d", i).isCloseTo(gRows[2 * i], within(1e-15 + 0x1p-24 * Math.abs(gRows[2 * i])));
      assertThat((double) g1[i]).as("g1 %d", i).isCloseTo(gRows[2 * i + 1], within(1e-15 + 0x1p-24 * Math.abs(gRows[2 * i + 1])));
      // … and relative to its own size against σ written out: no cancellation at any margin
      double sgn = 1 - 2 * y[i];
      double m = sgn * ((double) z1[i] - z0[i]);
      double sigma = m > 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
      double exact = sgn * sigma / n;
      assertThat((double) g1[i]).as("g1 %d at margin %s", i, m).isCloseTo(exact, within(1e-6 * Math.abs(exact) + Float.MIN_VALUE)); // below float's range: 0
      assertThat(g0[i]).isEqualTo(-g1[i]);
    }
  }

  @Test
  void aNanLogitMakesTheLossNan() {
    float[] z0 = {1, Float.NaN, 0};
    float[] z1 = {0, 0, 2};
    double loss = TwoClassSoftmax.lossAndGradient(z0, z1, 3, new int[] {0, 1, 1}, new float[3], new float[3], new int[1],
        new double[3], new double[3], new double[3], new double[3]);
    assertThat(loss).isNaN();
  }
}
