package dev.knead.app.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.analysis.Analyst;
import dev.knead.analysis.Report;
import dev.knead.app.door.BarcodeJson;
import dev.knead.app.door.DatasetJson;
import dev.knead.app.door.Figures;
import dev.knead.app.door.ReportJson;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Generator;
import dev.knead.core.data.Points;
import dev.knead.core.io.Json;
import dev.knead.core.io.NetworkJson;
import dev.knead.core.io.Provenance;
import dev.knead.core.io.RunFile;
import dev.knead.core.net.Network;
import dev.knead.core.train.Epoch;
import dev.knead.core.train.Snapshot;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.Trainer;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;

/**
 * The lab's HTTP handlers: each parses, calls core or analysis, writes JSON. No math here.
 * Shapes are in docs/lab.md.
 */
final class LabRoutes {
  /** Largest JSON request body. */
  static final int MAX_JSON_BYTES = 256 * 1024;

  private final Jobs jobs;
  private final Uploads uploads;
  private final LiveStream live;
  private final FigureExports exports;
  private final Explanations explanations;
  private final String datasets;

  LabRoutes(Jobs jobs, Uploads uploads, LiveStream live, FigureExports exports, Explanations explanations) {
    this.explanations = explanations;
    this.jobs = jobs;
    this.uploads = uploads;
    this.live = live;
    this.exports = exports;
    ArrayNode all = Json.array();
    for (Generator g : Datasets.catalogue()) {
      ObjectNode d = DatasetJson.describe(g);
      if (g.name().equals("mnist")) {
        // the lab's own bounds: what the page offers is what the lab accepts
        for (com.fasterxml.jackson.databind.JsonNode p : d.get("params")) {
          Integer lab = LabConfig.MNIST_DEFAULTS.get(p.get("name").asText());
          if (lab != null) {
            ((ObjectNode) p).put("default", lab).put("max", Math.min(p.get("max").asDouble(), LabConfig.MAX_MNIST));
          }
        }
      }
      all.add(d);
    }
    this.datasets = Json.writeLine(all);
  }

  /** The schema with the lab's tighter limits (docs/lab.md): [min, max] per setting. */
  private final ObjectNode schema = LabConfig.schema();

  void datasets(Context ctx) {
    json(ctx, 200, datasets);
  }

  /** The training settings: key, default, range, unit, description (the page builds its controls from it). */
  void schema(Context ctx) {
    json(ctx, 200, schema);
  }

