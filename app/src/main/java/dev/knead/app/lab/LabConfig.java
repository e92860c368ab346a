package dev.knead.app.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Datasets;
import dev.knead.core.io.ConfigJson;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the page's run request field by field (nothing is bound to Java types by reflection).
 * Every field has a default; a wrong one throws a {@link LabException} naming it, e.g.
 * {@code train.lr}. The shape is documented in docs/lab.md.
 */
public final class LabConfig {
  public static final int MAX_LAYERS = 12;
  public static final int MAX_WIDTH = 64;
  public static final int MAX_EPOCHS = 100_000;
  public static final int MAX_POINTS = 5_000;
  public static final int MAX_ADDED = 2_000;
  /** A k-NN block in the lab: at most this many prototypes (every update reads all of them for every sample). */
  public static final int MAX_PROTOTYPES = 1_000;
  /** An ODE block in the lab: at most this many RK4 steps and hidden units in its vector field. */
  public static final int MAX_BLOCK_HIDDEN = 64;
  public static final int MAX_STEPS = 64;
  /** MNIST in the lab: at most this many training (and test) images, by value, before any is read. */
  public static final int MAX_MNIST = 2_000;
  /** The lab's MNIST sizes when the request names none (the CLI's 10,000 + 2,000 would make every update megabytes). */
  static final Map<String, Integer> MNIST_DEFAULTS = Map.of("train", 1_000, "test", 250);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private LabConfig() {}

