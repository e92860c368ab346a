package dev.knead.core.net;

/**
 * A dense layer's three products in float32, for float32 training: the affine map (with σ),
 * the gradient passed down (with σ'), and the weight gradient. Activations are unit-major as in
 * {@link DoubleDense}: unit u holds its n points in {@code x[u][0 … n)}; W (out × in, row-major)
 * sits at wOff and b at bOff of one flat parameter (or gradient) block.
 *
 * <p>Two implementations, chosen once per JVM: {@link FloatDenseTiles}, register tiles on the
 * JDK's Vector API at the machine's vector width, when the JVM has the module ({@code
 * --add-modules jdk.incubator.vector}, as {@code ./knead} and the tests start it) and its
 * preferred species holds at least four floats; otherwise {@link FloatDenseLoops}, plain loops.
 * Both sum every output element in one order, fixed by the shapes alone — never by the vector
 * width, the blocking or the thread count — so a run gives the same bits on any machine:
 *
 * <ol>
 *   <li>affine: z[o][i] = fma chain from b[o], one {@code fma(W[o, j], x[j][i], acc)} per j,
 *       j ascending; then σ;
 *   <li>gradient passed down: dx[j][i] = fma chain from 0, one {@code fma(W[o, j], dz[o][i],
 *       acc)} per o, o ascending; then · σ'(below);
 *   <li>weight gradient: per element eight lane sums; lane t (0 … 7) runs over the points
 *       i ≡ t (mod 8), ascending, from 0: {@code fma(dz[o][i], x[j][i], acc)} for gW[o, j] and
 *       {@code acc + dz[o][i]} (= {@code fma(dz[o][i], 1, acc)}) for gb[o]; then {@link #tree}.
 *       (The tiles hold these lanes two ways: on wide layers a vector is V columns of one point,
 *       on narrow ones a vector is the lanes of one or two columns; the sums are the same.)
 * </ol>
 *
 * <p>{@code -Dknead.vector=false} forces the plain loops, {@code -Dknead.vector.bits=128|256|512}
 * a vector width (core's tests run all of them against plain reference code).
 */
public final class FloatDense {
  private FloatDense() {}

  /** Whether the Vector API tiles run. Fixed for the JVM's life (the JIT folds the branches). */
  public static final boolean VECTOR = vectorUsable();

  private static boolean vectorUsable() {
    if ("false".equals(System.getProperty("knead.vector"))
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    // a preferred species under four floats means no vector unit the JIT uses: the tiles would
    // be interpreted vector objects, far slower than plain loops
    return FloatDenseTiles.V >= 4;
  }

  /** What runs, for benchmark records: "Vector API, 512-bit (16 floats)" or "plain loops". */
  public static String implementation() {
    return VECTOR ? "Vector API, " + FloatDenseTiles.V * 32 + "-bit (" + FloatDenseTiles.V + " floats)" : "plain loops";
  }

  /** Buffers of the weight gradient, allocated once for the largest batch and the widest layer. */
  public static final class Scratch {
    /** A {@link FloatDenseTiles.Scratch}, typed Object so that this class links without the module. */
    final Object tiles;
    final int capacity;
    final int widestIn;
    final int widestOut;

    public Scratch(int capacity, int widestIn, int widestOut) {
      if (capacity < 0 || widestIn < 0 || widestOut < 0) {
        throw new IllegalArgumentException("scratch sizes must be ≥ 0");
      }
      this.capacity = capacity;
      this.widestIn = widestIn;
      this.widestOut = widestOut;
      this.tiles = VECTOR ? new FloatDenseTiles.Scratch(capacity, widestIn, widestOut) : null;
    }
  }

  /**
   * Whether σ can go inside the kernels: identity, tanh and ReLU, whose σ' is a function of the
   * output a alone, so the pre-activation need not be kept.
   */
  public static boolean fusable(Activation act) {
    return Finish.forward(act) != null;
  }

  /** z = W x + b (order 1); output units split across up to {@code threads} threads, same bits. */
  public static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, float[][] z, int threads) {
    affine(x, n, in, p, wOff, bOff, out, Finish.NONE, z, threads);
  }

