package dev.knead.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Points;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.LayerSpecs;
import dev.knead.core.net.Network;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TracerBlocksTest {
  @ParameterizedTest
  @ValueSource(strings = {"ode:2", "ode:3", "ode:2:dopri", "coupling,coupling", "residual,dense:3:tanh", "ode:2,knn:6", "dense:4:relu,knn:5:3,residual"})
  void aTraceOfBlocksEndsAtTheNetworksOwnLogitsWithEveryStageInPlace(String spec) {
    Network net = LayerSpecs.parse(spec).build(2, 2, Initializer.GLOROT, new SplittableRandom(4));
    SplittableRandom r = new SplittableRandom(8);
    double[] x = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * r.nextDouble() - 1;
    }
    Points pts = Points.of(20, 2, x);
    int[] labels = new int[20];
    Trace t = Tracer.trace(net, pts, labels);
    assertThat(t.size()).isEqualTo(Trace.stageCount(net));
    for (int i = 0; i < t.size(); i++) {
      assertThat(t.stage(i).index()).isEqualTo(i);
    }
    // the logits stage holds what the network itself computes (an independent path: Network.logits)
    Points logits = net.logits(pts);
    assertThat(t.logits().points().toArray()).containsExactly(logits.toArray(), Offset.offset(1e-12));
    // the live view's layer ends are the full trace's stages, same bits
    Trace ends = Tracer.layers(net, pts, labels, t.domain(), Tracer.Options.DEFAULT);
    for (int i : Trace.layerEnds(net)) {
      assertThat(ends.stageAt(i).points()).isEqualTo(t.stageAt(i).points());
    }
    // the grid lines travel with the points: a line's first sample is carried as a point would be
    Points line = t.stage(0).grid().get(3);
    Points carried = t.stageAt(Trace.layerEnds(net)[1]).grid().get(3);
    double[] first = net.block(0).apply(line.row(0));
    // an adaptive solve picks its steps for the whole batch, so one point alone lands within the tolerance
    double tol = spec.contains("dopri") ? 10 * dev.knead.core.net.Flow.TOLERANCE : 1e-12;
    assertThat(carried.row(0)).containsExactly(first, Offset.offset(tol));
    // the scrubber plays between stages
    assertThat(t.atPosition(1.5).points().n()).isEqualTo(20);
  }
}
