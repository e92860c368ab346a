package dev.knead.experiments;

import java.util.List;

/**
 * A claim from the literature, runnable: its own data, networks and protocol, and a verdict for
 * every sub-claim. Implementations are stateless; all randomness comes from the seeds given.
 */
public interface Experiment {
  /** @return the short name used on the command line, e.g. {@code disk-annulus} */
  String name();

  /** @return the claim in one or two sentences */
  String claim();

  /** @return where the claim comes from */
  String citation();

  /** @return the protocol of the experiment's main claim */
  Protocol kind();

  /** @return every parameter, with its full and quick defaults */
  List<ExperimentParam> params();

  /** @return how many seeds a run uses when none are asked for */
  default int defaultSeeds(boolean quick) {
    return quick ? 2 : 5;
  }

  /**
   * @param settings the parameters, defaults already merged with the overrides
   * @param seeds the seeds, in order; every network and data set derives from one of them
   * @param quick fewer and smaller runs (a smoke test), reflected in the defaults
   * @param listener hears about progress; may be called from several threads
   */
  ExperimentResult run(Settings settings, List<Long> seeds, boolean quick, ExperimentListener listener);
}
