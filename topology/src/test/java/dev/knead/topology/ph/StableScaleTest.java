package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The stable scale against shapes whose Betti numbers are known analytically. With a threshold
 * the bars still alive at it are cut there (infinite death), so the last interval, from the
 * last finite endpoint up to the threshold, is as well measured as any other and must count.
 */
class StableScaleTest {

  @Test
  void torusCutAtOnePointSixHasTwoLoopsAndAVoid() {
    PersistenceResult r = Rips.of(Clouds.torus(15, new SplittableRandom(5))).maxDim(2).threshold(1.6).compute();
    StableScale s = StableScale.of(r, 2);
    assertThat(s.betti()).containsExactly(1, 2, 1);
    assertThat(s.to()).isEqualTo(1.6);
    assertThat(s.cutAtThreshold()).isTrue();
    assertThat(s.scale()).isBetween(s.from(), s.to());
  }

  @Test
  void sphereCutAtPointSixHasOneVoid() {
    PersistenceResult r = Rips.of(Clouds.sphere(150, new SplittableRandom(4))).maxDim(2).threshold(0.6).compute();
    StableScale s = StableScale.of(r, 2);
    assertThat(s.betti()).containsExactly(1, 0, 1);
    assertThat(s.cutAtThreshold()).isTrue();
  }

  @Test
  void withoutAThresholdTheUnboundedTailStaysOut() {
    // the full filtration ends as one contractible blob: that tail is never the answer
    PersistenceResult r = Rips.of(Clouds.sphere(150, new SplittableRandom(4))).maxDim(2).compute();
    StableScale s = StableScale.of(r, 2);
    assertThat(s.betti()).containsExactly(1, 0, 1);
    assertThat(s.cutAtThreshold()).isFalse();
    assertThat(Double.isFinite(s.to())).isTrue();
  }

  @Test
  void aThresholdBelowEveryDeathStillReadsTheCloud() {
    // two far circles cut at 0.6: every loop is still open, both components separate
    SplittableRandom rng = new SplittableRandom(2);
    double[][] p = Clouds.concat(Clouds.circle(80, 1, 0, 0, 0.01, rng), Clouds.circle(80, 1, 5, 0, 0.01, rng));
    StableScale s = StableScale.of(Rips.of(p).maxDim(1).threshold(0.6).compute(), 1);
    assertThat(s.betti()).containsExactly(2, 2);
  }
}
