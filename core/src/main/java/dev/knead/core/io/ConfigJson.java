package dev.knead.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@link ExperimentConfig} as JSON, field by field. */
public final class ConfigJson {
  private ConfigJson() {}

  public static ObjectNode write(ExperimentConfig c) {
    ObjectNode o = Json.object();
    ObjectNode d = o.putObject("data");
    DataSpec ds = c.data();
    d.put("source", ds.source());
    ObjectNode settings = d.putObject("settings");
    new TreeMap<>(ds.settings()).forEach(settings::put);
    d.put("seed", ds.seed());
    d.put("test_share", ds.testShare());
    ds.labelColumn().ifPresent(l -> d.put("label_column", l));
    ds.labelsFile().ifPresent(l -> d.put("labels_file", l));
    o.set("train", writeTrain(c.train()));
    return o;
  }

  public static ExperimentConfig read(JsonNode o, String where) {
    String at = where + " config";
    JsonNode d = Json.field(o, "data", at);
    Map<String, String> settings = new TreeMap<>();
    JsonNode s = Json.field(d, "settings", at + ".data");
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      settings.put(e.getKey(), e.getValue().asText());
    }
    Optional<String> label = d.has("label_column") ? Optional.of(d.get("label_column").asText()) : Optional.empty();
    Optional<String> labelsFile = d.has("labels_file") ? Optional.of(d.get("labels_file").asText()) : Optional.empty();
    DataSpec data = new DataSpec(Json.text(d, "source", at + ".data"), settings, Json.integer(d, "seed", at + ".data"),
        Json.number(d, "test_share", at + ".data"), label, labelsFile);
    TrainConfig train = readTrain(Json.field(o, "train", at), at + ".train");
    return new ExperimentConfig(data, train);
  }

  /** Settings every run file has had since version 1; a file without one of them is broken. */
  private static final Set<String> SINCE_V1 = Set.of("hidden", "activations", "init", "loss", "optimizer", "lr", "momentum", "beta1",
      "beta2", "epsilon", "schedule", "l1", "l2", "batch", "epochs", "target_accuracy", "clip", "snapshot_every", "seed");

  /** config.train: every setting of {@link TrainSchema} at its run-file path. */
  public static ObjectNode writeTrain(TrainConfig t) {
    ObjectNode tr = Json.object();
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      String[] path = f.runPath().split("\\.");
      ObjectNode at = tr;
      for (int i = 0; i < path.length - 1; i++) {
        at = at.has(path[i]) ? (ObjectNode) at.get(path[i]) : at.putObject(path[i]);
      }
      at.set(path[path.length - 1], node(f.toJson(t)));
    }
    return tr;
  }

  /**
   * Reads config.train; a setting newer than the file takes its default.
   *
   * @param where e.g. "runs/x/run.json config.train"
   */
  public static TrainConfig readTrain(JsonNode t, String where) {
    if (t == null || !t.isObject()) {
      throw new BadInputException(where + ": must be an object");
    }
    Map<ConfigField<?>, Object> values = new LinkedHashMap<>();
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      JsonNode n = t;
      for (String part : f.runPath().split("\\.")) {
        n = n == null || !n.isObject() ? null : n.get(part);
      }
      String as = where + "." + f.runPath();
      if (n == null) {
        if (SINCE_V1.contains(f.key())) {
          throw new BadInputException(where + ": missing '" + f.runPath() + "'");
        }
        continue;
      }
      values.put(f, value(f, n, as));
    }
    return TrainConfig.of(values);
  }

  /**
   * One setting's value from JSON, read by value: 5001, 5001.0, 5.001e3 and "5001" are the same
   * whole number; null is none where the setting may be none.
   *
   * @param as how the user names the setting, for the message
   */
  public static <T> T value(ConfigField<T> f, JsonNode n, String as) {
    if (n.isNull()) {
      if (f.none().isPresent()) {
        return f.read("none", as);
      }
      throw new BadInputException(as + ": must not be null");
    }
    if (n.isArray()) {
      if (f.kind() != ConfigField.Kind.LIST) {
        throw new BadInputException(as + ": must be " + (f.kind() == ConfigField.Kind.CHOICE ? "a string" : "a number") + ", not a list");
      }
      List<String> items = new ArrayList<>();
      for (JsonNode e : n) {
        if (!(e.isNumber() || e.isTextual()) || e.asText().contains(",")) {
          throw new BadInputException(as + ": every item must be a number or a name");
        }
        items.add(e.asText());
      }
      return f.read(items.isEmpty() ? "none" : String.join(",", items), as);
    }
    if (n.isNumber() && f.kind() == ConfigField.Kind.CHOICE) {
      throw new BadInputException(as + ": must be a string");
    }
    if (!n.isNumber() && !n.isTextual()) {
      throw new BadInputException(as + ": must be " + (f.kind() == ConfigField.Kind.CHOICE ? "a string" : "a number"));
    }
    return f.read(n.asText(), as);
  }

  private static JsonNode node(Object v) {
    if (v == null) {
      return Json.NODES.nullNode();
    }
    if (v instanceof Long l) {
      return Json.NODES.numberNode(l);
    }
    if (v instanceof Double d) {
      return Json.num(d);
    }
    if (v instanceof List<?> l) {
      ArrayNode a = Json.array();
      l.forEach(x -> a.add(node(x)));
      return a;
    }
    return Json.NODES.textNode(String.valueOf(v));
  }

  /** The schema as JSON (GET /api/schema, knead schema --json; docs/formats.md). */
  public static ObjectNode schema() {
    ObjectNode o = Json.object();
    o.put("format", "knead-train-schema");
    o.put("version", 1);
    ArrayNode fields = o.putArray("fields");
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      ObjectNode fo = fields.addObject();
      fo.put("key", f.key());
      fo.put("flag", f.flag());
      ArrayNode aliases = fo.putArray("aliases");
      f.aliases().forEach(aliases::add);
      fo.put("group", f.group().name().toLowerCase(Locale.ROOT));
      fo.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
      fo.set("default", node(f.defaultJson()));
      f.range().ifPresentOrElse(r -> {
        fo.set("min", Double.isInfinite(r.min()) ? Json.NODES.nullNode() : rangeEnd(f, r.min()));
        fo.put("min_open", r.minOpen());
        fo.set("max", Double.isInfinite(r.max()) ? Json.NODES.nullNode() : rangeEnd(f, r.max()));
        fo.put("max_open", r.maxOpen());
      }, () -> {
        fo.putNull("min");
        fo.putNull("max");
      });
      fo.put("unit", f.unit());
      fo.set("none", f.none().map(w -> (JsonNode) Json.NODES.textNode(w)).orElse(Json.NODES.nullNode()));
      ArrayNode choices = fo.putArray("choices");
      f.choices().forEach(choices::add);
      fo.put("description", f.description());
      fo.put("run_path", f.runPath());
    }
    return o;
  }

  private static JsonNode rangeEnd(ConfigField<?> f, double v) {
    boolean whole = f.kind() == ConfigField.Kind.INTEGER || f.kind() == ConfigField.Kind.LIST;
    // whole-number ends beyond 2^53 (the seed's) are written exactly as longs
    if (whole && Math.abs(v) >= 0x1p53) {
      return Json.NODES.numberNode(v < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
    }
    return whole ? Json.NODES.numberNode((long) v) : Json.num(v);
  }
}
