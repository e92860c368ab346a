package dev.knead.core.train;

/**
 * One row of the training history.
 *
 * @param epoch 1-based epoch number
 * @param loss mean training loss during the epoch (penalties included)
 * @param trainAccuracy share of training points classified right during the epoch
 * @param testLoss mean loss on the test points after the epoch (NaN without test points)
 * @param testAccuracy accuracy on the test points after the epoch (NaN without test points)
 * @param learningRate the rate used in this epoch
 * @param evaluations mean vector-field evaluations (NFE) of the network's flows per step of the
 *     epoch; 0 for a network without flows
 */
public record Epoch(int epoch, double loss, double trainAccuracy, double testLoss, double testAccuracy, double learningRate,
    double evaluations) {
  /** A row of a network without flows. */
  public Epoch(int epoch, double loss, double trainAccuracy, double testLoss, double testAccuracy, double learningRate) {
    this(epoch, loss, trainAccuracy, testLoss, testAccuracy, learningRate, 0);
  }
}
