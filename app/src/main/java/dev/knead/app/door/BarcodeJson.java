package dev.knead.app.door;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.io.Json;
import dev.knead.topology.ph.Bar;
import dev.knead.topology.ph.PersistenceResult;
import dev.knead.topology.ph.StableScale;

/** The JSON of a barcode: {@code knead topology --format json} and the lab's barcodes. */
public final class BarcodeJson {
  private BarcodeJson() {}

  /**
   * The {@code --format json} answer: every bar, the stable scale with its Betti numbers and
   * representative cycles. The lab's barcodes are this same object.
   *
   * @param n points, d their dimension; dim the highest homology dimension; threshold or null
   */
  public static ObjectNode write(PersistenceResult result, int n, int d, int dim, Double threshold, String metric) {
    ObjectNode o = Json.object();
    o.put("points", n);
    o.put("ambient_dim", d);
    o.put("max_dim", dim);
    o.set("threshold", threshold == null ? Json.NODES.nullNode() : Json.num(threshold));
    o.put("metric", metric);
    ArrayNode bars = o.putArray("bars");
    for (Bar b : result.barcode().bars()) {
      ObjectNode bo = bars.addObject();
      bo.put("dim", b.dim());
      bo.put("birth", b.birth());
      bo.set("death", Json.num(b.death()));
    }
    StableScale s = StableScale.of(result, dim); // with a threshold, the interval up to it counts
    ObjectNode so = o.putObject("stable_scale");
    so.set("scale", Json.num(s.scale()));
    so.set("from", Json.num(s.from()));
    so.set("to", Json.num(s.to()));
    so.put("cut_at_threshold", s.cutAtThreshold());
    ArrayNode betti = so.putArray("betti");
    s.betti().forEach(betti::add);
    ArrayNode cyc = o.putArray("cycles");
    for (PersistenceResult.Cycle c : result.cycles()) {
      ObjectNode co = cyc.addObject();
      co.put("birth", c.bar().birth());
      co.set("death", Json.num(c.bar().death()));
      ArrayNode edges = co.putArray("edges");
      for (int[] e : c.edges()) {
        edges.addArray().add(e[0]).add(e[1]);
      }
    }
    return o;
  }
}
