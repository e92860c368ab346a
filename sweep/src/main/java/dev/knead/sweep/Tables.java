package dev.knead.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.Version;
import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's tables on disk: {@code runs.csv}, {@code stages.csv}, {@code runs.jsonl},
 * {@code stages.jsonl} (one row per run, one per run × stage, in grid order), and
 * {@code sweep.json}, which names the sweep and its columns so the tables can be read back without
 * the sweep file. Parquet is written by the Spark module (knead-spark.jar), which carries the
 * Hadoop classes Parquet needs; the product jar stays small.
 */
public final class Tables {
  public static final String META = "sweep.json";

  private Tables() {}

  /** The sweep's description: name, size, axes, measures and both tables' columns. */
  public static ObjectNode meta(Sweep sweep, Schema schema) {
    ObjectNode o = Json.object();
    o.put("format", "knead-sweep");
    o.put("version", 1);
    o.put("knead", Version.KNEAD);
    o.put("name", sweep.name());
    o.put("runs", sweep.size());
    ArrayNode axes = o.putArray("axes");
    for (Axis a : sweep.axes()) {
      ObjectNode ao = axes.addObject();
      ao.put("name", a.name());
      ao.put("column", Schema.column(a.name()));
      ArrayNode vs = ao.putArray("values");
      a.values().forEach(vs::add);
    }
    ArrayNode ms = o.putArray("measures");
    sweep.measures().forEach(ms::add);
    o.put("success_accuracy", sweep.successAccuracy());
    o.set("run_columns", columns(schema.runs()));
    o.set("stage_columns", columns(schema.stages()));
    return o;
  }

  private static ArrayNode columns(List<Column> cs) {
    ArrayNode a = Json.array();
    for (Column c : cs) {
      ObjectNode co = a.addObject();
      co.put("name", c.name());
      co.put("type", c.type().name().toLowerCase(Locale.ROOT));
      co.put("description", c.description());
    }
    return a;
  }

  /** What a sweep's folder holds, read back from {@code sweep.json}. */
  public record Meta(String name, int runs, List<String> axisColumns, List<String> measures, double successAccuracy, Schema schema) {}

  public static Meta readMeta(Path dir) {
    Path f = dir.resolve(META);
    if (!Files.isRegularFile(f)) {
      throw new BadInputException(dir + ": not a sweep folder (no " + META + ")");
    }
    String where = f.toString();
    JsonNode o;
    try {
      o = Json.parse(Files.readString(f), where);
    } catch (IOException e) {
      throw new BadInputException(where + ": cannot read (" + e.getMessage() + ")");
    }
    if (!"knead-sweep".equals(o.path("format").asText())) {
      throw new BadInputException(where + ": not a Knead sweep description");
    }
    List<String> axes = new ArrayList<>();
    for (JsonNode a : Json.field(o, "axes", where)) {
      axes.add(Json.text(a, "column", where + " axes"));
    }
    List<String> measures = new ArrayList<>();
    Json.field(o, "measures", where).forEach(m -> measures.add(m.asText()));
    return new Meta(Json.text(o, "name", where), (int) Json.integer(o, "runs", where), axes, measures,
        Json.number(o, "success_accuracy", where),
        new Schema(readColumns(Json.field(o, "run_columns", where), where), readColumns(Json.field(o, "stage_columns", where), where)));
  }

  private static List<Column> readColumns(JsonNode a, String where) {
    List<Column> out = new ArrayList<>();
    for (JsonNode c : a) {
      try {
        out.add(Column.of(Json.text(c, "name", where), Column.Type.valueOf(Json.text(c, "type", where).toUpperCase(Locale.ROOT)),
            c.path("description").asText()));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(where + ": bad column " + c);
      }
    }
    return out;
  }

  /** @return the records in grid order */
  public static List<RunRecord> ordered(Map<String, RunRecord> records) {
    return records.values().stream().sorted(Comparator.comparingInt(RunRecord::index)).toList();
  }

  /** Writes the four tables, each atomically. */
  public static List<Path> write(Path dir, Schema schema, List<RunRecord> records) {
    List<Map<String, Object>> runs = records.stream().map(RunRecord::run).toList();
    List<Map<String, Object>> stages = records.stream().flatMap(r -> r.stages().stream()).toList();
    List<Path> out = new ArrayList<>();
    out.add(write(dir.resolve("runs.csv"), csv(schema.runs(), runs)));
    out.add(write(dir.resolve("runs.jsonl"), jsonl(runs)));
    if (!schema.stages().isEmpty()) {
      out.add(write(dir.resolve("stages.csv"), csv(schema.stages(), stages)));
      out.add(write(dir.resolve("stages.jsonl"), jsonl(stages)));
    }
    return out;
  }

  private static Path write(Path p, String text) {
    AtomicFiles.write(p, text);
    return p;
  }

  /** RFC 4180: a header, then one line per row; empty for null; doubles as Java writes them (exact round trip). */
  public static String csv(List<Column> columns, List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      b.append(i == 0 ? "" : ",").append(columns.get(i).name());
    }
    b.append("\r\n");
    for (Map<String, Object> r : rows) {
      for (int i = 0; i < columns.size(); i++) {
        Object v = r.get(columns.get(i).name());
        b.append(i == 0 ? "" : ",").append(v == null ? "" : quote(v.toString()));
      }
      b.append("\r\n");
    }
    return b.toString();
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  public static String jsonl(List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder();
    for (Map<String, Object> r : rows) {
      b.append(Json.writeLine(RowJson.toJson(r))).append('\n');
    }
    return b.toString();
  }
}
