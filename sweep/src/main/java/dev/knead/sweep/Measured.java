package dev.knead.sweep;

import dev.knead.analysis.Analyst;
import dev.knead.analysis.Report;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Split;
import dev.knead.core.train.TrainResult;

/**
 * A finished run of a sweep as the measures see it. The per-stage analysis is done once, the first
 * time a measure asks for it, and shared by every measure of the run.
 */
public final class Measured {
  private final SweepPoint point;
  private final Dataset data;
  private final Split split;
  private final TrainResult result;
  private final Analyst.Options options;
  private final double successAccuracy;
  private Report report;

  Measured(SweepPoint point, Dataset data, Split split, TrainResult result, Analyst.Options options, double successAccuracy) {
    this.point = point;
    this.data = data;
    this.split = split;
    this.result = result;
    this.options = options;
    this.successAccuracy = successAccuracy;
  }

  public SweepPoint point() {
    return point;
  }

  /** @return the whole data set (the analysis measures every point, as {@code knead explain} does) */
  public Dataset data() {
    return data;
  }

  public Split split() {
    return split;
  }

  public TrainResult result() {
    return result;
  }

  /** @return the training accuracy from which a run counts as well trained */
  public double successAccuracy() {
    return successAccuracy;
  }

  /** @return the analysis of every stage of the trained network on the whole data set (made once) */
  public Report report() {
    if (report == null) {
      report = Analyst.analyse(result.network(), data, options);
    }
    return report;
  }
}
