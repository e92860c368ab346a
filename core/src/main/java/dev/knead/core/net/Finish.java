package dev.knead.core.net;

/**
 * What a float32 kernel does to the rows of its output once their sums are final: σ after
 * an affine map, σ' after the gradient passed down. No Vector API types, so that
 * {@link FloatDense} links on a JVM without the incubator module and the plain path uses it too.
 */
enum Finish {
  /** Leave them. */
  NONE(Activation.IDENTITY, true),
  /** c = max(c, 0) as Math.max: 0 where c ≤ 0 (−0 included), NaN stays NaN. */
  RELU(Activation.RELU, true),
  /** c = tanh c, {@link FloatActivations#tanh}. */
  TANH(Activation.TANH, true),
  /** c = 0 where the ReLU output a of the layer below is ≤ 0 (z ≤ 0), else c unchanged. */
  RELU_GRADIENT(Activation.RELU, false),
  /** c = c · (1 − a²) for the tanh output a of the layer below. */
  TANH_GRADIENT(Activation.TANH, false);

  private final Activation act;
  private final boolean forward;

  Finish(Activation act, boolean forward) {
    this.act = act;
    this.forward = forward;
  }

  /** The forward finish for σ, or null when σ' needs the pre-activation (not fusable). */
  static Finish forward(Activation act) {
    return switch (act.kind()) {
      case IDENTITY -> NONE;
      case RELU -> RELU;
      case TANH -> TANH;
      default -> null;
    };
  }

  /** The backward finish for σ (turns ∂L/∂a into ∂L/∂z), or null when not fusable. */
  static Finish backward(Activation act) {
    return switch (act.kind()) {
      case IDENTITY -> NONE;
      case RELU -> RELU_GRADIENT;
      case TANH -> TANH_GRADIENT;
      default -> null;
    };
  }

  /**
   * Applies this finish to c[r][from … to) for r in [r0, r1), with {@link FloatActivations}'
   * loops (C2 vectorises them); below holds the layer below's outputs σ(z) for the gradients.
   */
  void apply(float[][] c, float[][] below, int r0, int r1, int from, int to) {
    if (this == NONE || from >= to) {
      return;
    }
    for (int r = r0; r < r1; r++) {
      if (forward) {
        FloatActivations.apply(act, c[r], c[r], from, to);
      } else {
        FloatActivations.multiplyByDerivative(act, below[r], below[r], c[r], from, to);
      }
    }
  }
}
