package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Domain;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live workspace against two oracles: core's forward pass one point at a time
 * ({@code Layer.apply}, bit for bit) and the full trace's stage of the same index (which carries
 * the points through the SVD factors, so agrees to rounding).
 */
class LabLayerStagesTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void everyLiveStageEqualsTheTraceStageOfTheSameIndex(int depth) {
    SplittableRandom rng = new SplittableRandom(depth);
    int n = 57;
    double[] x = new double[n * 2];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = rng.nextDouble(-1, 1);
      x[2 * i + 1] = rng.nextDouble(-1, 1);
      labels[i] = i % 2;
    }
    Points points = Points.of(n, 2, x);
    List<Integer> hidden = java.util.Collections.nCopies(depth, depth == 2 ? 8 : 3);
    Network net = Initializer.GLOROT.build(Architecture.of(2, hidden, Activation.TANH, 2), new SplittableRandom(7));
    Domain domain = Domain.around(points, TraceJson.LIVE.margin());
    LayerStages ls = new LayerStages(points, LayerStages.grid(domain), LayerStages.field(domain));
    ls.compute(net);
    Trace tr = Tracer.trace(net, points, labels, domain, TraceJson.LIVE);
    assertThat(ls.stages()).isEqualTo(depth + 2);
    for (int s = 0; s < ls.stages(); s++) {
      Stage t = tr.stage(ls.traceIndex(s));
      int d = ls.width(s);
      assertThat(t.dim()).isEqualTo(d);
      double[] rows = ls.rows(s);
      for (int i = 0; i < n; i++) {
        double[] v = points.row(i);
        for (int l = 0; l < s; l++) {
          v = net.layer(l).apply(v);
        }
        assertThat(java.util.Arrays.copyOfRange(rows, i * d, (i + 1) * d)).as("point %d at stage %d", i, s).containsExactly(v);
      }
      org.assertj.core.data.Offset<Double> round = org.assertj.core.api.Assertions.within(1e-9);
      assertThat(java.util.Arrays.copyOf(rows, n * d)).as("points at stage %d (%s)", s, t.name()).containsExactly(t.points().toArray(), round);
      double[] field = java.util.Arrays.copyOfRange(rows, (ls.m - ls.f) * d, ls.m * d);
      assertThat(field).as("region samples at stage %d", s).containsExactly(t.field().toArray(), round);
      double[] firstLine = java.util.Arrays.copyOfRange(rows, n * d, (n + ls.samples) * d);
      assertThat(firstLine).as("first grid line at stage %d", s).containsExactly(t.grid().get(0).toArray(), round);
    }
    int[] classes = new int[ls.f];
    int[] confidence = new int[ls.f];
    ls.regions(classes, confidence);
    assertThat(classes).containsExactly(tr.fieldClasses());
  }
}