  void startRun(Context ctx) {
    JsonNode b = body(ctx);
    LabRequest r = LabConfig.read(b);
    Dataset data = LabData.load(r, uploads);
    LabConfig.layersFit(r.config().train().layers(), r.config().train().initializer(), data.dim(), data.classes());
    Network from = null;
    List<Job.Edit> inherited = List.of();
    List<Job.Edit> replay = LabConfig.edits(b.get("edits"), r.config().train().epochs());
    if (b.hasNonNull("from")) {
      // train on from this page's run's (edited) weights: the same shapes and data are required
      Job source = jobs.owned(LabConfig.id(b, "from", null), ctx.header(Jobs.TOKEN_HEADER));
      from = source.latest().orElseThrow(() -> new LabException(409, "from", "that run has no weights yet"));
      if (!from.isDense() || !r.config().train().layers().isEmpty()) {
        // training on from edited weights is for networks of dense layers (a block network was a 500)
        throw LabException.bad("from", "only a network of dense layers trains on from its weights in the lab; this one is " + from.describe());
      }
      var arch = LabConfig.parse("network", () -> r.config().train().architecture(data.dim(), data.classes()));
      List<?> acts = from.layers().subList(0, from.depth()).stream().map(l -> l.activation()).toList();
      if (!from.hiddenWidths().equals(arch.hidden()) || !acts.equals(arch.activations()) || from.inputDim() != data.dim()
          || from.classes() != data.classes()) {
        throw LabException.bad("from", "that run's network is " + from.describe() + "; this request's is " + arch);
      }
      inherited = source.editHistory();
      if (!replay.isEmpty()) {
        throw LabException.bad("edits", "a run from another run's weights has that run's edits already; send edits or from, not both");
      }
    }
    if (!replay.isEmpty()) {
      // checked against the network's shapes before any training: a bad edit is the request's fault
      var arch = LabConfig.parse("network", () -> r.config().train().architecture(data.dim(), data.classes()));
      List<Integer> widths = new java.util.ArrayList<>(arch.hidden());
      widths.add(0, data.dim());
      widths.add(data.classes());
      for (int i = 0; i < replay.size(); i++) {
        Job.Edit e = replay.get(i);
        String f = "edits[" + i + "]";
        if (e.layer() >= widths.size() - 1) {
          throw LabException.bad(f, "layer must be in 0 … " + (widths.size() - 2));
        }
        if (e.row() >= widths.get(e.layer() + 1) || e.col() >= widths.get(e.layer())) {
          throw LabException.bad(f, "layer " + e.layer() + " has " + widths.get(e.layer() + 1) + " units of " + widths.get(e.layer())
              + " inputs (col −1 is the bias)");
        }
      }
    }
    Job job = jobs.start(r, data, ctx.header(Jobs.TOKEN_HEADER), from, inherited, replay);
    ObjectNode o = LiveFrame.status(job);
    o.put("token", job.token);
    o.put("data", data.name());
    o.put("points", data.size());
    o.put("dim", data.dim());
    ArrayNode names = o.putArray("class_names");
    data.classNames().forEach(names::add);
    json(ctx, 201, o);
  }

  void getRun(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    ObjectNode o = LiveFrame.status(job);
    ArrayNode h = o.putArray("history");
    for (Epoch e : job.history()) {
      h.add(LiveFrame.epoch(e));
    }
    ArrayNode snaps = o.putArray("snapshot_epochs");
    job.snapshots().forEach(s -> snaps.add(s.epoch()));
    o.set("config", dev.knead.core.io.ConfigJson.write(job.request.config()));
    json(ctx, 200, o);
  }

  /** The newest weights, as run.json's network ({@code NetworkJson}). */
  void weights(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    Network net = job.latest().orElseThrow(() -> new LabException(409, "id", "the run has no weights yet"));
    json(ctx, 200, NetworkJson.write(net));
  }

  /** Changes one weight or bias of a paused run's newest weights: {layer, row, col (−1: bias), value}. */
  void editWeight(Context ctx) {
    Job job = jobs.owned(ctx.pathParam("id"), ctx.header(Jobs.TOKEN_HEADER));
    JsonNode b = body(ctx);
    long layer = LabConfig.integer(b, "layer", -2, "layer");
    long row = LabConfig.integer(b, "row", -2, "row");
    long col = LabConfig.integer(b, "col", -2, "col");
    if (!b.hasNonNull("value")) {
      throw LabException.bad("value", "give the new value");
    }
    double value = LabConfig.number(b, "value", 0, "value");
    job.edit((int) Math.max(-2, Math.min(layer, 1000)), (int) Math.max(-2, Math.min(row, 100_000)), (int) Math.max(-2, Math.min(col, 100_000)), value);
    ObjectNode o = LiveFrame.status(job);
    o.put("version", job.version());
    json(ctx, 200, o);
  }

  void cancelRun(Context ctx) {
    Job job = jobs.owned(ctx.pathParam("id"), ctx.header(Jobs.TOKEN_HEADER));
    job.cancel();
    json(ctx, 200, LiveFrame.status(job));
  }

