package dev.knead.app.door;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.analysis.Narration;
import dev.knead.analysis.Report;
import dev.knead.analysis.StageMeasure;
import dev.knead.core.io.Json;
import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.certificate.SphereCertificate;
import dev.knead.topology.maps.Badge;
import dev.knead.topology.maps.LayerMap;
import dev.knead.topology.ph.HopBetti;
import dev.knead.topology.verdict.Verdict;
import java.util.List;
import java.util.Locale;

/** The JSON shape of {@code knead explain --json}, documented in docs/cli.md. */
public final class ReportJson {
  private ReportJson() {}

  public static ObjectNode write(Report r) {
    ObjectNode o = Json.object();
    o.put("network", r.network());
    o.put("data", r.data());
    o.set("data_topology", DataFactsJson.write(r.dataFacts()));
    o.set("verdicts_before", verdicts(r.before()));
    ArrayNode layers = o.putArray("layers");
    for (int l = 0; l < r.layers().size(); l++) {
      LayerMap m = r.layers().get(l);
      ObjectNode lo = layers.addObject();
      lo.put("layer", l + 1);
      lo.put("output", l == r.layers().size() - 1);
      lo.put("in", m.inputs());
      lo.put("out", m.outputs());
      lo.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
      lo.put("activation", m.activation().name());
      lo.put("rank", m.rank());
      lo.put("live_rank", m.liveRank());
      lo.set("singular_values", Json.nums(m.singularValues()));
      lo.set("determinant", Json.num(m.determinant()));
      lo.set("condition_number", Json.num(m.conditionNumber()));
      lo.put("reflects", m.reflects());
      lo.set("saturation_fraction", Json.num(m.saturationFraction()));
      lo.put("saturated_units", m.saturatedUnits());
      lo.put("dead_units", m.deadUnits());
      lo.put("folding_units", m.foldingUnits());
      ArrayNode badges = lo.putArray("badges");
      for (Badge b : m.badges()) {
        ObjectNode bo = badges.addObject();
        bo.put("badge", b.name().toLowerCase(Locale.ROOT));
        bo.put("explanation", b.explanation());
      }
    }
    ArrayNode stages = o.putArray("stages");
    for (StageMeasure s : r.stages()) {
      ObjectNode so = stages.addObject();
      so.put("stage", s.stage());
      so.put("name", s.name());
      so.put("dim", s.dim());
      ArrayNode betti = so.putArray("betti");
      for (List<Integer> b : s.betti()) {
        ArrayNode row = betti.addArray();
        b.forEach(row::add);
      }
      ArrayNode range = so.putArray("betti_range"); // per class: the run of k (at one hop scale) where they hold
      for (HopBetti.Plateau p : s.plateaus()) {
        ObjectNode ro = range.addObject();
        ro.put("k_from", p.kFrom());
        ro.put("k_to", p.kTo());
        ro.put("scale_hops", p.scale());
        ro.put("unique", p.unique());
      }
      so.put("complexity", s.complexity());
      // true, false, or null when some pair was not decided within the work budget (and none proved not)
      so.set("linearly_separable", s.separableIfDecided().<com.fasterxml.jackson.databind.JsonNode>map(Json.NODES::booleanNode)
          .orElse(Json.NODES.nullNode()));
      so.put("separability", s.separability().label());
      so.set("linear_probe_accuracy", Json.num(s.probeAccuracy()));
      so.set("knn_accuracy", Json.num(s.knnAccuracy()));
      so.set("intrinsic_dimension", Json.num(s.intrinsicDimension()));
      so.set("silhouette", Json.num(s.gathering().silhouette()));
      so.set("within_between_ratio", Json.num(s.gathering().ratio()));
      ArrayNode insep = so.putArray("inseparable_pairs");
      s.inseparable().forEach(p -> insep.addArray().add(p.get(0)).add(p.get(1)));
      ArrayNode undecided = so.putArray("undecided_pairs");
      s.undecided().forEach(p -> undecided.addArray().add(p.get(0)).add(p.get(1)));
      ArrayNode trivial = so.putArray("trivially_separable_pairs");
      s.trivial().forEach(p -> trivial.addArray().add(p.get(0)).add(p.get(1)));
      matrix(so.putArray("touching"), s.gathering().touching());
      matrix(so.putArray("knn_confusion"), s.gathering().confused());
      so.set("linking_number", s.linkingNumber().map(Json::num).orElse(Json.NODES.nullNode()));
      // null number with a reason: the carried curves touch, so there is no linking number
      so.set("linking_undefined", s.linkingUndefined().<com.fasterxml.jackson.databind.JsonNode>map(Json.NODES::textNode)
          .orElse(Json.NODES.nullNode()));
      so.set("winding_number", s.windingNumber().map(Json::num).orElse(Json.NODES.nullNode()));
    }
    ObjectNode proc = o.putObject("betti_procedure");
    proc.put("method", "k-nearest-neighbour graph, hop distance, Vietoris–Rips at a hop scale (Naitzat et al. 2020);"
        + " every stage read on its own: the Betti numbers that hold over the longest run of the k tried");
    proc.put("max_points_per_class", r.sampledPerClass());
    o.put("stage_points", r.stagePoints()); // every stage measure reads these (a seeded class-stratified subsample when fewer)
    o.put("total_points", r.totalPoints());
    // most multiply-adds spent deciding one pair's separability (a pair beyond it: "not decided within budget")
    o.put("separability_budget", r.separabilityWork());
    ArrayNode ks = proc.putArray("k_tried");
    for (int k : r.bettiProcedure().ks()) {
      ks.add(k);
    }
    ArrayNode scales = proc.putArray("scales_hops_tried");
    for (double h : r.bettiProcedure().scalesHops()) {
      scales.add(h);
    }
    ArrayNode certs = o.putArray("certificates");
    for (Certificate c : r.certificates()) {
      ObjectNode co = certs.addObject();
      co.put("class", c.classIndex());
      co.put("outcome", c.outcome().label());
      co.put("bounded", c.bounded());
      co.put("unbounded_by_theorem", c.unboundedByTheorem());
      co.put("data_in_region", c.dataInRegion());
      co.put("data_in_piece", c.dataInComponent());
      co.set("reach", Json.num(c.reach()));
      co.set("angle_degrees", Json.num(c.angleDegrees()));
      co.set("width_degrees", Json.num(c.widthDegrees()));
      co.set("arc_length_at_data_radius", Json.num(c.arcLengthAtDataRadius()));
      co.set("resolution", Json.num(c.resolution()));
      co.set("max_radius_checked", Json.num(c.maxRadiusChecked()));
      co.put("other_pieces", c.otherPieces());
      co.put("sentence", c.sentence());
    }
    for (SphereCertificate c : r.sphereCertificates()) {
      ObjectNode co = certs.addObject();
      co.put("class", c.classIndex());
      co.put("outcome", c.outcome().label());
      co.put("bounded", c.bounded());
      co.set("max_radius_checked", Json.num(c.maxRadiusChecked()));
      co.put("sentence", c.sentence());
    }
    o.set("verdicts_after", verdicts(r.after()));
    ArrayNode account = o.putArray("account");
    r.account().forEach(account::add);
    ArrayNode narration = o.putArray("narration");
    for (Narration.Sentence n : r.narration()) {
      ObjectNode no = narration.addObject();
      no.put("stage", n.stage());
      no.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
      no.put("text", n.text());
      ArrayNode cites = no.putArray("cites");
      for (Narration.Cite c : n.cites()) {
        ObjectNode co = cites.addObject();
        co.put("measure", c.measure());
        co.put("stage", c.stage());
        co.put("a", c.a());
        co.put("b", c.b());
        co.set("value", Json.num(c.value()));
      }
    }
    return o;
  }

  private static void matrix(ArrayNode a, int[][] m) {
    for (int[] row : m) {
      ArrayNode r = a.addArray();
      for (int v : row) {
        r.add(v);
      }
    }
  }

  public static ArrayNode verdicts(List<Verdict> vs) {
    ArrayNode a = Json.array();
    for (Verdict v : vs) {
      ObjectNode vo = a.addObject();
      vo.put("id", v.id());
      vo.put("kind", v.kind().name().toLowerCase(Locale.ROOT));
      vo.put("statement", v.statement());
      vo.put("citation", v.citation());
      vo.put("caveat", v.caveat());
      ArrayNode f = vo.putArray("facts");
      v.facts().forEach(f::add);
    }
    return a;
  }
}
