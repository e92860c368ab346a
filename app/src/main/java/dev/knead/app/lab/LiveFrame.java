package dev.knead.app.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.io.Json;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.core.train.Epoch;
import dev.knead.core.train.Rewind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One live update: where training is and the layer stages of the newest weights. Built at most
 * once per published network however many pages watch (the last one is kept), in two forms: the
 * full update a page gets first, and the usual one, which leaves out what never changes during a
 * run (the input stage, the labels) — the page keeps those from its first update.
 */
final class LiveFrame {
  /** What a page gets in place of the input stage after its first update. */
  static final String UNCHANGED_INPUT = "{\"index\":0,\"unchanged\":true}";
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * @param full the first update a page gets: every stage, the labels and which points are test points
   * @param delta every later one: the input stage as {@link #UNCHANGED_INPUT}, no labels
   * @param hasTrace whether the update carries stages (a run has no weights before it starts)
   */
  record Update(long version, String full, String delta, boolean hasTrace) {}

  private final Object lock = new Object();
  private final dev.knead.core.data.Points points;
  private final int[] labelArray;
  private final dev.knead.core.trace.Domain domain;
  private final StagePacker packer = new StagePacker();
  private final String labels;
  private String inputStage;
  private Update built;
  private double lastMillis;
  private double lastCpuMillis;

  /**
   * @param points n × d, the points traced live
   * @param labels class of each point
   * @param domain the input box of the rubber sheet and the region samples
   */
  LiveFrame(dev.knead.core.data.Points points, int[] labels, dev.knead.core.trace.Domain domain) {
    this(points, labels, new int[labels.length], domain);
  }

  /** @param test 1 for each point held out for testing, else 0 (the page can show or hide them) */
  LiveFrame(dev.knead.core.data.Points points, int[] labels, int[] test, dev.knead.core.trace.Domain domain) {
    this.points = points;
    this.labelArray = labels.clone();
    this.domain = domain;
    this.labels = Packed.bytes(labels) + "\",\"test\":\"" + Packed.bytes(test);
  }

  /**
   * The live trace of a network: the layers' ends of the full trace ({@link Tracer#layers}), the
   * same stages, names and bits the scrubber's full trace and the CLI's trace have.
   */
  Trace trace(Network net) {
    return Tracer.layers(net, points, labelArray, domain, TraceJson.LIVE);
  }

  /** @return the newest update (built now if the run published new weights since the last) */
  Update update(Job job) {
    synchronized (lock) {
      long v = job.version();
      if (built == null || built.version() != v) {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        built = build(job, v);
        lastMillis = (System.nanoTime() - t0) / 1e6;
        lastCpuMillis = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      return built;
    }
  }

  /** @return the JSON text of the newest full update */
  String json(Job job) {
    return update(job).full();
  }

  /** @return CPU time of the thread that built the last update, ms (wall time inflates on a busy machine) */
  double lastCpuMillis() {
    synchronized (lock) {
      return lastCpuMillis;
    }
  }

  double lastMillis() {
    synchronized (lock) {
      return lastMillis;
    }
  }

  /** Builds both forms; the stages are written once and spliced into each. */
  private Update build(Job job, long version) {
    ObjectNode o = status(job);
    o.put("version", version);
    String head = Json.writeLine(o);
    Optional<Network> net = job.latest();
    if (net.isEmpty()) {
      return new Update(version, head, head, false);
    }
    Trace tr = trace(net.get());
    List<Stage> ends = tr.layerEnds();
    if (inputStage == null) {
      inputStage = Json.writeLine(TraceJson.stage(ends.get(0), packer));
    }
    StringBuilder moved = new StringBuilder(160_000);
    for (int s = 1; s < ends.size(); s++) {
      moved.append(',').append(Json.writeLine(TraceJson.stage(ends.get(s), packer)));
    }
    String rest = Json.writeLine(TraceJson.layersRest(tr));
    String open = head.substring(0, head.length() - 1);
    String tail = "]," + rest.substring(1) + "}";
    String full = open + ",\"labels\":\"" + labels + "\",\"trace\":{\"stages\":[" + inputStage + moved + tail;
    String delta = open + ",\"trace\":{\"stages\":[" + UNCHANGED_INPUT + moved + tail;
    return new Update(version, full, delta, true);
  }

  /** The run's state without any trace: status, epoch, the newest losses, rewinds. */
  static ObjectNode status(Job job) {
    ObjectNode o = Json.object();
    o.put("run", job.id);
    o.put("status", job.status().name().toLowerCase(Locale.ROOT));
    o.put("speed", job.speed());
    job.failure().ifPresent(f -> {
      o.put("error", f.message());
      o.put("error_status", f.status());
    });
    List<Epoch> h = job.history();
    o.put("epoch", h.isEmpty() ? 0 : h.get(h.size() - 1).epoch());
    o.put("epochs", job.request.config().train().epochs());
    if (!h.isEmpty()) {
      o.set("last", epoch(h.get(h.size() - 1)));
    }
    ArrayNode rw = o.putArray("rewinds");
    for (Rewind r : job.rewinds()) {
      ObjectNode ro = rw.addObject();
      ro.put("epoch", r.epoch());
      ro.put("back_to", r.backTo());
      ro.put("reason", r.reason());
      ro.set("lr_before", Json.num(r.learningRateBefore()));
      ro.set("lr_after", Json.num(r.learningRateAfter()));
    }
    o.put("snapshots", job.snapshots().size());
    return o;
  }

  static ObjectNode epoch(Epoch e) {
    ObjectNode eo = Json.object();
    eo.put("epoch", e.epoch());
    eo.set("loss", Json.num(e.loss()));
    eo.set("accuracy", Json.num(e.trainAccuracy()));
    eo.set("test_loss", Json.num(e.testLoss()));
    eo.set("test_accuracy", Json.num(e.testAccuracy()));
    eo.set("lr", Json.num(e.learningRate()));
    return eo;
  }
}
