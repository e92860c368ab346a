package dev.knead.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.knead.analysis.Analyst;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Generator;
import dev.knead.core.data.Param;
import dev.knead.core.data.ParamValues;
import dev.knead.core.io.ConfigJson;
import dev.knead.core.io.Json;
import dev.knead.core.run.DataSpec;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a sweep file (YAML or JSON, docs/sweeps.md) into a {@link Sweep}. The training axes are
 * fields of {@link TrainSchema} read by {@link ConfigJson#value} (so a value is refused here as
 * it would be anywhere else); data axes are checked against the data catalogue's parameters.
 * Every problem is one line naming the file and the place: "sweep.yaml: train.lr[2] must be …".
 */
public final class SweepFile {
  /** The most runs one sweep may hold. */
  public static final int MAX_RUNS = 10_000_000;

  private static final Set<String> TOP = Set.of("name", "data", "train", "measures", "analysis", "success_accuracy");
  private static final Set<String> DATA = Set.of("source", "settings", "seed", "test_share");
  private static final int MAX_AXIS = 100_000;
  // thread-safe once built; a mapper per file cost more than reading a small file
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SweepFile() {}

  /** Reads a sweep file; YAML unless the name ends in .json. */
  public static Sweep read(Path file) {
    String text;
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such file");
    }
    try {
      if (Files.size(file) > 1 << 20) {
        throw new BadInputException(file + ": a sweep file is at most 1 MiB");
      }
      text = Files.readString(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadInputException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return parse(text, file.getFileName().toString());
  }

  /**
   * @param text the file's text, YAML (of which JSON is a subset)
   * @param source the file's name, for messages
   */
  public static Sweep parse(String text, String source) {
    try {
      return parseChecked(text, source);
    } catch (BadInputException e) {
      // the messages quote the file's own text (names, values): keep them on one line
      String shown = oneLine(e.getMessage());
      if (shown.equals(e.getMessage())) {
        throw e;
      }
      throw new BadInputException(shown);
    }
  }

  /** @return the text with line breaks and other control characters escaped as \\uXXXX */
  static String oneLine(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      int type = Character.getType(ch);
      if (Character.isISOControl(ch) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static Sweep parseChecked(String text, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new BadInputException(source + ": not valid YAML or JSON" + where + ": " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(source + ": must be a mapping with 'data' and 'train'");
    }
    known(root, TOP, source);
    String name = root.hasNonNull("name") ? root.get("name").asText() : stem(source);
    List<Axis> axes = new ArrayList<>();
    List<Sweep.Setter> setters = new ArrayList<>();
    DataSpec data = data(Json.field(root, "data", source), source + ": data", axes, setters);
    Map<ConfigField<?>, Object> train = train(root.get("train"), source + ": train", axes, setters);
    List<String> measures = measures(root.get("measures"), source + ": measures");
    Analyst.Options analysis = analysis(root.get("analysis"), source + ": analysis");
    double success = 1.0;
    if (root.hasNonNull("success_accuracy")) {
      JsonNode s = root.get("success_accuracy");
      if (!s.isNumber() || !(s.asDouble() >= 0 && s.asDouble() <= 1)) {
        throw new BadInputException(source + ": success_accuracy must be a number in [0, 1]");
      }
      success = s.asDouble();
    }
    long n = 1;
    for (Axis a : axes) {
      n *= a.values().size();
      if (n > MAX_RUNS) {
        throw new BadInputException(source + ": more than " + MAX_RUNS + " runs");
      }
    }
    Sweep sweep = new Sweep(name, axes, measures, analysis, success, new Sweep.Grid(data, train, setters));
    // every axis value was checked on its own; the first run checks that they fit together
    try {
      sweep.point(0);
      sweep.point(sweep.size() - 1);
    } catch (BadInputException e) {
      throw new BadInputException(source + ": " + e.getMessage());
    }
    return sweep;
  }

  // ---- data ----

  private static DataSpec data(JsonNode d, String at, List<Axis> axes, List<Sweep.Setter> setters) {
    if (!d.isObject()) {
      throw new BadInputException(at + ": must be a mapping (source, settings, seed, test_share)");
    }
    known(d, DATA, at);
    List<String> sources = texts(Json.field(d, "source", at), at + ".source");
    for (String s : sources) {
      if (!Datasets.names().contains(s) && !Files.isRegularFile(Path.of(s))) {
        throw new BadInputException(at + ".source: '" + s + "' is neither a built-in data set (" + String.join(", ", Datasets.names())
            + ") nor a file");
      }
    }
    Map<String, List<String>> settings = new TreeMap<>();
    if (d.hasNonNull("settings")) {
      JsonNode s = d.get("settings");
      if (!s.isObject()) {
        throw new BadInputException(at + ".settings: must be a mapping of parameter → value or list of values");
      }
      for (Map.Entry<String, JsonNode> e : s.properties()) {
        settings.put(e.getKey(), numbers(e.getValue(), at + ".settings." + e.getKey()));
      }
    }
    // each generated source must know every parameter, and every value must be in its range
    for (String s : sources) {
      if (!Datasets.names().contains(s)) {
        if (!settings.isEmpty()) {
          throw new BadInputException(at + ".settings: apply to built-in data sets, not to the file " + s);
        }
        continue;
      }
      Generator g = Datasets.byName(s);
      for (Map.Entry<String, List<String>> e : settings.entrySet()) {
        for (String v : e.getValue()) {
          try {
            ParamValues.check(s, g.params(), Map.of(e.getKey(), Double.parseDouble(v)));
          } catch (BadInputException ex) {
            throw new BadInputException(at + ".settings." + e.getKey() + ": " + ex.getMessage());
          }
        }
      }
    }
    List<String> seeds = wholes(d.get("seed"), at + ".seed", "1", Long.MIN_VALUE, Long.MAX_VALUE);
    List<String> shares = d.hasNonNull("test_share") ? numbers(d.get("test_share"), at + ".test_share") : List.of("0");
    for (String s : shares) {
      double v = Double.parseDouble(s);
      if (!(v >= 0 && v < 1)) {
        throw new BadInputException(at + ".test_share must be a number in [0, 1), got " + s);
      }
    }
    DataSpec base = new DataSpec(sources.get(0), Map.of(), Long.parseLong(seeds.get(0)), Double.parseDouble(shares.get(0)), Optional.empty());
    Map<String, String> fixedSettings = new TreeMap<>();
    if (sources.size() > 1) {
      axes.add(new Axis("data.source", sources));
      setters.add((dr, i) -> new Sweep.Draft(withSource(dr.data(), sources.get(i)), dr.train(), dr.extra()));
    }
    for (Map.Entry<String, List<String>> e : settings.entrySet()) {
      List<String> vs = e.getValue();
      String key = e.getKey();
      if (vs.size() == 1) {
        fixedSettings.put(key, vs.get(0));
        continue;
      }
      axes.add(new Axis("data.settings." + key, vs));
      setters.add((dr, i) -> new Sweep.Draft(withSetting(dr.data(), key, vs.get(i)), dr.train(), dr.extra()));
    }
    base = new DataSpec(base.source(), fixedSettings, base.seed(), base.testShare(), Optional.empty());
    if (seeds.size() > 1) {
      axes.add(new Axis("data.seed", seeds));
      setters.add((dr, i) -> {
        DataSpec x = dr.data();
        return new Sweep.Draft(new DataSpec(x.source(), x.settings(), Long.parseLong(seeds.get(i)), x.testShare(), x.labelColumn()),
            dr.train(), dr.extra());
      });
    }
    if (shares.size() > 1) {
      axes.add(new Axis("data.test_share", shares));
      setters.add((dr, i) -> {
        DataSpec x = dr.data();
        return new Sweep.Draft(new DataSpec(x.source(), x.settings(), x.seed(), Double.parseDouble(shares.get(i)), x.labelColumn()),
            dr.train(), dr.extra());
      });
    }
    return base;
  }

  private static DataSpec withSource(DataSpec d, String source) {
    return new DataSpec(source, d.settings(), d.seed(), d.testShare(), d.labelColumn());
  }

  private static DataSpec withSetting(DataSpec d, String key, String value) {
    Map<String, String> s = new TreeMap<>(d.settings());
    s.put(key, value);
    return new DataSpec(d.source(), s, d.seed(), d.testShare(), d.labelColumn());
  }

  // ---- train ----

  private static Map<ConfigField<?>, Object> train(JsonNode t, String at, List<Axis> axes, List<Sweep.Setter> setters) {
    Map<ConfigField<?>, Object> base = new LinkedHashMap<>();
    if (t == null || t.isNull()) {
      return base;
    }
    if (!t.isObject()) {
      throw new BadInputException(at + ": must be a mapping of training setting → value or values");
    }
    for (Map.Entry<String, JsonNode> e : t.properties()) {
      ConfigField<?> f = TrainSchema.field(e.getKey()).orElseThrow(() -> new BadInputException(
          at + ": unknown setting '" + e.getKey() + "'; known: " + String.join(", ", TrainSchema.FIELDS.stream().map(ConfigField::key).toList())));
      String as = at + "." + f.key();
      JsonNode v = e.getValue();
      if (f == TrainSchema.HIDDEN && v.isObject() && (v.has("width") || v.has("depth"))) {
        widthDepth(v, as, axes, setters);
        continue;
      }
      List<JsonNode> values = values(f, v, as);
      List<Object> parsed = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        Object x = ConfigJson.value(f, values.get(i), values.size() == 1 ? as : as + "[" + i + "]");
        parsed.add(x);
        texts.add(text(f, x));
      }
      if (parsed.size() == 1) {
        base.put(f, parsed.get(0));
        continue;
      }
      axes.add(new Axis("train." + f.key(), texts));
      setters.add((dr, i) -> {
        Map<ConfigField<?>, Object> m = new LinkedHashMap<>(dr.train());
        m.put(f, parsed.get(i));
        return new Sweep.Draft(dr.data(), m, dr.extra());
      });
    }
    return base;
  }

  private static <T> String text(ConfigField<T> f, Object x) {
    return f.toText(f.cast(x));
  }

  /**
   * The values one setting takes: {@code {values: [...]}}, {@code {from, to, step}}, a list (an
   * axis, except for a list setting, where a list of plain items is one value and a list of
   * lists is an axis), or one value.
   */
  private static List<JsonNode> values(ConfigField<?> f, JsonNode v, String as) {
    if (v.isObject()) {
      if (v.has("values")) {
        known(v, Set.of("values"), as);
        JsonNode vs = v.get("values");
        if (!vs.isArray() || vs.isEmpty()) {
          throw new BadInputException(as + ".values: must be a non-empty list");
        }
        return list(vs, as);
      }
      if (v.has("from")) {
        return range(f, v, as);
      }
      throw new BadInputException(as + ": a mapping must be {values: [...]} or {from, to, step}"
          + (f == TrainSchema.HIDDEN ? " or {width, depth}" : ""));
    }
    if (v.isArray()) {
      boolean listOfLists = false;
      for (JsonNode e : v) {
        listOfLists |= e.isArray();
      }
      if (f.kind() == ConfigField.Kind.LIST && !listOfLists) {
        return List.of(v);
      }
      if (v.isEmpty()) {
        throw new BadInputException(as + ": an empty list gives no runs");
      }
      return list(v, as);
    }
    return List.of(v);
  }

  private static List<JsonNode> list(JsonNode vs, String as) {
    if (vs.size() > MAX_AXIS) {
      throw new BadInputException(as + ": at most " + MAX_AXIS + " values");
    }
    List<JsonNode> out = new ArrayList<>();
    vs.forEach(out::add);
    return out;
  }

  /** {from, to, step}: from, from + step, …, up to to inclusive; step defaults to 1. */
  private static List<JsonNode> range(ConfigField<?> f, JsonNode v, String as) {
    known(v, Set.of("from", "to", "step"), as);
    if (f.kind() != ConfigField.Kind.INTEGER && f.kind() != ConfigField.Kind.NUMBER) {
      throw new BadInputException(as + ": {from, to, step} needs a number setting");
    }
    BigDecimal from = decimal(v.get("from"), as + ".from");
    BigDecimal to = decimal(Json.field(v, "to", as), as + ".to");
    BigDecimal step = v.has("step") ? decimal(v.get("step"), as + ".step") : BigDecimal.ONE;
    if (step.signum() <= 0) {
      throw new BadInputException(as + ".step must be > 0, got " + step);
    }
    if (to.compareTo(from) < 0) {
      throw new BadInputException(as + ": to (" + to + ") is below from (" + from + ")");
    }
    BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
    if (count.compareTo(BigDecimal.valueOf(MAX_AXIS)) > 0) {
      throw new BadInputException(as + ": at most " + MAX_AXIS + " values, got " + count.toPlainString());
    }
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < count.intValue(); i++) {
      // decimal arithmetic: 0.1 + 2 × 0.1 is 0.3, not 0.30000000000000004
      out.add(Json.NODES.textNode(from.add(step.multiply(BigDecimal.valueOf(i))).toPlainString()));
    }
    return out;
  }

  private static BigDecimal decimal(JsonNode n, String as) {
    if (n == null || !n.isNumber()) {
      throw new BadInputException(as + ": must be a number");
    }
    return n.decimalValue();
  }

  /** hidden: {width: [...], depth: [...]}: depth layers of one width, two axes. */
  private static void widthDepth(JsonNode v, String as, List<Axis> axes, List<Sweep.Setter> setters) {
    known(v, Set.of("width", "depth"), as);
    List<String> widths = wholes(Json.field(v, "width", as), as + ".width", null, 1, dev.knead.core.net.Architecture.MAX_WIDTH);
    List<String> depths = wholes(Json.field(v, "depth", as), as + ".depth", null, 1, dev.knead.core.net.Architecture.MAX_DEPTH);
    axes.add(new Axis("train.width", widths));
    setters.add((dr, i) -> new Sweep.Draft(dr.data(), dr.train(), put(dr.extra(), "width", widths.get(i))));
    axes.add(new Axis("train.depth", depths));
    setters.add((dr, i) -> new Sweep.Draft(dr.data(), dr.train(), put(dr.extra(), "depth", depths.get(i))));
  }

  private static Map<String, String> put(Map<String, String> m, String k, String v) {
    Map<String, String> out = new HashMap<>(m);
    out.put(k, v);
    return out;
  }

  // ---- measures and analysis ----

  private static List<String> measures(JsonNode m, String at) {
    if (m == null || m.isNull()) {
      return Measures.DEFAULT;
    }
    List<String> names = texts(m, at);
    for (String n : names) {
      if (Measures.byName(n).isEmpty()) {
        throw new BadInputException(at + ": unknown measure '" + n + "'; known: " + String.join(", ", Measures.names()));
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(names));
  }

  private static Analyst.Options analysis(JsonNode a, String at) {
    Analyst.Options d = Analyst.Options.DEFAULT;
    if (a == null || a.isNull()) {
      return new Analyst.Options(200, d.maxDim(), true, d.seed());
    }
    known(a, Set.of("max_per_class", "max_dim", "seed"), at);
    int per = a.has("max_per_class") ? (int) Long.parseLong(wholes(a.get("max_per_class"), at + ".max_per_class", null, 10, 5000).get(0)) : 200;
    int dim = a.has("max_dim") ? (int) Long.parseLong(wholes(a.get("max_dim"), at + ".max_dim", null, 0, 2).get(0)) : d.maxDim();
    long seed = a.has("seed") ? Long.parseLong(wholes(a.get("seed"), at + ".seed", null, Long.MIN_VALUE, Long.MAX_VALUE).get(0)) : d.seed();
    return new Analyst.Options(per, dim, true, seed);
  }

  // ---- small readers ----

  private static void known(JsonNode o, Set<String> keys, String at) {
    for (String k : (Iterable<String>) o::fieldNames) {
      if (!keys.contains(k)) {
        throw new BadInputException(at + ": unknown field '" + k + "'; known: " + String.join(", ", new TreeMap<>(
            keys.stream().collect(java.util.stream.Collectors.toMap(x -> x, x -> x))).keySet()));
      }
    }
  }

  /** A string or a list of strings. */
  private static List<String> texts(JsonNode n, String at) {
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
    } else if (n.isArray() && !n.isEmpty()) {
      for (int i = 0; i < n.size(); i++) {
        if (!n.get(i).isTextual()) {
          throw new BadInputException(at + "[" + i + "]: must be a string");
        }
        out.add(n.get(i).asText());
      }
    } else {
      throw new BadInputException(at + ": must be a string or a non-empty list of strings");
    }
    return out;
  }

  /** A number, a list of numbers, or {values} / {from, to, step}; as plain decimal text. */
  private static List<String> numbers(JsonNode n, String at) {
    List<JsonNode> items;
    if (n.isObject()) {
      items = n.has("from") ? range(TrainSchema.LR, n, at) : values(TrainSchema.LR, n, at);
    } else if (n.isArray()) {
      if (n.isEmpty()) {
        throw new BadInputException(at + ": an empty list gives no runs");
      }
      items = list(n, at);
    } else {
      items = List.of(n);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode e = items.get(i);
      String as = items.size() == 1 ? at : at + "[" + i + "]";
      try {
        BigDecimal b = new BigDecimal(e.asText().trim());
        if (!(e.isNumber() || e.isTextual()) || !Double.isFinite(b.doubleValue())) {
          throw new NumberFormatException();
        }
        out.add(b.stripTrailingZeros().toPlainString());
      } catch (NumberFormatException ex) {
        throw new BadInputException(as + ": '" + e.asText() + "' is not a number");
      }
    }
    return out;
  }

  private static List<String> wholes(JsonNode n, String at, String def, long min, long max) {
    if (n == null || n.isNull()) {
      if (def == null) {
        throw new BadInputException(at + ": a value is required");
      }
      return List.of(def);
    }
    List<String> out = new ArrayList<>();
    List<JsonNode> items;
    if (n.isObject()) {
      items = n.has("from") ? range(TrainSchema.SEED, n, at) : values(TrainSchema.SEED, n, at);
    } else {
      items = n.isArray() ? list(n, at) : List.of(n);
    }
    if (items.isEmpty()) {
      throw new BadInputException(at + ": an empty list gives no runs");
    }
    for (int i = 0; i < items.size(); i++) {
      String as = items.size() == 1 ? at : at + "[" + i + "]";
      out.add(Long.toString(ConfigField.integer(as, 0, min, max, "", "").read(items.get(i).asText(), as)));
    }
    return out;
  }

  private static String stem(String source) {
    int dot = source.lastIndexOf('.');
    return dot > 0 ? source.substring(0, dot) : source;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
