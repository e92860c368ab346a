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
}
