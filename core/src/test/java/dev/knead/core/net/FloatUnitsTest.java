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

  /**
   * The inputs taken as rows too (the first layer's weight gradient reads them so): the same units,
   * and a weight gradient with the bits of the plain loops' reference.
   */
  @ParameterizedTest(name = "n {0}, d {1}")
  @CsvSource({"1, 1", "37, 2", "37, 64", "1000, 65", "3, 100", "257, 784"})
  void rowsGiveTheSameUnitsAndTheReferenceWeightGradient(int n, int d) {
    SplittableRandom rng = new SplittableRandom(n * 7L + d);
    double[] m = rng.doubles((long) n * d, -3, 3).toArray();
    float[][] plain = new float[d][n];
    FloatDense.toUnits(m, n, d, plain);
    float[] rows = FloatDense.rowsFor(n, d);
    float[][] units = new float[d][n];
    FloatDense.toUnits(m, n, d, units, rows);
    for (int u = 0; u < d; u++) {
      assertThat(units[u]).as("unit %d", u).containsExactly(plain[u]);
    }
    final int out = 5;
    float[][] dz = new float[out][n];
    for (float[] r : dz) {
      for (int i = 0; i < n; i++) {
        r[i] = (float) rng.nextDouble(-1, 1);
      }
    }
    float[] ref = new float[d * out + out];
    FloatDenseLoops.weightGradient(dz, plain, n, d, out, ref, 0, d * out, 1);
    float[] g = new float[ref.length];
    FloatDense.weightGradient(dz, units, rows, n, d, out, g, 0, d * out, new FloatDense.Scratch(n, d, out), 1);
    for (int k = 0; k < g.length; k++) {
      assertThat(Float.floatToRawIntBits(g[k])).as("element %d", k).isEqualTo(Float.floatToRawIntBits(ref[k]));
    }
  }
}
