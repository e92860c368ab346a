package dev.knead.core.run;

import dev.knead.core.train.TrainConfig;

/**
 * A whole experiment: which data, which network, how to train. The CLI flags, the lab's form
 * and its URL all become this record.
 */
public record ExperimentConfig(DataSpec data, TrainConfig train) {}
