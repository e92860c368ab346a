package dev.knead.core.net;

import dev.knead.core.BadInputException;
import java.util.Locale;

/**
 * The bend σ of a layer, applied to every coordinate. Knows its derivative, its inverse where
 * one exists, and the topological facts verdicts rest on (Olah 2014: an injective continuous σ
 * with continuous inverse keeps a square invertible layer a homeomorphism).
 *
 * @param kind which function
 * @param alpha the slope of leaky ReLU for x &lt; 0, or the scale of ELU; 0 for the others
 */
public record Activation(Kind kind, double alpha) {

  /** The functions Knead offers. */
  public enum Kind {
    IDENTITY("identity"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    SOFTPLUS("softplus"),
    RELU("relu"),
    LEAKY_RELU("leaky-relu"),
    ELU("elu"),
    SIN("sin");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final Activation IDENTITY = new Activation(Kind.IDENTITY, 0);
  public static final Activation TANH = new Activation(Kind.TANH, 0);
  public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0);
  public static final Activation SOFTPLUS = new Activation(Kind.SOFTPLUS, 0);
  public static final Activation RELU = new Activation(Kind.RELU, 0);
  public static final Activation ELU = new Activation(Kind.ELU, 1);
  public static final Activation SIN = new Activation(Kind.SIN, 0);

  public Activation {
    if ((kind == Kind.LEAKY_RELU || kind == Kind.ELU) && !(alpha > 0 && alpha < 1e6)) {
      throw new BadInputException(kind.label + " needs a positive α, got " + alpha);
    }
    if (kind != Kind.LEAKY_RELU && kind != Kind.ELU) {
      alpha = 0;
    }
  }

  public static Activation leakyRelu(double alpha) {
    return new Activation(Kind.LEAKY_RELU, alpha);
  }

  /**
   * Parses {@code tanh}, {@code relu}, {@code leaky-relu} (α = 0.2, as Naitzat et al.),
   * {@code leaky-relu:0.1}, {@code elu:0.5}, … (case and '_' vs '-' do not matter).
   */
  public static Activation parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    String name = s;
    Double alpha = null;
    int colon = s.indexOf(':');
    if (colon >= 0) {
      name = s.substring(0, colon);
      try {
        alpha = Double.parseDouble(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new BadInputException("activation '" + text + "': '" + s.substring(colon + 1) + "' is not a number");
      }
    }
    if (name.equals("leakyrelu") || name.equals("lrelu")) {
      name = "leaky-relu";
    }
    if (name.equals("linear")) {
      name = "identity";
    }
    for (Kind k : Kind.values()) {
      if (k.label.equals(name)) {
        if (alpha != null && k != Kind.LEAKY_RELU && k != Kind.ELU) {
          throw new BadInputException("activation '" + text + "': " + k.label + " takes no parameter");
        }
        double a = alpha != null ? alpha : k == Kind.LEAKY_RELU ? 0.2 : k == Kind.ELU ? 1.0 : 0;
        return new Activation(k, a);
      }
    }
    throw new BadInputException(
        "unknown activation '" + text + "'; use identity, tanh, sigmoid, softplus, relu, leaky-relu[:α], elu[:α] or sin");
  }

  /** @return the name that {@link #parse} reads back to this activation */
  public String label() {
    return switch (kind) {
      case LEAKY_RELU, ELU -> kind.label + ":" + alpha;
      default -> kind.label;
    };
  }

  /** σ(z). */
  public double apply(double z) {
    return switch (kind) {
      case IDENTITY -> z;
      case TANH -> Transcendentals.tanh(z);
      case SIGMOID -> sigmoid(z);
      case SOFTPLUS -> softplus(z);
      case RELU -> z > 0 ? z : 0;
      case LEAKY_RELU -> z > 0 ? z : alpha * z;
      case ELU -> z > 0 ? z : alpha * Math.expm1(z);
      case SIN -> Math.sin(z);
    };
  }

