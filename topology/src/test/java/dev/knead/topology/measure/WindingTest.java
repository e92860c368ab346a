package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindingTest {

  static double[][] loop(int m, int turns) {
    final double[][] p = new double[m][];
    for (int i = 0; i < m; i++) {
      final double t = 2 * Math.PI * turns * i / m;
      p[i] = new double[] {Math.cos(t) * (1 + 0.1 * i / m), Math.sin(t) * (1 + 0.1 * i / m)};
    }
    return p;
  }

  @Test
  void counterClockwiseSquareWindsOnce() {
    final double[][] sq = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    assertThat(Winding.number(sq, new double[] {0.3, -0.2})).isCloseTo(1, within(1e-12));
    assertThat(Winding.number(sq, new double[] {3, 0})).isCloseTo(0, within(1e-12));
  }

  @Test
  void clockwiseIsNegativeAndDoubleLoopIsTwo() {
    final double[][] sq = {{-1, 1}, {1, 1}, {1, -1}, {-1, -1}};
    assertThat(Winding.number(sq, new double[] {0, 0})).isCloseTo(-1, within(1e-12));
    assertThat(Winding.number(loop(200, 2), new double[] {0, 0})).isCloseTo(2, within(1e-9));
  }

  @Test
  void vertexGivesNaN() {
    final double[][] sq = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    assertThat(Winding.number(sq, new double[] {1, 1})).isNaN();
  }
}
