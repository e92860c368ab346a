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
 */
public record Epoch(int epoch, double loss, double trainAccuracy, double testLoss, double testAccuracy, double learningRate) {}
