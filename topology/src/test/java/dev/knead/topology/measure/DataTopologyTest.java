package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * What the points alone say, against shapes whose topology is known by construction: the
 * loops, enclosures and links are built here, and linking numbers are checked against the
 * Gauss integral of the exact curves the points were sampled around.
 */
class DataTopologyTest {
  static final DataTopology.Options OPT = DataTopology.Options.DEFAULT;

  /** n points uniform in the annulus r1 < r < r2 (uniform in area), class y. */
  static void annulus(List<double[]> pts, List<Integer> y, int label, int n, double r1, double r2, SplittableRandom rng) {
    for (int i = 0; i < n; i++) {
      double r = Math.sqrt(r1 * r1 + (r2 * r2 - r1 * r1) * rng.nextDouble());
      double a = 2 * Math.PI * rng.nextDouble();
      pts.add(new double[] {r * Math.cos(a), r * Math.sin(a)});
      y.add(label);
    }
  }

  /** n points in a tube of radius rho around the closed curve c(t), t in [0, 2π). */
  static void tube(List<double[]> pts, List<Integer> y, int label, int n, double rho, DoubleFunction<double[]> c,
      SplittableRandom rng) {
    for (int i = 0; i < n; i++) {
      double[] p = c.apply(2 * Math.PI * rng.nextDouble());
      double[] q = new double[3];
      double len;
      do {
        for (int k = 0; k < 3; k++) q[k] = 2 * rng.nextDouble() - 1;
        len = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
      } while (len > 1 || len == 0);
      pts.add(new double[] {p[0] + rho * q[0], p[1] + rho * q[1], p[2] + rho * q[2]});
      y.add(label);
    }
  }

  static double[][] polygon(DoubleFunction<double[]> c, int m) {
    double[][] p = new double[m][];
    for (int i = 0; i < m; i++) p[i] = c.apply(2 * Math.PI * i / m);
    return p;
  }

  static DataTopology infer(List<double[]> pts, List<Integer> y, int k) {
    return DataTopology.infer(pts.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray(), k, OPT);
  }

