package dev.knead.sweep;

/** Hears a sweep's progress (the CLI draws a progress bar from it). Called from worker threads. */
public interface SweepListener {
  SweepListener NONE = new SweepListener() {};

  /**
   * @param total runs in the grid
   * @param done runs already in the journal (a resumed sweep)
   */
  default void started(int total, int done) {}

  /** A run finished and is in the journal; {@code done} counts every finished run, resumed ones too. */
  default void finished(RunRecord r, int done, int total) {}
}
