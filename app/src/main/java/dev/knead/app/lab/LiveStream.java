package dev.knead.app.lab;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events: every {@code every} ms, when the run has published new weights, the page
 * gets a {@code frame} event (LiveFrame's JSON: full the first time, then without the
 * unchanged input stage); when the run ends, an {@code end} event; when building a frame
 * fails, a {@code failed} event ({@code {"error": …, "status": 500}}; not "error", which EventSource keeps for its own) and a logged stack trace.
 */
final class LiveStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
  static final int MIN_EVERY_MS = 10;
  static final int DEFAULT_EVERY_MS = 30;
  /** Longest silence on a stream before a comment checks the page is still connected. */
  static final long HEARTBEAT_NANOS = 1_000_000_000L;

  private final ScheduledExecutorService ticker;

  LiveStream(int threads) {
    AtomicLong n = new AtomicLong();
    ticker = Executors.newScheduledThreadPool(threads, r -> {
      Thread t = new Thread(r, "knead-live-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** @param onGone called once when the connection closes (the page went away or the run ended) */
  void attach(SseClient client, Job job, int everyMs, Runnable onGone) {
    client.keepAlive();
    AtomicLong sent = new AtomicLong(-1);
    java.util.concurrent.atomic.AtomicBoolean inputSent = new java.util.concurrent.atomic.AtomicBoolean();
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable once = () -> {
      if (told.compareAndSet(false, true)) {
        onGone.run();
      }
    };
    AtomicLong quiet = new AtomicLong(System.nanoTime());
    client.onClose(() -> {
      closed.set(true);
      cancel(task);
      once.run();
    });
    Runnable tick = () -> {
      if (closed.get() || client.terminated()) {
        closed.set(true);
        cancel(task);
        once.run();
        return;
      }
      boolean finished = job.finished();
      long v = job.version();
      if (v != sent.get()) {
        LiveFrame.Update u = job.live.update(job);
        // the first update a page gets is full; later ones leave out what never changes
        client.sendEvent("frame", inputSent.get() ? u.delta() : u.full());
        inputSent.compareAndSet(false, u.hasTrace());
        sent.set(u.version());
        quiet.set(System.nanoTime());
      } else if (System.nanoTime() - quiet.get() > HEARTBEAT_NANOS) {
        // a paused run sends nothing: a comment finds out whether the page is still there
        client.sendComment("");
        quiet.set(System.nanoTime());
        if (client.terminated()) {
          closed.set(true);
          cancel(task);
          once.run();
          return;
        }
      }
      if (finished && v == job.version()) {
        client.sendEvent("end", dev.knead.core.io.Json.writeLine(LiveFrame.status(job)));
        closed.set(true);
        cancel(task);
        client.close();
      }
    };
    Runnable safe = () -> {
      try {
        tick.run();
      } catch (RuntimeException e) {
        cancel(task);
        if (closed.get() || client.terminated()) {
          LOG.debug("live stream of run {} ended with its client", job.id, e);
        } else {
          // the page hears why its stream stopped; the log keeps the stack trace
          Failure f = Failure.of(e);
          LOG.warn("live stream of run {} failed", job.id, e);
          try {
            client.sendEvent("failed", LiveStream.errorJson(f));
          } catch (RuntimeException gone) {
            LOG.debug("could not tell the page", gone);
          }
        }
        if (closed.compareAndSet(false, true)) {
          client.close();
        }
        once.run();
      }
    };
    task.set(ticker.scheduleWithFixedDelay(safe, 1, Math.max(MIN_EVERY_MS, everyMs), TimeUnit.MILLISECONDS));
  }

  /** The {@code failed} event's data: the lab's JSON error shape with its status. */
  static String errorJson(Failure f) {
    com.fasterxml.jackson.databind.node.ObjectNode o = dev.knead.core.io.Json.object();
    o.put("error", f.message());
    o.put("status", f.status());
    return dev.knead.core.io.Json.writeLine(o);
  }

  private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
    ScheduledFuture<?> f = task.get();
    if (f != null) {
      f.cancel(false);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
