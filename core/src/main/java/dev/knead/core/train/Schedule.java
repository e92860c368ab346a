package dev.knead.core.train;

import dev.knead.core.BadInputException;
import java.util.Locale;

/**
 * How the learning rate changes with the epoch.
 *
 * @param kind constant, step decay or cosine
 * @param every for step decay: epochs between drops
 * @param factor for step decay: the multiplier at each drop (Naitzat et al. halve every 2,500)
 */
public record Schedule(Kind kind, int every, double factor) {

  /** The schedules. */
  public enum Kind {
    CONSTANT,
    STEP,
    COSINE
  }

  public static final Schedule CONSTANT = new Schedule(Kind.CONSTANT, 0, 1);

  public Schedule {
    if (kind == Kind.STEP && (every < 1 || !(factor > 0 && factor <= 1))) {
      throw new BadInputException("step schedule needs every ≥ 1 and factor in (0, 1]");
    }
  }

  /** Parses {@code constant}, {@code cosine}, {@code step:2500:0.5}. */
  public static Schedule parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
    switch (parts[0]) {
      case "constant":
        return CONSTANT;
      case "cosine":
        return new Schedule(Kind.COSINE, 0, 1);
      case "step":
        try {
          int every = parts.length > 1 ? Integer.parseInt(parts[1]) : 1000;
          double factor = parts.length > 2 ? Double.parseDouble(parts[2]) : 0.5;
          return new Schedule(Kind.STEP, every, factor);
        } catch (NumberFormatException e) {
          throw new BadInputException("schedule '" + text + "': use step:EVERY:FACTOR, e.g. step:2500:0.5");
        }
      default:
        throw new BadInputException("unknown schedule '" + text + "'; use constant, cosine or step:EVERY:FACTOR");
    }
  }

  public String label() {
    return switch (kind) {
      case CONSTANT -> "constant";
      case COSINE -> "cosine";
      case STEP -> "step:" + every + ":" + factor;
    };
  }

  /**
   * @param epoch 0-based epoch about to run
   * @param epochs total epochs planned
   * @return the multiplier of the base learning rate
   */
  public double multiplier(int epoch, int epochs) {
    return switch (kind) {
      case CONSTANT -> 1;
      case STEP -> Math.pow(factor, epoch / every);
      case COSINE -> 0.5 * (1 + Math.cos(Math.PI * Math.min(epoch, epochs) / Math.max(1, epochs)));
    };
  }
}
