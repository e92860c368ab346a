package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeAndKnnTest {

  @Test
  void probeReadsSeparableBlobsPerfectlyAndIsDeterministic() {
    final int[] y = new int[200];
    final double[][] p = SeparabilityTest.gaussians(100, 6, 11, y);
    final LinearProbe.Result a = LinearProbe.fit(p, y);
    assertThat(a.accuracy()).isEqualTo(1.0);
    assertThat(LinearProbe.fit(p, y)).isEqualTo(a);
  }

  @Test
  void probeCannotReadXor() {
    final double[][] p = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
    assertThat(LinearProbe.accuracy(p, new int[] {0, 0, 1, 1})).isLessThanOrEqualTo(0.75);
  }

  @Test
  void probeHandlesThreeClasses() {
    final double[][] p = {{0, 0}, {0.1, 0}, {5, 0}, {5.1, 0}, {0, 5}, {0, 5.1}};
    assertThat(LinearProbe.accuracy(p, new int[] {0, 0, 1, 1, 2, 2})).isEqualTo(1.0);
  }

  @Test
  void knnOnBlobsAndOnAHandExample() {
    final int[] y = new int[100];
    final double[][] p = SeparabilityTest.gaussians(50, 8, 2, y);
    assertThat(KnnAccuracy.leaveOneOut(p, y, 3)).isEqualTo(1.0);
    // point 2 is equally near 1 and 3: the tie goes to the lower index, label 0, so it is wrong
    final double[][] q = {{0}, {1}, {2}, {3}};
    assertThat(KnnAccuracy.leaveOneOut(q, new int[] {0, 0, 1, 1}, 1)).isEqualTo(0.75);
  }
}
