package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GatheringTest {

  /** Two classes of two points on a line, {0, 1} and {10, 11}: every number by hand. */
  @Test
  void fourPointsOnALineByHand() {
    double[][] p = {{0}, {1}, {10}, {11}};
    int[] y = {0, 0, 1, 1};
    Gathering g = Gathering.of(p, y, 1);
    // within: every within pair is 1 apart; between: 10, 11, 9, 10 → mean 10
    assertThat(g.ratio()).isCloseTo(0.1, within(1e-12));
    // points 0 and 11: a = 1, b = 10.5; points 1 and 10: a = 1, b = 9.5
    double want = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
    assertThat(g.silhouette()).isCloseTo(want, within(1e-12));
    assertThat(g.touchingPair(0, 1)).isZero();
    assertThat(g.confused()).isDeepEqualTo(new int[][] {{2, 0}, {0, 2}});
  }

  /** Two tight clusters far apart in 64-D: silhouette → 1, ratio → 0, nothing touches. */
  @Test
  void farClustersInSixtyFourDimensions() {
    Random rng = new Random(1);
    int n = 300;
    double[][] p = new double[n][64];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      for (int j = 0; j < 64; j++) {
        p[i][j] = 0.01 * rng.nextGaussian() + (j == 0 && y[i] == 1 ? 100 : 0);
      }
    }
    Gathering g = Gathering.of(p, y, 5);
    assertThat(g.silhouette()).isGreaterThan(0.99);
    assertThat(g.ratio()).isLessThan(0.01);
    assertThat(g.touchingPair(0, 1)).isZero();
    assertThat(g.knnAccuracy()).isEqualTo(1.0);
  }

  /** Labels drawn at random on one cloud: within and between distances are alike, ratio ≈ 1. */
  @Test
  void randomLabelsGatherNothing() {
    Random rng = new Random(2);
    int n = 600;
    double[][] p = new double[n][20];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(3);
      for (int j = 0; j < 20; j++) {
        p[i][j] = rng.nextGaussian();
      }
    }
    Gathering g = Gathering.of(p, y, 5);
    assertThat(g.ratio()).isCloseTo(1.0, within(0.02));
    assertThat(g.silhouette()).isCloseTo(0.0, within(0.05));
    assertThat(g.touchingPair(0, 1)).isGreaterThan(100);
  }

  /** Silhouette and ratio against a brute-force computation straight from the definitions. */
  @Test
  void agreesWithTheDefinitionsAndWithKnnAccuracy() {
    Random rng = new Random(3);
    int n = 90;
    double[][] p = new double[n][7];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 7; j++) {
        p[i][j] = rng.nextGaussian() + (j == y[i] ? 1.5 : 0);
      }
    }
    double sil = 0;
    double within = 0;
    double between = 0;
    int wn = 0;
    int bn = 0;
    for (int i = 0; i < n; i++) {
      double[] sum = new double[3];
      int[] cnt = new int[3];
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double d = Math.sqrt(Rows.squaredDistance(p[i], p[j]));
          sum[y[j]] += d;
          cnt[y[j]]++;
          if (y[j] == y[i]) {
            within += d;
            wn++;
          } else {
            between += d;
            bn++;
          }
        }
      }
      double a = sum[y[i]] / cnt[y[i]];
      double b = Double.MAX_VALUE;
      for (int c = 0; c < 3; c++) {
        if (c != y[i]) {
          b = Math.min(b, sum[c] / cnt[c]);
        }
      }
      sil += (b - a) / Math.max(a, b) / n;
    }
    Gathering g = Gathering.of(p, y, 5);
    assertThat(g.silhouette()).isCloseTo(sil, within(1e-12));
    assertThat(g.ratio()).isCloseTo((within / wn) / (between / bn), within(1e-12));
    assertThat(g.knnAccuracy()).isEqualTo(KnnAccuracy.leaveOneOut(p, y, 5));
  }

  @Test
  void badInputSaysWhat() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gathering.of(new double[][] {{0}, {1}}, new int[] {0, 1}, 2))
        .hasMessageContaining("k = 2");
  }
}
