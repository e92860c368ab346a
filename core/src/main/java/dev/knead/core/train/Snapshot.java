package dev.knead.core.train;

import dev.knead.core.net.Network;

/**
 * The network as it was after an epoch (epoch 0: the initial weights).
 *
 * @param epoch the epoch count when it was taken
 * @param network the weights then
 */
public record Snapshot(int epoch, Network network) {}
