package dev.knead.core.net;

import dev.knead.core.BadInputException;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * One block of a {@code --layers} sequence, as the user writes it:
 *
 * <ul>
 *   <li>{@code dense:W[:σ]} — a dense layer of width W (σ tanh unless named);
 *   <li>{@code ode:W[:hH][:sN][:rk4|:dopri]} — a neural ODE of width W (W above the incoming width
 *       zero-pads: an augmented ODE), vector field with H hidden units (16), N RK4 steps (8);
 *   <li>{@code coupling[:W][:hH][:additive]} — a RealNVP coupling block (width = the incoming
 *       one); consecutive couplings alternate which half they hold;
 *   <li>{@code residual[:W][:hH]} — an i-ResNet block, Lip g ≤ {@value Residual#LIPSCHITZ};
 *   <li>{@code knn:M[:OUT][:tτ]} — a soft k-NN read-out over M prototypes, τ 0.1; as the last
 *       block it gives the logits (OUT = the classes), inside it needs OUT.
 * </ul>
 *
 * @param width output width, or 0 where the block keeps the incoming width (or, for k-NN as the
 *     last block, gives the classes)
 */
public record LayerSpec(Kind kind, int width, Activation activation, int hidden, int steps, Flow.Solver solver,
    boolean affine, int prototypes, double tau) {

  /** The block kinds a spec can name. */
  public enum Kind {
    DENSE,
    ODE,
    COUPLING,
    RESIDUAL,
    KNN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final int DEFAULT_HIDDEN = 16;
  public static final int DEFAULT_STEPS = 8;
  public static final double DEFAULT_TAU = 0.1;
  static final int MAX_HIDDEN = 1024;
  static final int MAX_PROTOTYPES = 100_000;

  /** Parses one item, e.g. {@code ode:3:h32:dopri}. */
  public static LayerSpec parse(String item) {
    String s = item.trim().toLowerCase(Locale.ROOT);
    String[] parts = s.split(":", -1);
    String head = parts[0];
    Kind kind = switch (head) {
      case "dense" -> Kind.DENSE;
      case "ode", "flow" -> Kind.ODE;
      case "coupling" -> Kind.COUPLING;
      case "residual", "iresnet" -> Kind.RESIDUAL;
      case "knn" -> Kind.KNN;
      default -> throw new BadInputException("layer '" + item.trim() + "': unknown kind '" + head
          + "'; use dense, ode, coupling, residual or knn");
    };
    int width = 0;
    Activation act = Activation.TANH;
    int hidden = DEFAULT_HIDDEN;
    int steps = DEFAULT_STEPS;
    Flow.Solver solver = Flow.Solver.RK4;
    boolean affine = true;
    int m = 0;
    int numbers = 0;
    double tau = DEFAULT_TAU;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (p.matches("[0-9]{1,9}")) {
        int v = Integer.parseInt(p);
        if (kind == Kind.KNN && numbers == 0) {
          m = check(v, 1, MAX_PROTOTYPES, item, "prototypes");
        } else if (numbers == 0 || (kind == Kind.KNN && numbers == 1)) {
          width = check(v, 1, Architecture.MAX_WIDTH, item, "width");
        } else {
          throw new BadInputException("layer '" + item.trim() + "': one width only (hidden units are hN, steps sN)");
        }
        numbers++;
      } else if (p.matches("h[0-9]{1,9}") && kind != Kind.DENSE && kind != Kind.KNN) {
        hidden = check(Integer.parseInt(p.substring(1)), 1, MAX_HIDDEN, item, "hidden units");
      } else if (p.matches("s[0-9]{1,9}") && kind == Kind.ODE) {
        steps = check(Integer.parseInt(p.substring(1)), 1, 10_000, item, "RK4 steps");
      } else if ((p.equals("rk4") || p.equals("dopri")) && kind == Kind.ODE) {
        solver = p.equals("rk4") ? Flow.Solver.RK4 : Flow.Solver.DOPRI;
      } else if (p.equals("additive") && kind == Kind.COUPLING) {
        affine = false;
      } else if (p.startsWith("t") && kind == Kind.KNN) {
        try {
          tau = Double.parseDouble(p.substring(1));
        } catch (NumberFormatException e) {
          throw new BadInputException("layer '" + item.trim() + "': temperature '" + p + "' is not a number");
        }
        if (!(tau > 0) || tau > 1e6) {
          throw new BadInputException("layer '" + item.trim() + "': temperature must be positive, got " + p.substring(1));
        }
      } else if (kind == Kind.DENSE && numbers == 1 && !p.isEmpty()) {
        act = Activation.parse(p);
      } else {
        throw new BadInputException("layer '" + item.trim() + "': '" + p + "' is not an option of " + kind.label() + " (see docs/layers.md)");
      }
    }
    if (kind == Kind.DENSE && width == 0) {
      throw new BadInputException("layer '" + item.trim() + "': a dense layer needs a width, e.g. dense:3:tanh");
    }
    if (kind == Kind.ODE && width == 0) {
      throw new BadInputException("layer '" + item.trim() + "': an ODE block needs a width, e.g. ode:2 (ode:3 augments 2-D input)");
    }
    if (kind == Kind.KNN && m == 0) {
      throw new BadInputException("layer '" + item.trim() + "': a k-NN read-out needs a number of prototypes, e.g. knn:32");
    }
    return new LayerSpec(kind, width, act, hidden, steps, solver, affine, m, tau);
  }

  private static int check(int v, int lo, int hi, String item, String what) {
    if (v < lo || v > hi) {
      throw new BadInputException("layer '" + item.trim() + "': " + what + " " + v + " is outside " + lo + " … " + hi);
    }
    return v;
  }

  /** @return the spec that names this block (its text parses back to the same shape) */
  public static LayerSpec of(Block b) {
    if (b instanceof Layer l) {
      return new LayerSpec(Kind.DENSE, l.out(), l.activation(), 0, 0, Flow.Solver.RK4, true, 0, 0);
    }
    if (b instanceof Flow f) {
      return new LayerSpec(Kind.ODE, f.out(), Activation.TANH, f.field().hidden(), f.steps(), f.solver(), true, 0, 0);
    }
    if (b instanceof Coupling c) {
      return new LayerSpec(Kind.COUPLING, c.out(), Activation.TANH, c.net().hidden(), 0, Flow.Solver.RK4, c.affine(), 0, 0);
    }
    if (b instanceof Residual r) {
      return new LayerSpec(Kind.RESIDUAL, r.out(), Activation.TANH, r.raw().hidden(), 0, Flow.Solver.RK4, true, 0, 0);
    }
    Prototypes p = (Prototypes) b;
    return new LayerSpec(Kind.KNN, p.out(), Activation.TANH, 0, 0, Flow.Solver.RK4, true, p.count(), p.temperature());
  }

  /** @return the text form, defaults left out, e.g. {@code ode:3}, {@code dense:3:tanh}, {@code knn:32} */
  public String text() {
    StringBuilder b = new StringBuilder(kind.label());
    switch (kind) {
      case DENSE -> b.append(':').append(width).append(':').append(activation.label());
      case ODE -> {
        b.append(':').append(width);
        if (hidden != DEFAULT_HIDDEN) {
          b.append(":h").append(hidden);
        }
        if (solver == Flow.Solver.DOPRI) {
          b.append(":dopri");
        } else if (steps != DEFAULT_STEPS) {
          b.append(":s").append(steps);
        }
      }
      case COUPLING, RESIDUAL -> {
        if (width > 0) {
          b.append(':').append(width);
        }
        if (hidden != DEFAULT_HIDDEN) {
          b.append(":h").append(hidden);
        }
        if (kind == Kind.COUPLING && !affine) {
          b.append(":additive");
        }
      }
      case KNN -> {
        b.append(':').append(prototypes);
        if (width > 0) {
          b.append(':').append(width);
        }
        if (tau != DEFAULT_TAU) {
          b.append(":t").append(tau);
        }
      }
    }
    return b.toString();
  }

  /** @return the width this block hands on, given the incoming width (and the classes, for a last k-NN) */
  public int outWidth(int incoming, int classes, boolean last) {
    return switch (kind) {
      case DENSE, ODE -> width;
      case COUPLING, RESIDUAL -> incoming;
      case KNN -> width > 0 ? width : classes;
    };
  }

  /**
   * Draws the block with fresh parameters (dense layers by the initializer; vector fields and
   * conditioners Glorot, a coupling's last layer scaled by 0.1 so it starts near the identity).
   *
   * @param odd for a coupling: hold the odd coordinates
   */
  public Block build(int in, int classes, boolean last, boolean odd, Initializer init, RandomGenerator rng) {
    return switch (kind) {
      case DENSE -> init.dense(in, width, activation, false, rng);
      case ODE -> {
        if (width < in) {
          throw new BadInputException("layer '" + text() + "': a flow cannot drop dimensions (" + in + "-D in, width " + width
              + "); use ode:" + in + " or more");
        }
        yield new Flow(in, width, steps, solver, Mlp.glorot(width, hidden, width, true, 1, rng));
      }
      case COUPLING -> {
        sameWidth(in);
        if (in < 2) {
          throw new BadInputException("layer '" + text() + "': a coupling block splits its input in two halves; it needs 2 or more coordinates, got " + in);
        }
        int held = Coupling.heldCount(in, odd);
        yield new Coupling(in, odd, affine, Mlp.glorot(held, hidden, (affine ? 2 : 1) * (in - held), false, 0.1, rng));
      }
      case RESIDUAL -> {
        sameWidth(in);
        yield new Residual(in, Mlp.glorot(in, hidden, in, false, 1, rng));
      }
      case KNN -> {
        if (!last && width == 0) {
          throw new BadInputException("layer '" + text() + "': a k-NN block inside the network needs an output width, e.g. knn:"
              + prototypes + ":4");
        }
        yield Prototypes.random(in, outWidth(in, classes, last), prototypes, tau, rng);
      }
    };
  }

  private void sameWidth(int in) {
    if (width > 0 && width != in) {
      throw new BadInputException("layer '" + text() + "': a " + kind.label() + " block keeps the width it is given (" + in + "), not " + width);
    }
  }
}
