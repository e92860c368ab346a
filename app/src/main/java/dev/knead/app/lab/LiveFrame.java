package dev.knead.app.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.io.Json;
import dev.knead.core.net.Network;
import dev.knead.core.train.Epoch;
import dev.knead.core.train.Rewind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One live update: where training is and the layer stages of the newest weights. Built at most
 * once per published network however many pages watch (the last one is kept).
 */
final class LiveFrame {
  private final Object lock = new Object();
  private long builtVersion = -1;
  private String built;
  private double lastMillis;
  private double lastCpuMillis;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  /** @return the JSON text of the newest update, and how long building it took, in ms */
  String json(Job job) {
    synchronized (lock) {
      long v = job.version();
      if (v != builtVersion || built == null) {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        built = Json.writeLine(build(job, v));
        builtVersion = v;
        lastMillis = (System.nanoTime() - t0) / 1e6;
        lastCpuMillis = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      return built;
    }
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

  static ObjectNode build(Job job, long version) {
    ObjectNode o = status(job);
    o.put("version", version);
    Optional<Network> net = job.latest();
    if (net.isPresent()) {
      LayerStages.Result r = LayerStages.of(net.get(), job.liveCloud, job.liveGrid, job.liveField);
      o.set("trace", TraceJson.layers(net.get(), r, job.domain));
      o.put("labels", Packed.bytes(job.liveLabels()));
    }
    return o;
  }

  /** The run's state without any trace: status, epoch, the newest losses, rewinds. */
  static ObjectNode status(Job job) {
    ObjectNode o = Json.object();
    o.put("run", job.id);
    o.put("status", job.status().name().toLowerCase(Locale.ROOT));
    o.put("speed", job.speed());
    if (!job.failure().isEmpty()) {
      o.put("error", job.failure());
    }
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
