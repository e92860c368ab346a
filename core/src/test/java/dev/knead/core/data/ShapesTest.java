package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each generator samples the set its definition names, and its ground truth matches it. */
class ShapesTest {
  private static double norm(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 99})
  void sandwichHalvesAreWhereOlahPutsThem(long seed) {
    Dataset d = new Sandwich().generate(Map.of("points", 500.0), seed);
    int left = 0;
    for (int i = 0; i < d.size(); i++) {
      double x = d.points().get(i, 0);
      if (d.label(i) == 0) {
        assertThat(Math.abs(x)).isLessThanOrEqualTo(1.0 / 3);
      } else {
        assertThat(Math.abs(x)).isBetween(2.0 / 3, 1.0);
        left += x < 0 ? 1 : 0;
      }
    }
    assertThat(left).isBetween(180, 320); // both halves of B are used
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 99})
  void diskInsideR1RingBetweenR2AndR3(long seed) {
    Dataset d = new DiskAnnulus().generate(Map.of("points", 1000.0), seed);
    int inner = 0;
    for (int i = 0; i < d.size(); i++) {
      double r = norm(d.points().row(i));
      if (d.label(i) == 0) {
        assertThat(r).isLessThan(1.0 / 3);
        inner += r < 1.0 / 6 ? 1 : 0;
      } else {
        assertThat(r).isGreaterThan(2.0 / 3).isLessThan(1.0);
      }
    }
    // uniform in AREA: a quarter of the disk's area lies within half its radius
    assertThat(inner).isBetween(200, 300);
    assertThat(d.truth().enclosed()).containsExactly(0);
  }

  @Test
  void settableRadiiAreHonoured() {
    Dataset d = Datasets.generate("disk-annulus", Map.of("r1", "0.2", "r2", "0.5", "r3", "0.6"), 5);
    for (int i = 0; i < d.size(); i++) {
      double r = norm(d.points().row(i));
      assertThat(d.label(i) == 0 ? r < 0.2 : r > 0.5 && r < 0.6).isTrue();
    }
  }

  @Test
  void ringCurveWindsOnceAroundTheDisk() {
    Dataset d = new DiskAnnulus().generate(Map.of(), 1);
    Curve c = d.truth().coreCurves().get(0);
    assertThat(c.classIndex()).isEqualTo(1);
    assertThat(CurveMeasures.winding(c, 0, 0)).isCloseTo(1, within(1e-9));
    assertThat(CurveMeasures.winding(c, 2, 0)).isCloseTo(0, within(1e-9));
    assertThat(norm(c.vertices().row(7))).isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void circlesWithoutNoiseLieOnTheirCircles() {
    Dataset d = new Circles().generate(Map.of("noise", 0.0, "factor", 0.4), 8);
    for (int i = 0; i < d.size(); i++) {
      assertThat(norm(d.points().row(i))).isCloseTo(d.label(i) == 0 ? 0.4 : 1, within(1e-12));
    }
    assertThat(d.truth().coreCurves()).hasSize(2);
    assertThat(CurveMeasures.winding(d.truth().coreCurves().get(0), 0, 0)).isCloseTo(1, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void xorAndCheckerboardLabelsFollowTheirRule(long seed) {
    Dataset x = new Xor().generate(Map.of(), seed);
    for (int i = 0; i < x.size(); i++) {
      double[] p = x.points().row(i);
      assertThat(p[0] * p[1] > 0).isEqualTo(x.label(i) == 0);
      assertThat(Math.min(Math.abs(p[0]), Math.abs(p[1]))).isGreaterThanOrEqualTo(0.1);
    }
    Dataset c = new Checkerboard().generate(Map.of("cells", 3.0), seed);
    for (int i = 0; i < c.size(); i++) {
      double[] p = c.points().row(i);
      int col = (int) Math.floor((p[0] + 1) * 1.5);
      int row = (int) Math.floor((p[1] + 1) * 1.5);
      assertThat((row + col) % 2).isEqualTo(c.label(i));
    }
    assertThat(c.truth().betti()).containsExactly(java.util.List.of(5, 0), java.util.List.of(4, 0));
  }

  @Test
  void spiralArmsAreClasses() {
    Dataset d = Datasets.generate("spirals", Map.of("arms", "3", "points", "40"), 2);
    assertThat(d.classes()).isEqualTo(3);
    assertThat(d.classCounts()).containsExactly(40, 40, 40);
    for (int i = 0; i < d.size(); i++) {
      assertThat(norm(d.points().row(i))).isBetween(Spirals.T0, 1.0);
    }
  }

  @Test
  void naitzatD1IsTheGridOfTheirPaper() {
    Dataset d = new NaitzatD1().generate(Map.of(), 1);
    double[][] centres = NaitzatD1.centres();
    for (int i = 0; i < d.size(); i++) {
      double[] p = d.points().row(i);
      assertThat(Math.abs(p[0])).isLessThanOrEqualTo(10 + 1e-9);
      double nearest = Double.POSITIVE_INFINITY;
      for (double[] c : centres) {
        nearest = Math.min(nearest, Math.hypot(p[0] - c[0], p[1] - c[1]));
      }
      assertThat(d.label(i) == 0 ? nearest <= 1.3 : nearest > 1.8).isTrue();
    }
    // 106 grid lines each way; nine disks of about π·1.3²/0.19² ≈ 147 points each
    assertThat(d.size()).isLessThan(106 * 106);
    assertThat(d.classCounts()[0]).isBetween(9 * 130, 9 * 165);
    assertThat(d.truth().betti()).containsExactly(java.util.List.of(9, 0), java.util.List.of(1, 9));
    // noise 0: the grid does not depend on the seed
    assertThat(new NaitzatD1().generate(Map.of(), 2).hash()).isEqualTo(d.hash());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void nestedSpheresAreInTheirShells(long seed) {
    for (int dim = 2; dim <= 3; dim++) {
      Dataset d = new NestedSpheres().generate(Map.of("dim", (double) dim, "points", 300.0), seed);
      assertThat(d.dim()).isEqualTo(dim);
      for (int i = 0; i < d.size(); i++) {
        double r = norm(d.points().row(i));
        if (d.label(i) == 0) {
          assertThat(r).isLessThanOrEqualTo(0.5 + 1e-12);
        } else {
          assertThat(r).isBetween(1.0 - 1e-12, 1.5 + 1e-12);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void ringPointsLieInTheirTubes(long seed) {
    Dataset d = new LinkedTori().generate(Map.of("points", 300.0, "thickness", 0.3), seed);
    for (int i = 0; i < d.size(); i++) {
      double[] p = d.points().row(i);
      // distance to a unit circle: in-plane radius minus 1, and the out-of-plane offset
      double dist =
          d.label(i) == 0
              ? Math.hypot(Math.hypot(p[0], p[1]) - 1, p[2])
              : Math.hypot(Math.hypot(p[0] - 1, p[2]) - 1, p[1]);
      assertThat(dist).isLessThanOrEqualTo(0.3 + 1e-12);
    }
  }

  @Test
  void hopfRingsLinkOnceWithTheStoredSign() {
    Dataset d = new HopfRings().generate(Map.of(), 1);
    var curves = d.truth().coreCurves();
    double lk = CurveMeasures.linking(curves.get(0), curves.get(1));
    assertThat(lk).isCloseTo(d.truth().linkingNumber().orElseThrow(), within(0.02));
    assertThat(d.truth().linkingNumber()).contains(-1);
  }

  @Test
  void linkedToriLinkAndTheUnlinkedVariantDoesNot() {
    for (int linked = 0; linked <= 1; linked++) {
      Dataset d = new LinkedTori().generate(Map.of("linked", (double) linked, "points", 20.0), 1);
      var curves = d.truth().coreCurves();
      double lk = CurveMeasures.linking(curves.get(0), curves.get(1));
      assertThat(lk).isCloseTo(d.truth().linkingNumber().orElseThrow(), within(0.02));
      assertThat(d.truth().linkingNumber()).contains(linked == 1 ? -1 : 0);
    }
  }

  @Test
  void naitzatD2PairsLinkAndOnlyWithinAPair() {
    Dataset d = new NaitzatD2().generate(Map.of("points", 90.0), 1);
    var curves = d.truth().coreCurves();
    assertThat(curves).hasSize(18);
    for (int k = 0; k < 9; k++) {
      double lk = CurveMeasures.linking(curves.get(2 * k), curves.get(2 * k + 1));
      assertThat(lk).isCloseTo(d.truth().linkingNumber().orElseThrow(), within(0.05));
      int other = (2 * k + 3) % 18;
      assertThat(CurveMeasures.linking(curves.get(2 * k), curves.get(other))).isCloseTo(0, within(0.05));
    }
    for (double v : d.points().toArray()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void naitzatD3ShellsAndBallsAreNested() {
    Dataset d = new NaitzatD3().generate(Map.of("points", 900.0), 4);
    double s = 5 + 0.05;
    double[][] centres = NaitzatD2.centres();
    for (int i = 0; i < d.size(); i++) {
      double[] p = d.points().row(i);
      double nearest = Double.POSITIVE_INFINITY;
      for (double[] c : centres) {
        nearest = Math.min(nearest, Math.sqrt(Math.pow(p[0] * s - c[0], 2) + Math.pow(p[1] * s - c[1], 2) + Math.pow(p[2] * s - c[2], 2)));
      }
      if (d.label(i) == 0) {
        assertThat(nearest).isBetween(0.95 - 1e-9, 1.05 + 1e-9);
      } else {
        assertThat(nearest <= 0.5 + 1e-9 || (nearest >= 1.95 - 1e-9 && nearest <= 2.05 + 1e-9)).isTrue();
      }
    }
    assertThat(d.truth().betti()).containsExactly(java.util.List.of(9, 0, 9), java.util.List.of(18, 0, 9));
  }

  @Test
  void swissRollClassesSplitAlongTheRoll() {
    Dataset d = new SwissRoll().generate(Map.of("points", 300.0), 1);
    double tEnd = SwissRoll.T_START + 3 * Math.PI;
    double mid = (SwissRoll.T_START + tEnd) / 2;
    for (int i = 0; i < d.size(); i++) {
      double[] p = d.points().row(i);
      double t = Math.hypot(p[0], p[2]) * tEnd; // radius of the roll is t / tEnd
      assertThat(d.label(i) == 0 ? t < mid : t > mid).isTrue();
      assertThat(Math.abs(p[1])).isLessThanOrEqualTo(0.5);
    }
  }
}
