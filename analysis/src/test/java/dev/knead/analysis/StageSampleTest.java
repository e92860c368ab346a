package dev.knead.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The stage measures read one seeded class-stratified subsample: on a case whose answer is known
 * (three bands of a uniform strip, so every pair of classes is linearly separable and the points
 * are 2-dimensional) they give that answer on the subsample, and stay within the stated precision
 * of the numbers read on all points.
 */
class StageSampleTest {
  /** 3,000 points uniform in [0, 3] × [0, 1], unevenly per band: 1,500 / 1,000 / 500, lifted into 5-D. */
  static Dataset bands() {
    SplittableRandom rng = new SplittableRandom(7);
    int[] sizes = {1500, 1000, 500};
    int n = 3000;
    double[][] p = new double[n][];
    int[] y = new int[n];
    int at = 0;
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        double u = c + rng.nextDouble();
        double v = rng.nextDouble();
        p[at] = new double[] {u, v, u + v, u - 2 * v, 0.5 * u}; // a plane in 5-D: intrinsic dimension 2
        y[at++] = c;
      }
    }
    // interleave the classes so that a subsample taken "from the front" would be wrong
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double[] tp = p[i];
      p[i] = p[j];
      p[j] = tp;
      int ty = y[i];
      y[i] = y[j];
      y[j] = ty;
    }
    return new Dataset("bands", Map.of(), Points.of(p), y, List.of("a", "b", "c"), GroundTruth.unknown());
  }

  static Network identity5() {
    double[][] w = new double[5][5];
    for (int i = 0; i < 5; i++) {
      w[i][i] = 1;
    }
    return new Network(List.of(new Layer(Matrix.of(w), new double[5], Activation.IDENTITY),
        new Layer(Matrix.of(new double[][] {{1, 0, 0, 0, 0}, {-1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}}), new double[3],
            Activation.IDENTITY)));
  }

  @Test
  void theSubsampleIsStratifiedSeededAndOfTheStatedSize() {
    int[] labels = bands().labels();
    int[] kept = Analyst.stratified(labels, 3, 600, 11);
    assertThat(kept).hasSize(600).isSorted().doesNotHaveDuplicates();
    int[] count = new int[3];
    for (int i : kept) {
      count[labels[i]]++;
    }
    assertThat(count).containsExactly(300, 200, 100); // exactly proportional to 1,500 / 1,000 / 500
    assertThat(Analyst.stratified(labels, 3, 600, 11)).isEqualTo(kept);
    assertThat(Analyst.stratified(labels, 3, 600, 12)).isNotEqualTo(kept);
    assertThat(Analyst.stratified(labels, 3, 5000, 11)).hasSize(3000);
    // a class too small for its share keeps one point; the total stays the cap
    int[] skew = new int[1001];
    skew[1000] = 1;
    int[] k2 = Analyst.stratified(skew, 2, 100, 1);
    assertThat(k2).hasSize(100).contains(1000);
  }

  @Test
  void measuresOnTheSubsampleKeepTheKnownAnswerAndAgreeWithAllPoints() {
    Dataset d = bands();
    Report all = Analyst.analyse(identity5(), d, new Analyst.Options(60, 1, false, 0, 3000));
    Report some = Analyst.analyse(identity5(), d, new Analyst.Options(60, 1, false, 0, 600));
    assertThat(all.stagePoints()).isEqualTo(3000);
    assertThat(some.stagePoints()).isEqualTo(600);
    assertThat(some.totalPoints()).isEqualTo(3000);
    int m = some.stagePoints();
    double proportion = 2 * 0.5 / Math.sqrt(m); // two standard errors of a share read on m points
    for (int s = 0; s < all.stages().size(); s++) {
      StageMeasure a = all.stages().get(s);
      StageMeasure b = some.stages().get(s);
      if (a.dim() == 5) {
        // known answers: bands of a strip are pairwise separable, and a subset of separable sets is
        assertThat(a.separable()).isTrue();
        assertThat(b.separable()).isTrue();
        assertThat(a.intrinsicDimension()).as("TwoNN, all points").isCloseTo(2, within(0.2));
        assertThat(b.intrinsicDimension()).as("TwoNN, subsample").isCloseTo(2, within(0.25));
        assertThat(b.probeAccuracy()).isGreaterThanOrEqualTo(0.97);
      }
      assertThat(b.probeAccuracy()).as(a.name() + " probe").isCloseTo(a.probeAccuracy(), within(proportion));
      assertThat(b.knnAccuracy()).as(a.name() + " k-NN").isCloseTo(a.knnAccuracy(), within(proportion));
      assertThat(b.gathering().ratio()).as(a.name() + " ratio").isCloseTo(a.gathering().ratio(), within(0.03));
      assertThat(b.gathering().silhouette()).as(a.name() + " silhouette").isCloseTo(a.gathering().silhouette(), within(0.03));
      assertThat(b.gathering().sizes()).containsExactly(300, 200, 100);
    }
  }
}
