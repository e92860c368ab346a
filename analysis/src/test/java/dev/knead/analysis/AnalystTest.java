package dev.knead.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.Trainer;
import dev.knead.topology.maps.Badge;
import dev.knead.topology.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The analysis against answers known from theory and from the data's construction. */
class AnalystTest {
  static final Analyst.Options FAST = new Analyst.Options(200, 1, true, 0);

  static TrainResult train(Dataset d, List<Integer> hidden, int epochs) {
    return Trainer.train(d, d.select(new int[0]), TrainConfig.defaults(hidden).withEpochs(epochs).withSeed(3), TrainListener.NONE);
  }

  @Test
  void widthThreeLiftsTheDiskOutOfTheRing() {
    Dataset d = Datasets.generate("disk-annulus", Map.of("points", "200"), 1);
    Report r = Analyst.analyse(train(d, List.of(3), 400).network(), d, FAST);
    StageMeasure input = r.stages().get(0);
    StageMeasure hidden = r.stages().get(1);
    assertThat(input.betti()).isEqualTo(List.of(List.of(1, 0), List.of(1, 1)));
    assertThat(input.separable()).isFalse();
    // the measured loop has no preferred direction: its winding is ±1
    assertThat(Math.abs(input.windingNumber().orElseThrow())).isCloseTo(1, within(1e-9));
    assertThat(hidden.dim()).isEqualTo(3);
    assertThat(hidden.separable()).isTrue();
    assertThat(hidden.betti()).isEqualTo(input.betti()); // an embedding keeps the shape
    assertThat(r.layers().get(0).has(Badge.EMBEDDING)).isTrue();
    assertThat(r.certificates()).hasSize(1);
    assertThat(r.certificates().get(0).bounded()).isTrue();
    assertThat(r.certificates().get(0).unboundedByTheorem()).isFalse(); // width 3 > d = 2
    assertThat(r.before()).noneMatch(v -> v.kind() == Verdict.Kind.IMPOSSIBLE);
  }

  @Test
  void widthTwoIsImpossibleAndItsDiskEscapesToInfinity() {
    Dataset d = Datasets.generate("disk-annulus", Map.of("points", "200"), 1);
    Report r = Analyst.analyse(train(d, List.of(2, 2), 400).network(), d, FAST);
    assertThat(r.before()).anyMatch(v -> v.kind() == Verdict.Kind.IMPOSSIBLE);
    assertThat(r.certificates().get(0).bounded()).isFalse();
    assertThat(r.certificates().get(0).sentence()).contains("reaches infinity");
  }

  @Test
  void squareInvertibleTanhLayersKeepTheHopfLink() {
    Dataset d = Datasets.generate("hopf-rings", Map.of("points", "150"), 2);
    SplittableRandom rng = new SplittableRandom(5);
    Network net = Initializer.GLOROT.build(Architecture.of(3, List.of(3, 3), Activation.TANH, 2), rng);
    Report r = Analyst.analyse(net, d, new Analyst.Options(150, 1, false, 0));
    // the carried loops are measured on the points; their direction is the cycle finder's, so
    // the input value is ±(the generator's number) and later stages follow it
    double lk = r.stages().get(0).linkingNumber().orElseThrow();
    assertThat(Math.abs(lk)).isCloseTo(Math.abs(d.truth().linkingNumber().orElseThrow()), within(1e-6));
    // input and both hidden stages are 3-D: a homeomorphism cannot unlink the core curves;
    // it keeps |lk| and flips its sign exactly when it reverses orientation (det W < 0)
    double sign = 1;
    for (int k = 0; k < 3; k++) {
      if (k > 0) {
        sign *= Math.signum(r.layers().get(k - 1).determinant());
      }
      StageMeasure s = r.stages().get(k);
      assertThat(s.linkingNumber().orElseThrow()).as(s.name()).isCloseTo(sign * lk, within(1e-6));
    }
    assertThat(r.layers().get(0).has(Badge.HOMEOMORPHISM)).isTrue();
    assertThat(r.before()).anyMatch(v -> v.kind() == Verdict.Kind.IMPOSSIBLE);
  }

  @Test
  void theOneDimensionalSandwichGetsItsExactCeiling() {
    Dataset d = Datasets.generate("sandwich", Map.of(), 1);
    List<Verdict> vs = Analyst.before(new Architecture(1, List.of(1, 1), List.of(Activation.TANH, Activation.TANH), 2), d);
    assertThat(vs).anyMatch(v -> v.statement().contains("%") || v.statement().toLowerCase().contains("threshold"));
    List<Verdict> wide = Analyst.before(new Architecture(1, List.of(2), List.of(Activation.TANH), 2), d);
    assertThat(wide).noneMatch(v -> v.kind() == Verdict.Kind.IMPOSSIBLE);
  }
}
