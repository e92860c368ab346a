package dev.knead.topology.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SphereCertificateTest {

  static final double[] ORIGIN = {0, 0, 0};
  static final double[] TOWARDS = {1 / 3.0, 2 / 3.0, 2 / 3.0};

  static double norm(double[] x) {
    return Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
  }

  static double angleToTowards(double[] x) {
    final double cos = (x[0] * TOWARDS[0] + x[1] * TOWARDS[1] + x[2] * TOWARDS[2]) / norm(x);
    return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
  }

  @Test
  void ballIsBounded() {
    final SphereCertificate c =
        DecisionRegionCertificate.searchSphere(x -> norm(x) < 0.9 ? 0 : 1, 0, ORIGIN, 0.5);
    assertThat(c.bounded()).isTrue();
    assertThat(c.boundRadius()).isEqualTo(1.0);
    assertThat(c.direction()).isEmpty();
    assertThat(c.sentence()).startsWith("class 0 stays bounded: no sphere of radius 1 or more meets it");
  }

  @Test
  void coneDirectionAndRadiusAreRecovered() {
    final Classifier ballAndCone = x -> norm(x) < 1 || angleToTowards(x) < 3 ? 0 : 1;
    final SphereCertificate c = DecisionRegionCertificate.searchSphere(ballAndCone, 0, ORIGIN, 2);
    assertThat(c.bounded()).isFalse();
    assertThat(c.direction()).containsExactly(TOWARDS, within(1e-3));
    assertThat(c.angularRadiusDegrees()).isCloseTo(3, within(0.05));
    assertThat(c.evidence()).allSatisfy(s -> assertThat(s.caps()).hasSize(1));
    assertThat(c.sentence()).isEqualTo("class 0 reaches infinity through a tunnel towards (0.33, 0.67, 0.67),"
        + " angular radius 3.0° (checked out to radius 20000)");
  }

  @Test
  void thinTubeOfConstantWidthIsFollowedOut() {
    // 0.15 wide: visible between spiral directions at the data radius, then tracked as it
    // narrows to about 4e-4° at radius 20000
    final Classifier tube = x -> {
      final double along = x[0] * TOWARDS[0] + x[1] * TOWARDS[1] + x[2] * TOWARDS[2];
      final double across = Math.sqrt(Math.max(0, norm(x) * norm(x) - along * along));
      return norm(x) < 1 || (along > 0 && across < 0.15) ? 0 : 1;
    };
    final SphereCertificate c = DecisionRegionCertificate.searchSphere(tube, 0, ORIGIN, 2);
    assertThat(c.bounded()).isFalse();
    assertThat(c.direction()).containsExactly(TOWARDS, within(1e-3));
  }

  @Test
  void halfSpaceIsAHemisphereAndOuterClassIsEverything() {
    final Classifier half = x -> x[2] > 0.5 ? 0 : 1;
    final SphereCertificate c = DecisionRegionCertificate.searchSphere(half, 0, ORIGIN, 2);
    assertThat(c.direction()).containsExactly(new double[] {0, 0, 1}, within(0.01));
    assertThat(c.angularRadiusDegrees()).isCloseTo(90, within(0.1));
    final SphereCertificate outer = DecisionRegionCertificate.searchSphere(x -> norm(x) < 1 ? 0 : 1, 1, ORIGIN, 2);
    assertThat(outer.angularRadiusDegrees()).isEqualTo(180);
    assertThat(outer.sentence()).startsWith("class 1 surrounds everything");
  }

  @Test
  void whereTheTheoremSaysUnboundedANarrowMissIsNotFoundNeverBounded() {
    // a ball plus a tube 1e-4 wide: far thinner than the spiral of directions
    final Classifier tube = x -> {
      final double along = x[0] * TOWARDS[0] + x[1] * TOWARDS[1] + x[2] * TOWARDS[2];
      final double across = Math.sqrt(Math.max(0, norm(x) * norm(x) - along * along));
      return norm(x) < 1 || (along > 0 && across < 1e-4) ? 0 : 1;
    };
    final double[][] data = {{0, 0, 0}, {0.3, 0, 0}};
    final SphereCertificate c = DecisionRegionCertificate.searchSphere(tube, 0, data, true, ORIGIN, 2,
        DecisionRegionCertificate.SphereOptions.DEFAULT);
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.NOT_FOUND);
    assertThat(c.bounded()).isFalse();
    assertThat(c.sentence()).contains("not found at this resolution");
  }

  @Test
  void noDataPointLabelledAsTheClassIsEmpty() {
    final SphereCertificate c = DecisionRegionCertificate.searchSphere(x -> 1, 0, new double[][] {{0, 0, 0}}, true,
        ORIGIN, 2, DecisionRegionCertificate.SphereOptions.DEFAULT);
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.EMPTY);
    assertThat(c.sentence()).contains("empty");
  }
}
