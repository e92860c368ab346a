package dev.knead.experiments;

import dev.knead.sweep.Engine;
import java.util.List;
import java.util.function.Function;

/**
 * How many networks an experiment trains at once. The tasks (one per seed, or per seed and
 * network) run on the sweep's {@link Engine}, the same loop as {@code knead sweep}, and come back
 * in task order, so a run's numbers do not depend on scheduling.
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

  /** @return work applied to every task, in task order (on the sweep engine) */
  public static <T, R> List<R> map(List<T> tasks, Function<T, R> work) {
    return Engine.map(tasks, threads, work);
  }
}
