package dev.knead.render.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Points;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SceneTest {
  @Test
  void procrustesRecoversARotationAndAReflection() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 50;
    double[] a = new double[n * 3];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextDouble() * 2 - 1;
    }
    double c = Math.cos(0.7);
    double s = Math.sin(0.7);
    double[] rot = {c, -s, 0, s, c, 0, 0, 0, -1}; // a turn and a mirror
    double[] b = new double[a.length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        b[i * 3 + k] = a[i * 3] * rot[k] + a[i * 3 + 1] * rot[3 + k] + a[i * 3 + 2] * rot[6 + k];
      }
    }
    double[] found = Scene.procrustes(a, b, n);
    for (int k = 0; k < 9; k++) {
      assertThat(found[k]).isCloseTo(rot[k], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void wideStagesOfRankTwoAreDrawnFlatAndKeepDistances() {
    // points on a plane inside 6-D: the first two principal axes hold every distance
    SplittableRandom r = new SplittableRandom(2);
    int n = 40;
    double[] x = new double[n * 6];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      double v = r.nextDouble();
      for (int j = 0; j < 6; j++) {
        x[i * 6 + j] = u * (j + 1) - v * (j % 2 == 0 ? 1 : -2) + 3;
      }
    }
    Scene s = Scene.of(Points.of(n, 6, x), List.of(), Points.of(0, 6, new double[0]), null);
    assertThat(s.planar()).isTrue();
    assertThat(s.projected()).isTrue();
    double d6 = 0;
    double d3 = 0;
    for (int j = 0; j < 6; j++) {
      d6 += Math.pow(x[j] - x[6 + j], 2);
    }
    for (int k = 0; k < 3; k++) {
      d3 += Math.pow(s.points()[k] - s.points()[3 + k], 2);
    }
    assertThat(Math.sqrt(d3)).isCloseTo(Math.sqrt(d6), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aThreeDStageWithZeroThirdAxisIsFlat() {
    Points p = Points.of(new double[][] {{0, 0, 0}, {1, 2, 0}, {3, -1, 0}});
    assertThat(Scene.of(p, List.of(), Points.of(0, 3, new double[0]), null).planar()).isTrue();
    Points q = Points.of(new double[][] {{0, 0, 0}, {1, 2, 0.5}, {3, -1, 0}});
    assertThat(Scene.of(q, List.of(), Points.of(0, 3, new double[0]), null).planar()).isFalse();
  }

  @Test
  void theTourSwingsTheViewToTheNextPrincipalAxes() {
    // six independent directions with decreasing spread: at θ = π/2 the view shows axes 4 … 6
    SplittableRandom r = new SplittableRandom(4);
    int n = 200;
    double[] x = new double[n * 6];
    for (int i = 0; i < x.length; i++) {
      x[i] = (r.nextDouble() - 0.5) * (6 - i % 6);
    }
    Points p = Points.of(n, 6, x);
    Points none = Points.of(0, 6, new double[0]);
    Scene plain = Scene.of(p, List.of(), none, null, 0);
    Scene toured = Scene.of(p, List.of(), none, null, Math.PI / 2);
    assertThat(spread(plain, 0)).isGreaterThan(spread(toured, 0) * 1.5);
    // the fourth principal axis is data axis 3 (spreads fall 6 : 5 : 4 : 3 : 2 : 1)
    assertThat(spread(toured, 0)).isCloseTo(spreadOfAxis(x, n, 3), org.assertj.core.data.Offset.offset(0.05));
  }

  private static double spread(Scene s, int k) {
    double m = 0;
    for (int i = 0; i < s.n(); i++) {
      m += s.points()[i * 3 + k] / s.n();
    }
    double v = 0;
    for (int i = 0; i < s.n(); i++) {
      v += Math.pow(s.points()[i * 3 + k] - m, 2) / s.n();
    }
    return Math.sqrt(v);
  }

  private static double spreadOfAxis(double[] x, int n, int j) {
    double m = 0;
    for (int i = 0; i < n; i++) {
      m += x[i * 6 + j] / n;
    }
    double v = 0;
    for (int i = 0; i < n; i++) {
      v += Math.pow(x[i * 6 + j] - m, 2) / n;
    }
    return Math.sqrt(v);
  }
}
