package dev.knead.app.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.io.Json;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Trace;
import dev.knead.render.figure.BlockMarks;

/**
 * The marks of blocks that are not dense layers, in the page's shape (docs/lab.md): a k-NN
 * block's prototypes in the coordinates of the stage it reads, with their classes and √τ; a
 * coupling block's held and moved coordinates. The same {@link BlockMarks} render's figures draw.
 */
final class BlockJson {
  private BlockJson() {}

  static ArrayNode of(Network net) {
    ArrayNode out = Json.array();
    int[] ends = Trace.layerEnds(net);
    for (BlockMarks.PrototypeMarks p : BlockMarks.prototypes(net)) {
      ObjectNode o = out.addObject();
      o.put("kind", "knn");
      o.put("layer", p.layer());
      o.put("stage", p.stage());
      o.put("dim", p.dim());
      o.put("m", p.m());
      o.set("reach", Json.num(p.reach()));
      ArrayNode pts = o.putArray("points");
      for (double v : p.points()) {
        pts.add(Json.num(v));
      }
      ArrayNode cls = o.putArray("classes");
      for (int c : p.classes()) {
        cls.add(c);
      }
    }
    for (BlockMarks.Halves h : BlockMarks.halves(net)) {
      ObjectNode o = out.addObject();
      o.put("kind", "coupling");
      o.put("layer", h.layer());
      o.put("stage", h.reads());
      o.put("end", ends[h.layer() + 1]);
      ArrayNode held = o.putArray("held");
      for (int j : h.held()) {
        held.add(j);
      }
      ArrayNode moved = o.putArray("moved");
      for (int j : h.moved()) {
        moved.add(j);
      }
      o.put("caption", h.caption());
    }
    return out;
  }
}