  void control(Context ctx) {
    Job job = jobs.owned(ctx.pathParam("id"), ctx.header(Jobs.TOKEN_HEADER));
    JsonNode b = body(ctx);
    String action = LabConfig.text(b, "action", "", "action");
    switch (action) {
      case "pause" -> job.pause(true);
      case "resume" -> job.pause(false);
      case "step" -> {
        long n = LabConfig.integer(b, "epochs", 1, "epochs");
        if (n < 1 || n > 10_000) {
          throw LabException.bad("epochs", "must be in 1 … 10000");
        }
        job.step((int) n);
      }
      case "speed" -> {
        long s = LabConfig.integer(b, "speed", 60, "speed");
        if (s < 0 || s > 100_000) {
          throw LabException.bad("speed", "must be in 0 … 100000 epochs per second");
        }
        job.speed((int) s);
      }
      default -> throw LabException.bad("action", "must be pause, resume, step or speed");
    }
    json(ctx, 200, LiveFrame.status(job));
  }

  /**
   * Checks a live-stream request before the stream opens, so a bad one is an HTTP 4xx JSON error
   * (once the event stream has started its status is 200).
   */
  void liveCheck(Context ctx) {
    jobs.get(ctx.pathParam("id"));
    everyMillis(ctx);
  }

  void liveStream(SseClient client) {
    Context ctx = client.ctx();
    Job job = jobs.get(ctx.pathParam("id"));
    jobs.watched(job);
    live.attach(client, job, everyMillis(ctx), () -> jobs.unwatched(job));
  }

  /** @return the query's every (ms between updates), 10 … 5000, by value */
  static int everyMillis(Context ctx) {
    String every = ctx.queryParam("every");
    if (every == null) {
      return LiveStream.DEFAULT_EVERY_MS;
    }
    long ms;
    try {
      java.math.BigDecimal v = every.length() > 32 ? null : new java.math.BigDecimal(every.trim());
      ms = v == null || v.stripTrailingZeros().scale() > 0 ? -1 : v.compareTo(java.math.BigDecimal.valueOf(100_000)) > 0 ? -1 : v.longValue();
    } catch (NumberFormatException e) {
      ms = -1;
    }
    if (ms < LiveStream.MIN_EVERY_MS || ms > 5_000) {
      throw LabException.bad("every", "must be a whole number of milliseconds in " + LiveStream.MIN_EVERY_MS + " … 5000");
    }
    return (int) ms;
  }

