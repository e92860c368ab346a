package dev.knead.core.train;

import dev.knead.core.net.Network;
import java.util.List;

/**
 * What training returns: the new network and how it got there.
 *
 * @param network the trained network
 * @param history one row per epoch
 * @param snapshots the network every few epochs, from epoch 0 to the last
 * @param rewinds every intervention of the divergence guard
 * @param status why training stopped
 * @param trainLoss loss of the final network on the training points
 * @param trainAccuracy accuracy of the final network on the training points
 * @param testLoss loss of the final network on the test points (NaN without any)
 * @param testAccuracy accuracy of the final network on the test points (NaN without any)
 */
public record TrainResult(
    Network network,
    List<Epoch> history,
    List<Snapshot> snapshots,
    List<Rewind> rewinds,
    Status status,
    double trainLoss,
    double trainAccuracy,
    double testLoss,
    double testAccuracy) {

  /** Why training stopped. */
  public enum Status {
    /** ran every epoch */
    COMPLETED,
    /** reached the target accuracy */
    TARGET_REACHED,
    /** the listener asked to stop */
    CANCELLED,
    /** the guard gave up after too many rewinds; the network is the last good one */
    DIVERGED
  }

  public TrainResult {
    history = List.copyOf(history);
    snapshots = List.copyOf(snapshots);
    rewinds = List.copyOf(rewinds);
  }

  /** @return the number of epochs in the history */
  public int epochs() {
    return history.size();
  }
}
