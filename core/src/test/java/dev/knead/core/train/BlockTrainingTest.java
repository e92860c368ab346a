package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.LayerSpecs;
import dev.knead.core.net.Network;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Networks with blocks other than dense layers, trained through the generic pass. */
class BlockTrainingTest {
  @ParameterizedTest
  @ValueSource(strings = {"ode:2,dense:3:tanh,knn:5", "coupling,residual", "ode:3:s3,coupling:additive", "dense:3:relu,knn:4:3,dense:2:tanh"})
  void theWholeNetworksGradientMatchesCentralDifferences(String spec) {
    Dataset data = Fixtures.diskInRing(6, 2);
    Network net = LayerSpecs.parse(spec).build(2, 2, Initializer.GLOROT, new SplittableRandom(5));
    BlockPass pass = new BlockPass(net);
    double[] x = data.points().toArray();
    int[] y = data.labels();
    int n = data.size();
    int[] right = new int[1];
    pass.lossAndGradient(x, y, n, Loss.SOFTMAX_CROSS_ENTROPY, true, right);
    double[] g = pass.grads().clone();
    double[] p = pass.params();
    final double h = 1e-6;
    for (int i = 0; i < p.length; i++) {
      double keep = p[i];
      p[i] = keep + h;
      double up = pass.lossAndGradient(x, y, n, Loss.SOFTMAX_CROSS_ENTROPY, false, right);
      p[i] = keep - h;
      double down = pass.lossAndGradient(x, y, n, Loss.SOFTMAX_CROSS_ENTROPY, false, right);
      p[i] = keep;
      double fd = (up - down) / (2 * h);
      assertThat(g[i]).as("∂L/∂θ[%d] of %s", i, spec).isCloseTo(fd, Offset.offset(1e-6 * (1 + Math.abs(fd))));
    }
    assertThat(pass.network()).isEqualTo(net);
  }

  @Test
  void anAugmentedFlowLearnsTheDiskInTheRingTheSameBitsForASeedAndCountsItsEvaluations() {
    Dataset data = Fixtures.diskInRing(40, 3);
    TrainConfig c = TrainConfig.defaults().with(TrainSchema.LAYERS, LayerSpecs.parse("ode:3")).withEpochs(300).withSeed(4);
    TrainResult a = Trainer.train(data, data.select(new int[0]), c, TrainListener.NONE);
    TrainResult b = Trainer.train(data, data.select(new int[0]), c, TrainListener.NONE);
    assertThat(a.network()).isEqualTo(b.network());
    assertThat(a.trainAccuracy()).isEqualTo(1.0);
    assertThat(a.history().get(0).evaluations()).isEqualTo(4 * 8);
    assertThat(a.history().get(a.history().size() - 1).loss()).isLessThan(a.history().get(0).loss() / 10);
  }
}
