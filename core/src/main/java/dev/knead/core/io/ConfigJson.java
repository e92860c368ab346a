package dev.knead.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Initializer;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.Loss;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Schedule;
import dev.knead.core.train.Precision;
import dev.knead.core.train.TrainConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    TrainConfig t = c.train();
    ObjectNode tr = o.putObject("train");
    ArrayNode hidden = tr.putArray("hidden");
    t.hidden().forEach(hidden::add);
    ArrayNode acts = tr.putArray("activations");
    t.activations().forEach(a -> acts.add(a.label()));
    tr.put("initializer", t.initializer().label());
    tr.put("loss", t.loss().label());
    ObjectNode opt = tr.putObject("optimizer");
    opt.put("kind", t.optimizer().label());
    opt.put("learning_rate", t.optimizer().learningRate());
    opt.put("momentum", t.optimizer().momentum());
    opt.put("beta1", t.optimizer().beta1());
    opt.put("beta2", t.optimizer().beta2());
    opt.put("epsilon", t.optimizer().epsilon());
    tr.put("schedule", t.schedule().label());
    tr.put("l1", t.l1());
    tr.put("l2", t.l2());
    tr.put("batch", t.batch());
    tr.put("epochs", t.epochs());
    tr.set("target_accuracy", t.targetAccuracy() <= 1 ? Json.num(t.targetAccuracy()) : Json.NODES.nullNode());
    tr.put("clip", t.clip());
    tr.put("snapshot_every", t.snapshotEvery());
    tr.put("seed", t.seed());
    // absent means float64, so double runs read and write exactly as before precision existed
    if (t.precision() != Precision.FLOAT64) {
      tr.put("precision", t.precision().label());
    }
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
    DataSpec data = new DataSpec(Json.text(d, "source", at + ".data"), settings, Json.integer(d, "seed", at + ".data"),
        Json.number(d, "test_share", at + ".data"), label);
    JsonNode t = Json.field(o, "train", at);
    String tt = at + ".train";
    List<Integer> hidden = new ArrayList<>();
    for (JsonNode h : Json.field(t, "hidden", tt)) {
      hidden.add(h.asInt());
    }
    List<Activation> acts = new ArrayList<>();
    for (JsonNode a : Json.field(t, "activations", tt)) {
      acts.add(Activation.parse(a.asText()));
    }
    JsonNode opt = Json.field(t, "optimizer", tt);
    Optimizer optimizer = new Optimizer(Optimizer.parseKind(Json.text(opt, "kind", tt)), Json.number(opt, "learning_rate", tt),
        Json.number(opt, "momentum", tt), Json.number(opt, "beta1", tt), Json.number(opt, "beta2", tt),
        Json.number(opt, "epsilon", tt));
    double target = Json.number(t, "target_accuracy", tt);
    TrainConfig train = new TrainConfig(hidden, acts, Initializer.parse(Json.text(t, "initializer", tt)),
        Loss.parse(Json.text(t, "loss", tt)), optimizer, Schedule.parse(Json.text(t, "schedule", tt)),
        Json.number(t, "l1", tt), Json.number(t, "l2", tt), (int) Json.integer(t, "batch", tt),
        (int) Json.integer(t, "epochs", tt), Double.isNaN(target) ? 2 : target, Json.number(t, "clip", tt),
        (int) Json.integer(t, "snapshot_every", tt), Json.integer(t, "seed", tt),
        t.has("precision") ? Precision.parse(Json.text(t, "precision", tt)) : Precision.FLOAT64);
    if (train.hidden().isEmpty() && !Json.field(t, "hidden", tt).isArray()) {
      throw new BadInputException(tt + ": 'hidden' must be an array");
    }
    return new ExperimentConfig(data, train);
  }
}
