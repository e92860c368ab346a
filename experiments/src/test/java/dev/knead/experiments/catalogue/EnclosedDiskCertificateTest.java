package dev.knead.experiments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.experiments.Protocols;
import dev.knead.experiments.SeedRow;
import dev.knead.experiments.ClaimVerdict;
import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.certificate.DecisionRegionCertificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnclosedDiskCertificateTest {

  /** The disk of radius 0.5 plus a strip 1e-5 wide along 37.123°: thinner than the search resolves. */
  static Certificate thinStrip(boolean theorem) {
    double ux = Math.cos(Math.toRadians(37.123));
    double uy = Math.sin(Math.toRadians(37.123));
    double[][] data = {{0, 0}, {0.2, 0}, {0, 0.2}, {-0.2, 0}, {0, -0.2}};
    return DecisionRegionCertificate.certify(new DecisionRegionCertificate.Region(
        x -> Math.hypot(x[0], x[1]) < 0.5 || (x[0] * ux + x[1] * uy > 0 && Math.abs(-x[0] * uy + x[1] * ux) < 5e-6) ? 0 : 1,
        0, data, new double[] {0, 0}, 1, theorem, Optional.empty()));
  }

  @Test
  void notFoundLeavesTheImpossibilityUndecidedNotHeld() {
    Certificate c = thinStrip(true);
    assertThat(c.outcome()).isEqualTo(Certificate.Outcome.NOT_FOUND);
    assertThat(EnclosedDisk.unbounded(c)).isNaN();
    assertThat(EnclosedDisk.certified(c, 5)).isNaN();
    SeedRow ok = SeedRow.of(1, "width 2").put("certified", 1.0).build();
    SeedRow undecided = SeedRow.of(2, "width 2").put("certified", EnclosedDisk.certified(c, 5)).build();
    assertThat(Protocols.impossibility("s", "p", List.of(ok, undecided), "certified").verdict())
        .isEqualTo(ClaimVerdict.INCONCLUSIVE);
  }

  @Test
  void aBoundedDataPieceRefutesAndAnEmptyOneCertifies() {
    Certificate bounded = thinStrip(false); // no theorem: the flood fill's answer stands, at its resolution
    assertThat(bounded.outcome()).isEqualTo(Certificate.Outcome.BOUNDED);
    assertThat(EnclosedDisk.unbounded(bounded)).isZero();
    assertThat(EnclosedDisk.certified(bounded, 5)).isZero();
    Certificate empty = DecisionRegionCertificate.certify(new DecisionRegionCertificate.Region(x -> 1, 0,
        new double[][] {{0, 0}}, new double[] {0, 0}, 1, true, Optional.empty()));
    assertThat(empty.outcome()).isEqualTo(Certificate.Outcome.EMPTY);
    assertThat(EnclosedDisk.certified(empty, 0)).isEqualTo(1);
  }
}
