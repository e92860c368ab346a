package dev.knead.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The one loop that runs many networks: a fixed number of worker threads take the tasks in
 * order, each task whole on one thread, and the results come back in task order. A sweep's runs
 * ({@link LocalSweep}) and every experiment's seeds and networks go through it, so nothing
 * decides a result but the task itself: not the thread count, not the order tasks finish in.
 *
 * <p>The first task to fail stops the hand-out (tasks already started finish) and its exception
 * is thrown to the caller.
 */
public final class Engine {
  private Engine() {}

  /**
   * @param tasks the work, one item a task
   * @param threads workers, ≥ 1 (never more than tasks; one task or one thread runs on the caller's thread)
   * @param work what to do with a task; called from worker threads
   * @return work applied to every task, in task order
   */
  public static <T, R> List<R> map(List<T> tasks, int threads, Function<? super T, ? extends R> work) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    List<T> todo = List.copyOf(tasks);
    Object[] out = new Object[todo.size()];
    int n = Math.min(threads, todo.size());
    if (n <= 1) {
      for (int i = 0; i < todo.size(); i++) {
        out[i] = work.apply(todo.get(i));
      }
      return results(out);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      int i;
      while (failure.get() == null && !Thread.currentThread().isInterrupted() && (i = next.getAndIncrement()) < todo.size()) {
        try {
          out[i] = work.apply(todo.get(i));
          finished.incrementAndGet();
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Thread th = new Thread(worker, "knead-sweep-" + t);
      th.setDaemon(true);
      workers.add(th);
      th.start();
    }
    try {
      for (Thread th : workers) {
        th.join();
      }
    } catch (InterruptedException e) {
      workers.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted; the tasks not yet done were not run", e);
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error er) {
      throw er;
    }
    if (finished.get() < todo.size()) {
      throw new IllegalStateException("interrupted; the tasks not yet done were not run");
    }
    return results(out);
  }

  @SuppressWarnings("unchecked")
  private static <R> List<R> results(Object[] out) {
    List<R> r = new ArrayList<>(out.length);
    for (Object o : out) {
      r.add((R) o);
    }
    return java.util.Collections.unmodifiableList(r);
  }
}
