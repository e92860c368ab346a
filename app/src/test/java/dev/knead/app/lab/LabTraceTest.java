package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Domain;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.render.view.Scene;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab reads its stages from a {@link Trace} only: the live view's stages are the full
 * trace's stages of the same index bit for bit, both are the forward pass one point at a time
 * ({@code Layer.apply}) bit for bit, their JSON is the same, and a wide stage is shown exactly as
 * render's {@link Scene} shows it.
 */
class LabTraceTest {
  static Points cloud(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return Points.of(n, 2, x);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void theLiveStagesAreTheTracersStagesBitForBit(int depth) {
    int n = 57;
    Points points = cloud(n, depth);
    int[] labels = new int[n];
    Arrays.setAll(labels, i -> i % 2);
    // depth 2 has width 8: a wide stage, shown through the projection
    List<Integer> hidden = java.util.Collections.nCopies(depth, depth == 2 ? 8 : 3);
    Network net = Initializer.GLOROT.build(Architecture.of(2, hidden, Activation.TANH, 2), new SplittableRandom(7));
    Domain domain = Domain.around(points, TraceJson.LIVE.margin());
    LiveFrame live = new LiveFrame(points, labels, domain);
    Trace liveTrace = live.trace(net);
    Trace full = Tracer.trace(net, points, labels, domain, TraceJson.LIVE);
    List<Stage> ends = liveTrace.layerEnds();
    assertThat(ends).hasSize(depth + 2);
    assertThat(ends.stream().map(Stage::index).toList()).isEqualTo(full.layerEnds().stream().map(Stage::index).toList());
    StagePacker packer = new StagePacker();
    for (int s = 0; s < ends.size(); s++) {
      Stage a = ends.get(s);
      Stage b = full.stage(a.index());
      assertThat(a.name()).isEqualTo(b.name());
      assertThat(a.kind()).isEqualTo(b.kind());
      assertThat(a.points().toArray()).as("points at %s", a.name()).containsExactly(b.points().toArray());
      assertThat(a.field().toArray()).as("region samples at %s", a.name()).containsExactly(b.field().toArray());
      assertThat(a.grid().get(0).toArray()).as("first grid line at %s", a.name()).containsExactly(b.grid().get(0).toArray());
      // the oracle: core's forward pass one point at a time
      int d = a.dim();
      for (int i = 0; i < n; i++) {
        double[] v = points.row(i);
        for (int l = 0; l < s; l++) {
          v = net.layer(l).apply(v);
        }
        assertThat(Arrays.copyOfRange(a.points().toArray(), i * d, (i + 1) * d)).as("point %d at %s", i, a.name()).containsExactly(v);
      }
      // and the page gets the same JSON from the live view and from the scrubber's trace
      JsonNode liveJson = TraceJson.stage(a, packer);
      JsonNode fullJson = TraceJson.stage(b, new StagePacker());
      assertThat(liveJson).isEqualTo(fullJson);
    }
    assertThat(liveTrace.fieldClasses()).containsExactly(full.fieldClasses());
    ObjectNode rest = TraceJson.layersRest(liveTrace);
    ObjectNode whole = TraceJson.trace(full, new int[] {0});
    for (String k : new String[] {"stage_count", "field_classes", "field_confidence", "cut_stage", "domain"}) {
      assertThat(rest.get(k)).as(k).isEqualTo(whole.get(k));
    }
    assertThat(rest.get("stage_count").asInt()).isEqualTo(full.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 8, 16})
  void theLabShowsAWideStageExactlyAsRenderDoes(int width) {
    int n = 120;
    Points points = cloud(n, width);
    int[] labels = new int[n];
    Network net = Initializer.GLOROT.build(Architecture.of(2, List.of(width), Activation.TANH, 2), new SplittableRandom(width));
    Trace tr = Tracer.trace(net, points, labels, Domain.around(points, 0.1), TraceJson.LIVE);
    Stage wide = tr.stage(Trace.index(net, 0, Stage.Kind.BEND));
    assertThat(wide.dim()).isEqualTo(width);
    double[][] shown = new double[1][];
    int samples = wide.grid().isEmpty() ? 0 : wide.grid().get(0).n();
    double[] rows = new double[(n + wide.grid().size() * samples + wide.field().n()) * width];
    wide.points().copyInto(rows);
    int at = n * width;
    for (Points line : wide.grid()) {
      System.arraycopy(line.toArray(), 0, rows, at, line.n() * width);
      at += line.n() * width;
    }
    System.arraycopy(wide.field().toArray(), 0, rows, at, wide.field().n() * width);
    ObjectNode packed = new StagePacker().pack(rows, width, n, wide.grid().size(), samples, wide.field().n(), shown);
    assertThat(packed.get("pca").asBoolean()).isTrue();
    Scene scene = Scene.of(wide.points(), wide.grid(), wide.field(), null);
    assertThat(Arrays.copyOf(shown[0], n * 3)).containsExactly(scene.points());
    assertThat(Arrays.copyOfRange(shown[0], (rows.length / width - wide.field().n()) * 3, rows.length / width * 3))
        .containsExactly(scene.field());
  }
}
