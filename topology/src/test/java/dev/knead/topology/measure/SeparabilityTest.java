package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeparabilityTest {

  static double[][] gaussians(int perClass, double gap, long seed, int[] labelsOut) {
    final Random rng = new Random(seed);
    final double[][] p = new double[2 * perClass][];
    for (int i = 0; i < 2 * perClass; i++) {
      final int c = i < perClass ? 0 : 1;
      p[i] = new double[] {rng.nextGaussian() + (c == 0 ? -gap : gap), rng.nextGaussian() * 2};
      labelsOut[i] = c;
    }
    return p;
  }

  /** Oracle: the returned hyperplane really separates. */
  static void assertSeparates(Separability.Pair pair, double[][] p, int[] y) {
    final double[] w = pair.normal();
    for (int i = 0; i < p.length; i++) {
      double s = pair.offset();
      for (int j = 0; j < w.length; j++) {
        s += w[j] * p[i][j];
      }
      if (y[i] == pair.classA()) {
        assertThat(s).as("point %d", i).isPositive();
      } else if (y[i] == pair.classB()) {
        assertThat(s).as("point %d", i).isNegative();
      }
    }
  }

  @Test
  void xorIsNotSeparable() {
    final double[][] p = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
    final Separability.Report r = Separability.linear(p, new int[] {0, 0, 1, 1});
    assertThat(r.separable()).isFalse();
    assertThat(r.inseparable()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 500, 3000})
  void separatedGaussiansAreSeparable(int perClass) {
    final int[] y = new int[2 * perClass];
    final double[][] p = gaussians(perClass, 8, 3, y);
    final Separability.Report r = Separability.linear(p, y);
    assertThat(r.separable()).isTrue();
    assertSeparates(r.pairs().get(0), p, y);
  }

  @Test
  void overlappingGaussiansAreNot() {
    final int[] y = new int[400];
    final double[][] p = gaussians(200, 0.5, 5, y);
    assertThat(Separability.linear(p, y).separable()).isFalse();
  }

  @Test
  void collinearEdgeCases() {
    // on the line y = 2x: {0, 1} | {2, 3} separable, {0, 2} | {1} not
    final double[][] line = {{0, 0}, {1, 2}, {2, 4}, {3, 6}};
    final int[] split = {0, 0, 1, 1};
    final Separability.Report ok = Separability.linear(line, split);
    assertThat(ok.separable()).isTrue();
    assertSeparates(ok.pairs().get(0), line, split);
    assertThat(Separability.linear(new double[][] {{0, 0}, {2, 4}, {1, 2}}, new int[] {0, 0, 1}).separable())
        .isFalse();
    // a shared point is never separable; one-dimensional input works
    assertThat(Separability.linear(new double[][] {{1, 1}, {1, 1}}, new int[] {0, 1}).separable()).isFalse();
    assertThat(Separability.linear(new double[][] {{-2}, {-1}, {1}, {5}}, new int[] {7, 7, 9, 9}).separable())
        .isTrue();
  }

  @Test
  void reportsEveryPairOfThreeClasses() {
    // classes 0 and 2 interleave on a line; 1 sits far away
    final double[][] p = {{0, 0}, {2, 0}, {1, 0}, {3, 0}, {0, 10}, {1, 10}};
    final int[] y = {0, 0, 2, 2, 1, 1};
    final Separability.Report r = Separability.linear(p, y);
    assertThat(r.pairs()).hasSize(3);
    assertThat(r.separable()).isFalse();
    assertThat(r.inseparable()).singleElement().satisfies(q -> {
      assertThat(q.classA()).isZero();
      assertThat(q.classB()).isEqualTo(2);
    });
  }

  @Test
  void oneClassIsTriviallySeparable() {
    assertThat(Separability.linear(new double[][] {{0, 1}, {2, 3}}, new int[] {4, 4}).separable()).isTrue();
  }
}
