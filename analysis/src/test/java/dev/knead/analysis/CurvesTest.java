package dev.knead.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.data.Curve;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Points;
import dev.knead.topology.measure.Linking;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurvesTest {
  /** x ↦ tanh(k x) per coordinate: a homeomorphism onto the open cube that crushes the rings into its corners. */
  static UnaryOperator<double[]> squash(double k) {
    return x -> {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = Math.tanh(k * x[i]);
      }
      return y;
    };
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 4, 8, 12})
  void aHomeomorphismKeepsTheHopfLinkOnceTheCurvesAreRefined(double k) {
    List<Curve> curves = Datasets.generate("hopf-rings", Map.of(), 1).truth().coreCurves();
    Points a = curves.get(0).vertices();
    Points b = curves.get(1).vertices();
    double truth = Linking.number(rows(a), rows(b));
    assertThat(Math.abs(truth)).isCloseTo(1, within(1e-9));
    assertThat(Curves.linking(squash(k), a, b)).isCloseTo(truth, within(1e-6));
  }

  /** A swirl about the z-axis, angle c·r²: a homeomorphism that winds straight edges into spirals. */
  static UnaryOperator<double[]> swirl(double c) {
    return x -> {
      double angle = c * (x[0] * x[0] + x[1] * x[1]);
      double cos = Math.cos(angle);
      double sin = Math.sin(angle);
      return new double[] {cos * x[0] - sin * x[1], sin * x[0] + cos * x[1], x[2]};
    };
  }

  @ParameterizedTest
  @ValueSource(doubles = {3, 6, 12})
  void coarsePolygonsThroughASwirlKeepTheirLinkingNumber(double c) {
    List<Curve> curves = Datasets.generate("hopf-rings", Map.of(), 1).truth().coreCurves();
    Points a = every(curves.get(0).vertices(), 16); // 8-gons: each edge becomes a long spiral arc
    Points b = every(curves.get(1).vertices(), 16);
    double truth = Linking.number(rows(a), rows(b));
    assertThat(Math.abs(truth)).isCloseTo(1, within(1e-9));
    UnaryOperator<double[]> f = swirl(c);
    double refined = Curves.linking(f, a, b);
    assertThat(refined).isCloseTo(truth, within(1e-6));
  }

  static Points every(Points p, int step) {
    int n = p.n() / step;
    double[] v = new double[n * p.d()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(p.row(i * step), 0, v, i * p.d(), p.d());
    }
    return Points.of(n, p.d(), v);
  }

  static double[][] rows(Points p) {
    double[][] r = new double[p.n()][];
    for (int i = 0; i < p.n(); i++) {
      r[i] = p.row(i);
    }
    return r;
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 4, 8, 12})
  void curvesKeptApartByAHomeomorphismHaveADefinedLink(double k) {
    List<Curve> curves = Datasets.generate("hopf-rings", Map.of(), 1).truth().coreCurves();
    double truth = Linking.number(rows(curves.get(0).vertices()), rows(curves.get(1).vertices()));
    Curves.Link l = Curves.link(squash(k), curves.get(0).vertices(), curves.get(1).vertices());
    assertThat(l.defined()).as(l.reason()).isTrue();
    assertThat(l.number()).isCloseTo(truth, within(1e-6));
    assertThat(l.closest()).isPositive();
  }

  /** ReLU after a shift: every coordinate below c is pressed onto c's floor, 0. */
  static UnaryOperator<double[]> relu(double c) {
    return x -> {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = Math.max(0, x[i] - c);
      }
      return y;
    };
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 10})
  void curvesPressedOntoTheSamePointHaveNoLinkingNumber(double c) {
    List<Curve> curves = Datasets.generate("hopf-rings", Map.of(), 1).truth().coreCurves();
    Points a = curves.get(0).vertices();
    Points b = curves.get(1).vertices();
    UnaryOperator<double[]> f = relu(c);
    // independent check that they touch: a vertex of each curve lands exactly on the origin
    assertThat(java.util.Arrays.stream(rows(a)).map(f).anyMatch(y -> y[0] == 0 && y[1] == 0 && y[2] == 0)).isTrue();
    assertThat(java.util.Arrays.stream(rows(b)).map(f).anyMatch(y -> y[0] == 0 && y[1] == 0 && y[2] == 0)).isTrue();
    Curves.Link l = Curves.link(f, a, b);
    assertThat(l.defined()).isFalse();
    assertThat(l.number()).isNaN();
    assertThat(l.closest()).isZero();
    assertThat(l.reason()).contains("touch").contains("undefined");
  }
}
