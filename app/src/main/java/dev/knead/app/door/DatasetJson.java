package dev.knead.app.door;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Generator;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Param;
import dev.knead.core.data.ShippedData;
import dev.knead.core.io.Json;
import java.util.List;
import java.util.Map;

/** The JSON of a built-in data set: {@code knead datasets --json} and the lab's {@code /api/datasets}. */
public final class DatasetJson {
  private DatasetJson() {}

  /** One data set as the JSON of {@code knead datasets --json} (the lab serves the same). */
  public static ObjectNode describe(Generator g) {
    // a shipped set is described without reading its files; a generator is made once, small
    Dataset d = g instanceof ShippedData ? null : g.generate(Map.of(), 0);
    List<String> names = g instanceof ShippedData s ? s.classNames() : d.classNames();
    GroundTruth t = d == null ? GroundTruth.unknown() : d.truth();
    ObjectNode o = Json.object();
    o.put("name", g.name());
    o.put("dim", g.dim());
    o.put("description", g.description());
    o.put("kind", g instanceof ShippedData ? "shipped" : "generated");
    ObjectNode origin = o.putObject("origin");
    origin.put("source", g.origin().source());
    origin.put("licence", g.origin().licence());
    origin.put("citation", g.origin().citation());
    ArrayNode ps = o.putArray("params");
    for (Param p : g.params()) {
      ObjectNode po = ps.addObject();
      po.put("name", p.name());
      po.put("default", p.defaultValue());
      po.put("min", p.min());
      po.put("max", p.max());
      po.put("integer", p.integer());
      po.put("description", p.description());
    }
    ArrayNode classes = o.putArray("classes");
    names.forEach(classes::add);
    if (!t.isKnown()) {
      o.putNull("topology"); // real data: its topology is measured, not known in advance
      return o;
    }
    ObjectNode top = o.putObject("topology");
    ArrayNode betti = top.putArray("betti");
    for (List<Integer> b : t.betti()) {
      ArrayNode row = betti.addArray();
      b.forEach(row::add);
    }
    ArrayNode dims = top.putArray("manifold_dims");
    t.manifoldDims().forEach(dims::add);
    ArrayNode enclosed = top.putArray("enclosed");
    t.enclosed().forEach(enclosed::add);
    if (t.linkingNumber().isPresent()) {
      top.put("linking_number", t.linkingNumber().get());
    } else {
      top.putNull("linking_number");
    }
    top.put("core_curves", t.coreCurves().size());
    return o;
  }
}
