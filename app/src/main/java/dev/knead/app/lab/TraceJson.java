package dev.knead.app.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.data.Points;
import dev.knead.core.io.Json;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Domain;
import dev.knead.core.trace.Frame;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Traces and frames in the page's shape (docs/lab.md): per stage its name, index, kind and layer
 * as the {@link Trace} has them, its shown coordinates (core's {@link dev.knead.core.trace.Projection}
 * above 3-D) packed as 16-bit integers over a box, the grid polylines and the region samples; for
 * the whole trace the class and confidence of every region sample and the final cut (line or
 * plane) in the last hidden stage. Every stage comes from a Trace; nothing here runs a network.
 */
final class TraceJson {
  /** The live sheet: 21 × 21 grid lines of 41 samples, 40 × 40 region samples. */
  static final Tracer.Options LIVE = new Tracer.Options(21, 41, 5, 21, 1600, 0.1);

  private TraceJson() {}

  /** The stages listed, the region classes and the cut. */
  static ObjectNode trace(Trace tr, int[] which) {
    ObjectNode o = Json.object();
    ArrayNode stages = o.putArray("stages");
    StagePacker packer = new StagePacker();
    for (int i : which) {
      stages.add(stage(tr.stageAt(i), packer));
    }
    o.put("stage_count", tr.size());
    ArrayNode names = o.putArray("stage_names");
    tr.stages().forEach(s -> names.add(s.name()));
    fieldAndCut(o, tr.network(), tr.domain(), tr.fieldClasses(), confidence(tr), tr.cutStage());
    o.set("blocks", BlockJson.of(tr.network()));
    return o;
  }

  /**
   * The live view's trace, without its stages (the caller writes those): stage_count, the region
   * classes and confidences, the domain and the cut — the same fields {@link #trace} writes.
   */
  static ObjectNode layersRest(Trace tr) {
    ObjectNode o = Json.object();
    o.put("stage_count", Trace.stageCount(tr.network()));
    fieldAndCut(o, tr.network(), tr.domain(), tr.fieldClasses(), confidence(tr), tr.cutStage());
    o.set("blocks", BlockJson.of(tr.network()));
    return o;
  }

  /** @return the softmax probability (× 255, rounded) of every region sample's predicted class */
  static int[] confidence(Trace tr) {
    int[] fieldClasses = tr.fieldClasses();
    Points probs = tr.stage(tr.size() - 1).field();
    int[] confidence = new int[fieldClasses.length];
    for (int i = 0; i < confidence.length; i++) {
      confidence[i] = (int) Math.round(255 * probs.get(i, fieldClasses[i]));
    }
    return confidence;
  }

  /** One stage packed for the page, with its index, name, kind and layer as the trace has them. */
  static ObjectNode stage(Stage s, StagePacker packer) {
    ObjectNode so = stage(s.points(), s.grid(), s.field(), packer);
    so.put("index", s.index());
    so.put("name", s.name());
    so.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
    so.put("layer", s.layer());
    return so;
  }

  private static void fieldAndCut(ObjectNode o, Network net, Domain domain, int[] fieldClasses, int[] confidence, int cutStage) {
    int d = net.inputDim();
    o.put("field_side", d <= 3 && fieldClasses.length > 0 ? dev.knead.core.trace.Grid.latticeSide(d, fieldClasses.length) : 0);
    o.put("field_classes", Packed.bytes(fieldClasses));
    o.put("field_confidence", Packed.bytes(confidence));
    ArrayNode dom = o.putArray("domain");
    double[] lo = domain.lo();
    double[] hi = domain.hi();
    for (int j = 0; j < lo.length; j++) {
      dom.add(lo[j]);
      dom.add(hi[j]);
    }
    o.put("cut_stage", cutStage);
    cut(net).ifPresent(c -> o.set("cut", c));
  }

  /** One position of the move scrubber. */
  static ObjectNode frame(Frame f, double position) {
    ObjectNode o = stage(f.points(), f.grid(), f.field(), new StagePacker());
    o.put("stage", f.stage());
    o.put("t", f.t());
    o.put("position", position);
    o.put("caption", f.caption());
    return o;
  }

  /**
   * The output layer's cut between two classes in the space of the last hidden stage:
   * (w₁ − w₀)·h + (b₁ − b₀) = 0 — where the two logits tie.
   */
  static java.util.Optional<ObjectNode> cut(Network net) {
    // a k-NN read-out has no linear cut
    if (!(net.block(net.blocks().size() - 1) instanceof Layer out) || out.out() != 2 || out.in() > 3) {
      return java.util.Optional.empty();
    }
    double[] w = out.weights().toArray();
    int in = out.in();
    ObjectNode c = Json.object();
    ArrayNode n = c.putArray("normal");
    for (int j = 0; j < in; j++) {
      n.add(Json.num(w[in + j] - w[j]));
    }
    c.set("offset", Json.num(out.bias(1) - out.bias(0)));
    return java.util.Optional.of(c);
  }

  /** Stacks points, grid lines and region samples into one block of rows and packs them. */
  private static ObjectNode stage(Points points, List<Points> grid, Points field, StagePacker packer) {
    final int d = points.d();
    final int samples = grid.isEmpty() ? 0 : grid.get(0).n();
    final int m = points.n() + grid.size() * samples + field.n();
    double[] rows = new double[m * d];
    points.copyInto(rows);
    int at = points.n() * d;
    for (Points line : grid) {
      double[] l = line.toArray();
      System.arraycopy(l, 0, rows, at, Math.min(l.length, samples * d));
      at += samples * d;
    }
    double[] fl = field.toArray();
    System.arraycopy(fl, 0, rows, at, fl.length);
    return packer.pack(rows, d, points.n(), grid.size(), samples, field.n());
  }
}
