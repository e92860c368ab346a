package dev.knead.core.train;

import dev.knead.core.net.Activation;
import dev.knead.core.net.ActivationKernels;
import dev.knead.core.net.DoubleDense;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffers one training call owns: every parameter in one flat array (W then b per layer),
 * gradients alongside, and per-layer activations sized for the largest batch. A loss without
 * gradient over more points than that runs in chunks through the same buffers (see {@link
 * #chunked}), so the memory grows with the batch, not with the data set. Activations are
 * unit-major (unit u of point i at u·n + i, see {@link DoubleDense}); inputs and logits cross
 * the boundary row-major. A step allocates nothing. Not shared between threads or calls.
 */
public final class Workspace implements Trainer.Pass {
  final int layers;
  final int[] sizes;
  final Activation[] act;
  final int[] wOff;
  final int[] bOff;
  final double[] params;
  final double[] grads;
  private final int capacity;
  /*
   * The double pass's buffers, made on its first use ({@link #doubleBuffers}): a float32 run never
   * makes them (for 60,000 MNIST points they would be ~0.8 GB of doubles nothing reads).
   */
  /** Per layer: pre-activations, activations (the same arrays for identity σ) and ∂L/∂z; [unit][point]. */
  private double[][][] z;
  private double[][][] a;
  private double[][][] delta;
  private final int[] correct = new int[1];
  /** The loss kernels' sums, carried from chunk to chunk (enough for any kernel's parts). */
  private final double[] parts = new double[Math.max(TwoClassSoftmax.PARTS, SoftmaxCrossEntropy.PARTS)];
  /** One chunk's inputs and labels, made on the first chunked loss. */
  private double[] chunkX;
  private int[] chunkY;
  /** The inputs, [coordinate][point]. */
  private double[][] xUnits;
  /** n × k logits and their gradient, row-major, for losses without a unit-major kernel. */
  private double[] logitsRows;
  private double[] gradRows;
  /** Scratch: one unit's worth for the batch tanh, and the point-major input of a wide layer. */
  private double[] scratch;
  private double[][] points;
  private double[][] acc;
  private double[] pointMax;
  private double[] pointSum;

  /** Threads the wide kernels may use; results are the same bits for any count. */
  private final int threads;
  /** The float32 pass, or null when training computes in double. */
  private final FloatPass floatPass;

  /** @param capacity the largest number of points a pass will see (larger losses without gradient run in chunks) */
  public Workspace(Network network, int capacity) {
    this(network, capacity, 1);
  }

  /**
   * @param capacity the largest number of points a forward pass will see
   * @param threads how many threads the large kernels may use (split by output units, so the
   *     bits do not depend on it)
   */
  public Workspace(Network network, int capacity, int threads) {
    this(network, capacity, threads, Precision.FLOAT64);
  }

  /**
   * @param precision the arithmetic of {@link #lossAndGradient}; the parameter block, the
   *     gradient and {@link #forward} stay double either way
   */
  public Workspace(Network network, int capacity, int threads, Precision precision) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    this.threads = threads;
    this.layers = network.layers().size();
    this.capacity = capacity;
    sizes = new int[layers + 1];
    act = new Activation[layers];
    wOff = new int[layers];
    bOff = new int[layers];
    sizes[0] = network.inputDim();
    int off = 0;
    for (int l = 0; l < layers; l++) {
      Layer layer = network.layer(l);
      sizes[l + 1] = layer.out();
      act[l] = layer.activation();
      wOff[l] = off;
      off += layer.in() * layer.out();
      bOff[l] = off;
      off += layer.out();
    }
    params = new double[off];
    grads = new double[off];
    load(network);
    floatPass = precision == Precision.FLOAT32 ? new FloatPass(sizes, act, wOff, bOff, off, capacity, threads) : null;
    if (floatPass == null) {
      doubleBuffers();
    }
  }

  /** Makes the double pass's buffers, once. */
  private void doubleBuffers() {
    if (z != null) {
      return;
    }
    z = new double[layers][][];
    a = new double[layers][][];
    delta = new double[layers][][];
    for (int l = 0; l < layers; l++) {
      z[l] = new double[sizes[l + 1]][capacity];
      a[l] = act[l].kind() == Activation.Kind.IDENTITY ? z[l] : new double[sizes[l + 1]][capacity];
      delta[l] = new double[Math.max(sizes[l + 1], sizes[l])][capacity];
    }
    xUnits = new double[sizes[0]][capacity];
    logitsRows = new double[capacity * sizes[layers]];
    gradRows = new double[capacity * sizes[layers]];
    scratch = new double[capacity];
    int widestInput = 0;
    for (int l = 0; l < layers; l++) {
      widestInput = Math.max(widestInput, sizes[l]);
    }
    points = widestInput >= DoubleDense.WIDE_INPUT ? new double[capacity][widestInput] : new double[0][];
    acc = new double[2][widestInput];
    pointMax = new double[capacity];
    pointSum = new double[capacity];
  }

  /** Copies a network's weights into the parameter block. */
  public void load(Network network) {
    for (int l = 0; l < layers; l++) {
      Layer layer = network.layer(l);
      System.arraycopy(layer.weights().toArray(), 0, params, wOff[l], layer.in() * layer.out());
      System.arraycopy(layer.bias(), 0, params, bOff[l], layer.out());
    }
  }

  /** @return the network the parameter block holds now */
  public Network network() {
    List<Layer> ls = new ArrayList<>(layers);
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double[] w = new double[in * out];
      System.arraycopy(params, wOff[l], w, 0, w.length);
      double[] b = new double[out];
      System.arraycopy(params, bOff[l], b, 0, out);
      ls.add(new Layer(Matrix.of(out, in, w), b, act[l]));
    }
    return new Network(ls);
  }

  public double[] params() {
    return params;
  }

  public double[] grads() {
    return grads;
  }

  /**
   * Forward pass of n points.
   *
   * @param x n × d inputs, row-major
   * @return the logits buffer (n × k valid entries, row-major)
   */
  public double[] forward(double[] x, int n) {
    DoubleDense.fromUnits(forwardUnits(x, n), n, sizes[layers], logitsRows);
    return logitsRows;
  }

  /** @return the logits, [class][point] */
  private double[][] forwardUnits(double[] x, int n) {
    if (n > capacity) {
      throw new IllegalArgumentException(n + " points exceed the workspace capacity " + capacity);
    }
    doubleBuffers();
    DoubleDense.toUnits(x, n, sizes[0], xUnits);
    double[][] in = xUnits;
    for (int l = 0; l < layers; l++) {
      DoubleDense.affine(in, n, sizes[l], params, wOff[l], bOff[l], sizes[l + 1], z[l], threads);
      if (a[l] != z[l]) {
        for (int u = 0; u < sizes[l + 1]; u++) {
          ActivationKernels.apply(act[l], z[l][u], a[l][u], n, scratch);
        }
      }
      in = a[l];
    }
    return a[layers - 1];
  }

  /**
   * Loss of n points and, if {@code backward}, the gradient of the mean loss in {@link #grads}
   * (penalties not included: see {@link Trainer}).
   *
   * @param x n × d inputs, row-major
   * @param out2 out2[0] receives the number of correctly classified points
   * @return the mean data loss
   */
  public double lossAndGradient(double[] x, int[] y, int n, Loss loss, boolean backward, int[] out2) {
    if (n > capacity && !backward) {
      return chunked(x, y, n, loss, out2);
    }
    if (n > capacity) {
      throw new IllegalArgumentException(n + " points exceed the workspace capacity " + capacity);
    }
    java.util.Arrays.fill(parts, 0);
    return pass(x, y, n, loss, backward, out2, 1.0 / n);
  }

  /**
   * Points per chunk are a multiple of this: the loss kernels sum in blocks of 16 ({@link
   * SoftmaxCrossEntropy}) and 1,024 ({@link TwoClassSoftmax}) points, so chunks cut only between
   * blocks and the sums run as in one pass.
   */
  static final int CHUNK_ALIGN = TwoClassSoftmax.LOG_BLOCK;

  /**
   * The loss of more points than the workspace holds, without gradient: chunks of the largest
   * multiple of {@link #CHUNK_ALIGN} that fits, in order, each kernel's sums carried from one
   * chunk to the next. Each point's logits do not depend on the others in its pass (the kernels
   * sum in an order fixed by the shapes), so the loss and the count are the bits of one pass.
   */
  private double chunked(double[] x, int[] y, int n, Loss loss, int[] out2) {
    final int chunk = capacity / CHUNK_ALIGN * CHUNK_ALIGN;
    if (chunk == 0) {
      throw new IllegalArgumentException(n + " points exceed the workspace capacity " + capacity);
    }
    final int d = sizes[0];
    if (chunkX == null) {
      chunkX = new double[chunk * d];
      chunkY = new int[chunk];
    }
    java.util.Arrays.fill(parts, 0);
    final double inv = 1.0 / n;
    double value = 0;
    int right = 0;
    for (int start = 0; start < n; start += chunk) {
      final int size = Math.min(chunk, n - start);
      System.arraycopy(x, start * d, chunkX, 0, size * d);
      System.arraycopy(y, start, chunkY, 0, size);
      value = pass(chunkX, chunkY, size, loss, false, out2, inv);
      right += out2[0];
    }
    out2[0] = right;
    return value;
  }

  /** @return the largest number of points one pass takes (a gradient's batch) */
  public int capacity() {
    return capacity;
  }

  /** One pass over n ≤ capacity points, the loss's sums carried in {@link #parts}. */
  private double pass(double[] x, int[] y, int n, Loss loss, boolean backward, int[] out2, double inv) {
    if (floatPass != null) {
      return floatPass.lossAndGradient(x, y, n, loss, backward, out2, params, grads, inv, parts);
    }
    final double[][] logits = forwardUnits(x, n);
    final int k = sizes[layers];
    final double[][] top = delta[layers - 1];
    final double value;
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
      value = SoftmaxCrossEntropy.lossAndGradient(logits, n, k, y, top, correct, pointMax, pointSum, scratch, inv, parts);
    } else {
      DoubleDense.fromUnits(logits, n, k, logitsRows);
      value = loss.lossAndGradient(logitsRows, n, k, y, gradRows, correct, inv, parts);
      DoubleDense.toUnits(gradRows, n, k, top);
    }
    out2[0] = correct[0];
    if (!backward) {
      return value;
    }
    for (int l = layers - 1; l >= 0; l--) {
      final double[][] dz = delta[l];
      final double[][] input = l == 0 ? xUnits : a[l - 1];
      DoubleDense.weightGradient(dz, input, n, sizes[l], sizes[l + 1], grads, wOff[l], bOff[l], points, acc, threads);
      if (l > 0) {
        final double[][] dx = delta[l - 1];
        DoubleDense.inputGradient(dz, n, sizes[l], sizes[l + 1], params, wOff[l], dx, threads);
        for (int u = 0; u < sizes[l]; u++) {
          ActivationKernels.multiplyByDerivative(act[l - 1], z[l - 1][u], a[l - 1][u], dx[u], n);
        }
      }
    }
    return value;
  }

  /** @return whether the offset lies in a weight block (penalties apply to weights only) */
  @Override
  public boolean[] weightMask() {
    boolean[] m = new boolean[params.length];
    for (int l = 0; l < layers; l++) {
      java.util.Arrays.fill(m, wOff[l], bOff[l], true);
    }
    return m;
  }
}
