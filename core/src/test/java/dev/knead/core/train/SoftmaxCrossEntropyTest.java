package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unit-major softmax kernel against {@link Loss#lossAndGradient} on seeded logits. */
class SoftmaxCrossEntropyTest {
  @ParameterizedTest(name = "n {0}, k {1}")
  @CsvSource({"1,2", "17,2", "100,3", "256,10", "33,7"})
  void agreesWithTheLoss(int n, int k) {
    SplittableRandom rng = new SplittableRandom(n * 31L + k);
    double[] rows = rng.doubles((long) n * k, -30, 30).toArray();
    rows[0] = rows[1]; // a tie: the first largest logit counts
    int[] y = rng.ints(n, 0, k).toArray();
    double[] gRows = new double[n * k];
    int[] right = new int[1];
    double want = Loss.SOFTMAX_CROSS_ENTROPY.lossAndGradient(rows, n, k, y, gRows, right);

    double[][] z = new double[k][n];
    double[][] g = new double[k][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        z[c][i] = rows[i * k + c];
      }
    }
    int[] right2 = new int[1];
    double got = SoftmaxCrossEntropy.lossAndGradient(z, n, k, y, g, right2, new double[n], new double[n], new double[n]);
    assertThat(got).isCloseTo(want, within(1e-13 * Math.max(1, Math.abs(want))));
    assertThat(right2[0]).isEqualTo(right[0]);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        assertThat(g[c][i]).isCloseTo(gRows[i * k + c], within(1e-15));
      }
    }
  }
}
