package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkingTest {

  static double[][] circle(int m, double cx, double cy, double cz, boolean vertical) {
    final double[][] p = new double[m][];
    for (int i = 0; i < m; i++) {
      final double t = 2 * Math.PI * i / m;
      p[i] = vertical
          ? new double[] {cx + Math.cos(t), cy, cz + Math.sin(t)}
          : new double[] {cx + Math.cos(t), cy + Math.sin(t), cz};
    }
    return p;
  }

  /** Two parallel (1, 2) curves on a torus: the (2, 4) torus link, lk = 2. */
  static double[][] torusCurve(int m, double shift) {
    final double[][] p = new double[m][];
    for (int i = 0; i < m; i++) {
      final double u = 2 * Math.PI * i / m;
      final double v = 2 * u + shift;
      p[i] = new double[] {(2 + Math.cos(v)) * Math.cos(u), (2 + Math.cos(v)) * Math.sin(u), Math.sin(v)};
    }
    return p;
  }

  static double[][] reversed(double[][] p) {
    final double[][] r = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      r[i] = p[p.length - 1 - i];
    }
    return r;
  }

  /** Midpoint-rule Gauss integral: the oracle for the sign convention. */
  static double gaussQuadrature(double[][] a, double[][] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      final double[] a0 = a[i];
      final double[] a1 = a[(i + 1) % a.length];
      for (int j = 0; j < b.length; j++) {
        final double[] b0 = b[j];
        final double[] b1 = b[(j + 1) % b.length];
        final double[] r = new double[3];
        final double[] da = new double[3];
        final double[] db = new double[3];
        for (int c = 0; c < 3; c++) {
          r[c] = (a0[c] + a1[c]) / 2 - (b0[c] + b1[c]) / 2;
          da[c] = a1[c] - a0[c];
          db[c] = b1[c] - b0[c];
        }
        final double cx = da[1] * db[2] - da[2] * db[1];
        final double cy = da[2] * db[0] - da[0] * db[2];
        final double cz = da[0] * db[1] - da[1] * db[0];
        final double len = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        s += (r[0] * cx + r[1] * cy + r[2] * cz) / (len * len * len);
      }
    }
    return s / (4 * Math.PI);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 7, 64, 200})
  void hopfLinkIsOneToNineDigits(int m) {
    final double[][] a = circle(m, 0, 0, 0, false);
    final double[][] b = circle(m + 1, 1, 0, 0, true);
    final double lk = Linking.number(a, b);
    assertThat(Math.abs(lk)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void signMatchesTheGaussIntegral() {
    final double[][] a = circle(300, 0, 0, 0, false);
    final double[][] b = circle(300, 1, 0, 0, true);
    final double exact = Linking.number(a, b);
    assertThat(gaussQuadrature(a, b)).isCloseTo(exact, within(0.02));
  }

  @Test
  void orientationFlipFlipsTheSign() {
    final double[][] a = circle(50, 0, 0, 0, false);
    final double[][] b = circle(40, 1, 0, 0, true);
    final double lk = Linking.number(a, b);
    assertThat(Linking.number(reversed(a), b)).isCloseTo(-lk, within(1e-9));
    assertThat(Linking.number(a, reversed(b))).isCloseTo(-lk, within(1e-9));
    assertThat(Linking.number(b, a)).isCloseTo(lk, within(1e-9));
  }

  @Test
  void unlinkedCirclesGiveZero() {
    assertThat(Linking.number(circle(60, 0, 0, 0, false), circle(60, 3, 0, 0, true))).isCloseTo(0, within(1e-9));
    assertThat(Linking.number(circle(60, 0, 0, 0, false), circle(60, 0, 0, 1, false))).isCloseTo(0, within(1e-9));
    // a vertical circle that passes beside, not through, the horizontal one
    assertThat(Linking.number(circle(60, 0, 0, 0, false), circle(60, 0, 2.5, 0, true))).isCloseTo(0, within(1e-9));
  }

  @Test
  void torusLinkTwoFourGivesTwo() {
    final double lk = Linking.number(torusCurve(400, 0), torusCurve(400, Math.PI));
    assertThat(Math.abs(lk)).isCloseTo(2.0, within(1e-9));
    assertThat(Math.round(lk)).isEqualTo(Math.round(Math.signum(lk)) * 2);
  }
}
