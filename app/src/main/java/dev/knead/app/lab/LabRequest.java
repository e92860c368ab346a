package dev.knead.app.lab;

import dev.knead.core.run.ExperimentConfig;
import java.util.Optional;

/**
 * What the page asks for when it starts a run: the experiment, plus what only the lab has.
 *
 * @param session the page that asks (one run per page; a new run cancels the page's last one)
 * @param config data, network and training, the same record the CLI builds
 * @param upload the id of an uploaded file to train on instead of a generator
 * @param added points clicked in by hand, n × d row-major (d = the data's dimension)
 * @param addedLabels their classes, length n
 * @param removed where points were clicked away, m × d row-major: each removes the data set's
 *     point nearest to it (coordinates are rounded in the URL, so not matched exactly)
 * @param speed epochs per second to show (0: as fast as the machine goes)
 */
public record LabRequest(
    String session, ExperimentConfig config, Optional<String> upload, double[] added, int[] addedLabels, double[] removed,
    int speed) {
  public LabRequest {
    added = added.clone();
    addedLabels = addedLabels.clone();
    removed = removed.clone();
  }

  @Override
  public double[] removed() {
    return removed.clone();
  }

  @Override
  public double[] added() {
    return added.clone();
  }

  @Override
  public int[] addedLabels() {
    return addedLabels.clone();
  }
}
