package dev.knead.topology.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionRegionCertificateTest {

  static final double[] ORIGIN = {0, 0};

  /** n points evenly on the circle of radius r. */
  static double[][] circle(double r, int n) {
    final double[][] p = new double[n][];
    for (int i = 0; i < n; i++) {
      final double a = 2 * Math.PI * i / n;
      p[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
    }
    return p;
  }

  static double[][] disk(double r) {
    final List<double[]> p = new ArrayList<>();
    p.add(new double[] {0, 0});
    for (double rr = r / 3; rr <= r + 1e-12; rr += r / 3) {
      p.addAll(List.of(circle(rr, 12)));
    }
    return p.toArray(double[][]::new);
  }

  static Certificate certify(Classifier f, int c, double[][] data, double[] centre, double radius, boolean theorem,
      Optional<Asymptote> asymptote) {
    return DecisionRegionCertificate.certify(new DecisionRegionCertificate.Region(f, c, data, centre, radius, theorem,
        asymptote));
  }

  // --- finding 1: a width-2 tanh network whose class escapes through a wedge 0.0057° wide ---

  static final double ALPHA = 0.3;

  /**
   * 2-2-2 tanh, W₁ = [[2000, 0], [2000, 0.2]]·R(−α) (invertible), class 0 iff h₂ − h₁ &gt; 1. In
   * coordinates (p, q) rotated by α, with s = 2000p, class 0 holds iff tanh(s + 0.2q) − tanh(s) &gt; 1:
   * a wedge around the line p = −q/20000 that starts near q = 5.5 and opens at atan(0.2/2000) ≈
   * 0.0057°, towards the angle 90° + α.
   */
  static HandNet wedgeNet() {
    return HandNet.tanh(List.of(HandNet.rotated(new double[][] {{2000, 0}, {2000, 0.2}}, ALPHA),
        new double[][] {{-1, 1}, {0, 0}}), List.of(new double[] {0, 0}, new double[] {0, 1}));
  }

  static double[] pq(double p, double q) {
    return new double[] {Math.cos(ALPHA) * p - Math.sin(ALPHA) * q, Math.sin(ALPHA) * p + Math.cos(ALPHA) * q};
  }

  static double[][] wedgeData() {
    final double[][] d = new double[9][];
    for (int i = 0; i < d.length; i++) {
      final double q = 6 + 0.5 * i;
      d[i] = pq(-q / 20000, q);
    }
    return d;
  }

  @Test
  void thinWedgeOfAWidthTwoTanhNetIsFoundUnbounded() {
    final HandNet net = wedgeNet();
    // independent check of the analytic picture: the class holds along the wedge's middle line far out
    for (double q : new double[] {6, 100, 1e4, 1e6}) {
      assertThat(net.classify(pq(-q / 20000, q))).isZero();
      assertThat(net.classify(pq(-q / 20000 + 1e-3 * q, q))).isEqualTo(1);
    }
    final Certificate c = certify(net, 0, wedgeData(), pq(0, 8), 3, true, net.asymptote());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.UNBOUNDED);
    assertThat(c.angleDegrees()).isCloseTo(90 + Math.toDegrees(ALPHA), within(0.01));
    assertThat(c.widthDegrees()).isBetween(0.001, Math.toDegrees(Math.atan(0.2 / 2000)) * 1.01);
    // the route is a chain of points of the class, from a data point out to at least the outermost circle
    assertThat(c.route()).allSatisfy(p -> assertThat(net.classify(new double[] {p.x(), p.y()})).isZero());
    assertThat(Math.hypot(c.route().get(c.route().size() - 1).x() - pq(0, 8)[0],
        c.route().get(c.route().size() - 1).y() - pq(0, 8)[1])).isGreaterThanOrEqualTo(3e4);
    assertThat(c.sentence()).contains("limit at infinity");
  }

  @Test
  void withoutTheLimitAtInfinityTheWedgeIsNotFoundNeverBounded() {
    final HandNet net = wedgeNet();
    final Certificate c = certify(net, 0, wedgeData(), pq(0, 8), 3, true, Optional.empty());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.NOT_FOUND);
    assertThat(c.bounded()).isFalse();
    assertThat(c.sentence()).contains("not found at this resolution").doesNotContain("bounded piece");
  }

  /**
   * 2-2-2-2 tanh with invertible weights: h = tanh(R(−α)x), then g = tanh(K(h₁ − 0.3)), tanh(K(0.3001 − h₁) +
   * 0.01 h₂) with K = 10⁵, class 0 iff g₁ + g₂ &gt; 1.9. Class 0 is (up to the steepness) the strip
   * atanh 0.3 &lt; p &lt; atanh 0.3001 in the rotated coordinate p: about 1.1·10⁻⁴ wide, running to
   * infinity both ways along 90° + α and 270° + α — on the circle of radius 1 it is 0.0063° wide.
   */
  static HandNet stripNet() {
    final double k = 1e5;
    return HandNet.tanh(List.of(HandNet.rotated(new double[][] {{1, 0}, {0, 1}}, ALPHA),
        new double[][] {{k, 0}, {-k, 0.01}}, new double[][] {{1, 1}, {0, 0}}),
        List.of(new double[] {0, 0}, new double[] {-0.3 * k, 0.3001 * k}, new double[] {0, 1.9}));
  }

  @Test
  void stripOfConstantWidthIsFoundFromTheLimitAtInfinity() {
    final HandNet net = stripNet();
    final double p = (atanh(0.3) + atanh(0.3001)) / 2;
    // independent check: the strip's middle line is class 0 near and far, a little beside it is not
    for (double q : new double[] {-1e6, -3, 0, 2, 1e4, 1e6}) {
      assertThat(net.classify(pq(p, q))).isZero();
      assertThat(net.classify(pq(p + 2e-4, q))).isEqualTo(1);
      assertThat(net.classify(pq(p - 2e-4, q))).isEqualTo(1);
    }
    final double[][] data = {pq(p, -0.5), pq(p, 0), pq(p, 0.5)};
    final Certificate c = certify(net, 0, data, ORIGIN, 1, true, net.asymptote());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.UNBOUNDED);
    final double along = (c.angleDegrees() - Math.toDegrees(ALPHA) + 360) % 180;
    assertThat(along).isCloseTo(90, within(0.01));
    assertThat(c.route()).allSatisfy(x -> assertThat(net.classify(new double[] {x.x(), x.y()})).isZero());
    assertThat(certify(net, 0, data, ORIGIN, 1, true, Optional.empty()).outcome())
        .isEqualTo(Certificate.Outcome.NOT_FOUND);
  }

  static double atanh(double v) {
    return 0.5 * Math.log((1 + v) / (1 - v));
  }

  @Test
  void aStripThinnerThanTheGridIsNotFoundWhenTheTheoremSaysUnbounded() {
    // a disk with a strip 1e-5 wide along 37.123°: no sampling at this resolution sees it
    final double ux = Math.cos(Math.toRadians(37.123));
    final double uy = Math.sin(Math.toRadians(37.123));
    final Classifier f = x -> Math.hypot(x[0], x[1]) < 0.5
        || (x[0] * ux + x[1] * uy > 0 && Math.abs(-x[0] * uy + x[1] * ux) < 5e-6) ? 0 : 1;
    assertThat(certify(f, 0, disk(0.3), ORIGIN, 1, true, Optional.empty()).outcome())
        .isEqualTo(Certificate.Outcome.NOT_FOUND);
  }

  // --- finding 2: the data's piece, not the class region as a whole ---

  @Test
  void boundedDataPieceIsBoundedAndTheFarPieceIsDescribedSeparately() {
    // class 0: the disk r < 0.47 (with the data) and everything beyond r = 2.35 (no data)
    final Classifier f = x -> {
      final double r = Math.hypot(x[0], x[1]);
      return r < 0.47 || r > 2.35 ? 0 : 1;
    };
    final Certificate c = certify(f, 0, disk(0.33), ORIGIN, 1, false, Optional.empty());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.BOUNDED);
    assertThat(c.reach()).isBetween(0.47, 0.47 + 2 * c.resolution());
    assertThat(c.resolution()).isLessThan(0.01);
    assertThat(c.otherPieces()).contains("meet the circle of radius 10000 in 1 arc");
    assertThat(c.sentence()).startsWith("class 0's data lies in a bounded piece").doesNotContain("reaches infinity");
  }

  @Test
  void sinNetworkThatEnclosesTheDiskIsBoundedNotHundredsOfTunnels() {
    // 2-2-2 with σ = sin: h = (cos 2x, cos 2y), class 0 iff h₁ + h₂ > 1.5. The piece at the origin
    // reaches r = π/6 on the axes (cos 2x = 0.5) and less elsewhere; its copies repeat every π.
    final HandNet net = new HandNet(List.of(new double[][] {{2, 0}, {0, 2}}, new double[][] {{1, 1}, {0, 0}}),
        List.of(new double[] {Math.PI / 2, Math.PI / 2}, new double[] {-1.5, 0}), Math::sin, -1, 1);
    final Certificate c = certify(net, 0, disk(1 / 3.0), ORIGIN, 1, false, Optional.empty());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.BOUNDED);
    assertThat(c.reach()).isBetween(Math.PI / 6, Math.PI / 6 + 2 * c.resolution());
    assertThat(c.sentence()).doesNotContain("tunnel").doesNotContain("reaches infinity");
    assertThat(c.evidence().get(c.evidence().size() - 1).arcs().size()).isGreaterThan(100);
    // brute force: a dense grid of the square around the data holds no class-0 point between the piece and the edge
    for (int i = -300; i <= 300; i++) {
      for (int j = -300; j <= 300; j++) {
        final double[] x = {1.1 * i / 300, 1.1 * j / 300};
        if (Math.hypot(x[0], x[1]) > c.reach()) {
          assertThat(net.classify(x)).isEqualTo(1);
        }
      }
    }
  }

  // --- finding 3: an empty region ---

  @Test
  void widthTwoReluNetWithNoRegionIsEmpty() {
    // logits (−1 − relu(x) − relu(y), 0): class 0 never wins
    final HandNet net = new HandNet(List.of(new double[][] {{1, 0}, {0, 1}}, new double[][] {{-1, -1}, {0, 0}}),
        List.of(new double[] {0, 0}, new double[] {-1, 0}), z -> Math.max(0, z), 0, Double.POSITIVE_INFINITY);
    final Certificate c = certify(net, 0, disk(0.33), ORIGIN, 1, true, Optional.empty());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.EMPTY);
    assertThat(c.bounded()).isFalse();
    assertThat(c.sentence()).contains("empty").contains("no circle checked meets the class region");
  }

  // --- a bounded region where no theorem forbids it: width 3 ---

  @Test
  void widthThreeTriangleIsBoundedAtTheAnalyticReach() {
    // three tanh units at 90°, 210°, 330°: class 0 iff Σ tanh(50 u_k·x − 25) < −2, i.e. (up to the
    // steepness) every u_k·x < 0.5: a triangle with vertices at distance 1
    final double[][] w = new double[3][];
    for (int k = 0; k < 3; k++) {
      final double a = Math.toRadians(90 + 120 * k);
      w[k] = new double[] {50 * Math.cos(a), 50 * Math.sin(a)};
    }
    final HandNet net = HandNet.tanh(List.of(w, new double[][] {{-1, -1, -1}, {0, 0, 0}}),
        List.of(new double[] {-25, -25, -25}, new double[] {-2, 0}));
    final Certificate c = certify(net, 0, disk(0.3), ORIGIN, 1.2, false, net.asymptote());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.BOUNDED);
    // towards a vertex two units agree: 2 tanh(25t − 25) − 1 < −2 ⇔ t < 1 − atanh(0.5)/25
    final double vertex = 1 - 0.5 * Math.log(3) / 25;
    assertThat(c.reach()).isBetween(vertex, vertex + 2 * c.resolution());
    assertThat(c.evidence().get(c.evidence().size() - 1).arcs()).isEmpty();
  }

  // --- the ordinary case: a tunnel of a width-2 network, and the outer class ---

  @Test
  void sectorTunnelIsFollowedFromTheDataAndMatchesTheLimit() {
    // class 0 iff h₁ + h₂ > 1.2 with h = tanh(2x), tanh(2y): near the origin a region around the quadrant corner
    // direction 45°, reaching infinity through the quadrant x, y > 0 (both units saturate to 1 there)
    final HandNet net = HandNet.tanh(List.of(new double[][] {{2, 0}, {0, 2}}, new double[][] {{1, 1}, {0, 0}}),
        List.of(new double[] {0.9, 0.9}, new double[] {0, 1.2}));
    final double[][] data = {{0.2, 0.2}, {0.1, 0.3}, {0.3, 0.1}};
    final Certificate c = certify(net, 0, data, ORIGIN, 1, true, net.asymptote());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.UNBOUNDED);
    assertThat(c.sentence()).contains("followed from the data out to radius 10000");
    final double a = Math.toRadians(c.angleDegrees());
    assertThat(net.asymptote().orElseThrow().limitClass(new double[] {Math.cos(a), Math.sin(a)})).isZero();
    assertThat(c.angleDegrees()).isCloseTo(45, within(1.0));
    assertThat(c.widthDegrees()).isCloseTo(90, within(1.0));
  }

  @Test
  void outerClassSurroundsEverything() {
    final Classifier f = x -> Math.hypot(x[0], x[1]) < 0.5 ? 0 : 1;
    final Certificate c = certify(f, 1, circle(0.8, 16), ORIGIN, 1, false, Optional.empty());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.UNBOUNDED);
    assertThat(c.widthDegrees()).isEqualTo(360);
    assertThat(c.sentence()).contains("surrounds everything");
  }

  @Test
  void outerClassAroundATunnelIsNotWholeCircles() {
    // class 0: the disk r < 0.4 and a wedge 6° wide at 217°; class 1 (the ring's) is everything else
    final Classifier f = x -> {
      final double a = (Math.toDegrees(Math.atan2(x[1], x[0])) + 360) % 360;
      return Math.hypot(x[0], x[1]) < 0.4 || Math.abs(a - 217) < 3 ? 0 : 1;
    };
    final Certificate c = certify(f, 1, circle(0.8, 16), ORIGIN, 1, true, Optional.empty());
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.UNBOUNDED);
    assertThat(c.widthDegrees()).isCloseTo(354, within(1e-3));
    assertThat(c.angleDegrees()).isCloseTo(37, within(1e-3));
  }

  @Test
  void namedReplacesTheClassIndex() {
    final Classifier f = x -> Math.hypot(x[0], x[1]) < 0.5 ? 0 : 1;
    final Certificate c = certify(f, 0, disk(0.3), ORIGIN, 1, false, Optional.empty()).named("the disk class");
    assertThat(c.sentence()).startsWith("the disk class's data lies in a bounded piece").doesNotContain("class 0");
    assertThat(c.named("$1 odd \\ name").sentence()).startsWith("the disk class");
  }
}
