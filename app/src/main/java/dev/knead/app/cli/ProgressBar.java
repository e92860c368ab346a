package dev.knead.app.cli;

import java.util.Locale;

/**
 * The line {@code knead train} redraws on stderr: a bar of the epochs done, epochs per second
 * and the time left at that rate. Pure formatting; the command decides when and where to draw.
 */
final class ProgressBar {
  private ProgressBar() {}

  /** Cells of the bar. */
  static final int WIDTH = 24;

  /**
   * @param epoch epochs done (≥ 0)
   * @param total epochs asked for (≥ 1)
   * @param seconds wall time since training began
   */
  static String line(int epoch, int total, double seconds, double loss, double trainAccuracy) {
    final int done = total <= 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * epoch / total);
    final String bar = "#".repeat(done) + ".".repeat(WIDTH - done);
    final double rate = seconds > 0 ? epoch / seconds : Double.NaN;
    return String.format(Locale.ROOT, "epoch %d/%d [%s] %s  loss %.4g  train %.1f %%  %s", epoch, total, bar, rate(rate), loss,
        100 * trainAccuracy, eta(rate, total - epoch));
  }

  /** Epochs per second with three significant digits, or "… epochs/s" before any epoch ends. */
  static String rate(double epochsPerSecond) {
    if (!(epochsPerSecond > 0) || Double.isInfinite(epochsPerSecond)) {
      return "… epochs/s";
    }
    return String.format(Locale.ROOT, "%.3g epochs/s", epochsPerSecond);
  }

  /** The time the remaining epochs take at this rate: "ETA 42 s", "ETA 3 min 05 s", "ETA 1 h 02 min". */
  static String eta(double epochsPerSecond, int remaining) {
    if (remaining <= 0) {
      return "done";
    }
    if (!(epochsPerSecond > 0) || Double.isInfinite(epochsPerSecond)) {
      return "ETA …";
    }
    final long s = Math.round(remaining / epochsPerSecond);
    if (s < 60) {
      return "ETA " + s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "ETA %d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "ETA %d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
