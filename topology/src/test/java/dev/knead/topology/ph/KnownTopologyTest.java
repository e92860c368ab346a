package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Betti numbers of shapes whose topology is known, read from bars longer than a persistence gap. */
class KnownTopologyTest {

  private static Barcode barcode(double[][] p, int maxDim) {
    return Rips.of(p).maxDim(maxDim).compute().barcode();
  }

  @Test
  void circleHasOneComponentAndOneLoop() {
    Barcode b = barcode(Clouds.circle(100, 1, 0, 0, 0.02, new SplittableRandom(1)), 1);
    assertThat(b.count(0, 0.5)).isEqualTo(1);
    assertThat(b.count(1, 0.5)).isEqualTo(1);
    assertThat(b.betti(0, 0.5)).isEqualTo(1);
    assertThat(b.betti(1, 0.5)).isEqualTo(1);
    assertThat(b.mostPersistent(1, 1).get(0).persistence()).isGreaterThan(1.0);
  }

  @Test
  void twoDisjointCirclesHaveTwoComponentsAndTwoLoops() {
    SplittableRandom rng = new SplittableRandom(2);
    double[][] p = Clouds.concat(Clouds.circle(80, 1, 0, 0, 0.01, rng), Clouds.circle(80, 1, 5, 0, 0.01, rng));
    Barcode b = barcode(p, 1);
    assertThat(b.count(0, 0.5)).isEqualTo(2);
    assertThat(b.count(1, 0.5)).isEqualTo(2);
    assertThat(b.betti(0, 0.6)).isEqualTo(2);
    assertThat(b.betti(1, 0.6)).isEqualTo(2);
  }

  @Test
  void figureEightHasTwoLoops() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] p = Clouds.concat(Clouds.circle(80, 1, -1, 0, 0.01, rng), Clouds.circle(80, 1, 1, 0, 0.01, rng));
    Barcode b = barcode(p, 1);
    assertThat(b.count(0, 0.5)).isEqualTo(1);
    assertThat(b.count(1, 0.5)).isEqualTo(2);
  }

  @Test
  void sphereHasOneVoid() {
    Barcode b = barcode(Clouds.sphere(150, new SplittableRandom(4)), 2);
    assertThat(b.count(0, 0.5)).isEqualTo(1);
    assertThat(b.count(1, 0.3)).isZero();
    assertThat(b.count(2, 0.5)).isEqualTo(1);
  }

  @Test
  void torusHasTwoLoopsAndOneVoid() {
    Barcode b = Rips.of(Clouds.torus(15, new SplittableRandom(5))).maxDim(2).threshold(1.6).compute().barcode();
    assertThat(b.count(0, 0.6)).isEqualTo(1);
    assertThat(b.count(1, 0.6)).isEqualTo(2);
    assertThat(b.count(2, 0.3)).isEqualTo(1);
  }

  @Test
  void circleLoopIsClosedAndGoesAround() {
    double[][] p = Clouds.circle(120, 1, 0, 0, 0.01, new SplittableRandom(6));
    PersistenceResult r = Rips.of(p).cycles(1).compute();
    assertThat(r.cycles()).hasSize(1);
    var edges = r.cycles().get(0).edges();
    assertThat(edges.size()).isGreaterThan(10);
    double winding = 0;
    for (int k = 0; k < edges.size(); k++) {
      int[] e = edges.get(k);
      assertThat(e[1]).isEqualTo(edges.get((k + 1) % edges.size())[0]); // consecutive
      double a0 = Math.atan2(p[e[0]][1], p[e[0]][0]);
      double a1 = Math.atan2(p[e[1]][1], p[e[1]][0]);
      double da = a1 - a0;
      if (da > Math.PI) da -= 2 * Math.PI;
      if (da < -Math.PI) da += 2 * Math.PI;
      winding += da;
    }
    assertThat(Math.abs(winding) / (2 * Math.PI)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }
}
