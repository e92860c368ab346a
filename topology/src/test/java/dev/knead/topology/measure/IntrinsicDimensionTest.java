package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicDimensionTest {

  /** n points uniform in [0, 1]^d, placed in ℝ^(d + extra) by a random orthonormal frame. */
  static double[][] embeddedCube(int n, int d, int extra, long seed) {
    final Random rng = new Random(seed);
    final int big = d + extra;
    // Gram–Schmidt on d random vectors of ℝ^big gives an isometric embedding.
    final double[][] frame = new double[d][big];
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < big; j++) {
        frame[k][j] = rng.nextGaussian();
      }
      for (int q = 0; q < k; q++) {
        double dot = 0;
        for (int j = 0; j < big; j++) {
          dot += frame[k][j] * frame[q][j];
        }
        for (int j = 0; j < big; j++) {
          frame[k][j] -= dot * frame[q][j];
        }
      }
      double norm = 0;
      for (int j = 0; j < big; j++) {
        norm += frame[k][j] * frame[k][j];
      }
      for (int j = 0; j < big; j++) {
        frame[k][j] /= Math.sqrt(norm);
      }
    }
    final double[][] p = new double[n][big];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        final double u = rng.nextDouble();
        for (int j = 0; j < big; j++) {
          p[i][j] += u * frame[k][j];
        }
      }
    }
    return p;
  }

  @ParameterizedTest
  @CsvSource({"1, 0.15", "2, 0.25", "3, 0.35", "5, 0.75"})
  void uniformCubeGivesItsDimension(int d, double tolerance) {
    final double[][] p = embeddedCube(1500, d, 4, 42 + d);
    assertThat(IntrinsicDimension.twoNN(p)).isCloseTo(d, within(tolerance));
  }

  @ParameterizedTest
  @CsvSource({"2"})
  void flatInputAgreesWithRows(int d) {
    final double[][] p = embeddedCube(300, d, 1, 7);
    final double[] flat = new double[p.length * p[0].length];
    for (int i = 0; i < p.length; i++) {
      System.arraycopy(p[i], 0, flat, i * p[0].length, p[0].length);
    }
    assertThat(IntrinsicDimension.twoNN(flat, p.length, p[0].length)).isEqualTo(IntrinsicDimension.twoNN(p));
  }

  /** Points on a 5-D plane placed in 64-D (the digits' width): TwoNN sees the plane, not the room. */
  @org.junit.jupiter.api.Test
  void fiveDimensionalPlaneInSixtyFourDimensions() {
    double[][] p = embeddedCube(2000, 5, 59, 11);
    assertThat(IntrinsicDimension.twoNN(p)).isCloseTo(5, within(0.75));
  }
}