  /** The whole trace of a snapshot (every stage), or one position of the move scrubber. */
  void trace(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    List<Snapshot> snaps = job.snapshots();
    Network net = snapshotNetwork(ctx, job, snaps);
    Trace tr = Tracer.trace(net, job.livePointCloud(), job.liveLabels(), job.domain, TraceJson.LIVE);
    String position = ctx.queryParam("position");
    if (position != null) {
      double s;
      try {
        s = Double.parseDouble(position);
      } catch (NumberFormatException e) {
        throw LabException.bad("position", "must be a number in 0 … " + (tr.size() - 1));
      }
      if (!(s >= 0 && s <= tr.size() - 1)) {
        throw LabException.bad("position", "must be in 0 … " + (tr.size() - 1));
      }
      ObjectNode f = TraceJson.frame(tr.atPosition(s), s);
      // the regions of this snapshot's weights, not the newest ones the live view shows
      f.put("field_classes", Packed.bytes(tr.fieldClasses()));
      f.put("field_confidence", Packed.bytes(TraceJson.confidence(tr)));
      f.set("blocks", BlockJson.of(net));
      json(ctx, 200, f);
      return;
    }
    int[] all = new int[tr.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    ObjectNode o = TraceJson.trace(tr, all);
    o.put("labels", Packed.bytes(job.liveLabels()));
    json(ctx, 200, o);
  }

  private static Network snapshotNetwork(Context ctx, Job job, List<Snapshot> snaps) {
    String snapshot = ctx.queryParam("snapshot");
    if (snapshot == null || snapshot.equals("latest")) {
      return job.latest().orElseThrow(() -> new LabException(409, "snapshot", "the run has no weights yet"));
    }
    int k;
    try {
      k = Integer.parseInt(snapshot);
    } catch (NumberFormatException e) {
      throw LabException.bad("snapshot", "must be 'latest' or a snapshot index 0 … " + (snaps.size() - 1));
    }
    if (k < 0 || k >= snaps.size()) {
      throw LabException.bad("snapshot", "must be in 0 … " + (snaps.size() - 1));
    }
    return snaps.get(k).network();
  }

  /** What theory decides before training, for the request's data and architecture. */
  void explainBefore(Context ctx) {
    LabRequest r = LabConfig.read(body(ctx));
    Dataset data = LabData.load(r, uploads);
    TrainConfig tc = r.config().train();
    LabConfig.layersFit(tc.layers(), tc.initializer(), data.dim(), data.classes());
    // the network as training would start it (a fixed seed, thrown away): the theory reads its
    // blocks, so a flow or coupling in the layers spec counts, not the dense widths it replaces
    Network net = LabConfig.parse("network", () -> Trainer.initial(data, tc, new java.util.SplittableRandom(0)));
    ObjectNode o = Json.object();
    o.put("data", data.name());
    o.put("network", net.describe());
    o.set("verdicts_before", ReportJson.verdicts(Analyst.before(net, data)));
    json(ctx, 200, o);
  }

  /** Longest a request for an explanation waits for it (?wait=seconds, 0 … this). */
  static final int EXPLAIN_WAIT_SECONDS = 120;

  /**
   * The full analysis of the run's newest weights: badges, Betti numbers, certificate. Measured on
   * the lab's one explaining thread (queued, at most {@link Explanations#QUEUE} waiting);
   * {@code ?wait=s} waits at most s seconds, then answers 202 with the state (queued with how
   * many ahead, or measuring for how long) for the page to show and ask again.
   */
  void explainRun(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    long version = job.version();
    Network net = job.latest().orElseThrow(() -> new LabException(409, "id", "the run has no weights yet"));
    int epoch = job.history().isEmpty() ? 0 : job.history().get(job.history().size() - 1).epoch();
    int wait = ctx.queryParam("wait") == null ? EXPLAIN_WAIT_SECONDS : (int) number(ctx, "wait", 0, EXPLAIN_WAIT_SECONDS);
    Explanations.Task task = explanations.submit(job.id, version, () -> {
      // the CLI's entry and numbers: knead explain RUN --json on the exported run gives this report
      Report report = Analyst.analyse(net, job.data, explainOptions(job.request.config().data().seed()));
      ObjectNode o = ReportJson.write(report);
      o.put("epoch", epoch);
      return o;
    });
    try {
      json(ctx, 200, Explanations.await(task, wait * 1000L));
    } catch (java.util.concurrent.TimeoutException e) {
      ObjectNode o = Json.object();
      boolean measuring = task.startedAt != 0;
      o.put("status", measuring ? "measuring" : "queued");
      o.put("ahead", explanations.ahead(task));
      o.put("seconds", Math.round((System.nanoTime() - (measuring ? task.startedAt : task.queuedAt)) / 1e8) / 10.0);
      o.put("points", job.data.size());
      o.put("epoch", epoch);
      json(ctx, 202, o);
    }
  }

  /**
   * What {@code knead explain} measures with its defaults: {@link Analyst.Options#DEFAULT}'s
   * points per class, homology dimension and certificate, subsampled with the run's data seed.
   */
  static Analyst.Options explainOptions(long dataSeed) {
    Analyst.Options d = Analyst.Options.DEFAULT;
    return new Analyst.Options(d.maxPerClass(), d.maxDim(), d.certificate(), dataSeed);
  }

  /** The finished run as run.json (config, data hash, network, history). */
  void exportRun(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    ObjectNode o;
    if (job.finishedRun().isPresent()) {
      o = RunFile.toJson(job.finishedRun().get());
    } else {
      Network net = job.latest().orElseThrow(() -> new LabException(409, "id", "the run has no weights yet"));
      o = Json.object();
      o.put("format", "knead-lab-partial-run");
      o.set("config", dev.knead.core.io.ConfigJson.write(job.request.config()));
      o.set("network", NetworkJson.write(net));
      o.put("status", job.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    // provenance: every weight set by hand; the network above is the edited one
    ArrayNode edits = o.putArray("edits");
    for (Job.Edit e : job.editHistory()) {
      ObjectNode x = edits.addObject();
      x.put("epoch", e.epoch());
      x.put("layer", e.layer());
      x.put("row", e.row());
      x.put("col", e.col());
      x.put("value", e.value());
    }
    ctx.header("Content-Disposition", "attachment; filename=\"knead-" + job.id + ".json\"");
    json(ctx, 200, o);
  }

  /** A figure of the run's weights (a snapshot's, or the newest) through render, as PNG or SVG. */
  void figure(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    String kindText = ctx.queryParam("kind");
    if (kindText == null || kindText.isBlank()) {
      throw LabException.bad("kind", "give the figure as ?kind=…, one of " + Figures.Kind.names());
    }
    Figures.Kind kind = Figures.Kind.named(kindText);
    if (kind == null) {
      throw LabException.bad("kind", "unknown figure '" + kindText + "'; one of " + Figures.Kind.names());
    }
    String fmt = ctx.queryParam("format") == null ? "png" : ctx.queryParam("format").toLowerCase(java.util.Locale.ROOT);
    FigureExports.Format format = switch (fmt) {
      case "png" -> FigureExports.Format.PNG;
      case "svg" -> FigureExports.Format.SVG;
      default -> throw LabException.bad("format", "must be png or svg (animations: /api/runs/{id}/animation.gif)");
    };
    Network net = snapshotNetwork(ctx, job, job.snapshots());
    Integer stage = null;
    if (ctx.queryParam("stage") != null) {
      if (!kind.takesStage()) {
        throw LabException.bad("stage", "only stage, barcode, diagram and jacobian figures take a stage");
      }
      int last = Trace.stageCount(net) - 1;
      stage = (int) number(ctx, "stage", 0, last);
    }
    if (kind == Figures.Kind.CERTIFICATE && job.data.dim() != 2) {
      throw LabException.bad("kind", "the certificate figure draws 2-D inputs; this data is " + job.data.dim() + "-D");
    }
    dev.knead.core.trace.ProjectionKind projection = null;
    String projText = ctx.queryParam("projection");
    if (projText != null) {
      if (!kind.takesProjection()) {
        throw LabException.bad("projection", "only the layers figure takes a projection");
      }
      projection = dev.knead.core.trace.ProjectionKind.named(projText);
      if (projection == null) {
        throw LabException.bad("projection", "unknown projection '" + projText + "'; one of "
            + dev.knead.core.trace.ProjectionKind.names());
      }
    }
    int[] size = size(ctx, FigureExports.defaultSize(kind), FigureExports.MAX_SIDE);
    double scale = number(ctx, "scale", 0.5, 2, 1);
    byte[] bytes = exports.figure(new FigureExports.FigureRequest(kind, format, stage, size[0], size[1], scale, projection), net,
        job.data,
        job.history(), Provenance.of(job.request.config(), job.data));
    String ext = FigureExports.extension(format);
    ctx.header("Content-Disposition", "attachment; filename=\"knead-" + job.id + "-" + kind.name().toLowerCase(java.util.Locale.ROOT)
        + "." + ext + "\"");
    ctx.status(200).contentType(format == FigureExports.Format.PNG ? "image/png" : "image/svg+xml; charset=utf-8").result(bytes);
  }

  /** The move-by-move animation of the run's weights, as knead animate draws it: a looping GIF. */
  void animation(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    Network net = snapshotNetwork(ctx, job, job.snapshots());
    int[] size = size(ctx, new int[] {480, 480}, FigureExports.MAX_GIF_SIDE);
    int fps = (int) number(ctx, "fps", 1, FigureExports.MAX_GIF_FPS, 15);
    int moves = Trace.stageCount(net) - 1;
    double seconds = number(ctx, "seconds", 1, FigureExports.MAX_GIF_SECONDS, Math.min(FigureExports.MAX_GIF_SECONDS, 0.8 * moves));
    byte[] bytes = exports.animation(new FigureExports.GifRequest(size[0], size[1], fps, seconds), net, job.data,
        Provenance.of(job.request.config(), job.data));
    ctx.header("Content-Disposition", "attachment; filename=\"knead-" + job.id + ".gif\"");
    ctx.status(200).contentType("image/gif").result(bytes);
  }

  /** Points per class in a barcode (a seeded subsample above this), as knead render's barcode figure. */
  static final int BARCODE_POINTS = 250;

  /**
   * Vietoris–Rips barcodes (H₀, H₁) of one stage's points, per class (or of one class): the
   * topology module through the same code and JSON as {@code knead topology --format json}.
   */
  /**
   * One live point as the data set has it: its input values, its class and, for images (digits,
   * mnist), the picture's width and height, so the page can show the image under the pointer.
   */
  void point(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    Points cloud = job.liveCloud;
    String text = ctx.pathParam("i");
    int i;
    try {
      i = text.length() > 9 ? -1 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      i = -1;
    }
    if (i < 0 || i >= cloud.n()) {
      throw LabException.bad("point", "must be a whole number in 0 … " + (cloud.n() - 1));
    }
    ObjectNode o = Json.object();
    o.put("index", i);
    o.put("label", job.liveLabels()[i]);
    ArrayNode v = o.putArray("values");
    for (double x : cloud.row(i)) {
      v.add(x);
    }
    int side = (int) Math.round(Math.sqrt(cloud.d()));
    String source = job.request.upload().isPresent() ? "" : job.request.config().data().source();
    if ((source.equals("digits") || source.equals("mnist")) && side * side == cloud.d()) {
      o.putObject("image").put("width", side).put("height", side);
    }
    if (source.equals("words")) {
      // the word whose shipped vector this point is (the words data set is those vectors, unchanged)
      double[] row = cloud.row(i);
      var vectors = dev.knead.core.data.words.WordVectors.shipped();
      dev.knead.core.data.words.WordClasses.shipped().classes().values().stream().flatMap(List::stream)
          .filter(w -> java.util.Arrays.equals(vectors.vector(w), row)).findFirst().ifPresent(w -> o.put("word", w));
    }
    json(ctx, 200, Json.writeLine(o));
  }

  void barcodes(Context ctx) {
    Job job = jobs.get(ctx.pathParam("id"));
    Network net = snapshotNetwork(ctx, job, job.snapshots());
    int last = Trace.stageCount(net) - 1;
    int stage = ctx.queryParam("stage") == null ? 0 : (int) number(ctx, "stage", 0, last);
    int classes = job.data.classes();
    Integer only = ctx.queryParam("class") == null ? null : (int) number(ctx, "class", 0, classes - 1);
    ObjectNode o = exports.run("stage", () -> {
      Trace tr = Tracer.trace(net, job.livePointCloud(), job.liveLabels(), job.domain, TraceJson.LIVE);
      dev.knead.core.trace.Stage s = tr.stage(stage);
      int[] labels = job.liveLabels();
      ObjectNode r = Json.object();
      r.put("stage", stage);
      r.put("name", s.name());
      ArrayNode out = r.putArray("classes");
      for (int c = 0; c < classes; c++) {
        if (only != null && only != c) {
          continue;
        }
        int[] pick = pick(labels, c, BARCODE_POINTS, job.request.config().data().seed() + c);
        dev.knead.core.data.Points p = s.points().select(pick);
        ObjectNode co;
        if (p.n() == 0) {
          co = Json.object();
          co.put("points", 0);
          co.putArray("bars");
        } else {
          var result = dev.knead.topology.ph.Rips.of(p.toArray(), p.n(), p.d()).maxDim(1)
              .metric(dev.knead.topology.ph.Metric.EUCLIDEAN_RIPSER).cycles(3).compute();
          co = BarcodeJson.write(result, p.n(), p.d(), 1, null, "ripser");
        }
        co.put("class", c);
        co.put("class_name", c < job.data.classNames().size() ? job.data.classNames().get(c) : "class " + c);
        out.add(co);
      }
      return r;
    });
    json(ctx, 200, o);
  }

  /** @return up to max indices of class c, a seeded subsample when there are more, sorted */
  static int[] pick(int[] labels, int c, int max, long seed) {
    int n = 0;
    for (int y : labels) {
      n += y == c ? 1 : 0;
    }
    int[] idx = new int[n];
    for (int i = 0, k = 0; i < labels.length; i++) {
      if (labels[i] == c) {
        idx[k++] = i;
      }
    }
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    for (int i = idx.length - 1; i > 0; i--) { // Fisher–Yates, seeded
      int j = rng.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(idx, Math.min(max, n));
    java.util.Arrays.sort(out);
    return out;
  }

  /** @return the query's "size" (WIDTHxHEIGHT), each side 100 … max; or the default */
  private static int[] size(Context ctx, int[] dflt, int max) {
    String text = ctx.queryParam("size");
    if (text == null) {
      return dflt;
    }
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("[x×]");
    try {
      if (parts.length == 2) {
        int w = Integer.parseInt(parts[0].trim());
        int h = Integer.parseInt(parts[1].trim());
        if (w >= 100 && h >= 100 && w <= max && h <= max) {
          return new int[] {w, h};
        }
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw LabException.bad("size", "must be WIDTHxHEIGHT, each side 100 … " + max + " (e.g. 800x600)");
  }

  private static double number(Context ctx, String field, double lo, double hi, double dflt) {
    return ctx.queryParam(field) == null ? dflt : number(ctx, field, lo, hi);
  }

  private static double number(Context ctx, String field, double lo, double hi) {
    String text = ctx.queryParam(field);
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException | NullPointerException e) {
      v = Double.NaN;
    }
    if (!(v >= lo && v <= hi)) {
      throw LabException.bad(field, "must be a number in " + fmt(lo) + " … " + fmt(hi));
    }
    return v;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  void upload(Context ctx) {
    String name = ctx.queryParam("name");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw LabException.bad("name", "give the file name as ?name=… (it says which format the file is)");
    }
    byte[] bytes = ctx.bodyAsBytes();
    Map.Entry<String, Dataset> e = uploads.add(name, bytes);
    Dataset d = e.getValue();
    ObjectNode o = Json.object();
    o.put("upload", e.getKey());
    o.put("name", d.name());
    o.put("points", d.size());
    o.put("dim", d.dim());
    o.put("classes", d.classes());
    ArrayNode names = o.putArray("class_names");
    d.classNames().forEach(names::add);
    json(ctx, 201, o);
  }

  static JsonNode body(Context ctx) {
    return body(ctx.bodyAsBytes());
  }

  /** A JSON request body, or a 4xx {@link LabException}. */
  static JsonNode body(byte[] bytes) {
    if (bytes.length > MAX_JSON_BYTES) {
      throw new LabException(413, "body", "the request body is larger than " + MAX_JSON_BYTES / 1024 + " KB");
    }
    if (bytes.length == 0) {
      return Json.object();
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (java.io.IOException e) {
      throw LabException.bad("body", "not valid JSON");
    }
  }

  static void json(Context ctx, int status, JsonNode node) {
    json(ctx, status, Json.writeLine(node));
  }

  static void json(Context ctx, int status, String text) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(text);
  }
}
