package dev.knead.core.net;

/**
 * What a float32 kernel does to the rows of its output once their sums are final: σ after
 * an affine map, σ' after the gradient passed down. Its own class (no Vector API types) so that
 * {@link FloatKernels} links on a JVM without the incubator module.
 */
enum Finish {
  /** Leave them. */
  NONE,
  /** c = max(c, 0) as Math.max: 0 where c ≤ 0 (−0 included), NaN stays NaN. */
  RELU,
  /** c = tanh c, {@link FloatActivationKernels#tanh}. */
  TANH,
  /** c = 0 where the ReLU output a of the layer below is ≤ 0 (z ≤ 0), else c unchanged. */
  RELU_GRADIENT,
  /** c = c · (1 − a²) for the tanh output a of the layer below. */
  TANH_GRADIENT;

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
}
