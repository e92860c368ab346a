package dev.knead.core.train;

/**
 * The divergence guard stepped in: training went back to a good snapshot with a lower rate.
 *
 * @param epoch the epoch where the trouble was seen
 * @param backTo the epoch of the snapshot training resumed from
 * @param reason what was seen, e.g. "loss became NaN" or "loss 812 is over 100× the first loss"
 * @param learningRateBefore the base rate before
 * @param learningRateAfter the base rate after
 */
public record Rewind(int epoch, int backTo, String reason, double learningRateBefore, double learningRateAfter) {}
