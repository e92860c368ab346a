package dev.knead.experiments;

/** Hears about an experiment's progress. Calls may come from several worker threads. */
public interface ExperimentListener {
  ExperimentListener NONE = (experiment, message) -> {};

  /**
   * @param experiment the experiment's name
   * @param message e.g. "seed 3: width 2, depth 3 trained (97.2 %)"
   */
  void onProgress(String experiment, String message);
}
