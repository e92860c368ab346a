package dev.knead.core.train;

import dev.knead.core.BadInputException;

/**
 * How a run executes, as opposed to what it computes: settings that cannot change a bit of the
 * result, so they stay out of {@link TrainConfig}, its hash and the run's provenance config.
 *
 * @param threads how many threads the wide kernels may use; work is split by output units and
 *     each unit's sums keep their order, so 1 and N threads give the same weights
 */
public record ExecutionSettings(int threads) {
  /** The most threads accepted: more than any machine this runs on has cores. */
  public static final int MAX_THREADS = 256;

  /** One thread. */
  public static final ExecutionSettings DEFAULT = new ExecutionSettings(1);

  public ExecutionSettings {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new BadInputException("--threads must be in [1, " + MAX_THREADS + "], got " + threads);
    }
  }
}
