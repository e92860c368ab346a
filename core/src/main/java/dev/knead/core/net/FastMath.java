package dev.knead.core.net;

/**
 * The one tanh every part of Knead uses (training, forward pass, trace), so the stages of a
 * trace compose to the forward pass exactly.
 */
public final class FastMath {
  private FastMath() {}

  /** tanh(x), to within a few ulps of {@link Math#tanh}. */
  public static double tanh(double x) {
    return Math.tanh(x);
  }
}