  public static LabRequest read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw LabException.bad("body", "the request body must be a JSON object");
    }
    String session = id(root, "session", "page");
    JsonNode data = object(root, "data");
    JsonNode network = object(root, "network");
    JsonNode train = object(root, "train");

    Optional<String> upload = data.has("upload") && !data.get("upload").isNull()
        ? Optional.of(id(data, "upload", null, "data.upload")) : Optional.empty();
    String name = text(data, "name", "disk-annulus", "data.name");
    if (upload.isEmpty() && !Datasets.catalogueNames().contains(name)) {
      throw LabException.bad("data.name", "unknown data set '" + name + "'; choose one of " + String.join(", ", Datasets.catalogueNames()));
    }
    Map<String, String> settings = new TreeMap<>();
    JsonNode params = data.get("params");
    if (params != null && !params.isNull()) {
      if (!params.isObject()) {
        throw LabException.bad("data.params", "must be an object of parameter → number");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber() && !e.getValue().isTextual() || e.getValue().isNumber() && !Double.isFinite(e.getValue().asDouble())) {
          throw LabException.bad("data.params." + e.getKey(), "must be a finite number");
        }
        settings.put(e.getKey(), e.getValue().asText());
      }
    }
    if (settings.containsKey("points") && exceeds(settings.get("points"), MAX_POINTS)) {
      throw LabException.bad("data.params.points", "at most " + MAX_POINTS + " points per class in the lab");
    }
    if (upload.isEmpty() && name.equals("mnist")) {
      for (Map.Entry<String, Integer> e : MNIST_DEFAULTS.entrySet()) {
        if (!settings.containsKey(e.getKey())) {
          settings.put(e.getKey(), String.valueOf(e.getValue()));
        } else if (exceeds(settings.get(e.getKey()), MAX_MNIST)) {
          throw LabException.bad("data.params." + e.getKey(), "at most " + MAX_MNIST + " MNIST images in the lab (the command line takes all)");
        }
      }
    }
    long dataSeed = integer(data, "seed", 1, "data.seed");
    double testShare = number(data, "test_share", DataSpec.DEFAULT_TEST_SHARE, "data.test_share");
    if (!(testShare >= 0 && testShare < 1)) {
      throw LabException.bad("data.test_share", "must be in [0, 1)");
    }
    JsonNode addedNode = data.get("added");
    List<double[]> added = new ArrayList<>();
    List<Integer> addedLabels = new ArrayList<>();
    if (addedNode != null && !addedNode.isNull()) {
      if (!addedNode.isArray() || addedNode.size() > MAX_ADDED) {
        throw LabException.bad("data.added", "must be an array of at most " + MAX_ADDED + " [x, y, …, class] rows");
      }
      for (int i = 0; i < addedNode.size(); i++) {
        JsonNode row = addedNode.get(i);
        String at = "data.added[" + i + "]";
        if (!row.isArray() || row.size() < 2 || row.size() > 4) {
          throw LabException.bad(at, "must be [x, y, class] (or [x, y, z, class])");
        }
        double[] p = new double[row.size() - 1];
        for (int j = 0; j < p.length; j++) {
          if (!row.get(j).isNumber() || !Double.isFinite(row.get(j).asDouble())) {
            throw LabException.bad(at, "coordinate " + j + " must be a finite number");
          }
          p[j] = row.get(j).asDouble();
        }
        JsonNode c = row.get(row.size() - 1);
        if (!c.isIntegralNumber() || c.asInt() < 0 || c.asInt() > 9) {
          throw LabException.bad(at, "the class must be a whole number in 0 … 9");
        }
        added.add(p);
        addedLabels.add(c.asInt());
      }
    }
    int dim = added.isEmpty() ? 0 : added.get(0).length;
    double[] flat = new double[added.size() * dim];
    for (int i = 0; i < added.size(); i++) {
      if (added.get(i).length != dim) {
        throw LabException.bad("data.added[" + i + "]", "every added point needs the same number of coordinates");
      }
      System.arraycopy(added.get(i), 0, flat, i * dim, dim);
    }

    // every training setting is read through the schema, by value; the lab only tightens a few ranges
    Map<ConfigField<?>, Object> values = new LinkedHashMap<>();
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      boolean inNetwork = f.group() == ConfigField.Group.NETWORK;
      String as = (inNetwork ? "network." : "train.") + f.key();
      JsonNode n = (inNetwork ? network : train).get(f.key());
      if (n == null || n.isNull() && f.none().isEmpty()) {
        continue;
      }
      if (n.isArray() && n.size() > MAX_LAYERS) {
        throw LabException.bad(as, "must be an array of at most " + MAX_LAYERS + " items");
      }
      values.put(f, schemaValue(f, n, as));
    }
    List<Integer> hidden = TrainSchema.HIDDEN.cast(values.getOrDefault(TrainSchema.HIDDEN, TrainSchema.HIDDEN.defaultValue()));
    for (int i = 0; i < hidden.size(); i++) {
      if (hidden.get(i) > MAX_WIDTH) {
        throw LabException.bad("network.hidden[" + i + "]", "must be a whole number in 1 … " + MAX_WIDTH);
      }
    }
    layerLimits(TrainSchema.LAYERS.cast(values.getOrDefault(TrainSchema.LAYERS, TrainSchema.LAYERS.defaultValue())));
    long epochs = TrainSchema.EPOCHS.cast(values.getOrDefault(TrainSchema.EPOCHS, TrainSchema.EPOCHS.defaultValue()));
    if (epochs < 1 || epochs > MAX_EPOCHS) {
      throw LabException.bad("train.epochs", "must be in 1 … " + MAX_EPOCHS);
    }
    long speed = integer(root, "speed", 60, "speed");
    if (speed < 0 || speed > 100_000) {
      throw LabException.bad("speed", "must be in 0 … 100000 epochs per second (0 = as fast as possible)");
    }
    TrainConfig tc = parse("train", () -> TrainConfig.of(values));
    DataSpec spec = parse("data", () -> new DataSpec(upload.isPresent() ? "upload:" + upload.get() : name, upload.isPresent() ? Map.of() : settings,
        dataSeed, testShare, Optional.empty()));
    int[] labels = addedLabels.stream().mapToInt(Integer::intValue).toArray();
    return new LabRequest(session, new ExperimentConfig(spec, tc), upload, flat, labels, removed(data.get("removed")), (int) speed);
  }

  /** The lab's tighter limits on a layers spec the CLI's parser accepted (network.layers names the item). */
  static void layerLimits(dev.knead.core.net.LayerSpecs layers) {
    List<dev.knead.core.net.LayerSpec> items = layers.items();
    if (items.size() > MAX_LAYERS) {
      throw LabException.bad("network.layers", "at most " + MAX_LAYERS + " blocks in the lab, got " + items.size());
    }
    for (dev.knead.core.net.LayerSpec s : items) {
      String at = "layer '" + s.text() + "': ";
      if (s.width() > MAX_WIDTH) {
        throw LabException.bad("network.layers", at + "width " + s.width() + " is above the lab's " + MAX_WIDTH);
      }
      if (s.prototypes() > MAX_PROTOTYPES) {
        throw LabException.bad("network.layers", at + s.prototypes() + " prototypes are above the lab's " + MAX_PROTOTYPES
            + " (the command line takes more)");
      }
      if (s.kind() != dev.knead.core.net.LayerSpec.Kind.DENSE && s.kind() != dev.knead.core.net.LayerSpec.Kind.KNN
          && s.hidden() > MAX_BLOCK_HIDDEN) {
        throw LabException.bad("network.layers", at + s.hidden() + " hidden units are above the lab's " + MAX_BLOCK_HIDDEN);
      }
      if (s.kind() == dev.knead.core.net.LayerSpec.Kind.ODE && s.steps() > MAX_STEPS) {
        throw LabException.bad("network.layers", at + s.steps() + " RK4 steps are above the lab's " + MAX_STEPS);
      }
    }
  }

  /**
   * A layers spec against the data it will read: builds the network once (a fixed seed, thrown
   * away) so that a block that does not fit — ode:1 on 2-D points, a coupling on 1-D — is a 400
   * naming network.layers when the run is asked for, not a run that fails after it started.
   */
  static void layersFit(dev.knead.core.net.LayerSpecs layers, dev.knead.core.net.Initializer init, int dim, int classes) {
    if (layers.isEmpty()) {
      return;
    }
    parse("network.layers", () -> layers.build(dim, classes, init, new java.util.SplittableRandom(0)));
  }

  /** Most edits a request may replay. */
  static final int MAX_EDITS = 1000;

  /**
   * The run request's {@code edits}: weights set by hand at one pause, {@code [[epoch, layer, row,
   * col, value], …]} (col −1: the bias), to make again when the run reaches that epoch. Every
   * number is checked by value; the shapes are checked against the network by the caller.
   */
  static java.util.List<Job.Edit> edits(JsonNode node, long epochs) {
    if (node == null || node.isNull()) {
      return java.util.List.of();
    }
    if (!node.isArray() || node.size() > MAX_EDITS) {
      throw LabException.bad("edits", "must be a list of at most " + MAX_EDITS + " [epoch, layer, row, col, value]");
    }
    java.util.List<Job.Edit> out = new java.util.ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode e = node.get(i);
      String f = "edits[" + i + "]";
      if (!e.isArray() || e.size() != 5 || !java.util.stream.StreamSupport.stream(e.spliterator(), false).allMatch(JsonNode::isNumber)) {
        throw LabException.bad(f, "must be [epoch, layer, row, col, value], five numbers");
      }
      double[] v = new double[5];
      for (int j = 0; j < 5; j++) {
        v[j] = e.get(j).asDouble();
      }
      long[] lim = {epochs, 100, 100_000, 100_000};
      long[] low = {0, 0, 0, -1};
      for (int j = 0; j < 4; j++) {
        if (v[j] != Math.rint(v[j]) || v[j] < low[j] || v[j] > lim[j]) {
          throw LabException.bad(f, new String[] {"epoch", "layer", "row", "col"}[j] + " must be a whole number in " + low[j] + " … " + lim[j]);
        }
      }
      if (!Double.isFinite(v[4]) || Math.abs(v[4]) > 1e6) {
        throw LabException.bad(f, "value must be a finite number of magnitude at most 1e6");
      }
      if (!out.isEmpty() && out.get(0).epoch() != (int) v[0]) {
        throw LabException.bad(f, "every edit is of one pause: epoch " + out.get(0).epoch() + ", not " + (long) v[0]);
      }
      out.add(new Job.Edit((int) v[0], (int) v[1], (int) v[2], (int) v[3], v[4]));
    }
    return java.util.List.copyOf(out);
  }

  /** GET /api/schema: the training schema and the lab's tighter limits, [min, max] per setting. */
  static com.fasterxml.jackson.databind.node.ObjectNode schema() {
    com.fasterxml.jackson.databind.node.ObjectNode o = ConfigJson.schema();
    com.fasterxml.jackson.databind.node.ObjectNode lim = o.putObject("lab_limits");
    lim.putArray("epochs").add(1).add(MAX_EPOCHS);
    lim.putArray("hidden").add(1).add(MAX_WIDTH);
    lim.putArray("layers").add(0).add(MAX_LAYERS);
    lim.putArray("prototypes").add(1).add(MAX_PROTOTYPES);
    return o;
  }

  /** data.removed: [[x, y], …] (or [x, y, z]) where points were clicked away; n × d row-major. */
  static double[] removed(JsonNode node) {
    if (node == null || node.isNull()) {
      return new double[0];
    }
    if (!node.isArray() || node.size() > MAX_ADDED) {
      throw LabException.bad("data.removed", "must be an array of at most " + MAX_ADDED + " [x, y] rows");
    }
    int dim = node.size() == 0 ? 0 : node.get(0).size();
    double[] flat = new double[node.size() * dim];
    for (int i = 0; i < node.size(); i++) {
      JsonNode row = node.get(i);
      String at = "data.removed[" + i + "]";
      if (!row.isArray() || row.size() < 1 || row.size() > 3 || row.size() != dim) {
        throw LabException.bad(at, "must be [x, y] (or [x, y, z]), like every other row");
      }
      for (int j = 0; j < dim; j++) {
        if (!row.get(j).isNumber() || !Double.isFinite(row.get(j).asDouble())) {
          throw LabException.bad(at, "coordinate " + j + " must be a finite number");
        }
        flat[i * dim + j] = row.get(j).asDouble();
      }
    }
    return flat;
  }

  /**
   * Whether text is a number above max, by value: " 5001", "5001.0", "5.001e3" and "1e6" all
   * are for max 5000 (decided from the digit count before any big number is made).
   */
  static boolean exceeds(String text, long max) {
    String t = text.trim();
    if (t.isEmpty() || t.length() > 64) {
      return t.length() > 64;
    }
    try {
      java.math.BigDecimal v = new java.math.BigDecimal(t);
      return v.signum() > 0 && (v.precision() - v.scale() > 19 || v.compareTo(java.math.BigDecimal.valueOf(max)) > 0);
    } catch (NumberFormatException e) {
      return false; // not a number: the data set's own parser names the problem
    }
  }

  /** A schema setting from the request; the field named is the one the message names (e.g. network.hidden[0]). */
  static <T> T schemaValue(ConfigField<T> f, JsonNode n, String as) {
    try {
      return ConfigJson.value(f, n, as);
    } catch (BadInputException e) {
      String m = e.getMessage();
      java.util.regex.Matcher at = FIELD.matcher(m);
      String field = at.lookingAt() && at.group().startsWith(as) ? at.group() : as;
      String rest = m.startsWith(field) ? m.substring(field.length()).replaceFirst("^:? *", "") : m;
      throw LabException.bad(field, rest);
    }
  }

  private static final Pattern FIELD = Pattern.compile("[a-z]+\\.[a-z_0-9]+(\\[\\d+])?");

  /** Runs a core parser and names the field when it refuses. */
  static <T> T parse(String field, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (BadInputException | IllegalArgumentException e) {
      throw LabException.bad(field, e.getMessage());
    }
  }

  static JsonNode object(JsonNode parent, String name) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      return dev.knead.core.io.Json.object();
    }
    if (!n.isObject()) {
      throw LabException.bad(name, "must be an object");
    }
    return n;
  }

  static String text(JsonNode o, String name, String def, String field) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isTextual()) {
      throw LabException.bad(field, "must be a string");
    }
    return n.asText();
  }

  static double number(JsonNode o, String name, double def, String field) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
      throw LabException.bad(field, "must be a finite number");
    }
    return n.asDouble();
  }

  /** A whole number by value (3, 3.0, 3e0 and "3" alike). */
  static long integer(JsonNode o, String name, long def, String field) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isNumber() && !n.isTextual()) {
      throw LabException.bad(field, "must be a whole number");
    }
    String t = n.asText().trim();
    try {
      java.math.BigDecimal v = t.length() > 64 ? null : new java.math.BigDecimal(t);
      if (v == null || v.signum() != 0 && v.precision() - v.scale() > 19) {
        throw LabException.bad(field, "must be a whole number (of at most 19 digits)");
      }
      return v.stripTrailingZeros().scale() > 0 ? failWhole(field) : v.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw LabException.bad(field, "must be a whole number");
    }
  }

  private static long failWhole(String field) {
    throw LabException.bad(field, "must be a whole number");
  }

  static String id(JsonNode o, String name, String def) {
    return id(o, name, def, name);
  }

  static String id(JsonNode o, String name, String def, String field) {
    String s = text(o, name, def, field);
    if (s == null || !ID.matcher(s).matches()) {
      throw LabException.bad(field, "must be 1 … 64 letters, digits, '-' or '_'");
    }
    return s;
  }
}
