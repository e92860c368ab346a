package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A loss over more points than the workspace holds runs in chunks with the bits of one pass, and
 * training's buffers do not grow with the data set.
 */
class ChunkedLossTest {
  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (Precision p : Precision.values()) {
      // two classes: the float pass's two-class kernel; three: the unit-major softmax; then the row-major losses
      all.add(Arguments.of(p, 2, Loss.SOFTMAX_CROSS_ENTROPY));
      all.add(Arguments.of(p, 3, Loss.SOFTMAX_CROSS_ENTROPY));
      all.add(Arguments.of(p, 3, Loss.BINARY_CROSS_ENTROPY));
      all.add(Arguments.of(p, 3, Loss.SQUARED_ERROR));
    }
    return all.stream();
  }

  /** Against a workspace that holds every point: the same loss bits and count, chunks of 1,024 and a ragged tail. */
  @ParameterizedTest(name = "{0}, {1} classes, {2}")
  @MethodSource("cases")
  void chunksGiveTheBitsOfOnePass(Precision precision, int k, Loss loss) {
    final int n = 5 * 1024 + 333;
    final int d = 5;
    Network net = Initializer.GLOROT.build(Architecture.of(d, List.of(17, 9), Activation.TANH, k), new SplittableRandom(3));
    SplittableRandom rng = new SplittableRandom(4);
    // spread wide so that many points are wrong and the losses are far from uniform
    double[] x = rng.doubles((long) n * d, -3, 3).toArray();
    int[] y = rng.ints(n, 0, k).toArray();
    Workspace whole = new Workspace(net, n, 1, precision);
    Workspace small = new Workspace(net, 1500, 1, precision);
    int[] rightWhole = new int[1];
    int[] rightSmall = new int[1];
    double want = whole.lossAndGradient(x, y, n, loss, false, rightWhole);
    double got = small.lossAndGradient(x, y, n, loss, false, rightSmall);
    assertThat(Double.doubleToRawLongBits(got)).as("%s vs %s", got, want).isEqualTo(Double.doubleToRawLongBits(want));
    assertThat(rightSmall[0]).isEqualTo(rightWhole[0]).isBetween(1, n - 1);
    // a gradient over more points than the workspace holds is refused, not chunked
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> small.lossAndGradient(x, y, n, loss, true, rightSmall))
        .isInstanceOf(IllegalArgumentException.class);
    // the chunk buffers are reused: a second call gives the same bits
    assertThat(small.lossAndGradient(x, y, n, loss, false, rightSmall)).isEqualTo(got);
  }

  /** The network and history of runs whose evaluations chunk: recorded before chunking existed (commit 14f8ee5). */
  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of(Precision.FLOAT32, 2, 64, 0xacf9e43a4926012bL),
        Arguments.of(Precision.FLOAT32, 3, 1000, 0xb2c13d7c6841b294L),
        Arguments.of(Precision.FLOAT64, 2, 64, 0xe6f1d6948785b3d6L),
        Arguments.of(Precision.FLOAT64, 3, 0, 0x9c717ce6944b830dL));
  }

  @ParameterizedTest(name = "{0}, {1} classes, batch {2}")
  @MethodSource("runs")
  void runsKeepTheirBits(Precision precision, int k, int batch, long expected) {
    Dataset train = Fixtures.random(9000, 4, k, 21);
    Dataset test = Fixtures.random(5000, 4, k, 22);
    TrainConfig c = TrainConfig.defaults().withHidden(List.of(12, 8), List.of(Activation.TANH, Activation.RELU))
        .withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, 0.01)).with(TrainSchema.BATCH, (long) batch).withEpochs(3)
        .with(TrainSchema.SNAPSHOT_EVERY, 1L).withSeed(5).withPrecision(precision);
    TrainResult r = Trainer.train(train, test, c, TrainListener.NONE);
    long h = 0xcbf29ce484222325L;
    for (Epoch e : r.history()) {
      for (double v : new double[] {e.loss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy()}) {
        h = mix(h, Double.doubleToRawLongBits(v));
      }
    }
    for (double v : new double[] {r.trainLoss(), r.trainAccuracy(), r.testLoss(), r.testAccuracy()}) {
      h = mix(h, Double.doubleToRawLongBits(v));
    }
    for (Snapshot s : r.snapshots()) {
      for (Layer l : s.network().layers()) {
        for (double w : l.weights().toArray()) {
          h = mix(h, Double.doubleToRawLongBits(w));
        }
        for (double b : l.bias()) {
          h = mix(h, Double.doubleToRawLongBits(b));
        }
      }
    }
    assertThat(r.history()).hasSize(3);
    assertThat(Long.toHexString(h)).isEqualTo(Long.toHexString(expected));
  }

  private static long mix(long h, long v) {
    return (h ^ v) * 0x100000001b3L;
  }
}
