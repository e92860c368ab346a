package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every block kind against oracles that do not share its code: central finite differences for
 * both vector-Jacobian products (parameters and input), Hipparchus' own RK4 for the flow,
 * round trips for the inverses.
 */
class BlocksTest {
  static Stream<Block> blocks() {
    SplittableRandom r = new SplittableRandom(7);
    return Stream.of(
        new Initializer(Initializer.Kind.GLOROT, 0).dense(3, 4, Activation.TANH, false, r),
        new Flow(2, 2, 5, Flow.Solver.RK4, Mlp.glorot(2, 6, 2, true, 1, r)),
        new Flow(2, 3, 4, Flow.Solver.RK4, Mlp.glorot(3, 5, 3, true, 1, r)),
        new Coupling(3, false, true, Mlp.glorot(2, 5, 2, false, 0.5, r)),
        new Coupling(2, true, false, Mlp.glorot(1, 5, 1, false, 0.5, r)),
        // large raw weights so that the spectral bound binds and its chain rule is exercised
        new Residual(2, Mlp.glorot(2, 6, 2, false, 3, r)),
        Prototypes.random(2, 3, 7, 0.3, r));
  }

  /** L = Σ c ⊙ block(x) for fixed random c. */
  private static double loss(Block b, double[] x, int n, double[] c) {
    double[] y = b.forward(x, n).output();
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += c[i] * y[i];
    }
    return s;
  }

  private static double[] random(SplittableRandom r, int len, double a) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = (2 * r.nextDouble() - 1) * a;
    }
    return v;
  }

  @ParameterizedTest
  @MethodSource("blocks")
  void vectorJacobianProductsMatchCentralDifferences(Block b) {
    SplittableRandom r = new SplittableRandom(11);
    final int n = 5;
    double[] x = random(r, n * b.in(), 1);
    double[] c = random(r, n * b.out(), 1);
    double[] grad = new double[b.parameterCount()];
    double[] dx = new double[n * b.in()];
    b.forward(x, n).backward(c, dx, grad, 0);

    double[] p = new double[b.parameterCount()];
    b.copyParameters(p, 0);
    final double h = 1e-6;
    for (int i = 0; i < p.length; i++) {
      double[] up = p.clone();
      double[] down = p.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (loss(b.withParameters(up, 0), x, n, c) - loss(b.withParameters(down, 0), x, n, c)) / (2 * h);
      assertThat(grad[i]).as("∂L/∂θ[%d] of %s", i, b).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(fd))));
    }
    for (int i = 0; i < x.length; i++) {
      double[] up = x.clone();
      double[] down = x.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (loss(b, up, n, c) - loss(b, down, n, c)) / (2 * h);
      assertThat(dx[i]).as("∂L/∂x[%d] of %s", i, b).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(fd))));
    }
  }

  @ParameterizedTest
  @MethodSource("blocks")
  void parametersRoundTripAndSinglePointsAgreeWithTheBatch(Block b) {
    double[] p = new double[b.parameterCount()];
    b.copyParameters(p, 0);
    assertThat(b.withParameters(p, 0)).isEqualTo(b);
    SplittableRandom r = new SplittableRandom(3);
    double[] x = random(r, 4 * b.in(), 1);
    double[] y = b.forward(x, 4).output();
    for (int i = 0; i < 4; i++) {
      double[] yi = b.apply(java.util.Arrays.copyOfRange(x, i * b.in(), (i + 1) * b.in()));
      for (int j = 0; j < b.out(); j++) {
        assertThat(yi[j]).isCloseTo(y[i * b.out() + j], org.assertj.core.data.Offset.offset(1e-12));
      }
    }
    List<Block.Moment> m = b.moments(x, 4);
    assertThat(m.get(m.size() - 1).points()).as("the last stage is the block's output").containsExactly(y,
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theFixedStepFlowIsHipparchusRk4() {
    SplittableRandom r = new SplittableRandom(5);
    Mlp f = Mlp.glorot(2, 8, 2, true, 1, r);
    Flow flow = new Flow(2, 2, 8, Flow.Solver.RK4, f);
    double[] x = {0.3, -0.7};
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return 2;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        double[] out = new double[2];
        f.eval(y, 1, t, new double[8], new double[8], out, new double[8]);
        return out;
      }
    };
    double[] ref = new ClassicalRungeKuttaIntegrator(1.0 / 8).integrate(ode, new ODEState(0, x), 1).getPrimaryState();
    assertThat(flow.apply(x)).containsExactly(ref, org.assertj.core.data.Offset.offset(1e-13));
    // and converges to the adaptive solution as the steps grow
    double[] dopri = flow.with(Flow.Solver.DOPRI, 8).apply(x);
    double[] fine = flow.with(Flow.Solver.RK4, 400).apply(x);
    assertThat(fine).containsExactly(dopri, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void theAdjointGradientMatchesFiniteDifferencesAndBackpropagationThroughAFineRk4() {
    SplittableRandom r = new SplittableRandom(9);
    Flow adaptive = new Flow(2, 3, 8, Flow.Solver.DOPRI, Mlp.glorot(3, 5, 3, true, 1, r));
    final int n = 3;
    double[] x = random(r, n * 2, 1);
    double[] c = random(r, n * 3, 1);
    double[] g = new double[adaptive.parameterCount()];
    double[] dx = new double[n * 2];
    Block.Pass pass = adaptive.forward(x, n);
    assertThat(pass.evaluations()).isGreaterThan(6);
    pass.backward(c, dx, g, 0);
    Flow fine = adaptive.with(Flow.Solver.RK4, 200);
    double[] gf = new double[g.length];
    double[] dxf = new double[dx.length];
    fine.forward(x, n).backward(c, dxf, gf, 0);
    assertThat(g).containsExactly(gf, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(dx).containsExactly(dxf, org.assertj.core.data.Offset.offset(1e-4));
    double[] p = new double[g.length];
    adaptive.copyParameters(p, 0);
    final double h = 1e-4;
    for (int i = 0; i < p.length; i += 3) {
      double[] up = p.clone();
      double[] down = p.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (loss(adaptive.withParameters(up, 0), x, n, c) - loss(adaptive.withParameters(down, 0), x, n, c)) / (2 * h);
      assertThat(g[i]).as("adjoint ∂L/∂θ[%d]", i).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(fd))));
    }
  }

  @Test
  void couplingAndResidualInversesAreExactTo1e9() {
    SplittableRandom r = new SplittableRandom(13);
    final int n = 200;
    double[] x = random(r, n * 2, 3);
    for (Coupling cb : List.of(new Coupling(2, false, true, Mlp.glorot(1, 8, 2, false, 1, r)),
        new Coupling(2, true, false, Mlp.glorot(1, 8, 1, false, 1, r)))) {
      double[] back = cb.inverse(cb.forward(x, n).output(), n);
      assertThat(back).containsExactly(x, org.assertj.core.data.Offset.offset(1e-9));
    }
    Residual res = new Residual(2, Mlp.glorot(2, 8, 2, false, 4, r));
    double[] back = res.inverse(res.forward(x, n).output(), n, 1e-13);
    assertThat(back).containsExactly(x, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theResidualBranchIsAContractionOnRandomPairs() {
    SplittableRandom r = new SplittableRandom(17);
    Residual res = new Residual(2, Mlp.glorot(2, 16, 2, false, 5, r));
    assertThat(res.lipschitzBound()).isLessThanOrEqualTo(Residual.LIPSCHITZ + 1e-12);
    double worst = 0;
    for (int k = 0; k < 2000; k++) {
      double[] a = random(r, 2, 3);
      double[] b = random(r, 2, 3);
      double[] ga = res.apply(a);
      double[] gb = res.apply(b);
      // g(x) = block(x) − x
      double dg = Math.hypot(ga[0] - a[0] - gb[0] + b[0], ga[1] - a[1] - gb[1] + b[1]);
      worst = Math.max(worst, dg / Math.hypot(a[0] - b[0], a[1] - b[1]));
    }
    assertThat(worst).isLessThan(Residual.LIPSCHITZ);
  }

  @Test
  void specsParseBuildAndPrintBack() {
    LayerSpecs s = LayerSpecs.parse("ode:2, dense:3:relu ,knn:32");
    assertThat(s.label()).isEqualTo("ode:2,dense:3:relu,knn:32");
    Network net = s.build(2, 2, Initializer.GLOROT, new SplittableRandom(1));
    assertThat(net.blocks()).hasSize(3);
    assertThat(net.block(0)).isInstanceOf(Flow.class);
    assertThat(net.classes()).isEqualTo(2);
    assertThat(net.isDense()).isFalse();
    assertThat(LayerSpecs.parse("ode:3:h32:dopri,coupling,coupling:additive").build(2, 2, Initializer.GLOROT,
        new SplittableRandom(1)).blocks()).hasSize(4);
    for (String text : List.of("ode:3:h32:dopri", "ode:2:s20", "coupling:h8:additive", "residual", "knn:16:4:t0.5", "dense:5:sin")) {
      assertThat(LayerSpec.parse(text).text()).isEqualTo(text);
    }
  }

  @Test
  void badSpecsSayWhatIsWrong() {
    assertThatThrownBy(() -> LayerSpecs.parse("ode")).isInstanceOf(BadInputException.class).hasMessageContaining("needs a width");
    assertThatThrownBy(() -> LayerSpecs.parse("wobble:3")).isInstanceOf(BadInputException.class).hasMessageContaining("unknown kind");
    assertThatThrownBy(() -> LayerSpecs.parse("knn:8,dense:2")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("output width");
    assertThatThrownBy(() -> LayerSpecs.parse("ode:2,,knn:3")).isInstanceOf(BadInputException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> LayerSpecs.parse("ode:1").build(2, 2, Initializer.GLOROT, new SplittableRandom(1)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("cannot drop");
    assertThatThrownBy(() -> LayerSpecs.parse("knn:8:t-1")).isInstanceOf(BadInputException.class).hasMessageContaining("positive");
  }
}
