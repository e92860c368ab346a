package dev.knead.app.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * "Explain this run", bounded like training: one measuring thread and a short queue (a request
 * that finds it full is refused with 429), one explanation per run and weights (asking again
 * while it is measured waits for the same one), and a state a page can poll — queued with how
 * many ahead, or measuring for how many seconds — so a long measurement shows its progress and
 * never ties up a request thread or ends in a 500.
 */
final class Explanations implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Explanations.class);
  /** Explanations waiting beyond the one being measured. */
  static final int QUEUE = 3;
  /** Explanations kept (finished ones are dropped oldest first). */
  static final int KEPT = 16;

  /** One explanation of one run's weights. */
  static final class Task {
    final String run;
    final long version;
    final long queuedAt = System.nanoTime();
    final long ticket;
    volatile long startedAt;
    final CompletableFuture<ObjectNode> result = new CompletableFuture<>();

    Task(String run, long version, long ticket) {
      this.run = run;
      this.version = version;
      this.ticket = ticket;
    }
  }

  private final ThreadPoolExecutor pool;
  private final Map<String, Task> byRun = new LinkedHashMap<>();
  private final AtomicLong tickets = new AtomicLong();
  private final AtomicLong started = new AtomicLong();

  Explanations() {
    AtomicLong n = new AtomicLong();
    pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "knead-explain-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * @param run the run's id
   * @param version the run's weights (a new version is a new explanation)
   * @param measure what to compute, on the measuring thread
   * @return the run's explanation of these weights, queued now or earlier
   */
  synchronized Task submit(String run, long version, Supplier<ObjectNode> measure) {
    Task t = byRun.get(run);
    if (t != null && t.version == version && !t.result.isCompletedExceptionally()) {
      return t;
    }
    Task task = new Task(run, version, tickets.incrementAndGet());
    try {
      pool.execute(() -> {
        task.startedAt = System.nanoTime();
        started.set(task.ticket);
        try {
          task.result.complete(measure.get());
        } catch (RuntimeException | StackOverflowError e) {
          task.result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      throw new LabException(429, "id", "other explanations are being measured (" + (QUEUE + 1) + " at most); try again in a moment");
    }
    byRun.remove(run);
    byRun.put(run, task);
    while (byRun.size() > KEPT) {
      String oldest = byRun.keySet().iterator().next();
      byRun.remove(oldest);
    }
    return task;
  }

  /** @return explanations queued before this one and not yet started */
  int ahead(Task t) {
    return t.startedAt != 0 ? 0 : (int) Math.max(0, t.ticket - started.get() - 1);
  }

  /**
   * @return the report, waiting at most the given time
   * @throws TimeoutException when it is not ready within it
   */
  static ObjectNode await(Task t, long millis) throws TimeoutException {
    try {
      return t.result.get(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException(503, "id", "interrupted while measuring");
    } catch (ExecutionException e) {
      Failure f = Failure.of(e.getCause());
      if (f.status() >= 500) {
        LOG.warn("explaining run {} failed", t.run, e.getCause());
      }
      // what could not be measured is an outcome the page shows, not a server error
      throw new LabException(f.status() >= 500 ? 422 : f.status(), "id", "the measurement could not be made: " + f.message());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
