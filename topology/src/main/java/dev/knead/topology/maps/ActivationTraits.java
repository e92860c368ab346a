package dev.knead.topology.maps;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What topology needs to know about a pointwise activation σ, without the function itself.
 *
 * @param name short name as the user sees it ("tanh", "relu", …)
 * @param continuous σ is continuous
 * @param monotone σ is non-decreasing (ReLU is monotone; sin is not)
 * @param injective σ is one-to-one (tanh yes, ReLU no): with continuity and monotonicity this
 *     makes σ a homeomorphism onto its image
 * @param lowerBound infimum of the range (−∞ if unbounded)
 * @param upperBound supremum of the range (+∞ if unbounded)
 * @param reluLike zero on the negative half-line, identity-like above (ReLU): units can die
 *     and space folds along the hyperplanes where a unit switches on
 */
public record ActivationTraits(
    String name,
    boolean continuous,
    boolean monotone,
    boolean injective,
    double lowerBound,
    double upperBound,
    boolean reluLike) {

  private static final double INF = Double.POSITIVE_INFINITY;

  public static final ActivationTraits TANH = new ActivationTraits("tanh", true, true, true, -1, 1, false);
  public static final ActivationTraits SIGMOID = new ActivationTraits("sigmoid", true, true, true, 0, 1, false);
  public static final ActivationTraits SOFTPLUS = new ActivationTraits("softplus", true, true, true, 0, INF, false);
  public static final ActivationTraits RELU = new ActivationTraits("relu", true, true, false, 0, INF, true);
  public static final ActivationTraits LEAKY_RELU =
      new ActivationTraits("leaky-relu", true, true, true, -INF, INF, false);
  public static final ActivationTraits ELU = new ActivationTraits("elu", true, true, true, -1, INF, false);
  public static final ActivationTraits LINEAR = new ActivationTraits("linear", true, true, true, -INF, INF, false);
  public static final ActivationTraits SIN = new ActivationTraits("sin", true, false, false, -1, 1, false);

  /** The activations Knead knows by name. */
  public static final List<ActivationTraits> KNOWN =
      List.of(TANH, SIGMOID, SOFTPLUS, RELU, LEAKY_RELU, ELU, LINEAR, SIN);

  public ActivationTraits {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("activation needs a name");
    }
    if (!(lowerBound < upperBound)) {
      throw new IllegalArgumentException("activation " + name + ": range [" + lowerBound + ", " + upperBound + "]");
    }
  }

  /** @return the known activation with this name (case-insensitive; "identity" = linear) */
  public static Optional<ActivationTraits> byName(String name) {
    final String key = name.toLowerCase(Locale.ROOT).replace('_', '-');
    final String canonical = switch (key) {
      case "identity", "none" -> "linear";
      case "leakyrelu", "lrelu" -> "leaky-relu";
      case "logistic" -> "sigmoid";
      default -> key;
    };
    return KNOWN.stream().filter(a -> a.name.equals(canonical)).findFirst();
  }

  /** @return continuous, monotone and injective: a homeomorphism of ℝ onto its image */
  public boolean homeomorphic() {
    return continuous && monotone && injective;
  }

  /** @return continuous, strictly increasing and onto ℝ, as leaky ReLU (Nguyen et al. 2018) */
  public boolean leakyReluType() {
    return homeomorphic() && lowerBound == -INF && upperBound == INF;
  }

  /** @return the range has a finite end */
  public boolean bounded() {
    return Double.isFinite(lowerBound) || Double.isFinite(upperBound);
  }

  /**
   * @return σ only approaches a finite end of its range, so distinct inputs far out round to the
   *     same value there in finite precision (tanh, sigmoid, softplus at 0, ELU at −α). A
   *     one-to-one monotone σ never reaches its bounds; ReLU reaches 0 on a whole half-line and
   *     sin reaches ±1: points pressed there are glued exactly — a fold, not saturation.
   */
  public boolean saturable() {
    return bounded() && injective;
  }

  /**
   * @return whether a value of σ lies within {@code gap} of a finite bound it only approaches
   *     (always false for activations that are not {@link #saturable()})
   */
  public boolean saturated(double value, double gap) {
    return saturable() && (Math.abs(value - lowerBound) <= gap || Math.abs(value - upperBound) <= gap);
  }
}
