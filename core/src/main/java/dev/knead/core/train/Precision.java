package dev.knead.core.train;

import dev.knead.core.BadInputException;
import java.util.Locale;

/**
 * The arithmetic of a training step. The weights themselves, the trace and every measurement
 * stay in double either way: {@code float32} only rounds the weights and activations of each
 * forward and backward pass to float (as PyTorch computes by default), for speed; the update is
 * applied to the double weights.
 */
public enum Precision {
  /** Double throughout: every step is exact to double rounding (the default). */
  FLOAT64("float64"),
  /** Forward and backward pass in float32, gradients widened to double for the update. */
  FLOAT32("float32");

  private final String label;

  Precision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Precision parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    for (Precision p : values()) {
      if (p.label.equals(s)) {
        return p;
      }
    }
    return switch (s) {
      case "double", "f64", "64" -> FLOAT64;
      case "float", "single", "f32", "32" -> FLOAT32;
      default -> throw new BadInputException("unknown precision '" + text + "'; use float64 or float32");
    };
  }
}
