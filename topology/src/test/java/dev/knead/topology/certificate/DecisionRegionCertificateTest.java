package dev.knead.topology.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionRegionCertificateTest {

  static final double[] ORIGIN = {0, 0};

  static double angleDegrees(double[] x) {
    final double a = Math.toDegrees(Math.atan2(x[1], x[0]));
    return a < 0 ? a + 360 : a;
  }

  static Classifier disk(double radius) {
    return x -> Math.hypot(x[0], x[1]) < radius ? 0 : 1;
  }

  /** The disk plus a wedge of the given angular width centred on {@code at} degrees. */
  static Classifier diskAndWedge(double at, double width) {
    return x -> {
      final double gap = Math.abs(angleDegrees(x) - at);
      return Math.hypot(x[0], x[1]) < 1 || Math.min(gap, 360 - gap) < width / 2 ? 0 : 1;
    };
  }

  @Test
  void diskIsBounded() {
    final Certificate c = DecisionRegionCertificate.search(disk(0.9), 0, ORIGIN, 0.5);
    assertThat(c.bounded()).isTrue();
    assertThat(c.boundRadius()).isEqualTo(1.0);
    assertThat(c.evidence().get(0).arcs()).singleElement()
        .satisfies(a -> assertThat(a.widthDegrees()).isEqualTo(360));
    assertThat(c.maxRadiusChecked()).isEqualTo(5000);
    assertThat(c.sentence()).isEqualTo("class 0 stays bounded: no circle of radius 1 or more meets it"
        + " (checked out to radius 5000)");
    assertThat(c.angleDegrees()).isNaN();
  }

  @ParameterizedTest
  @ValueSource(doubles = {37.2, 0.1, 181, 359.7})
  void wedgeAngleAndWidthAreRecovered(double at) {
    final Certificate c = DecisionRegionCertificate.search(diskAndWedge(at, 0.8), 0, ORIGIN, 2);
    assertThat(c.bounded()).isFalse();
    assertThat(c.angleDegrees()).isCloseTo(at, within(1e-6));
    assertThat(c.widthDegrees()).isCloseTo(0.8, within(1e-6));
    assertThat(c.arcLengthAtDataRadius()).isCloseTo(Math.toRadians(0.8) * 2, within(1e-6));
    assertThat(c.evidence()).allSatisfy(r -> assertThat(r.arcs()).hasSize(1));
  }

  @Test
  void sentenceNamesAngleWidthAndReach() {
    final Certificate c = DecisionRegionCertificate.search(diskAndWedge(37.2, 0.8), 0, ORIGIN, 0.1);
    assertThat(c.sentence())
        .isEqualTo("class 0 reaches infinity through a tunnel at angle 37.2°, width 0.8° (checked out to radius 1000)");
  }

  @Test
  void thinStripOfConstantWidthIsFollowedOut() {
    // a strip 0.05 wide along the ray at 200°: its angular width shrinks like 1/r
    final double ux = Math.cos(Math.toRadians(200));
    final double uy = Math.sin(Math.toRadians(200));
    final Classifier strip = x -> {
      final double along = x[0] * ux + x[1] * uy;
      final double across = Math.abs(-x[0] * uy + x[1] * ux);
      return Math.hypot(x[0], x[1]) < 1 || (along > 0 && across < 0.025) ? 0 : 1;
    };
    final Certificate c = DecisionRegionCertificate.search(strip, 0, ORIGIN, 2);
    assertThat(c.bounded()).isFalse();
    assertThat(c.angleDegrees()).isCloseTo(200, within(1e-6));
    assertThat(Math.toRadians(c.widthDegrees()) * c.maxRadiusChecked()).isCloseTo(0.05, within(1e-4));
  }

  @Test
  void halfPlaneIsHalfOfEveryCircle() {
    final double nx = Math.cos(Math.toRadians(120));
    final double ny = Math.sin(Math.toRadians(120));
    final Certificate c = DecisionRegionCertificate.search(x -> x[0] * nx + x[1] * ny > 1 ? 3 : 1, 3, ORIGIN, 2);
    assertThat(c.bounded()).isFalse();
    assertThat(c.angleDegrees()).isCloseTo(120, within(1e-6));
    assertThat(c.widthDegrees()).isCloseTo(180, within(0.01));
    assertThat(c.evidence().get(0).arcs().get(0).widthDegrees()).isCloseTo(120, within(1e-6));
  }

  @Test
  void outerClassCoversWholeCircles() {
    final Certificate c = DecisionRegionCertificate.search(disk(1), 1, ORIGIN, 2);
    assertThat(c.bounded()).isFalse();
    assertThat(c.widthDegrees()).isEqualTo(360);
    assertThat(c.sentence()).startsWith("class 1 surrounds everything");
  }
}
