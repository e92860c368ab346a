package dev.knead.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.data.DataExport;
import dev.knead.core.data.DataFiles;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.LoadOptions;
import dev.knead.core.data.Split;
import dev.knead.core.net.Network;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.Epoch;
import dev.knead.core.train.Rewind;
import dev.knead.core.train.Snapshot;
import dev.knead.core.train.TrainResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run folder: {@code run.json} (format "knead-run", version 1; see docs/formats.md) and, when
 * the data came from a file, a copy of it as {@code data.csv} so the folder stands alone.
 * Generated data is made again from its name, settings and seed, and checked against the
 * stored SHA-256.
 */
public final class RunFile {
  public static final String FORMAT = "knead-run";
  public static final int VERSION = 1;
  public static final String NAME = "run.json";

  private RunFile() {}

  /** Writes the run folder; every file is written atomically. */
  public static void save(Run run, Path dir) {
    if (!run.config().data().isGenerated()) {
      try {
        Files.createDirectories(dir);
        DataExport.writeCsv(run.data(), dir.resolve("data.csv.tmp-export"));
        Files.move(dir.resolve("data.csv.tmp-export"), dir.resolve("data.csv"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot write " + dir.resolve("data.csv") + ": " + e.getMessage(), e);
      }
    }
    AtomicFiles.write(dir.resolve(NAME), Json.write(toJson(run)));
  }

  public static ObjectNode toJson(Run run) {
    ObjectNode o = Json.object();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("knead", run.version());
    o.put("created", run.created().toString());
    o.set("config", ConfigJson.write(run.config()));
    ObjectNode data = o.putObject("data");
    data.put("name", run.data().name());
    data.put("hash", run.data().hash());
    data.put("points", run.data().size());
    data.put("dim", run.data().dim());
    ArrayNode classes = data.putArray("classes");
    run.data().classNames().forEach(classes::add);
    data.put("train_points", run.split().train().size());
    data.put("test_points", run.split().test().size());
    TrainResult r = run.result();
    ObjectNode res = o.putObject("result");
    res.put("status", r.status().name().toLowerCase(Locale.ROOT));
    res.put("epochs", r.epochs());
    res.set("train_loss", Json.num(r.trainLoss()));
    res.set("train_accuracy", Json.num(r.trainAccuracy()));
    res.set("test_loss", Json.num(r.testLoss()));
    res.set("test_accuracy", Json.num(r.testAccuracy()));
    ArrayNode rewinds = res.putArray("rewinds");
    for (Rewind w : r.rewinds()) {
      ObjectNode wo = rewinds.addObject();
      wo.put("epoch", w.epoch());
      wo.put("back_to", w.backTo());
      wo.put("reason", w.reason());
      wo.set("learning_rate_before", Json.num(w.learningRateBefore()));
      wo.set("learning_rate_after", Json.num(w.learningRateAfter()));
    }
    res.set("history", historyJson(r.history()));
    ArrayNode snaps = res.putArray("snapshots");
    for (Snapshot s : r.snapshots()) {
      ObjectNode so = snaps.addObject();
      so.put("epoch", s.epoch());
      so.set("network", NetworkJson.write(s.network()));
    }
    o.set("network", NetworkJson.write(r.network()));
    return o;
  }

  /** History in columns: one array per quantity, so long runs stay compact. */
  static ObjectNode historyJson(List<Epoch> history) {
    ObjectNode h = Json.object();
    ArrayNode epoch = h.putArray("epoch");
    ArrayNode loss = h.putArray("loss");
    ArrayNode acc = h.putArray("train_accuracy");
    ArrayNode tloss = h.putArray("test_loss");
    ArrayNode tacc = h.putArray("test_accuracy");
    ArrayNode lr = h.putArray("learning_rate");
    for (Epoch e : history) {
      epoch.add(e.epoch());
      loss.add(Json.num(e.loss()));
      acc.add(Json.num(e.trainAccuracy()));
      tloss.add(Json.num(e.testLoss()));
      tacc.add(Json.num(e.testAccuracy()));
      lr.add(Json.num(e.learningRate()));
    }
    // networks with flows: the NFE per step (files of other networks stay as they were)
    if (history.stream().anyMatch(e -> e.evaluations() != 0)) {
      ArrayNode nfe = h.putArray("evaluations");
      for (Epoch e : history) {
        nfe.add(Json.num(e.evaluations()));
      }
    }
    return h;
  }

  /**
   * Loads a run from its folder or its run.json.
   *
   * @throws BadInputException if the file is missing, not a Knead run, of a newer version, or
   *     its data no longer matches the stored hash
   */
  public static Run load(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(NAME) : path;
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(path + ": no run here (expected a run folder or its " + NAME + ")");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage());
    }
    String where = file.toString();
    JsonNode o = Json.parse(text, where);
    if (!FORMAT.equals(o.path("format").asText())) {
      throw new BadInputException(where + ": not a Knead run (format is not '" + FORMAT + "')");
    }
    long version = Json.integer(o, "version", where);
    if (version < 1 || version > VERSION) {
      throw new BadInputException(where + ": run format version " + version + " is newer than this Knead reads (" + VERSION + ")");
    }
    ExperimentConfig config = ConfigJson.read(Json.field(o, "config", where), where);
    JsonNode data = Json.field(o, "data", where);
    Dataset dataset;
    if (config.data().isGenerated()) {
      dataset = config.data().load();
    } else {
      Path copy = file.getParent() == null ? Path.of("data.csv") : file.getParent().resolve("data.csv");
      // the copy Knead wrote of data it accepted: up to the largest input (an IDX file) and its text
      dataset = DataFiles.load(copy, LoadOptions.defaults().withLimits(4L << 30, LoadOptions.IDX_MAX_VALUES));
      dataset = new Dataset(Json.text(data, "name", where), dataset.params(), dataset.points(), dataset.labels(),
          dataset.classNames(), dataset.truth());
    }
    String hash = Json.text(data, "hash", where);
    if (!hash.equals(dataset.hash())) {
      throw new BadInputException(where + ": the data made again from the config no longer matches the stored hash");
    }
    Split split = Runs.split(dataset, config.data());
    JsonNode res = Json.field(o, "result", where);
    TrainResult result = new TrainResult(
        NetworkJson.read(Json.field(o, "network", where), where + " network"),
        readHistory(Json.field(res, "history", where), where),
        readSnapshots(Json.field(res, "snapshots", where), where),
        readRewinds(Json.field(res, "rewinds", where), where),
        readStatus(Json.text(res, "status", where), where),
        Json.number(res, "train_loss", where),
        Json.number(res, "train_accuracy", where),
        Json.number(res, "test_loss", where),
        Json.number(res, "test_accuracy", where));
    Instant created;
    try {
      created = Instant.parse(Json.text(o, "created", where));
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadInputException(where + ": 'created' is not an ISO-8601 instant");
    }
    return new Run(config, dataset, split, result, created, Json.text(o, "knead", where));
  }

