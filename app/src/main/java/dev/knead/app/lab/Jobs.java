package dev.knead.app.lab;

import java.util.List;

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
 *
 * <p>A page is known by a token the server gives it with its first run ({@code X-Knead-Token}
 * afterwards): only that token controls, cancels or replaces the page's runs, so another page or
 * client cannot stop them; a run ends when its page's last live connection goes away.
 * Eviction takes only finished runs, the oldest first.
 */
final class Jobs implements AutoCloseable {
  static final int KEPT = 24;
  /** How long a run outlives its page's last live connection (an EventSource reconnects within it). */
  static final long ORPHAN_MILLIS = 3_000;
  /** The header a page sends its token in. */
  static final String TOKEN_HEADER = "X-Knead-Token";

  private final ThreadPoolExecutor pool;
  private final Map<String, Job> byId = new LinkedHashMap<>();
  /** the newest run of each page, by the page's token */
  private final Map<String, Job> byToken = new LinkedHashMap<>();
  private final AtomicLong next = new AtomicLong(1);
  private final java.security.SecureRandom random = new java.security.SecureRandom();
  private final java.util.concurrent.ScheduledExecutorService reaper =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "knead-reaper");
        t.setDaemon(true);
        return t;
      });

  Jobs(int workers) {
    AtomicLong thread = new AtomicLong();
    pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4 * workers), r -> {
      Thread t = new Thread(r, "knead-train-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * @param token the page's token, or null (or one this server never gave) for a new page
   * @return the new run, its token the page's
   */
  synchronized Job start(LabRequest request, Dataset data, String token) {
    return start(request, data, token, null);
  }

  /** @param from weights to start from (the page's own run's, edited), or null */
  synchronized Job start(LabRequest request, Dataset data, String token, dev.knead.core.net.Network from) {
    return start(request, data, token, from, List.of(), List.of());
  }

  /**
   * @param inherited the edits the weights {@code from} carry (the source run's), for provenance
   * @param replay edits of one pause to make again when the run reaches it (a reloaded page's)
   */
  synchronized Job start(LabRequest request, Dataset data, String token, dev.knead.core.net.Network from,
      List<Job.Edit> inherited, List<Job.Edit> replay) {
    String owner = token != null && byToken.containsKey(token) ? token : newToken();
    Job old = byToken.get(owner);
    if (old != null) {
      old.cancel();
    }
    Job job = new Job("r" + next.getAndIncrement(), request, data, owner, from, inherited, replay);
    try {
      pool.execute(job::run);
    } catch (RejectedExecutionException e) {
      job.refuse("the lab is busy");
      throw new LabException(503, "session", "the lab is busy training other runs; try again in a moment");
    }
    byId.put(job.id, job);
    byToken.put(owner, job);
    evict();
    return job;
  }

  private String newToken() {
    byte[] b = new byte[18];
    random.nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  synchronized Job get(String id) {
    Job j = byId.get(id);
    if (j == null) {
      throw LabException.notFound("id", "no run '" + id + "' (runs are kept while the lab runs, the newest " + KEPT + ")");
    }
    return j;
  }

  /** @return run id, if the token is its page's; else a 403 (another page's run is out of reach) */
  Job owned(String id, String token) {
    Job j = get(id);
    if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        j.token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new LabException(403, TOKEN_HEADER, "run " + id + " belongs to another page (send its " + TOKEN_HEADER + ")");
    }
    return j;
  }

  /** A live connection to the run opened. */
  void watched(Job job) {
    job.watchers.incrementAndGet();
  }

  /** A live connection closed: when it was the run's last, the run ends soon after unless one reopens. */
  void unwatched(Job job) {
    if (job.watchers.decrementAndGet() > 0 || job.finished()) {
      return;
    }
    try {
      reaper.schedule(() -> {
        if (job.watchers.get() == 0 && !job.finished()) {
          job.cancel();
        }
      }, ORPHAN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      job.cancel();
    }
  }

  /** Keeps the newest runs: only finished ones go, oldest first (running ones are bounded by the pool). */
  private void evict() {
    Iterator<Job> it = byId.values().iterator();
    int over = byId.size() - KEPT;
    while (over > 0 && it.hasNext()) {
      Job j = it.next();
      if (j.finished()) {
        it.remove();
        byToken.values().remove(j);
        over--;
      }
    }
  }

  @Override
  public synchronized void close() {
    byId.values().forEach(Job::cancel);
    reaper.shutdownNow();
    pool.shutdownNow();
  }
}
