package dev.knead.core.run;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Split;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.core.train.TrainResult;
import java.time.Instant;

/**
 * A finished training run and how it was made (config, seeds, data hash, version).
 *
 * @param config what was asked for
 * @param data the whole data set
 * @param split its training and test parts
 * @param result the trained network, history, snapshots and rewinds
 * @param created when training finished
 * @param version Knead's version that made it
 */
public record Run(ExperimentConfig config, Dataset data, Split split, TrainResult result, Instant created, String version) {

  public Network network() {
    return result.network();
  }

  /** @return the trace of every point of the data set through the trained network */
  public Trace trace() {
    return trace(result.network());
  }

  /** @return the trace through another network, e.g. a snapshot */
  public Trace trace(Network net) {
    return Tracer.trace(net, data.points(), data.labels());
  }
}
