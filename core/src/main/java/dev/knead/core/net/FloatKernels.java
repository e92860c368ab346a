package dev.knead.core.net;

/**
 * The float32 dense kernels a float32 training pass calls: {@link FloatVectorKernels} on the
 * JDK's Vector API when the JVM has the module ({@code --add-modules jdk.incubator.vector}, as
 * {@code ./knead} and the tests start it), otherwise {@link FloatBatchKernels}' plain loops.
 * Both sum in the same orders, so a run gives the same bits either way; only the speed differs.
 */
public final class FloatKernels {
  private FloatKernels() {}

  /**
   * Whether the Vector API kernels run. Fixed for the JVM's life (the JIT folds the branches);
   * {@code -Dknead.vector=false} forces the plain loops.
   */
  public static final boolean VECTOR =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !"false".equals(System.getProperty("knead.vector"));

  /** Buffers of either implementation's weight gradient, allocated once. */
  public static final class Scratch {
    final FloatBatchKernels.Scratch loops;
    /** A {@link FloatVectorKernels.Scratch}, typed Object so that this class links without the module. */
    final Object vector;

    public Scratch(int capacity, int widestIn, int widestOut) {
      this.loops = VECTOR ? null : new FloatBatchKernels.Scratch(capacity, widestIn, widestOut);
      this.vector = VECTOR ? new FloatVectorKernels.Scratch(capacity, widestIn, widestOut) : null;
    }
  }

  /** z = W x + b, see {@link FloatVectorKernels#affine}. */
  public static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, float[][] z, int threads) {
    if (VECTOR) {
      FloatVectorKernels.affine(x, n, in, p, wOff, bOff, out, z, threads);
    } else {
      FloatBatchKernels.affine(x, n, in, p, wOff, bOff, out, z, threads);
    }
  }

  /**
   * Whether σ can go inside the kernels ({@link #affine(float[][], int, int, float[], int, int, int, Activation,
   * float[][], int)}): identity, tanh and ReLU, whose σ' is a function of the output a alone, so
   * the pre-activation z need not be kept.
   */
  public static boolean fusable(Activation act) {
    return Finish.forward(act) != null;
  }

  /**
   * a = σ(W x + b) for a {@link #fusable} σ: on the Vector API σ is applied to each block of
   * rows as it is finished; on plain loops in a second pass. Same bits either way.
   */
  public static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, Activation act, float[][] a,
      int threads) {
    final Finish f = fusableOrThrow(Finish.forward(act), act);
    if (VECTOR) {
      FloatVectorKernels.affine(x, n, in, p, wOff, bOff, out, f, a, threads);
    } else {
      FloatBatchKernels.affine(x, n, in, p, wOff, bOff, out, a, threads);
      f.apply(a, null, 0, out, 0, n);
    }
  }

  /**
   * dx = (Wᵀ dz) · σ'(below) for the layer below's {@link #fusable} σ and its outputs
   * {@code below} = σ(z): ∂L/∂z of the layer below in one call. Same bits on either path.
   */
  public static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, Activation act, float[][] below,
      float[][] dx, int threads) {
    final Finish f = fusableOrThrow(Finish.backward(act), act);
    if (VECTOR) {
      FloatVectorKernels.inputGradient(dz, n, in, out, p, wOff, f, below, dx, threads);
    } else {
      FloatBatchKernels.inputGradient(dz, n, in, out, p, wOff, dx, threads);
      f.apply(dx, below, 0, in, 0, n);
    }
  }

  private static Finish fusableOrThrow(Finish f, Activation act) {
    if (f == null) {
      throw new IllegalArgumentException(act.kind() + " needs its pre-activation; not fusable");
    }
    return f;
  }

  /** dx = Wᵀ dz, see {@link FloatVectorKernels#inputGradient}. */
  public static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, float[][] dx, int threads) {
    if (VECTOR) {
      FloatVectorKernels.inputGradient(dz, n, in, out, p, wOff, dx, threads);
    } else {
      FloatBatchKernels.inputGradient(dz, n, in, out, p, wOff, dx, threads);
    }
  }

  /** gW = dz xᵀ and gb = dz 1, see {@link FloatVectorKernels#weightGradient}. */
  public static void weightGradient(
      float[][] dz, float[][] x, int n, int in, int out, float[] g, int wOff, int bOff, Scratch s, int threads) {
    if (VECTOR) {
      FloatVectorKernels.weightGradient(dz, x, n, in, out, g, wOff, bOff, (FloatVectorKernels.Scratch) s.vector, threads);
    } else {
      FloatBatchKernels.weightGradient(dz, x, n, in, out, g, wOff, bOff, s.loops, threads);
    }
  }
}
