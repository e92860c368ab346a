package dev.knead.topology.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedCertificateTest {
  @Test
  void aNameReplacesOnlyTheLeadingClassIndex() {
    // class 1: a disk of radius 1 plus a thin wedge towards +x that reaches infinity
    Classifier f = x -> (Math.hypot(x[0], x[1]) < 1 || (x[0] > 0 && Math.abs(x[1]) < 0.02 * x[0])) ? 1 : 0;
    Certificate c = DecisionRegionCertificate.search(f, 1, new double[] {0, 0}, 1.0);
    assertThat(c.sentence()).startsWith("class 1 reaches infinity");
    Certificate named = c.named("the disk class");
    assertThat(named.sentence()).startsWith("the disk class reaches infinity").doesNotContain("class 1");
    assertThat(named.bounded()).isEqualTo(c.bounded());
    assertThat(named.angleDegrees()).isEqualTo(c.angleDegrees());
    assertThat(c.named("$1 odd \\ name").sentence()).startsWith("$1 odd \\ name reaches");
  }
}
