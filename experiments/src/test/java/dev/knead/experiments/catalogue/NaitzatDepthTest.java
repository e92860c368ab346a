package dev.knead.experiments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.experiments.Catalogue;
import dev.knead.experiments.ExperimentListener;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.Nets;
import dev.knead.experiments.ClaimVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The depth and bottleneck statistics, checked by hand; no long training. */
class NaitzatDepthTest {
  @Test
  void shareBeforeLastIsTheDropMadeBeforeTheLastLayer() {
    assertThat(Complexity.shareBeforeLast(new int[] {19, 19, 9})).isZero(); // all of it in the last layer
    assertThat(Complexity.shareBeforeLast(new int[] {19, 9, 9})).isEqualTo(1); // all of it before
    assertThat(Complexity.shareBeforeLast(new int[] {19, 14, 9})).isCloseTo(0.5, within(1e-12));
    assertThat(Complexity.shareBeforeLast(new int[] {19, 9})).isZero(); // one hidden layer: it is the last
    // the drop overshoots and comes back: more than all of it was made before the last layer
    assertThat(Complexity.shareBeforeLast(new int[] {19, 11, 15})).isCloseTo(2, within(1e-12));
    assertThat(Complexity.shareBeforeLast(new int[] {19, 12, 19})).isNaN(); // no drop, no share
    assertThat(Complexity.shareBeforeLast(new int[] {19, 12, 21})).isNaN();
  }

  @Test
  void theBottleneckIsTheNarrowestLayerAndTheWideNetMustReachIt() {
    assertThat(NaitzatDepth.bottleneck(List.of(15, 3, 15, 15), List.of(15, 15, 15, 15))).isEqualTo(2);
    assertThat(NaitzatDepth.bottleneck(List.of(3, 15), List.of(15, 15))).isEqualTo(1);
    assertThatThrownBy(() -> NaitzatDepth.bottleneck(List.of(15, 15, 3), List.of(15, 15)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no layer 3");
  }

  @Test
  void omegaIsMeasuredAtTheInputAndAfterEveryHiddenLayerWithTheProcedureFrozenOnTheInput() {
    Dataset data = Datasets.generate("naitzat-d1", Map.of("step", "0.8"), 1);
    Nets.Recipe oneEpoch = Nets.Recipe.of(1, 0.02);
    int[] two = Complexity.perLayer(Nets.train(data, List.of(6, 6), Activation.parse("tanh"), oneEpoch, 1).network(),
        data, 100, 1);
    int[] three = Complexity.perLayer(Nets.train(data, List.of(5, 5, 5), Activation.parse("relu"), oneEpoch, 2)
        .network(), data, 100, 1);
    assertThat(two).hasSize(3);
    assertThat(three).hasSize(4);
    assertThat(three[0]).isEqualTo(two[0]).isPositive(); // the input does not depend on the network
  }

  @Test
  void withoutNetworksAt100PercentBothClaimsAreInconclusive() {
    Map<String, String> tiny = Map.of("epochs", "3", "step", "0.8", "activations", "tanh");
    ExperimentResult r = Catalogue.run(Catalogue.byName("naitzat-depth"), tiny, 1, true, ExperimentListener.NONE);
    assertThat(r.claims()).hasSize(2);
    assertThat(r.claims()).allSatisfy(c -> {
      assertThat(c.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
      assertThat(c.rows()).hasSize(2).noneMatch(row -> row.is("kept"));
    });
  }
}
