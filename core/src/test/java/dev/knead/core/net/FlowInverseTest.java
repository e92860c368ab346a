package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The flow's inverse against two independent answers: a linear field whose discrete RK4 map is a
 * known matrix (so the inverse is that matrix's inverse), and round trips through the forward
 * pass on a random field strong enough to fold a fixed-step solve visibly away from the identity.
 */
class FlowInverseTest {
  static final double EPS = 1e-7;

  /** f(x) ≈ ω J x (J a quarter turn): W₁ = ε I, W₂ = (ω/ε) J, tanh(ε x)/ε = x to ε²x²/3 ≈ 1e-14 here. */
  static Flow rotation(double omega, int steps) {
    double[] p = new double[Mlp.count(2, 2, 2, true)];
    // W₁ (2 × 2), w_t (2), b₁ (2), W₂ (2 × 2), b₂ (2)
    p[0] = EPS;
    p[3] = EPS;
    p[8 + 1] = -omega / EPS; // row 0 of W₂: (0, −ω/ε)
    p[8 + 2] = omega / EPS; // row 1: (ω/ε, 0)
    return new Flow(2, 2, steps, Flow.Solver.RK4, new Mlp(2, 2, 2, true, p));
  }

  /** RK4's step for x' = ωJx is a I + b J (J² = −I); the solve is its power. */
  static double[][] rk4Matrix(double omega, int steps) {
    double th = omega / steps;
    double a = 1 - th * th / 2 + th * th * th * th / 24;
    double b = th - th * th * th / 6;
    double[][] m = {{1, 0}, {0, 1}};
    for (int s = 0; s < steps; s++) {
      m = new double[][] {{a * m[0][0] - b * m[1][0], a * m[0][1] - b * m[1][1]}, {b * m[0][0] + a * m[1][0], b * m[0][1] + a * m[1][1]}};
    }
    return m;
  }

  @Test
  void theRotationsInverseIsTheRk4MatrixInverse() {
    double omega = Math.PI / 2;
    Flow f = rotation(omega, 8);
    double[][] m = rk4Matrix(omega, 8);
    double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    double[] y = {0.3, -1.2, 2.5, 0.7, -40, 55};
    double[] x = f.inverse(y, 3);
    for (int i = 0; i < 3; i++) {
      double ex = (m[1][1] * y[2 * i] - m[0][1] * y[2 * i + 1]) / det;
      double ey = (-m[1][0] * y[2 * i] + m[0][0] * y[2 * i + 1]) / det;
      double scale = Math.max(1, Math.hypot(y[2 * i], y[2 * i + 1]));
      assertThat(Math.abs(x[2 * i] - ex)).isLessThan(1e-9 * scale);
      assertThat(Math.abs(x[2 * i + 1] - ey)).isLessThan(1e-9 * scale);
    }
    // and it is (nearly) the quarter turn back: RK4's error over eight steps is small
    double[] back = f.inverse(new double[] {1, 0}, 1);
    assertThat(back[0]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(back[1]).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void roundTripsThroughTheForwardPassToRounding() {
    SplittableRandom r = new SplittableRandom(3);
    // a strong field (last layer scale 2): the map is far from the identity
    Flow f = new Flow(2, 2, 8, Flow.Solver.RK4, Mlp.glorot(2, 16, 2, true, 2, r));
    final int n = 200;
    double[] x = new double[2 * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (2 * r.nextDouble() - 1) * 3;
    }
    double[] y = f.forward(x, n).output();
    double moved = 0;
    for (int i = 0; i < x.length; i++) {
      moved = Math.max(moved, Math.abs(y[i] - x[i]));
    }
    assertThat(moved).isGreaterThan(0.5);
    double[] back = f.inverse(y, n);
    double[] again = f.forward(back, n).output();
    for (int i = 0; i < x.length; i++) {
      assertThat(Math.abs(back[i] - x[i])).isLessThan(1e-9);
      assertThat(Math.abs(again[i] - y[i])).isLessThan(1e-12);
    }
  }

  @Test
  void theAdaptiveFlowRunsBackwardsToItsTolerance() {
    SplittableRandom r = new SplittableRandom(4);
    Flow f = new Flow(2, 2, 8, Flow.Solver.DOPRI, Mlp.glorot(2, 16, 2, true, 1, r));
    double[] x = {0.4, -0.3, 1.1, 0.9};
    double[] back = f.inverse(f.forward(x, 2).output(), 2);
    for (int i = 0; i < x.length; i++) {
      assertThat(Math.abs(back[i] - x[i])).isLessThan(1e-4);
    }
  }

  @Test
  void anAugmentedFlowHasNoInverse() {
    Flow f = new Flow(2, 3, 8, Flow.Solver.RK4, Mlp.glorot(3, 4, 3, true, 1, new SplittableRandom(1)));
    assertThatThrownBy(() -> f.inverse(new double[3], 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theToleranceIsKeptThroughTraining() {
    SplittableRandom r = new SplittableRandom(5);
    Flow f = new Flow(2, 2, 8, Flow.Solver.DOPRI, Mlp.glorot(2, 4, 2, true, 1, r)).withTolerance(1e-3);
    double[] p = new double[f.parameterCount()];
    f.copyParameters(p, 0);
    assertThat(f.withParameters(p, 0).tolerance()).isEqualTo(1e-3);
    assertThat(f.withParameters(p, 0)).isEqualTo(f);
    assertThat(f.withTolerance(1e-6)).isNotEqualTo(f);
    // a looser tolerance takes fewer evaluations on the same field
    double[] x = {0.4, -0.3, 1.1, 0.9};
    assertThat(f.forward(x, 2).evaluations()).isLessThan(f.withTolerance(1e-9).forward(x, 2).evaluations());
  }
  @Test
  void oneSolveCountsFewerEvaluationsThanTheLeggedForwardPass() {
    SplittableRandom r = new SplittableRandom(6);
    Flow f = new Flow(2, 2, 8, Flow.Solver.DOPRI, Mlp.glorot(2, 8, 2, true, 1, r)).withTolerance(1e-3);
    double[] x = {0.4, -0.3, 1.1, 0.9, -0.7, 0.2};
    long one = f.solveEvaluations(x, 3);
    long legged = f.forward(x, 3).evaluations();
    // Dormand–Prince takes at least one step of 6 evaluations (plus its start-up) per solve; the
    // forward pass solves {@value Flow#MOMENTS} legs
    assertThat(one).isGreaterThanOrEqualTo(6).isLessThan(legged);
    assertThat(legged).isGreaterThanOrEqualTo(6L * Flow.MOMENTS);
    // and a tighter tolerance needs more of them
    assertThat(f.withTolerance(1e-9).solveEvaluations(x, 3)).isGreaterThan(one);
  }
}
