package dev.knead.app.lab;

import dev.knead.core.data.Points;
import dev.knead.core.net.ActivationKernels;
import dev.knead.core.net.Kernels;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Domain;
import dev.knead.core.trace.Grid;
import java.util.List;

/**
 * The live view's stages: where the points, the grid and the region samples are after each
 * whole layer (input, every hidden layer's bend, the logits). A workspace owned by one run's
 * {@link LiveFrame}: the inputs are stacked once into one m × d block of rows — the n points,
 * then the grid's lines × samples, then the f region samples — and every update runs core's own
 * kernels ({@link Kernels#affine}, {@link ActivationKernels#apply}: the sums and the tanh the
 * trainer uses) into buffers kept between updates. So stage s here is the forward pass bit for bit
 * ({@link Layer#apply}) and equals stage {@link #traceIndex} of the full
 * {@link dev.knead.core.trace.Trace} to rounding (the trace carries points through the SVD
 * factors), at a fraction of its cost and with no allocation per update; the move scrubber reads
 * the full trace.
 *
 * <p>Not thread-safe: one update at a time (LiveFrame holds its lock).
 */
final class LayerStages {
  /** points */
  final int n;
  /** grid polylines and samples along each */
  final int lines;
  final int samples;
  /** region samples */
  final int f;
  /** rows: n + lines · samples + f */
  final int m;
  private final int inDim;
  /** m × inDim, row-major, never changed */
  private final double[] input;
  /** stage s + 1 = after layer s: m × width(s + 1); reallocated only when a width changes */
  private double[][] out = new double[0][];
  private int[] widths = new int[0];
  /** m × widest, the pre-activations */
  private double[] z = new double[0];
  /** W (out × in) then b, of the layer being applied */
  private double[] params = new double[0];
  private Network last;

  /** @param grid polylines, all of the same length (Grid.lines makes them so) */
  LayerStages(Points points, List<Points> grid, Points field) {
    this.n = points.n();
    this.lines = grid.size();
    this.samples = grid.isEmpty() ? 0 : grid.get(0).n();
    this.f = field.n();
    this.m = n + lines * samples + f;
    this.inDim = points.d();
    this.input = new double[m * inDim];
    points.copyInto(input);
    int at = n * inDim;
    for (Points line : grid) {
      if (line.n() != samples) {
        throw new IllegalArgumentException("grid lines must all have " + samples + " samples");
      }
      double[] l = line.toArray();
      System.arraycopy(l, 0, input, at, l.length);
      at += l.length;
    }
    double[] fl = field.toArray();
    System.arraycopy(fl, 0, input, at, fl.length);
  }

  /** The grid lines the live view draws over the input box (none above 3-D). */
  static List<Points> grid(Domain domain) {
    int d = domain.dim();
    return d > 3 ? List.of() : d == 3 ? Grid.lines(domain, 5, 21) : Grid.lines(domain, 21, 41);
  }

  /** The 40 × 40 region samples (40³ would be too many in 3-D: 12³ there; none above). */
  static Points field(Domain domain) {
    int d = domain.dim();
    return d > 3 ? Points.of(0, d, new double[0]) : Grid.lattice(domain, d == 3 ? 1728 : 1600);
  }

  /** Pushes every row through the network's layers, into the stage buffers. */
  void compute(Network net) {
    final int depth = net.depth();
    final int layers = depth + 1;
    if (out.length != layers) {
      out = new double[layers][];
      widths = new int[layers];
    }
    double[] x = input;
    for (int l = 0; l < layers; l++) {
      final Layer layer = net.layer(l);
      final int in = layer.in();
      final int w = layer.out();
      if (widths[l] != w || out[l] == null) {
        out[l] = new double[m * w];
        widths[l] = w;
      }
      if (z.length < m * w) {
        z = new double[m * w];
      }
      if (params.length < w * in + w) {
        params = new double[w * in + w];
      }
      layer.weights().copyInto(params);
      System.arraycopy(layer.bias(), 0, params, w * in, w);
      Kernels.affine(x, m, in, params, 0, w * in, w, z);
      // the output layer's σ is the identity: its stage holds the logits
      ActivationKernels.apply(layer.activation(), z, out[l], m * w);
      x = out[l];
    }
    last = net;
  }

  /** @return stages shown live: input, each hidden layer, the logits */
  int stages() {
    return out.length + 1;
  }

  /** @return m × width(s) rows of stage s (0 = input); a buffer of this workspace, not a copy */
  double[] rows(int s) {
    return s == 0 ? input : out[s - 1];
  }

  int width(int s) {
    return s == 0 ? inDim : widths[s - 1];
  }

  /** @return the index of stage s in the full trace (rotate, stretch, rotate, shift, bend per layer) */
  int traceIndex(int s) {
    int depth = out.length - 1;
    return s == 0 ? 0 : s <= depth ? 5 * s : 5 * depth + 4;
  }

  String name(int s) {
    int depth = out.length - 1;
    if (s == 0) {
      return "input";
    }
    return s <= depth ? "layer " + s + " · bend (" + last.layer(s - 1).activation().label() + ")" : "output layer · shift (+b)";
  }

  String kind(int s) {
    return s == 0 ? "input" : s <= out.length - 1 ? "bend" : "shift";
  }

  /**
   * The predicted class of every region sample and its softmax probability (× 255, rounded).
   *
   * @param classes length f
   * @param confidence length f
   */
  void regions(int[] classes, int[] confidence) {
    final double[] logits = out[out.length - 1];
    final int k = widths[widths.length - 1];
    final int from = n + lines * samples;
    for (int i = 0; i < f; i++) {
      final int r = (from + i) * k;
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (logits[r + j] > logits[r + best]) {
          best = j;
        }
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(logits[r + j] - logits[r + best]);
      }
      classes[i] = best;
      confidence[i] = (int) Math.round(255 / sum);
    }
  }
}
