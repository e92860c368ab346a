package dev.knead.experiments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import dev.knead.experiments.Claim;
import dev.knead.experiments.Protocols;
import dev.knead.experiments.SeedRow;
import dev.knead.experiments.ClaimVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hopf-link claim against hand-built networks whose effect on the link is known. */
class HopfLinkTest {
  static final Dataset DATA = Datasets.generate("hopf-rings", Map.of("points", "150"), 1);

  static Network threeThreeTwo(double scale, double shift, Activation act) {
    double[][] w = {{scale, 0, 0}, {0, scale, 0}, {0, 0, scale}};
    return new Network(List.of(new Layer(Matrix.of(w), new double[] {shift, shift, shift}, act),
        new Layer(Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}}), new double[2], Activation.IDENTITY)));
  }

  static Claim claim(SeedRow row) {
    return Protocols.impossibility("width 3 keeps the link", "hand-built", List.of(row), "certified");
  }

  @Test
  void aReluLayerThatPressesBothRingsOntoOnePointBreaksTheClaim() {
    // 3·relu(x − 0.3) per coordinate: invertible W, but every coordinate below 0.3 goes to 0, so
    // arcs of both core curves land on the same points (they touch); values reach far above 1
    SeedRow row = HopfLink.measure(1, "relu", DATA, threeThreeTwo(3, -0.9, Activation.RELU), 1.0, Activation.RELU);
    assertThat(Math.abs(row.get("lk_input"))).isBetween(0.5, 1.5);
    assertThat(row.get("lk_layer_1")).isNaN(); // undefined: the carried curves touch
    assertThat(row.get("saturated_curve_points")).isZero(); // ReLU has no asymptote to saturate against
    assertThat(row.get("certified")).isZero();
    assertThat(claim(row).verdict()).isEqualTo(ClaimVerdict.FAILS);
  }

  @Test
  void aTanhHomeomorphismKeepsTheLinkAndHolds() {
    SeedRow row = HopfLink.measure(1, "tanh", DATA, threeThreeTwo(1.5, 0.1, Activation.TANH), 1.0, Activation.TANH);
    assertThat(Math.abs(row.get("lk_layer_1"))).isBetween(0.5, 1.5);
    assertThat(row.get("certified")).isEqualTo(1);
    assertThat(claim(row).verdict()).isEqualTo(ClaimVerdict.HOLDS);
  }
}
