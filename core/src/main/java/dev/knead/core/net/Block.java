package dev.knead.core.net;

import java.util.List;

/**
 * One block of a network: a map from in-D to out-D points that knows its own forward pass, its
 * vector-Jacobian product, its parameters as one flat block (for the optimiser), the stages it
 * shows in a trace, and whether it is a homeomorphism (what the width theorems need). The dense
 * {@link Layer} is one kind; {@link Flow} (neural ODE, augmented when out &gt; in),
 * {@link Coupling} (RealNVP), {@link Residual} (i-ResNet) and {@link Prototypes} (soft k-NN)
 * sit beside it. Every kind is immutable; a {@link Pass} holds what one forward pass saved.
 */
public sealed interface Block permits Layer, Flow, Coupling, Residual, Prototypes {

  int in();

  int out();

  /** @return the number of trainable numbers */
  int parameterCount();

  /** Writes the parameters into dst from off (the flat view the optimiser updates). */
  void copyParameters(double[] dst, int off);

  /** @return the same kind of block with the parameters read from src at off */
  Block withParameters(double[] src, int off);

  /** Marks which parameters are weights (L1/L2 penalties apply to those only). */
  void markWeights(boolean[] mask, int off);

  /**
   * Forward pass of n points.
   *
   * @param x n × in, row-major (not modified, and kept by the pass for its backward step)
   */
  Pass forward(double[] x, int n);

  /** @return the block's output for one point (length in) */
  default double[] apply(double[] x) {
    return forward(x, 1).output();
  }

  /**
   * A homeomorphism of ℝ^d onto its image (in = out, continuous with a continuous inverse): a
   * stack of such blocks in the plane, read out linearly, leaves every piece of a decision region
   * unbounded (it cannot enclose a disk), and the width theorems apply. A flow, a coupling and a
   * residual block with Lipschitz constant below 1 are homeomorphisms of ℝ^d onto ℝ^d.
   */
  boolean homeomorphism();

  /** @return the kind and shape, e.g. {@code ode 2→3}, as the spec names it ({@link LayerSpec}) */
  String label();

  /**
   * The stages the block shows between its input and its output, the last being the output
   * itself: a flow at chosen times t, a coupling block its two halves, k-NN its weights.
   *
   * @param x n × in, row-major
   */
  List<Moment> moments(double[] x, int n);

  /** @return how many stages {@link #moments} gives (it depends on the block's shape only) */
  int momentCount();

  /** One stage inside a block: a caption and where the n points are, n × dim. */
  record Moment(String name, int dim, double[] points) {
    public Moment {
      points = points.clone();
    }

    @Override
    public double[] points() {
      return points.clone();
    }
  }

  /** What one forward pass saved, and its vector-Jacobian product. */
  interface Pass {
    /** @return n × out, row-major (the pass's own buffer: do not modify) */
    double[] output();

    /**
     * Backward step: adds ∂L/∂θ into grad[off …] and writes ∂L/∂x into dx.
     *
     * @param dy ∂L/∂y, n × out
     * @param dx receives ∂L/∂x, n × in; null when not needed (the first block)
     */
    void backward(double[] dy, double[] dx, double[] grad, int off);

    /** @return function evaluations of the block's vector field in this pass (0 for blocks without one) */
    default long evaluations() {
      return 0;
    }
  }
}
