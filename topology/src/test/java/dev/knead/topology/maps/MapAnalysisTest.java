package dev.knead.topology.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MapAnalysisTest {

  @Test
  void rotationTimesStretchIsAHomeomorphismUnderTanh() {
    // W = R(30°) · diag(3, 0.5)
    final double c = Math.cos(Math.toRadians(30));
    final double s = Math.sin(Math.toRadians(30));
    final double[][] w = {{3 * c, -0.5 * s}, {3 * s, 0.5 * c}};
    final LayerMap m = MapAnalysis.of(w, ActivationTraits.TANH);
    assertThat(m.kind()).isEqualTo(LayerMap.Kind.SQUARE);
    assertThat(m.rank()).isEqualTo(2);
    assertThat(m.singularValues()).containsExactly(new double[] {3, 0.5}, within(1e-12));
    assertThat(m.determinant()).isCloseTo(1.5, within(1e-12));
    assertThat(m.conditionNumber()).isCloseTo(6, within(1e-9));
    assertThat(m.rotationDegrees()).isCloseTo(30, within(1e-9));
    assertThat(m.reflects()).isFalse();
    assertThat(m.badges()).containsExactly(Badge.HOMEOMORPHISM);
  }

  @Test
  void mirrorIsFlaggedAndSingularSquareCollapses() {
    final LayerMap mirror = MapAnalysis.of(new double[][] {{1, 0}, {0, -2}}, ActivationTraits.SIGMOID);
    assertThat(mirror.reflects()).isTrue();
    assertThat(mirror.rotationDegrees()).isNaN();
    assertThat(mirror.has(Badge.HOMEOMORPHISM)).isTrue();
    final LayerMap flat = MapAnalysis.of(new double[][] {{1, 2}, {2, 4}}, ActivationTraits.TANH);
    assertThat(flat.rank()).isEqualTo(1);
    assertThat(flat.conditionNumber()).isInfinite();
    assertThat(flat.badges()).containsExactly(Badge.COLLAPSES);
  }

  @Test
  void widerFullRankLayerIsAnEmbeddingAndNarrowerCollapses() {
    final double[][] lift = {{1, 0}, {0, 1}, {1, 1}};
    assertThat(MapAnalysis.of(lift, ActivationTraits.TANH).badges()).containsExactly(Badge.EMBEDDING);
    final LayerMap lifted = MapAnalysis.of(lift, ActivationTraits.TANH);
    assertThat(lifted.kind()).isEqualTo(LayerMap.Kind.EXPANDING);
    assertThat(lifted.determinant()).isNaN();
    final double[][] squash = {{1, 0, 1}, {0, 1, 1}};
    final LayerMap squashed = MapAnalysis.of(squash, ActivationTraits.TANH);
    assertThat(squashed.kind()).isEqualTo(LayerMap.Kind.CONTRACTING);
    assertThat(squashed.badges()).containsExactly(Badge.COLLAPSES);
  }

  @Test
  void reluFoldsAndReportsDeadUnitsFromTheSample() {
    final double[][] w = {{1, 0}, {0, 1}};
    // unit 0 switches on and off (folds), unit 1 is off on every point (dead)
    final double[][] pre = new double[200][];
    final double[][] post = new double[200][];
    for (int i = 0; i < 200; i++) {
      pre[i] = new double[] {i - 100, -1 - i};
      post[i] = new double[] {Math.max(0, pre[i][0]), 0};
    }
    final LayerMap m = MapAnalysis.of(w, ActivationTraits.RELU, pre, post);
    assertThat(m.has(Badge.HOMEOMORPHISM)).isFalse();
    assertThat(m.badges()).contains(Badge.FOLDS, Badge.DEAD_UNITS);
    assertThat(m.deadUnits()).isEqualTo(1);
    assertThat(m.foldingUnits()).isEqualTo(1);
  }

  @Test
  void aFoldingReluLayerFoldsButDoesNotSaturate() {
    // ReLU's 0 is reached on a whole half-line: points there are glued exactly (a fold), not
    // rounded together at an asymptote, so half the sample at 0 is no saturation
    final double[][] w = {{1, 0}, {0, 1}};
    final double[][] pre = new double[200][];
    final double[][] post = new double[200][];
    for (int i = 0; i < 200; i++) {
      pre[i] = new double[] {i - 100, 50 - i};
      post[i] = new double[] {Math.max(0, pre[i][0]), Math.max(0, pre[i][1])};
    }
    final LayerMap m = MapAnalysis.of(w, ActivationTraits.RELU, pre, post);
    assertThat(m.badges()).containsExactly(Badge.FOLDS);
    assertThat(m.saturatedUnits()).isZero();
  }

  @Test
  void aReluLayerThatSendsEveryPointToZeroCollapses() {
    // W is invertible, but every pre-activation is negative: the image is the single point (0, 0)
    final double[][] w = {{1, 0}, {0, 1}};
    final double[][] pre = new double[100][];
    final double[][] post = new double[100][];
    for (int i = 0; i < 100; i++) {
      pre[i] = new double[] {-1 - i, -0.5 - i / 10.0};
      post[i] = new double[] {0, 0};
    }
    final LayerMap m = MapAnalysis.of(w, ActivationTraits.RELU, pre, post);
    assertThat(m.rank()).isEqualTo(2);
    assertThat(m.liveRank()).isZero();
    assertThat(m.badges()).containsExactly(Badge.COLLAPSES, Badge.DEAD_UNITS);
    // one unit never on: the image is a segment of a line, one direction flattened
    for (int i = 0; i < 100; i++) {
      pre[i] = new double[] {i - 50, -1 - i};
      post[i] = new double[] {Math.max(0, pre[i][0]), 0};
    }
    final LayerMap half = MapAnalysis.of(w, ActivationTraits.RELU, pre, post);
    assertThat(half.liveRank()).isEqualTo(1);
    assertThat(half.badges()).containsExactly(Badge.COLLAPSES, Badge.FOLDS, Badge.DEAD_UNITS);
  }

  @Test
  void reluThatStaysOnDoesNotFold() {
    final double[][] pre = {{1, 2}, {3, 4}, {0.5, 0.1}};
    final LayerMap m = MapAnalysis.of(new double[][] {{2, 0}, {0, 2}}, ActivationTraits.RELU, pre, pre);
    assertThat(m.badges()).isEmpty();
    assertThat(MapAnalysis.of(new double[][] {{2, 0}, {0, 2}}, ActivationTraits.RELU).badges())
        .containsExactly(Badge.FOLDS);
  }

  @Test
  void tanhPinnedAtOneOnManyPointsSaturates() {
    final double[][] post = new double[100][];
    for (int i = 0; i < 100; i++) {
      post[i] = new double[] {i < 5 ? 1 - 1e-9 : Math.tanh(i / 100.0), -0.2};
    }
    final LayerMap m = MapAnalysis.of(new double[][] {{1, 0}, {0, 1}}, ActivationTraits.TANH, null, post);
    assertThat(m.has(Badge.SATURATES)).isTrue();
    assertThat(m.saturatedUnits()).isEqualTo(1);
    assertThat(m.saturationFraction()).isCloseTo(5 / 200.0, within(1e-12));
    // one point in a hundred (not more than 1 %) does not earn the badge
    post[1][0] = 0.3;
    post[2][0] = 0.3;
    post[3][0] = 0.3;
    post[4][0] = 0.3;
    assertThat(MapAnalysis.of(new double[][] {{1, 0}, {0, 1}}, ActivationTraits.TANH, null, post).badges())
        .containsExactly(Badge.HOMEOMORPHISM);
  }

  @Test
  void valuesAreImmutable() {
    final LayerMap m = MapAnalysis.of(new double[][] {{2, 0}, {0, 1}}, ActivationTraits.TANH);
    m.singularValues()[0] = 99;
    assertThat(m.singularValues()[0]).isEqualTo(2);
    assertThat(ActivationTraits.byName("ReLU")).contains(ActivationTraits.RELU);
    assertThat(ActivationTraits.byName("identity")).contains(ActivationTraits.LINEAR);
    assertThat(ActivationTraits.LEAKY_RELU.leakyReluType()).isTrue();
    assertThat(ActivationTraits.TANH.leakyReluType()).isFalse();
  }
}
