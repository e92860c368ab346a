package dev.knead.app.lab;

import dev.knead.core.data.Dataset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab's training runs: a bounded pool of workers, one run per page (a page's new run
 * cancels its last), the newest runs kept for scrubbing and export.
 */
final class Jobs implements AutoCloseable {
  static final int KEPT = 24;

  private final ThreadPoolExecutor pool;
  private final Map<String, Job> byId = new LinkedHashMap<>();
  private final Map<String, Job> bySession = new LinkedHashMap<>();
  private final AtomicLong next = new AtomicLong(1);

  Jobs(int workers) {
    AtomicLong thread = new AtomicLong();
    pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4 * workers), r -> {
      Thread t = new Thread(r, "knead-train-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  synchronized Job start(LabRequest request, Dataset data) {
    Job old = bySession.get(request.session());
    if (old != null) {
      old.cancel();
    }
    Job job = new Job("r" + next.getAndIncrement(), request, data);
    try {
      pool.execute(job::run);
    } catch (RejectedExecutionException e) {
      job.refuse("the lab is busy");
      throw new LabException(503, "session", "the lab is busy training other runs; try again in a moment");
    }
    byId.put(job.id, job);
    bySession.put(request.session(), job);
    evict();
    return job;
  }

  synchronized Job get(String id) {
    Job j = byId.get(id);
    if (j == null) {
      throw LabException.notFound("id", "no run '" + id + "' (runs are kept while the lab runs, the newest " + KEPT + ")");
    }
    return j;
  }

  private void evict() {
    Iterator<Job> it = byId.values().iterator();
    while (byId.size() > KEPT && it.hasNext()) {
      Job j = it.next();
      j.cancel();
      it.remove();
      bySession.values().remove(j);
    }
  }

  @Override
  public synchronized void close() {
    byId.values().forEach(Job::cancel);
    pool.shutdownNow();
  }
}
