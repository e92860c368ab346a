package dev.knead.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import dev.knead.topology.maps.Badge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-stage Betti numbers against hand-built networks whose answer is known from theory: a
 * full-rank tanh layer into more dimensions is an embedding, so every class keeps the Betti
 * numbers it has by construction (disk (1, 0), ring (1, 1)), whatever the weights.
 */
class StageBettiTest {
  static final Analyst.Options NO_CERTIFICATE = new Analyst.Options(400, 2, false, 0);

  static Network twoThreeTwo(double[][] w1) {
    return new Network(List.of(new Layer(Matrix.of(w1), new double[3], Activation.TANH),
        new Layer(Matrix.of(new double[][] {{1, 1, 1}, {-1, -1, -1}}), new double[2], Activation.IDENTITY)));
  }

  static List<Integer> padded(List<Integer> b, int n) {
    List<Integer> out = new ArrayList<>(b);
    while (out.size() < n) {
      out.add(0);
    }
    return out;
  }

  @Test
  void aGentleEmbeddingKeepsEveryClassItsBettiNumbers() {
    Dataset d = Datasets.generate("disk-annulus", Map.of("points", "250"), 1);
    for (double[][] w : new double[][][] {{{1, 0}, {0, 1}, {0.5, 0.5}}, {{5, 0}, {0, 1}, {1, 1}}}) {
      Report r = Analyst.analyse(twoThreeTwo(w), d, NO_CERTIFICATE);
      assertThat(r.layers().get(0).has(Badge.EMBEDDING)).isTrue();
      StageMeasure input = r.stages().get(0);
      StageMeasure hidden = r.stages().get(1);
      assertThat(input.betti()).as("input, read without the known answer").isEqualTo(List.of(List.of(1, 0), List.of(1, 1)));
      for (int c = 0; c < 2; c++) {
        assertThat(padded(hidden.betti().get(c), 3)).as("class %d after the embedding %s", c, java.util.Arrays.deepToString(w))
            .isEqualTo(padded(input.betti().get(c), 3));
      }
      assertThat(r.account().get(0)).contains("both classes keep their components and holes");
    }
  }

  @Test
  void aSteepEmbeddingIsNeverNarratedAsAChangeNorCalledTooNarrow() {
    // as steep as trained nets (σ ≈ 8.7, 6.4 and 12, 10): the sample may stop covering a class
    // evenly, so the reading can change; the badge says the shape cannot, and the account must agree
    Dataset d = Datasets.generate("disk-annulus", Map.of("points", "250"), 1);
    for (double[][] w : new double[][][] {{{7, 0}, {0, 6}, {4, -4}}, {{10, 0}, {0, 10}, {3, 5}}}) {
      Report r = Analyst.analyse(twoThreeTwo(w), d, NO_CERTIFICATE);
      assertThat(r.layers().get(0).has(Badge.EMBEDDING)).isTrue();
      String account = r.account().get(0);
      assertThat(account).doesNotContain("too narrow").doesNotContain("loses").doesNotContain("gains")
          .doesNotContain("splits").doesNotContain("merges");
      boolean same = true;
      for (int c = 0; c < 2; c++) {
        same &= padded(r.stages().get(1).betti().get(c), 3).equals(padded(r.stages().get(0).betti().get(c), 3));
      }
      assertThat(account).contains(same ? "both classes keep their components and holes" : "measurement artefact");
    }
  }

  @Test
  void aStageInThePlaneNeverGetsACavity() {
    // 3-D rings through a width-2 layer: the hidden stage lies in the plane, where β₂ = 0 always
    Dataset d = Datasets.generate("hopf-rings", Map.of("points", "150"), 2);
    Network net = new Network(List.of(
        new Layer(Matrix.of(new double[][] {{1, 0.3, 0}, {0, 1, 0.5}}), new double[2], Activation.TANH),
        new Layer(Matrix.of(new double[][] {{1, 0}, {0, 1}}), new double[2], Activation.IDENTITY)));
    Report r = Analyst.analyse(net, d, NO_CERTIFICATE);
    assertThat(r.stages().get(0).dim()).isEqualTo(3);
    assertThat(r.stages().get(0).betti()).allSatisfy(b -> assertThat(b).hasSize(3));
    for (StageMeasure s : r.stages().subList(1, r.stages().size())) {
      assertThat(s.dim()).isEqualTo(2);
      assertThat(s.betti()).as(s.name()).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(2));
    }
  }
}