  private static TrainResult.Status readStatus(String s, String where) {
    try {
      return TrainResult.Status.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where + ": unknown status '" + s + "'");
    }
  }

  private static List<Epoch> readHistory(JsonNode h, String where) {
    double[] epoch = Json.numbers(h, "epoch", where + " history");
    double[] loss = Json.numbers(h, "loss", where + " history");
    double[] acc = Json.numbers(h, "train_accuracy", where + " history");
    double[] tloss = Json.numbers(h, "test_loss", where + " history");
    double[] tacc = Json.numbers(h, "test_accuracy", where + " history");
    double[] lr = Json.numbers(h, "learning_rate", where + " history");
    int n = epoch.length;
    if (loss.length != n || acc.length != n || tloss.length != n || tacc.length != n || lr.length != n) {
      throw new BadInputException(where + ": history columns differ in length");
    }
    double[] nfe = h.has("evaluations") ? Json.numbers(h, "evaluations", where + " history") : new double[n];
    if (nfe.length != n) {
      throw new BadInputException(where + ": history columns differ in length");
    }
    List<Epoch> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Epoch((int) epoch[i], loss[i], acc[i], tloss[i], tacc[i], lr[i], nfe[i]));
    }
    return out;
  }

  private static List<Snapshot> readSnapshots(JsonNode a, String where) {
    List<Snapshot> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonNode s = a.get(i);
      out.add(new Snapshot((int) Json.integer(s, "epoch", where + " snapshot " + i),
          NetworkJson.read(Json.field(s, "network", where), where + " snapshot " + i)));
    }
    return out;
  }

  private static List<Rewind> readRewinds(JsonNode a, String where) {
    List<Rewind> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonNode w = a.get(i);
      String at = where + " rewind " + i;
      out.add(new Rewind((int) Json.integer(w, "epoch", at), (int) Json.integer(w, "back_to", at), Json.text(w, "reason", at),
          Json.number(w, "learning_rate_before", at), Json.number(w, "learning_rate_after", at)));
    }
    return out;
  }
}
