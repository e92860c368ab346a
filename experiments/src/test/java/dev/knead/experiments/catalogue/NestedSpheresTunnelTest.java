package dev.knead.experiments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Flow;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Mlp;
import dev.knead.core.net.Network;
import dev.knead.experiments.ClaimVerdict;
import dev.knead.experiments.Nets;
import dev.knead.experiments.Protocols;
import dev.knead.experiments.SeedRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The impossibility claims' row code on hand-built networks: a 2-D flow that turns the plane (its
 * tunnel is known: the row's ring point is checked against the network and the annulus), and an
 * augmented flow that lifts the disk out along a third axis (not invertible on the plane, its
 * disk region bounded: the claim must come out "fails").
 */
class NestedSpheresTunnelTest {
  static final Dataset DATA = Datasets.generate("nested-spheres", Map.of("dim", "2", "points", "60"), 1);

  /**
   * An augmented flow dz/dt = Σₖ tanh(β(0.75 + uₖ·x)) + tanh(β(0.75 − uₖ·x)) over six directions
   * uₖ (β = 5): about 12 in the disk, at most 6.9 on the ring and 4.1 beyond; the read-out says
   * disk where z > 9.5, a bounded region.
   */
  static Network bump() {
    final double beta = 5;
    double[] p = new double[Mlp.count(3, 12, 3, true)];
    // W₁ (12 × 3) at 0, w_t (12) at 36, b₁ (12) at 48, W₂ (3 × 12) at 60, b₂ (3) at 96
    for (int k = 0; k < 6; k++) {
      double ux = Math.cos(k * Math.PI / 6);
      double uy = Math.sin(k * Math.PI / 6);
      for (int sign = 0; sign < 2; sign++) {
        int unit = 2 * k + sign;
        double s = sign == 0 ? 1 : -1;
        p[unit * 3] = s * beta * ux;
        p[unit * 3 + 1] = s * beta * uy;
        p[48 + unit] = 0.75 * beta;
        p[60 + 2 * 12 + unit] = 1;
      }
    }
    Flow lift = new Flow(2, 3, 8, Flow.Solver.RK4, new Mlp(3, 12, 3, true, p));
    return new Network(List.of(lift, new Layer(Matrix.of(new double[][] {{0, 0, 1}, {0, 0, 0}}), new double[] {-9.5, 0},
        Activation.IDENTITY)));
  }

  /** A quarter turn of the plane (W₁ = ε I, W₂ = (ω/ε) J), read out as disk where the turned x > −0.2. */
  static Network quarterTurn() {
    final double eps = 1e-7;
    double[] p = new double[Mlp.count(2, 2, 2, true)];
    p[0] = eps;
    p[3] = eps;
    p[9] = -Math.PI / 2 / eps;
    p[10] = Math.PI / 2 / eps;
    Flow turn = new Flow(2, 2, 8, Flow.Solver.RK4, new Mlp(2, 2, 2, true, p));
    return new Network(List.of(turn, new Layer(Matrix.of(new double[][] {{1, 0}, {0, 0}}), new double[] {0.2, 0},
        Activation.IDENTITY)));
  }

  @Test
  void anAugmentedFlowThatEnclosesTheDiskRefutesTheClaim() {
    Network net = bump();
    double acc = Nets.accuracy(net, Nets.rows(DATA.points()), DATA.labels());
    assertThat(acc).isEqualTo(1.0);
    SeedRow row = NestedSpheresExperiment.row(1, NestedSpheresExperiment.ODE, net, DATA, acc, 0.5, 1, 1.5);
    assertThat(row.get("tunnel")).isNaN(); // not invertible on the plane: nothing to walk
    assertThat(row.get("dense_ring_points_inner")).isZero();
    assertThat(row.get("inner_region_unbounded")).isZero(); // the flood fill: bounded
    assertThat(row.get("certified")).isZero();
    SeedRow ok = SeedRow.of(2, NestedSpheresExperiment.ODE).put("certified", 1).build();
    assertThat(Protocols.impossibility("s", "p", List.of(ok, row), "certified").verdict()).isEqualTo(ClaimVerdict.FAILS);
  }

  @Test
  void aTurningFlowsRowExhibitsARingPointTheNetworkLabelsDisk() {
    Network net = quarterTurn();
    double acc = Nets.accuracy(net, Nets.rows(DATA.points()), DATA.labels());
    SeedRow row = NestedSpheresExperiment.row(1, NestedSpheresExperiment.ODE, net, DATA, acc, 0.5, 1, 1.5);
    assertThat(row.get("tunnel")).isEqualTo(1);
    assertThat(row.get("certified")).isEqualTo(1);
    double[] x = {row.get("tunnel_x"), row.get("tunnel_y")};
    assertThat(Math.hypot(x[0], x[1])).isBetween(1.0, 1.5).isEqualTo(row.get("tunnel_r"));
    assertThat(net.predict(x)).isZero();
    // the pulled-back ray of a quarter turn runs straight down from the start
    assertThat(x[1]).isNegative();
    assertThat(row.get("tunnel_reach")).isGreaterThanOrEqualTo(150);
  }
}
