package dev.knead.app.door;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.analysis.DataFacts;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.io.Json;
import dev.knead.topology.measure.DataTopology;
import java.util.List;
import java.util.Locale;

/** The {@code data_topology} object of {@code knead explain --json} (docs/cli.md). */
public final class DataFactsJson {
  private DataFactsJson() {}

  public static ObjectNode write(DataFacts f) {
    ObjectNode o = Json.object();
    o.put("verdicts_use", "measured");
    o.put("note", DataFacts.SOURCE);
    List<String> names = f.classNames();
    DataTopology m = f.measured();
    ObjectNode mo = o.putObject("measured");
    mo.put("dim", m.dim());
    ArrayNode classes = mo.putArray("classes");
    for (DataTopology.ClassShape s : m.classes()) {
      ObjectNode c = classes.addObject();
      c.put("class", names.get(s.label()));
      c.put("points", s.points());
      ArrayNode b = c.putArray("betti");
      s.betti().forEach(b::add);
      c.set("scale", Json.num(s.scale()));
      c.set("from", Json.num(s.from()));
      c.set("to", Json.num(s.to()));
      c.set("cap", Json.num(s.cap()));
      if (s.next().isEmpty()) {
        c.putNull("next");
      } else {
        ObjectNode n = c.putObject("next");
        ArrayNode nb = n.putArray("betti");
        s.next().forEach(nb::add);
        n.set("from", Json.num(s.nextFrom()));
        n.set("to", Json.num(s.nextTo()));
      }
      ArrayNode curves = c.putArray("core_curves");
      for (DataTopology.CoreCurve cc : s.curves()) {
        ObjectNode co = curves.addObject();
        co.set("birth", Json.num(cc.birth()));
        co.set("death", Json.num(cc.death()));
        ArrayNode v = co.putArray("vertices");
        for (double[] p : cc.vertices()) {
          v.add(Json.nums(p));
        }
      }
    }
    ArrayNode enc = mo.putArray("enclosures");
    for (DataTopology.Enclosure e : m.enclosures()) {
      ObjectNode eo = enc.addObject();
      eo.put("inner", names.get(e.inner()));
      eo.put("points", e.size());
      eo.put("outer", names.get(e.outer()));
      eo.put("how", e.how().name().toLowerCase(Locale.ROOT));
      eo.set("from", Json.num(e.from()));
      eo.set("to", Json.num(e.to()));
    }
    ArrayNode links = mo.putArray("links");
    for (DataTopology.Link l : m.links()) {
      ObjectNode lo = links.addObject();
      lo.put("a", names.get(l.a()));
      lo.put("b", names.get(l.b()));
      lo.put("curve_a", l.curveA());
      lo.put("curve_b", l.curveB());
      lo.set("gauss", Json.num(l.gauss()));
      if (l.number().isPresent()) {
        lo.put("number", l.number().get());
      } else {
        lo.putNull("number");
      }
      lo.set("distance", Json.num(l.distance()));
    }
    ArrayNode enclosed = mo.putArray("enclosed");
    m.enclosedClasses().forEach(c -> enclosed.add(names.get(c)));
    if (m.linkingNumber().isPresent()) {
      mo.put("linking_number", m.linkingNumber().get());
    } else {
      mo.putNull("linking_number");
    }
    GroundTruth t = f.truth();
    if (!t.isKnown()) {
      o.putNull("ground_truth");
    } else {
      ObjectNode to = o.putObject("ground_truth");
      ObjectNode betti = to.putObject("betti");
      for (int c = 0; c < t.betti().size() && c < names.size(); c++) {
        ArrayNode b = betti.putArray(names.get(c));
        t.betti().get(c).forEach(b::add);
      }
      ArrayNode te = to.putArray("enclosed");
      t.enclosed().forEach(c -> te.add(names.get(c)));
      if (t.linkingNumber().isPresent()) {
        to.put("linking_number", t.linkingNumber().get());
      } else {
        to.putNull("linking_number");
      }
    }
    ArrayNode dis = o.putArray("disagreements");
    f.disagreements().forEach(dis::add);
    return o;
  }
}
