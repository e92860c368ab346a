package dev.knead.core.net;

/**
 * Whole-array σ and σ' for the training loop: the switch on the kind sits outside the loop so
 * the JIT sees one tight loop per function.
 */
public final class ActivationKernels {
  private ActivationKernels() {}

  /** a[i] = σ(z[i]) for i &lt; len; allocates tanh's scratch (the training loop passes its own). */
  public static void apply(Activation act, double[] z, double[] a, int len) {
    apply(act, z, a, len, act.kind() == Activation.Kind.TANH ? new double[len] : null);
  }

  /**
   * a[i] = σ(z[i]) for i &lt; len, bit for bit as {@link Activation#apply}.
   *
   * @param scratch at least len doubles (used by tanh); lets a training step allocate nothing
   */
  public static void apply(Activation act, double[] z, double[] a, int len, double[] scratch) {
    switch (act.kind()) {
      case IDENTITY -> System.arraycopy(z, 0, a, 0, len);
      case TANH -> Transcendentals.tanh(z, a, scratch, len);
      case RELU -> {
        for (int i = 0; i < len; i++) {
          a[i] = Math.max(z[i], 0);
        }
      }
      default -> {
        for (int i = 0; i < len; i++) {
          a[i] = act.apply(z[i]);
        }
      }
    }
  }

  /** g[i] *= σ'(z[i]) for i &lt; len, with a = σ(z): turns ∂L/∂a into ∂L/∂z in place. */
  public static void multiplyByDerivative(Activation act, double[] z, double[] a, double[] g, int len) {
    switch (act.kind()) {
      case IDENTITY -> {}
      case TANH -> {
        for (int i = 0; i < len; i++) {
          g[i] *= 1 - a[i] * a[i];
        }
      }
      case RELU -> {
        // σ'(z) = [a > 0] with a = max(z, 0), as arithmetic the JIT vectorises (a select it does
        // not, and a branch on random signs mispredicts): a · 2⁶⁰⁰ capped at 1, twice, is exactly 1
        // for every positive double a (even 2⁻¹⁰⁷⁴) and 0 for a = 0. NaN stays NaN.
        for (int i = 0; i < len; i++) {
          g[i] *= Math.min(Math.min(a[i] * 0x1p600, 1.0) * 0x1p600, 1.0);
        }
      }
      default -> {
        for (int i = 0; i < len; i++) {
          g[i] *= act.derivative(z[i], a[i]);
        }
      }
    }
  }
}
