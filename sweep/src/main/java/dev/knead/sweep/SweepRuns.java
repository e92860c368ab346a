package dev.knead.sweep;

import dev.knead.analysis.StageMeasure;
import dev.knead.core.Version;
import dev.knead.core.io.Provenance;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One run of a sweep, start to row: train it the way every run is trained ({@link Runs#execute}),
 * take the sweep's measures, and return its rows. Every runner (the local pool, Spark's tasks)
 * calls this and nothing else, so the same point gives the same row bits on any runner: the
 * seeds, not the scheduling, decide.
 */
public final class SweepRuns {
  private SweepRuns() {}

  public static RunRecord run(Sweep sweep, Schema schema, SweepPoint p) {
    Run r = Runs.execute(p.config(), TrainListener.NONE);
    Measured m = new Measured(p, r.data(), r.split(), r.result(), sweep.analysis(), sweep.successAccuracy());
    Provenance prov = Provenance.of(r);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", prov.configSha256().orElseThrow());
    row.put("run_index", (long) p.index());
    row.put("sweep", sweep.name());
    row.put("knead_version", Version.KNEAD);
    DataSpec d = p.config().data();
    row.put("data_source", d.source());
    row.put("data_settings", new TreeMap<>(d.settings()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";")));
    row.put("data_seed", d.seed());
    row.put("test_share", d.testShare());
    row.put("data_sha256", prov.dataSha256().orElseThrow());
    for (Map.Entry<String, String> a : p.axes().entrySet()) {
      if (a.getKey().startsWith("data.settings.")) {
        row.put(Schema.column(a.getKey()), Double.parseDouble(a.getValue()));
      }
    }
    TrainConfig t = p.config().train();
    row.put("width", (long) t.hidden().stream().mapToInt(Integer::intValue).max().orElse(0));
    row.put("depth", (long) t.hidden().size());
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      Object j = f.toJson(t);
      row.put(f.key(), j instanceof List<?> || (j != null && !(j instanceof Number)) ? text(f, t) : j);
    }
    List<Measure> measures = sweep.measures().stream().map(n -> Measures.byName(n).orElseThrow()).toList();
    for (Measure me : measures) {
      me.run(m, row);
    }
    List<Map<String, Object>> stages = new ArrayList<>();
    if (!schema.stages().isEmpty()) {
      List<StageMeasure> sm = m.report().stages();
      for (int s = 0; s < sm.size(); s++) {
        Map<String, Object> sr = new LinkedHashMap<>();
        sr.put("key", row.get("key"));
        sr.put("run_index", (long) p.index());
        sr.put("stage", (long) sm.get(s).stage());
        sr.put("stage_name", sm.get(s).name());
        sr.put("stage_dim", (long) sm.get(s).dim());
        sr.put("layer", (long) s);
        for (Measure me : measures) {
          me.stage(m, s, sr);
        }
        stages.add(typed(schema.stages(), sr));
      }
    }
    return new RunRecord((String) row.get("key"), p.index(), typed(schema.runs(), row), stages);
  }

  private static <T> String text(ConfigField<T> f, TrainConfig t) {
    return f.toText(t.get(f));
  }

  /** Every column in schema order, each value as its column holds it; a value no column names is a bug. */
  static Map<String, Object> typed(List<Column> columns, Map<String, Object> given) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column c : columns) {
      out.put(c.name(), c.cell(given.get(c.name())));
    }
    if (!columns.stream().map(Column::name).collect(Collectors.toSet()).containsAll(given.keySet())) {
      throw new IllegalStateException("a measure wrote a column its schema does not list: " + given.keySet());
    }
    return out;
  }
}
