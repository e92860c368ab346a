package dev.knead.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Block;
import dev.knead.core.net.Coupling;
import dev.knead.core.net.Flow;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Mlp;
import dev.knead.core.net.Network;
import dev.knead.core.net.Residual;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tunnel on networks whose pull-back is known: a flow that turns the plane a quarter (the
 * pulled-back ray is a straight line through the start, its direction the RK4 matrix's inverse
 * applied to the read-out's normal), random invertible stacks (every exhibit checked by the
 * forward pass and by its radius), and networks the construction does not apply to.
 */
class TunnelTest {
  static final double[] CENTRE = {0, 0};
  static final double[][] DISK = {{0.3, 0.1}, {0, 0}, {-0.2, 0.25}, {0.1, -0.4}};

  /** f(x) ≈ ω J x: W₁ = ε I, W₂ = (ω/ε) J (tanh(εx)/ε = x to 1e-14 within the radius walked here, ~1e-10 at 150). */
  static Flow rotation(double omega) {
    final double eps = 1e-7;
    double[] p = new double[Mlp.count(2, 2, 2, true)];
    p[0] = eps;
    p[3] = eps;
    p[9] = -omega / eps;
    p[10] = omega / eps;
    return new Flow(2, 2, 8, Flow.Solver.RK4, new Mlp(2, 2, 2, true, p));
  }

  /** Class 0 where the read-out's first coordinate + bias0 beats 0. */
  static Layer readOut(double w0, double w1, double bias0) {
    return new Layer(Matrix.of(new double[][] {{w0, w1}, {0, 0}}), new double[] {bias0, 0}, Activation.IDENTITY);
  }

  @Test
  void aQuarterTurnsTunnelIsTheStraightLineThroughTheStart() {
    Network net = new Network(List.of(rotation(Math.PI / 2), readOut(1, 0, 0.2)));
    Tunnel.Finding f = Tunnel.certify(net, DISK, 0, CENTRE, 1, 1.5, Tunnel.Options.around(1.5));
    assertThat(f.outcome()).isEqualTo(Tunnel.Outcome.FOUND);
    // the innermost labelled point, the origin, is the start
    assertThat(f.start()).containsExactly(0, 0);
    // φ = M (the RK4 matrix, ≈ a quarter turn), so x(s) = x₀ + s M⁻¹ w and M⁻¹ (1, 0) points along −y
    double[][] m = rk4(Math.PI / 2, 8);
    double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    double[] dir = {m[1][1] / det, -m[1][0] / det};
    double[] x = f.exhibit();
    double across = (x[0] * dir[1] - x[1] * dir[0]) / Math.hypot(dir[0], dir[1]);
    assertThat(Math.abs(across)).isLessThan(1e-9);
    assertThat(x[0] * dir[0] + x[1] * dir[1]).isPositive();
    double r = Math.hypot(x[0], x[1]);
    assertThat(r).isBetween(1.0, 1.5);
    assertThat(Math.abs(r - 1.25)).isLessThan(1.5 / 1000);
    // the network's own forward pass: the annulus point is labelled disk
    assertThat(net.predict(x)).isZero();
    assertThat(f.exhibitMargin()).isPositive();
    assertThat(f.crossesShell()).isTrue();
    assertThat(f.reach()).isGreaterThanOrEqualTo(150);
    // samples ≤ spacing apart: crossing the 0.5-wide shell takes at least 0.5 / 0.0015 of them
    assertThat(f.shellSamples()).isGreaterThanOrEqualTo(333);
    assertThat(f.roundTrip()).isLessThan(1e-12);
  }

  static double[][] rk4(double omega, int steps) {
    double th = omega / steps;
    double a = 1 - th * th / 2 + th * th * th * th / 24;
    double b = th - th * th * th / 6;
    double[][] m = {{1, 0}, {0, 1}};
    for (int s = 0; s < steps; s++) {
      m = new double[][] {{a * m[0][0] - b * m[1][0], a * m[0][1] - b * m[1][1]}, {b * m[0][0] + a * m[1][0], b * m[0][1] + a * m[1][1]}};
    }
    return m;
  }

  /** Random invertible stacks, each with a read-out that labels the origin as class 0. */
  @Test
  void everyExhibitOfARandomInvertibleStackIsARingPointLabelledDisk() {
    for (int seed = 1; seed <= 3; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<Block> stack = new ArrayList<>();
      stack.add(new Flow(2, 2, 8, Flow.Solver.RK4, Mlp.glorot(2, 16, 2, true, 1.5, r)));
      stack.add(new Coupling(2, false, true, Mlp.glorot(1, 8, 2, false, 0.8, r)));
      stack.add(new Residual(2, Mlp.glorot(2, 8, 2, false, 2, r)));
      stack.add(new Coupling(2, true, true, Mlp.glorot(1, 8, 2, false, 0.8, r)));
      double angle = 2 * Math.PI * r.nextDouble();
      double[] y = {0, 0};
      for (Block b : stack) {
        y = b.apply(y);
      }
      double w0 = Math.cos(angle);
      double w1 = Math.sin(angle);
      List<Block> blocks = new ArrayList<>(stack);
      blocks.add(readOut(w0, w1, 0.3 - (w0 * y[0] + w1 * y[1])));
      Network net = new Network(blocks);
      Tunnel.Finding f = Tunnel.certify(net, DISK, 0, CENTRE, 1, 1.5, Tunnel.Options.around(1.5));
      assertThat(f.outcome()).as("seed %d: %s", seed, f.sentence()).isEqualTo(Tunnel.Outcome.FOUND);
      double rad = f.exhibitRadius(CENTRE);
      assertThat(rad).isBetween(1.0, 1.5);
      assertThat(net.predict(f.exhibit())).isZero();
      assertThat(f.roundTrip()).isLessThan(1e-9);
      assertThat(f.reach()).isGreaterThan(1.5);
    }
  }

  @Test
  void itDoesNotApplyToAnAugmentedFlowOrAWideLayer() {
    SplittableRandom r = new SplittableRandom(2);
    Network anode = new Network(List.of(new Flow(2, 3, 8, Flow.Solver.RK4, Mlp.glorot(3, 8, 3, true, 1, r)),
        new Initializer(Initializer.Kind.GLOROT, 0).dense(3, 2, Activation.IDENTITY, true, r)));
    Tunnel.Finding f = Tunnel.certify(anode, DISK, 0, CENTRE, 1, 1.5, Tunnel.Options.around(1.5));
    assertThat(f.outcome()).isEqualTo(Tunnel.Outcome.NOT_APPLICABLE);
    assertThat(f.sentence()).contains("ode 2→3");
    Network wide = new Network(List.of(new Initializer(Initializer.Kind.GLOROT, 0).dense(2, 3, Activation.TANH, false, r),
        new Initializer(Initializer.Kind.GLOROT, 0).dense(3, 2, Activation.IDENTITY, true, r)));
    assertThat(Tunnel.inapplicable(wide)).contains("block 1");
  }

  @Test
  void noDataLabelledTheClassIsEmpty() {
    Network net = new Network(List.of(rotation(Math.PI / 2), readOut(1, 0, -5)));
    assertThat(Tunnel.certify(net, DISK, 0, CENTRE, 1, 1.5, Tunnel.Options.around(1.5)).outcome()).isEqualTo(Tunnel.Outcome.EMPTY);
  }
}
