package dev.knead.experiments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.Version;
import dev.knead.core.io.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON form of results (docs/cli-experiments.md documents every field). */
public final class ResultJson {
  private ResultJson() {}

  public static ObjectNode of(List<ExperimentResult> results) {
    ObjectNode o = Json.object();
    o.put("knead", Version.KNEAD);
    ArrayNode all = o.putArray("experiments");
    results.forEach(r -> all.add(of(r)));
    return o;
  }

  public static ObjectNode of(ExperimentResult r) {
    ObjectNode o = Json.object();
    o.put("experiment", r.name());
    o.put("claim", r.claim());
    o.put("citation", r.citation());
    o.put("verdict", lower(r.overall()));
    o.put("quick", r.quick());
    ArrayNode seeds = o.putArray("seeds");
    r.seeds().forEach(seeds::add);
    ObjectNode settings = o.putObject("settings");
    r.settings().values().forEach(settings::put);
    ArrayNode claims = o.putArray("claims");
    for (Claim c : r.claims()) {
      ObjectNode j = claims.addObject();
      j.put("claim", c.statement());
      j.put("kind", lower(c.kind()));
      j.put("verdict", lower(c.verdict()));
      j.put("protocol", c.protocol());
      j.put("finding", c.finding());
      if (c.test().isPresent()) {
        TestResult t = c.test().get();
        ObjectNode tj = j.putObject("test");
        tj.put("name", t.name());
        tj.set("statistic", Json.num(t.statistic()));
        tj.set("p_value", Json.num(t.pValue()));
        tj.put("alpha", t.alpha());
        tj.put("sizes", t.sizes());
      } else {
        j.putNull("test");
      }
      ArrayNode rows = j.putArray("per_seed");
      for (SeedRow row : c.rows()) {
        ObjectNode rj = rows.addObject();
        rj.put("seed", row.seed());
        rj.put("label", row.label());
        ObjectNode nums = rj.putObject("numbers");
        for (Map.Entry<String, Double> e : row.numbers().entrySet()) {
          nums.set(e.getKey(), Json.num(e.getValue()));
        }
      }
    }
    return o;
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
