package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** toUnits is a transpose with rounding to float, on narrow inputs and on wide ones taken in row blocks. */
class FloatUnitsTest {
  @ParameterizedTest(name = "n {0}, d {1}")
  @CsvSource({"1, 1", "37, 2", "5, 15", "16, 16", "37, 17", "257, 784", "3, 784"})
  void everyValueLandsAtItsUnitAndPoint(int n, int d) {
    double[] m = new SplittableRandom(n * 31L + d).doubles((long) n * d, -3, 3).toArray();
    float[][] units = new float[d][n + 2];
    for (float[] u : units) {
      java.util.Arrays.fill(u, Float.NaN);
    }
    FloatDense.toUnits(m, n, d, units);
    for (int u = 0; u < d; u++) {
      for (int i = 0; i < n; i++) {
        assertThat(units[u][i]).isEqualTo((float) m[i * d + u]);
      }
      assertThat(units[u][n]).as("past n untouched").isNaN();
    }
    double[] back = new double[n * d];
    FloatDense.fromUnits(units, n, d, back);
    for (int k = 0; k < back.length; k++) {
      assertThat(back[k]).isEqualTo((double) (float) m[k]);
    }
  }
}