  /**
   * σ'(z), given z and a = σ(z) (several derivatives are cheapest from a). ReLU-type kinks take
   * the right-hand derivative at 0 for z &gt; 0 only, as PyTorch does.
   */
  public double derivative(double z, double a) {
    return switch (kind) {
      case IDENTITY -> 1;
      case TANH -> 1 - a * a;
      case SIGMOID -> a * (1 - a);
      case SOFTPLUS -> sigmoid(z);
      case RELU -> z > 0 ? 1 : 0;
      case LEAKY_RELU -> z > 0 ? 1 : alpha;
      case ELU -> z > 0 ? 1 : a + alpha;
      case SIN -> Math.cos(z);
    };
  }

  /** @return whether σ has a continuous inverse on its image (so {@link #inverse} works) */
  public boolean hasInverse() {
    return kind != Kind.RELU && kind != Kind.SIN;
  }

  /**
   * σ⁻¹(a) for a in the image of σ.
   *
   * @throws UnsupportedOperationException for ReLU and sin, which are not injective
   * @throws IllegalArgumentException when a lies outside the image (e.g. |a| ≥ 1 for tanh,
   *     which is what saturation in finite precision produces)
   */
  public double inverse(double a) {
    return switch (kind) {
      case IDENTITY -> a;
      case TANH -> {
        requireInside(a, -1, 1);
        yield 0.5 * Math.log1p(2 * a / (1 - a));
      }
      case SIGMOID -> {
        requireInside(a, 0, 1);
        yield Math.log(a / (1 - a));
      }
      case SOFTPLUS -> {
        requireInside(a, 0, Double.POSITIVE_INFINITY);
        yield a > 30 ? a + Math.log(-Math.expm1(-a)) : Math.log(Math.expm1(a));
      }
      case LEAKY_RELU -> a > 0 ? a : a / alpha;
      case ELU -> {
        requireInside(a, -alpha, Double.POSITIVE_INFINITY);
        yield a > 0 ? a : Math.log1p(a / alpha);
      }
      case RELU, SIN -> throw new UnsupportedOperationException(kind.label + " has no inverse: it is not injective");
    };
  }

  private void requireInside(double a, double lo, double hi) {
    if (!(a > lo && a < hi)) {
      throw new IllegalArgumentException(kind.label + "⁻¹(" + a + ") is undefined: outside (" + lo + ", " + hi + ")");
    }
  }

  /** @return whether σ is one-to-one on ℝ */
  public boolean isInjective() {
    return hasInverse();
  }

  /** @return whether σ is non-decreasing on ℝ (the monotone σ of the width theorems) */
  public boolean isMonotone() {
    return kind != Kind.SIN;
  }

  /** @return whether σ is a homeomorphism of ℝ onto ℝ (identity and leaky ReLU only) */
  public boolean isHomeomorphismOfR() {
    return kind == Kind.IDENTITY || kind == Kind.LEAKY_RELU;
  }

  /** @return whether σ is a homeomorphism of ℝ onto its image (Olah's condition) */
  public boolean isHomeomorphismOntoImage() {
    return hasInverse();
  }

  /** @return the infimum of the image of σ */
  public double lowerBound() {
    return switch (kind) {
      case TANH, SIN -> -1;
      case SIGMOID, SOFTPLUS, RELU -> 0;
      case ELU -> -alpha;
      case IDENTITY, LEAKY_RELU -> Double.NEGATIVE_INFINITY;
    };
  }

  /** @return the supremum of the image of σ */
  public double upperBound() {
    return switch (kind) {
      case TANH, SIGMOID, SIN -> 1;
      default -> Double.POSITIVE_INFINITY;
    };
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  static double softplus(double z) {
    // log(1 + e^z) without overflow for large z and without losing digits for very negative z
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  @Override
  public String toString() {
    return label();
  }
}
