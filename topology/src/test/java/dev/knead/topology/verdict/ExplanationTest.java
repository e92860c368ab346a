package dev.knead.topology.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.topology.maps.ActivationTraits;
import dev.knead.topology.maps.LayerMap;
import dev.knead.topology.maps.MapAnalysis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplanationTest {

  static LayerMap rotateStretch(double degrees, double s1, double s2) {
    final double c = Math.cos(Math.toRadians(degrees));
    final double s = Math.sin(Math.toRadians(degrees));
    return MapAnalysis.of(new double[][] {{s1 * c, -s2 * s}, {s1 * s, s2 * c}}, ActivationTraits.TANH);
  }

  @Test
  void homeomorphismThatMakesClassesSeparable() {
    final Map<Integer, List<Integer>> ring = Map.of(0, List.of(1, 0), 1, List.of(1, 1));
    final List<StageFacts> stages = List.of(
        StageFacts.unknown().withBetti(ring).withSeparable(false),
        StageFacts.unknown().withBetti(ring).withSeparable(false),
        StageFacts.unknown().withBetti(ring).withSeparable(true));
    final List<String> text = Explanation.of(List.of(rotateStretch(10, 2, 1), rotateStretch(31, 3.2, 0.4)), stages);
    assertThat(text).hasSize(2);
    assertThat(text.get(1)).isEqualTo("Layer 2 is a homeomorphism: it rotates by 31°, stretches by 3.2 and 0.4,"
        + " and bends with tanh; both classes keep their components and holes. The classes become linearly separable"
        + " here.");
    assertThat(text.get(0)).doesNotContain("separable");
  }

  @Test
  void aBettiChangeAtAHomeomorphismIsAnArtefactNeverAnEvent() {
    final List<StageFacts> stages = List.of(
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 0), 1, List.of(1, 1))),
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 0), 1, List.of(1, 0))));
    final String text = Explanation.of(List.of(rotateStretch(95, 6, 0.4)), stages, List.of("disk", "ring")).get(0);
    // the badge says it cannot change topology: the text must not say it did
    assertThat(text).doesNotContain("loses").doesNotContain("too narrow")
        .contains("the ring class β (1, 1) → (1, 0)").contains("cannot tear or glue").contains("measurement artefact");
    final List<StageFacts> kept = List.of(stages.get(0), stages.get(0));
    assertThat(Explanation.of(List.of(rotateStretch(95, 6, 0.4)), kept).get(0)).doesNotContain("artefact");
  }

  @Test
  void anEmbeddingInAWideEnoughNetworkIsNeverCalledTooNarrow() {
    // 2-3 tanh embedding, pinned at 1 on many points: saturated, but wider than its input
    final double[][] post = new double[100][];
    for (int i = 0; i < 100; i++) {
      post[i] = new double[] {i < 50 ? 1 : 0.1, 0.2, -0.3};
    }
    final LayerMap lift = MapAnalysis.of(new double[][] {{7, 0}, {0, 6}, {4, -4}}, ActivationTraits.TANH, null, post);
    assertThat(lift.badges()).contains(dev.knead.topology.maps.Badge.EMBEDDING, dev.knead.topology.maps.Badge.SATURATES);
    final List<StageFacts> stages = List.of(
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 0), 1, List.of(1, 1))),
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 1, 0), 1, List.of(1, 0, 2))));
    final String text = Explanation.of(List.of(lift), stages, List.of("disk", "ring")).get(0);
    assertThat(text).doesNotContain("too narrow").doesNotContain("easy way out").doesNotContain("gains")
        .doesNotContain("cavity").contains("measurement artefact");
    // the same layer square and saturated, in a network no wider than its input: the width theorem applies
    final double[][] post2 = new double[100][];
    for (int i = 0; i < 100; i++) {
      post2[i] = new double[] {i < 50 ? 1 : 0.1, 0.2};
    }
    final LayerMap square = MapAnalysis.of(new double[][] {{7, 1}, {0, 6}}, ActivationTraits.TANH, null, post2);
    final List<StageFacts> lost = List.of(stages.get(0),
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 0), 1, List.of(1, 0))));
    final String narrow = Explanation.of(List.of(square), lost).get(0);
    assertThat(narrow).contains("too narrow").contains("measurement artefact");
  }

  @Test
  void pluralsAreEnglish() {
    final List<StageFacts> stages = List.of(
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 0, 0))),
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 2, 2))));
    assertThat(Explanation.topologyChange(stages.get(0), stages.get(1), List.of("ring")))
        .isEqualTo("the ring class gains 2 holes and the ring class gains 2 cavities");
  }

  @Test
  void reluLayerThatTearsAHoleAndUnlinks() {
    final double[][] pre = {{1, 1, -1}, {-1, 2, 1}, {2, -1, -3}};
    final LayerMap relu = MapAnalysis.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, ActivationTraits.RELU,
        pre, pre);
    final List<StageFacts> stages = List.of(
        StageFacts.unknown().withBetti(Map.of(0, List.of(1, 1), 1, List.of(1, 1))).withLinkingNumber(1.0000001),
        StageFacts.unknown().withBetti(Map.of(0, List.of(2, 0), 1, List.of(1, 1))).withLinkingNumber(0.0)
            .withSeparable(false));
    final String text = Explanation.of(List.of(relu), stages).get(0);
    assertThat(text).startsWith("Layer 1 folds space: it stretches by 1, 1 and 1, and bends with relu;")
        .contains("class 0 splits into 2 pieces and class 0 loses a hole")
        .contains("The classes come unlinked here.")
        .endsWith("The classes are not yet linearly separable.");
  }

  @Test
  void collapseAndEmbeddingAreNamed() {
    final LayerMap flat = MapAnalysis.of(new double[][] {{1, 2}, {2, 4}}, ActivationTraits.TANH);
    final LayerMap lift = MapAnalysis.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, ActivationTraits.SIGMOID);
    final List<String> text = Explanation.of(List.of(lift, flat), List.of());
    assertThat(text.get(0)).startsWith("Layer 1 embeds the data into 3 dimensions: it stretches by 1.7 and 1");
    assertThat(text.get(1)).startsWith("Layer 2 collapses 2 dimensions onto 1");
  }
}
