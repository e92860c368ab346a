package dev.knead.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent tasks (one per seed, or per seed and network) on a fixed number of threads
 * and returns their results in task order, so a run's numbers do not depend on scheduling.
 */
public final class Pool {
  private static volatile int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  private Pool() {}

  /** Sets the number of worker threads (the CLI's {@code --threads}); results never depend on it. */
  public static void threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1");
    }
    threads = n;
  }

  public static int threads() {
    return threads;
  }

  /** @return work applied to every task, in task order */
  public static <T, R> List<R> map(List<T> tasks, Function<T, R> work) {
    if (threads == 1 || tasks.size() <= 1) {
      return tasks.stream().map(work).toList();
    }
    ExecutorService ex = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
      Thread t = new Thread(r, "knead-experiment");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T t : tasks) {
        futures.add(ex.submit(() -> work.apply(t)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      ex.shutdownNow();
    }
  }
}
