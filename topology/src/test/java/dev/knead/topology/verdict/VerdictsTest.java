package dev.knead.topology.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.topology.maps.ActivationTraits;
import dev.knead.topology.maps.MapAnalysis;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictsTest {

  static final KnownTopology DISK_IN_ANNULUS =
      KnownTopology.unknown().withEnclosed(0).withBetti(0, List.of(1, 0)).withBetti(1, List.of(1, 1))
          .withManifoldDim(0, 2).withManifoldDim(1, 2);
  static final KnownTopology HOPF_RINGS =
      KnownTopology.unknown().withLinkingNumber(1).withManifoldDim(0, 1).withManifoldDim(1, 1);
  static final KnownTopology NOTHING = KnownTopology.unknown();

  static ActivationTraits sigma(String name) {
    return ActivationTraits.byName(name).orElseThrow();
  }

  /** spec, activation, data, verdict ids expected IMPOSSIBLE, ids that must not appear at all. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("2-2-2", "tanh", DISK_IN_ANNULUS, Set.of("narrow-unbounded-regions"), Set.of("wide-layer")),
        Arguments.of("2-2-2-2-2-2", "sigmoid", DISK_IN_ANNULUS, Set.of("narrow-unbounded-regions"), Set.of()),
        Arguments.of("2-2-2", "relu", DISK_IN_ANNULUS, Set.of("narrow-unbounded-regions"), Set.of("homeomorphic-layers")),
        Arguments.of("2-1-2", "tanh", DISK_IN_ANNULUS, Set.of("narrow-unbounded-regions"), Set.of()),
        Arguments.of("2-3-2", "tanh", DISK_IN_ANNULUS, Set.of(), Set.of("narrow-unbounded-regions")),
        Arguments.of("2-2-3-2", "tanh", DISK_IN_ANNULUS, Set.of(), Set.of("narrow-unbounded-regions")),
        Arguments.of("2-2-2", "sin", DISK_IN_ANNULUS, Set.of(), Set.of("narrow-unbounded-regions", "homeomorphic-layers")),
        Arguments.of("2-2-3", "tanh", DISK_IN_ANNULUS, Set.of(), Set.of("narrow-unbounded-regions")),
        Arguments.of("2-2-2", "tanh", NOTHING, Set.of(), Set.of()),
        Arguments.of("3-3-3-2", "tanh", HOPF_RINGS, Set.of("linked-classes"), Set.of()),
        Arguments.of("3-3-2", "leaky-relu", HOPF_RINGS, Set.of("linked-classes"), Set.of()),
        Arguments.of("3-2-2", "tanh", HOPF_RINGS, Set.of("linked-classes"), Set.of()),
        Arguments.of("3-4-2", "tanh", HOPF_RINGS, Set.of(), Set.of("linked-classes", "narrow-unbounded-regions")),
        Arguments.of("3-3-3-2", "relu", HOPF_RINGS, Set.of(), Set.of("linked-classes")),
        Arguments.of("3-3-3-2", "sin", HOPF_RINGS, Set.of(), Set.of("linked-classes")),
        Arguments.of("1-1-1-2", "tanh", NOTHING, Set.of(), Set.of()),
        Arguments.of("1-2-2", "tanh", NOTHING, Set.of(), Set.of("monotone-1d-half-lines")),
        Arguments.of("1-1-2", "sin", NOTHING, Set.of(), Set.of("monotone-1d-half-lines")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void firesWhereItShouldAndNowhereElse(String spec, String act, KnownTopology data, Set<String> impossible,
      Set<String> absent) {
    final List<Verdict> vs = Verdicts.beforeTraining(NetworkShape.parse(spec, sigma(act)), data);
    assertThat(vs.stream().filter(v -> v.kind() == Verdict.Kind.IMPOSSIBLE).map(Verdict::id).toList())
        .containsExactlyInAnyOrderElementsOf(impossible);
    assertThat(vs.stream().map(Verdict::id).filter(absent::contains)).isEmpty();
    assertThat(vs).allSatisfy(v -> {
      assertThat(v.caveat()).contains("not accuracy on a finite sample");
      assertThat(v.citation()).isNotBlank();
      assertThat(v.facts()).isNotEmpty();
    });
  }

  @Test
  void narrowWithoutEnclosedClassIsOnlyInfo() {
    final List<Verdict> vs = Verdicts.beforeTraining(NetworkShape.parse("2-2-2", ActivationTraits.TANH), NOTHING);
    assertThat(vs).filteredOn(v -> v.id().equals("narrow-unbounded-regions"))
        .singleElement().satisfies(v -> assertThat(v.kind()).isEqualTo(Verdict.Kind.INFO));
  }

  @Test
  void squareInjectiveLayersPreserveOnlyConditionally() {
    final List<Verdict> vs = Verdicts.beforeTraining(NetworkShape.parse("2-2-2-2", ActivationTraits.TANH), NOTHING);
    assertThat(vs).filteredOn(v -> v.id().equals("homeomorphic-layers")).singleElement()
        .satisfies(v -> assertThat(v.statement()).contains("If every weight matrix stays invertible"));
  }

  @Test
  void whitneyNeedsTwoKPlusTwo() {
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("3-4-2", ActivationTraits.TANH), HOPF_RINGS)))
        .contains("whitney-room");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("3-3-2", ActivationTraits.TANH), HOPF_RINGS)))
        .doesNotContain("whitney-room");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("2-5-2", ActivationTraits.TANH), DISK_IN_ANNULUS)))
        .doesNotContain("whitney-room");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("2-6-2", ActivationTraits.TANH), DISK_IN_ANNULUS)))
        .contains("whitney-room");
  }

  @Test
  void reluWidthVerdictNeedsEveryLayerWideEnough() {
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("2-3-3-2", ActivationTraits.RELU), NOTHING)))
        .contains("relu-min-width");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("2-3-2-2", ActivationTraits.RELU), NOTHING)))
        .doesNotContain("relu-min-width").contains("wide-layer");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("2-3-3-2", ActivationTraits.TANH), NOTHING)))
        .doesNotContain("relu-min-width");
  }

  @Test
  void pyramidNeedsLeakyReluTypeAndNonIncreasingWidths() {
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("3-3-2-4", ActivationTraits.LEAKY_RELU), NOTHING)))
        .contains("pyramid-connected-regions");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("3-2-3-2", ActivationTraits.LEAKY_RELU), NOTHING)))
        .doesNotContain("pyramid-connected-regions");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("3-3-2-2", ActivationTraits.TANH), NOTHING)))
        .doesNotContain("pyramid-connected-regions");
    assertThat(ids(Verdicts.beforeTraining(NetworkShape.parse("3-3-2-2", ActivationTraits.RELU), NOTHING)))
        .doesNotContain("pyramid-connected-regions");
  }

  @Test
  void afterTrainingPreservesOnlyWhenEveryLayerIsHomeomorphic() {
    final var good = MapAnalysis.of(new double[][] {{1, 2}, {0, 1}}, ActivationTraits.TANH);
    final var lift = MapAnalysis.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, ActivationTraits.TANH);
    final var flat = MapAnalysis.of(new double[][] {{1, 2}, {2, 4}}, ActivationTraits.TANH);
    assertThat(Verdicts.afterTraining(List.of(good, good))).singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(Verdict.Kind.PRESERVES));
    assertThat(Verdicts.afterTraining(List.of(lift))).singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(Verdict.Kind.PRESERVES));
    assertThat(Verdicts.afterTraining(List.of(good, flat))).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Verdict.Kind.INFO);
      assertThat(v.statement()).contains("layer 2");
    });
  }

  @Test
  void architectureLabelAndParse() {
    final NetworkShape a = NetworkShape.parse("2-3-3-2", ActivationTraits.TANH);
    assertThat(a.inputDim()).isEqualTo(2);
    assertThat(a.hiddenWidths()).containsExactly(3, 3);
    assertThat(a.classes()).isEqualTo(2);
    assertThat(a.label()).isEqualTo("2-3-3-2 tanh");
  }

  static List<String> ids(List<Verdict> vs) {
    return vs.stream().map(Verdict::id).toList();
  }
}
