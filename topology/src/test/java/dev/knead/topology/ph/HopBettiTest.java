package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HopBettiTest {

  @Test
  void twoCirclesCalibrateAndMeasure() {
    SplittableRandom rng = new SplittableRandom(11);
    double[][] ref = Clouds.concat(Clouds.circle(150, 1, 0, 0, 0.02, rng), Clouds.circle(150, 1, 4, 0, 0.02, rng));
    HopBetti h = HopBetti.calibrate(ref, new int[] {2, 2}, new int[] {4, 6, 8, 10, 14}, new double[] {1.5, 2.5, 3.5});
    HopBetti.Measurement m = h.measure(ref);
    assertThat(m.betti()).containsExactly(2, 2);
    assertThat(m.k()).isEqualTo(h.k());
    assertThat(m.scale()).isEqualTo(h.scale());
    // frozen: a stretched copy (a homeomorphic image) keeps its Betti numbers
    double[][] stretched = new double[ref.length][];
    for (int i = 0; i < ref.length; i++) stretched[i] = new double[] {3 * ref[i][0], 0.5 * ref[i][1] + 0.1 * ref[i][0]};
    assertThat(h.measure(stretched).betti()).containsExactly(2, 2);
  }

  @Test
  void hopDistanceCountsEdges() {
    int[][] path = {{1}, {0, 2}, {1, 3}, {2}};
    NeighbourLists l = HopGraph.hopLists(path, 2);
    assertThat(l.edgeCount()).isEqualTo(5); // 3 one-hop + 2 two-hop pairs
    Barcode b = Rips.of(l).maxDim(1).compute().barcode();
    assertThat(b.betti(0, 2)).isEqualTo(1);
  }

  @Test
  void unknownTopologyPicksStableK() {
    double[][] circle = Clouds.circle(200, 1, 0, 0, 0.01, new SplittableRandom(12));
    HopBetti h = HopBetti.calibrate(circle, 1, new int[] {3, 4, 5, 6, 8, 10, 12}, 2.5);
    assertThat(h.measure(circle).betti()).isEqualTo(List.of(1, 1));
  }

  @Test
  void stableScaleOfCircleSeesOneLoop() {
    double[][] circle = Clouds.circle(150, 1, 0, 0, 0.01, new SplittableRandom(13));
    StableScale s = StableScale.of(circle, 1);
    assertThat(s.betti()).containsExactly(1, 1);
    assertThat(s.to() - s.from()).isGreaterThan(1.0);
    assertThat(s.scale()).isBetween(s.from(), s.to());
  }
}
