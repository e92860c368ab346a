package dev.knead.app.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Initializer;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.Loss;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Precision;
import dev.knead.core.train.Schedule;
import dev.knead.core.train.TrainConfig;
import java.util.ArrayList;
import java.util.Iterator;
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
    if (upload.isEmpty() && !Datasets.names().contains(name)) {
      throw LabException.bad("data.name", "unknown data set '" + name + "'; choose one of " + String.join(", ", Datasets.names()));
    }
    Map<String, String> settings = new TreeMap<>();
    JsonNode params = data.get("params");
    if (params != null && !params.isNull()) {
      if (!params.isObject()) {
        throw LabException.bad("data.params", "must be an object of parameter → number");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber() && !e.getValue().isTextual()) {
          throw LabException.bad("data.params." + e.getKey(), "must be a number");
        }
        settings.put(e.getKey(), e.getValue().asText());
      }
    }
    // a count of more than 18 digits would not fit a long: it is over the limit too
    if (settings.containsKey("points") && settings.get("points").matches("\\d+")
        && (settings.get("points").length() > 18 || Long.parseLong(settings.get("points")) > MAX_POINTS)) {
      throw LabException.bad("data.params.points", "at most " + MAX_POINTS + " points per class in the lab");
    }
    long dataSeed = integer(data, "seed", 1, "data.seed");
    double testShare = number(data, "test_share", 0.2, "data.test_share");
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

    List<Integer> hidden = new ArrayList<>();
    JsonNode h = network.get("hidden");
    if (h != null) {
      if (!h.isArray() || h.size() > MAX_LAYERS) {
        throw LabException.bad("network.hidden", "must be an array of at most " + MAX_LAYERS + " widths");
      }
      for (int i = 0; i < h.size(); i++) {
        JsonNode w = h.get(i);
        if (!w.isIntegralNumber() || w.asInt() < 1 || w.asInt() > MAX_WIDTH) {
          throw LabException.bad("network.hidden[" + i + "]", "must be a whole number in 1 … " + MAX_WIDTH);
        }
        hidden.add(w.asInt());
      }
    } else {
      hidden.add(3);
    }
    List<Activation> acts = new ArrayList<>();
    JsonNode a = network.get("activations");
    if (a != null && !a.isArray()) {
      throw LabException.bad("network.activations", "must be an array of activation names");
    }
    for (int i = 0; i < hidden.size(); i++) {
      String at = "network.activations[" + i + "]";
      String label = a == null || a.size() == 0 ? "tanh" : a.get(Math.min(i, a.size() - 1)).asText();
      acts.add(parse(at, () -> Activation.parse(label)));
    }
    String initText = text(network, "init", "glorot", "network.init");
    Initializer init = parse("network.init", () -> Initializer.parse(initText));

    String lossText = text(train, "loss", "softmax-ce", "train.loss");
    Loss loss = parse("train.loss", () -> Loss.parse(lossText));
    String optText = text(train, "optimizer", "adam", "train.optimizer");
    Optimizer.Kind kind = parse("train.optimizer", () -> Optimizer.parseKind(optText));
    double lr = number(train, "lr", 0.03, "train.lr");
    if (!(lr > 0 && lr <= 10)) {
      throw LabException.bad("train.lr", "must be in (0, 10]");
    }
    double momentum = number(train, "momentum", 0.9, "train.momentum");
    Optimizer opt = parse("train.momentum", () -> new Optimizer(kind, lr, momentum, 0.9, 0.999, 1e-8));
    String schedText = text(train, "schedule", "constant", "train.schedule");
    Schedule schedule = parse("train.schedule", () -> Schedule.parse(schedText));
    double l1 = number(train, "l1", 0, "train.l1");
    double l2 = number(train, "l2", 0, "train.l2");
    if (!(l1 >= 0 && l2 >= 0)) {
      throw LabException.bad(l1 >= 0 ? "train.l2" : "train.l1", "must be ≥ 0");
    }
    int batch = (int) integer(train, "batch", 0, "train.batch");
    if (batch < 0) {
      throw LabException.bad("train.batch", "must be ≥ 0 (0 = full batch)");
    }
    long epochs = integer(train, "epochs", 1000, "train.epochs");
    if (epochs < 1 || epochs > MAX_EPOCHS) {
      throw LabException.bad("train.epochs", "must be in 1 … " + MAX_EPOCHS);
    }
    long seed = integer(train, "seed", 1, "train.seed");
    String precText = text(train, "precision", "float64", "train.precision");
    Precision precision = parse("train.precision", () -> Precision.parse(precText));
    long speed = integer(root, "speed", 60, "speed");
    if (speed < 0 || speed > 100_000) {
      throw LabException.bad("speed", "must be in 0 … 100000 epochs per second (0 = as fast as possible)");
    }
    TrainConfig tc = parse("train", () -> new TrainConfig(hidden, acts, init, loss, opt, schedule, l1, l2, batch, (int) epochs, 2, 0,
        Math.max(1, (int) epochs / 100), seed, precision));
    DataSpec spec = parse("data", () -> new DataSpec(upload.isPresent() ? "upload:" + upload.get() : name, upload.isPresent() ? Map.of() : settings,
        dataSeed, testShare, Optional.empty()));
    int[] labels = addedLabels.stream().mapToInt(Integer::intValue).toArray();
    return new LabRequest(session, new ExperimentConfig(spec, tc), upload, flat, labels, removed(data.get("removed")), (int) speed);
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

  static long integer(JsonNode o, String name, long def, String field) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw LabException.bad(field, "must be a whole number");
    }
    return n.asLong();
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
