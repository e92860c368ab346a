package dev.knead.core.train;

import dev.knead.core.net.Network;
import java.util.function.Supplier;

/** Hears about training as it goes; the lab and progress bars use it. Library code never prints. */
public interface TrainListener {
  TrainListener NONE = new TrainListener() {};

  /** Called after each epoch; {@code network} builds the current weights on demand. */
  default void onEpoch(Epoch epoch, Supplier<Network> network) {}

  default void onRewind(Rewind rewind) {}

  /** Polled once per epoch; return true to stop (the result says CANCELLED). */
  default boolean cancelled() {
    return false;
  }
}
