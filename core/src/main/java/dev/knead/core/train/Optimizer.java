package dev.knead.core.train;

import dev.knead.core.BadInputException;
import java.util.Locale;

/**
 * How a gradient becomes a step.
 *
 * @param kind the rule
 * @param learningRate base step size (the schedule scales it)
 * @param momentum μ for momentum and Nesterov
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's denominator guard
 */
public record Optimizer(Kind kind, double learningRate, double momentum, double beta1, double beta2, double epsilon) {

  /** The update rules. */
  public enum Kind {
    SGD,
    MOMENTUM,
    NESTEROV,
    ADAM
  }

  public Optimizer {
    if (!(learningRate > 0 && learningRate <= 100)) {
      throw new BadInputException("learning rate must be in (0, 100], got " + learningRate);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new BadInputException("momentum must be in [0, 1), got " + momentum);
    }
    if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
      throw new BadInputException("Adam needs 0 ≤ β1, β2 < 1 and ε > 0");
    }
  }

  /** Defaults: momentum 0.9, Adam β = (0.9, 0.999), ε = 1e-8. */
  public static Optimizer of(Kind kind, double learningRate) {
    return new Optimizer(kind, learningRate, 0.9, 0.9, 0.999, 1e-8);
  }

  public static Kind parseKind(String text) {
    try {
      return Kind.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("unknown optimizer '" + text + "'; use sgd, momentum, nesterov or adam");
    }
  }

  public Optimizer withLearningRate(double lr) {
    return new Optimizer(kind, lr, momentum, beta1, beta2, epsilon);
  }

  public String label() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
