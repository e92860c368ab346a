package dev.knead.core.net;

import dev.knead.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How the first weights are drawn. Biases start at 0. The output layer uses Glorot unless the
 * initializer is {@code uniform}.
 *
 * @param kind the rule
 * @param scale a for {@code uniform(±a)}; unused otherwise
 */
public record Initializer(Kind kind, double scale) {

  /** Rules for the first weights. */
  public enum Kind {
    /** uniform(±√(6 / (in + out))), Glorot &amp; Bengio 2010; good for tanh and sigmoid */
    GLOROT,
    /** normal(0, 2 / in), He et al. 2015; good for ReLU */
    HE,
    /** uniform(±a) */
    UNIFORM
  }

  public static final Initializer GLOROT = new Initializer(Kind.GLOROT, 0);
  public static final Initializer HE = new Initializer(Kind.HE, 0);

  /** Parses {@code glorot}, {@code he}, {@code uniform:0.5}. */
  public static Initializer parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("glorot") || s.equals("xavier")) {
      return GLOROT;
    }
    if (s.equals("he") || s.equals("kaiming")) {
      return HE;
    }
    if (s.startsWith("uniform")) {
      double a = 0.5;
      if (s.startsWith("uniform:")) {
        try {
          a = Double.parseDouble(s.substring(8));
        } catch (NumberFormatException e) {
          throw new BadInputException("initializer '" + text + "': the bound is not a number");
        }
      }
      if (!(a > 0 && a < 1e6)) {
        throw new BadInputException("initializer '" + text + "': the bound must be positive");
      }
      return new Initializer(Kind.UNIFORM, a);
    }
    throw new BadInputException("unknown initializer '" + text + "'; use glorot, he or uniform:a");
  }

  public String label() {
    return kind == Kind.UNIFORM ? "uniform:" + scale : kind.name().toLowerCase(Locale.ROOT);
  }

  /** Draws a network of the given shape; the same seed gives the same bits. */
  public Network build(Architecture arch, RandomGenerator rng) {
    List<Integer> sizes = arch.sizes();
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l + 1 < sizes.size(); l++) {
      boolean output = l + 1 == sizes.size() - 1;
      Activation act = output ? Activation.IDENTITY : arch.activations().get(l);
      layers.add(dense(sizes.get(l), sizes.get(l + 1), act, output, rng));
    }
    return new Network(layers);
  }

  /**
   * Draws one dense layer (biases 0).
   *
   * @param output the output layer: Glorot unless the rule is uniform
   */
  public Layer dense(int in, int out, Activation act, boolean output, RandomGenerator rng) {
    Kind k = output && kind != Kind.UNIFORM ? Kind.GLOROT : kind;
    double[] w = new double[in * out];
    for (int i = 0; i < w.length; i++) {
      w[i] = switch (k) {
        case GLOROT -> {
          double a = Math.sqrt(6.0 / (in + out));
          yield (2 * rng.nextDouble() - 1) * a;
        }
        case HE -> rng.nextGaussian() * Math.sqrt(2.0 / in);
        case UNIFORM -> (2 * rng.nextDouble() - 1) * scale;
      };
    }
    return new Layer(Matrix.of(out, in, w), new double[out], act);
  }
}