  @Test
  void aRingsCoreCurveIsAClosedLoopWindingOnceAroundTheCentre() {
    List<double[]> pts = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 300; i++) {
      double a = 2 * Math.PI * rng.nextDouble();
      pts.add(new double[] {3 + Math.cos(a) + 0.03 * rng.nextGaussian(), -2 + Math.sin(a) + 0.03 * rng.nextGaussian()});
      y.add(0);
    }
    DataTopology t = infer(pts, y, 1);
    DataTopology.ClassShape s = t.classes().get(0);
    assertThat(s.betti()).containsExactly(1, 1);
    assertThat(s.from()).isLessThan(s.scale());
    assertThat(s.to()).isGreaterThan(1.5); // a circle of radius 1 fills in at √3
    assertThat(s.curves()).hasSize(1);
    double[][] loop = s.curves().get(0).vertices();
    assertThat(loop.length).isGreaterThan(10);
    // each step no longer than the bar's birth: the polygon is a loop through the points
    for (int i = 0; i < loop.length; i++) {
      double[] a = loop[i];
      double[] b = loop[(i + 1) % loop.length];
      assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).isLessThanOrEqualTo(s.curves().get(0).birth() * (1 + 1e-6));
    }
    // winding around the centre by summing angles directly (not through Winding)
    double total = 0;
    for (int i = 0; i < loop.length; i++) {
      double a0 = Math.atan2(loop[i][1] + 2, loop[i][0] - 3);
      double a1 = Math.atan2(loop[(i + 1) % loop.length][1] + 2, loop[(i + 1) % loop.length][0] - 3);
      double da = a1 - a0;
      if (da > Math.PI) da -= 2 * Math.PI;
      if (da < -Math.PI) da += 2 * Math.PI;
      total += da;
    }
    assertThat(Math.abs(total / (2 * Math.PI))).isCloseTo(1, within(1e-9));
  }

  @Test
  void aDiskInsideARingIsEnclosedAndTheRingIsNot() {
    List<double[]> pts = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(2);
    annulus(pts, y, 0, 250, 0, 1.0 / 3, rng);
    annulus(pts, y, 1, 250, 2.0 / 3, 1, rng);
    DataTopology t = infer(pts, y, 2);
    assertThat(t.classes().get(0).betti()).containsExactly(1, 0);
    assertThat(t.classes().get(1).betti()).containsExactly(1, 1);
    assertThat(t.enclosedClasses()).containsExactly(0);
    DataTopology.Enclosure e = t.enclosures().get(0);
    assertThat(e.outer()).isEqualTo(1);
    assertThat(e.how()).isEqualTo(DataTopology.How.LOOP);
    assertThat(e.to()).isGreaterThan(0.3); // the true gap is 1/3
    assertThat(e.from()).isLessThan(e.to());
    assertThat(t.links()).isEmpty();
  }

  @Test
  void aDiskBesideARingIsNotEnclosed() {
    List<double[]> pts = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(3);
    annulus(pts, y, 1, 250, 2.0 / 3, 1, rng);
    for (int i = 0; i < 250; i++) { // the same disk, moved out to (3, 0)
      double r = Math.sqrt(rng.nextDouble()) / 3;
      double a = 2 * Math.PI * rng.nextDouble();
      pts.add(new double[] {3 + r * Math.cos(a), r * Math.sin(a)});
      y.add(0);
    }
    DataTopology t = infer(pts, y, 2);
    assertThat(t.classes().get(1).betti()).containsExactly(1, 1);
    assertThat(t.enclosures()).isEmpty();
  }

  static DoubleFunction<double[]> circleXY() {
    return s -> new double[] {Math.cos(s), Math.sin(s), 0};
  }

  static DoubleFunction<double[]> circleXZ(double cx) {
    return s -> new double[] {cx + Math.cos(s), 0, Math.sin(s)};
  }

  @Test
  void hopfLinkedTubesHaveTheGaussIntegralsLinkingNumberAndUnlinkedOnesZero() {
    for (double shift : new double[] {1, 3}) { // 1: B passes through A's disk; 3: B beside A
      List<double[]> pts = new ArrayList<>();
      List<Integer> y = new ArrayList<>();
      SplittableRandom rng = new SplittableRandom(4);
      tube(pts, y, 0, 400, 0.1, circleXY(), rng);
      tube(pts, y, 1, 400, 0.1, circleXZ(shift), rng);
      double oracle = Linking.number(polygon(circleXY(), 400), polygon(circleXZ(shift), 400));
      DataTopology t = infer(pts, y, 2);
      assertThat(t.classes().get(0).betti(1)).as("β1 of ring A").isEqualTo(1);
      assertThat(t.classes().get(1).betti(1)).as("β1 of ring B").isEqualTo(1);
      assertThat(t.linkingNumber()).as("shift " + shift).hasValue((int) Math.abs(Math.round(oracle)));
      // the signed number of the loops found is ±(the Gauss integral of the exact circles)
      assertThat(Math.abs(t.links().get(0).gauss())).isCloseTo(Math.abs(oracle), within(1e-6));
      assertThat(Math.abs(Math.round(oracle))).isEqualTo(shift == 1 ? 1 : 0);
      // the sign follows the loops' orientation, which the cycle finder chooses; |lk| does not
      assertThat(t.links().get(0).distance()).isGreaterThan(0.3);
    }
  }

  @Test
  void aTorusLinkOfTypeTwoFourHasLinkingNumberTwo() {
    double big = 2;
    double small = 0.8;
    DoubleFunction<double[]> c0 = s -> torusPoint(big, small, s, 2 * s);
    DoubleFunction<double[]> c1 = s -> torusPoint(big, small, s, 2 * s + Math.PI);
    double oracle = Linking.number(polygon(c0, 600), polygon(c1, 600));
    assertThat(Math.abs(oracle)).isCloseTo(2, within(1e-6));
    List<double[]> pts = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(5);
    tube(pts, y, 0, 400, 0.08, c0, rng);
    tube(pts, y, 1, 400, 0.08, c1, rng);
    DataTopology t = infer(pts, y, 2);
    assertThat(t.linkingNumber()).isPresent();
    assertThat(t.linkingNumber().get()).isEqualTo(2);
  }

  static double[] torusPoint(double big, double small, double around, double through) {
    double r = big + small * Math.cos(through);
    return new double[] {r * Math.cos(around), r * Math.sin(around), small * Math.sin(through)};
  }

  @Test
  void aBallInsideAClosedShellIsEnclosedAndOneOutsideIsNot() {
    for (double cx : new double[] {0, 4}) {
      List<double[]> pts = new ArrayList<>();
      List<Integer> y = new ArrayList<>();
      SplittableRandom rng = new SplittableRandom(6);
      for (int i = 0; i < 200; i++) {
        double[] u = sphere(rng);
        double r = 0.3 * Math.cbrt(rng.nextDouble());
        pts.add(new double[] {cx + r * u[0], r * u[1], r * u[2]});
        y.add(0);
      }
      for (int i = 0; i < 400; i++) {
        double[] u = sphere(rng);
        double r = 1 + 0.05 * rng.nextDouble();
        pts.add(new double[] {r * u[0], r * u[1], r * u[2]});
        y.add(1);
      }
      DataTopology t = infer(pts, y, 2);
      assertThat(t.classes().get(1).betti(2)).as("the shell's cavity").isEqualTo(1);
      if (cx == 0) {
        assertThat(t.enclosedClasses()).containsExactly(0);
        assertThat(t.enclosures().get(0).how()).isEqualTo(DataTopology.How.SHELL);
        assertThat(t.enclosures().get(0).to()).isGreaterThan(0.6); // the gap is at least 0.7 minus sampling
      } else {
        assertThat(t.enclosures()).isEmpty();
      }
    }
  }

  static double[] sphere(SplittableRandom rng) {
    double[] u = new double[3];
    double len;
    do {
      for (int k = 0; k < 3; k++) u[k] = rng.nextGaussian();
      len = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    } while (len == 0);
    for (int k = 0; k < 3; k++) u[k] /= len;
    return u;
  }

  @Test
  void segmentDistanceMatchesABruteForceGrid() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      double[][] s = new double[4][3];
      for (double[] p : s) for (int k = 0; k < 3; k++) p[k] = rng.nextDouble() * 2 - 1;
      if (trial % 4 == 0) s[3] = new double[] {s[2][0] + 0.3 * (s[1][0] - s[0][0]), s[2][1] + 0.3 * (s[1][1] - s[0][1]),
          s[2][2] + 0.3 * (s[1][2] - s[0][2])}; // parallel
      double brute = Double.POSITIVE_INFINITY;
      for (int i = 0; i <= 400; i++) {
        for (int j = 0; j <= 400; j++) {
          double sum = 0;
          for (int k = 0; k < 3; k++) {
            double x = s[0][k] + i / 400.0 * (s[1][k] - s[0][k]) - s[2][k] - j / 400.0 * (s[3][k] - s[2][k]);
            sum += x * x;
          }
          brute = Math.min(brute, Math.sqrt(sum));
        }
      }
      double exact = Polygons.segments(s[0], s[1], s[2], s[3]);
      assertThat(exact).isLessThanOrEqualTo(brute + 1e-12);
      assertThat(exact).isGreaterThan(brute - 0.02);
    }
  }

  @Test
  void degenerateClassesGiveAnswersNotErrors() {
    double[][] pts = {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 1}, {5, 5}, {5, 6}};
    int[] y = {0, 0, 0, 0, 1, 2, 2};
    DataTopology t = DataTopology.infer(pts, y, 4, OPT); // class 3 has no points
    assertThat(t.classes().get(0).betti()).containsExactly(1, 0); // four copies of one point
    assertThat(t.classes().get(1).betti()).containsExactly(1, 0);
    assertThat(t.classes().get(2).betti()).containsExactly(2, 0);
    assertThat(t.classes().get(3).betti()).containsExactly(0, 0);
    assertThat(t.enclosures()).isEmpty();
  }
}