  /** a = σ(W x + b) for a {@link #fusable} σ. */
  public static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, Activation act, float[][] a,
      int threads) {
    affine(x, n, in, p, wOff, bOff, out, fusableOrThrow(Finish.forward(act), act), a, threads);
  }

  static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, Finish f, float[][] a, int threads) {
    if (VECTOR) {
      FloatDenseTiles.affine(x, n, in, p, wOff, bOff, out, f, a, threads);
    } else {
      FloatDenseLoops.affine(x, n, in, p, wOff, bOff, out, a, threads);
      f.apply(a, null, 0, out, 0, n);
    }
  }

  /** dx = Wᵀ dz (order 2); input units split across up to {@code threads} threads. */
  public static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, float[][] dx, int threads) {
    inputGradient(dz, n, in, out, p, wOff, Finish.NONE, null, dx, threads);
  }

  /**
   * dx = (Wᵀ dz) · σ'(below) for the layer below's {@link #fusable} σ and its outputs below =
   * σ(z): ∂L/∂z of the layer below in one call.
   */
  public static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, Activation act, float[][] below,
      float[][] dx, int threads) {
    inputGradient(dz, n, in, out, p, wOff, fusableOrThrow(Finish.backward(act), act), below, dx, threads);
  }

  static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, Finish f, float[][] below, float[][] dx,
      int threads) {
    if (VECTOR) {
      FloatDenseTiles.inputGradient(dz, n, in, out, p, wOff, f, below, dx, threads);
    } else {
      FloatDenseLoops.inputGradient(dz, n, in, out, p, wOff, dx, threads);
      f.apply(dx, below, 0, in, 0, n);
    }
  }

  /** gW = dz xᵀ and gb = dz 1 (order 3), overwriting them; output units split across threads. */
  public static void weightGradient(
      float[][] dz, float[][] x, int n, int in, int out, float[] g, int wOff, int bOff, Scratch s, int threads) {
    weightGradient(dz, x, null, n, in, out, g, wOff, bOff, s, threads);
  }

  /**
   * As above, with x also given as the rows {@link #toUnits(double[], int, int, float[][], float[])}
   * wrote (or null): the tiles then need not transpose x themselves.
   */
  public static void weightGradient(
      float[][] dz, float[][] x, float[] rows, int n, int in, int out, float[] g, int wOff, int bOff, Scratch s, int threads) {
    if (n > s.capacity || in > s.widestIn || out > s.widestOut) {
      throw new IllegalArgumentException("scratch too small for n " + n + ", in " + in + ", out " + out);
    }
    if (VECTOR) {
      FloatDenseTiles.weightGradient(dz, x, rows, n, in, out, g, wOff, bOff, (FloatDenseTiles.Scratch) s.tiles, threads);
    } else {
      FloatDenseLoops.weightGradient(dz, x, n, in, out, g, wOff, bOff, threads);
    }
  }

  /** ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)) of the eight lanes at l[k …]: order 3's last step. */
  static float tree(float[] l, int k) {
    return ((l[k] + l[k + 1]) + (l[k + 2] + l[k + 3])) + ((l[k + 4] + l[k + 5]) + (l[k + 6] + l[k + 7]));
  }

  private static Finish fusableOrThrow(Finish f, Activation act) {
    if (f == null) {
      throw new IllegalArgumentException(act.kind() + " needs its pre-activation; not fusable");
    }
    return f;
  }

  /** Points per block of {@link #toUnits} on wide inputs: their rows are read together, a few cache lines each. */
  private static final int ROW_BLOCK = 16;

  /**
   * Row-major n × d doubles to float units: units[u][i] = (float) m[i·d + u], rounded to nearest.
   * Wide inputs (MNIST's 784) go in blocks of {@link #ROW_BLOCK} points, so each row's cache lines
   * are read once rather than once per unit (a pure copy: the same values either way).
   */
  public static void toUnits(double[] m, int n, int d, float[][] units) {
    if (d < ROW_BLOCK) {
      for (int u = 0; u < d; u++) {
        final float[] t = units[u];
        for (int i = 0; i < n; i++) {
          t[i] = (float) m[i * d + u];
        }
      }
      return;
    }
    for (int i0 = 0; i0 < n; i0 += ROW_BLOCK) {
      final int i1 = Math.min(n, i0 + ROW_BLOCK);
      for (int u = 0; u < d; u++) {
        final float[] t = units[u];
        for (int i = i0, k = i0 * d + u; i < i1; i++, k += d) {
          t[i] = (float) m[k];
        }
      }
    }
  }

  /**
   * A buffer for the rows of a batch of d-dimensional inputs, or null when the weight gradient of
   * a layer with d inputs does not read rows (plain loops, or a layer narrower than the tiles' wide path).
   */
  public static float[] rowsFor(int capacity, int d) {
    return VECTOR && FloatDenseTiles.readsRows(d) ? new float[Math.multiplyExact(capacity, FloatDenseTiles.stride(d))] : null;
  }

  /**
   * {@link #toUnits(double[], int, int, float[][])}, and when {@code rows} (from {@link #rowsFor})
   * is not null the same floats as rows of points for {@link #weightGradient(float[][], float[][],
   * float[], int, int, int, float[], int, int, Scratch, int)}: the same values either way.
   */
  public static void toUnits(double[] m, int n, int d, float[][] units, float[] rows) {
    if (rows == null) {
      toUnits(m, n, d, units);
    } else {
      FloatDenseTiles.toUnitsAndRows(m, n, d, units, rows);
    }
  }

  /** Float units units[u][i] (d units of n points) to row-major n × d doubles, exactly. */
  public static void fromUnits(float[][] units, int n, int d, double[] m) {
    for (int u = 0; u < d; u++) {
      final float[] t = units[u];
      for (int i = 0; i < n; i++) {
        m[i * d + u] = t[i];
      }
    }
  }
}
