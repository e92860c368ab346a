package dev.knead.core.trace;

import dev.knead.core.data.Points;
import dev.knead.core.net.Block;
import dev.knead.core.net.Kernels;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Builds {@link Trace}s: carries points, grid lines and region samples through every move. */
public final class Tracer {
  /** Grid lines per axis and samples per line, by input dimension (1-D, 2-D, 3-D). */
  public record Options(int lines2d, int samples2d, int lines3d, int samples3d, int fieldSamples, double margin) {
    public static final Options DEFAULT = new Options(21, 101, 7, 41, 4096, 0.1);
    /** Points only: no grid lines and no region samples (for curves and probes). */
    public static final Options POINTS_ONLY = new Options(0, 2, 0, 2, 0, 0.1);
  }

  private Tracer() {}

  public static Trace trace(Network net, Points points, int[] labels) {
    return trace(net, points, labels, Options.DEFAULT);
  }

  public static Trace trace(Network net, Points points, int[] labels, Options opt) {
    return trace(net, points, labels, Domain.around(points, opt.margin()), opt);
  }

  /**
   * @param points n × d, d = the network's input dimension
   * @param labels class of each point, length n
   */
  public static Trace trace(Network net, Points points, int[] labels, Domain domain, Options opt) {
    return build(net, points, labels, domain, opt, true);
  }

  /**
   * Only the stages that end a layer — input, every layer's last move, the softmax output — with
   * the indices and names they have in the full trace and the same bits (both are the forward
   * pass's own sums), without the moves inside a layer: what the lab's live view draws many times
   * a second. {@link Trace#complete()} is false; {@link Trace#stageAt} finds a stage by index.
   */
  public static Trace layers(Network net, Points points, int[] labels, Domain domain, Options opt) {
    return build(net, points, labels, domain, opt, false);
  }

  private static Trace build(Network net, Points points, int[] labels, Domain domain, Options opt, boolean everyMove) {
    int d = net.inputDim();
    if (points.d() != d || domain.dim() != d) {
      throw new IllegalArgumentException("points are " + points.d() + "-D but the network takes " + d + "-D input");
    }
    if (labels.length != points.n()) {
      throw new IllegalArgumentException(labels.length + " labels for " + points.n() + " points");
    }
    List<Points> grid = opt.lines2d() == 0 && opt.lines3d() == 0 ? List.of() : d == 3 ? Grid.lines(domain, opt.lines3d(), opt.samples3d())
        : d == 1 ? Grid.lines(domain, opt.lines2d(), 4 * opt.samples2d()) : Grid.lines(domain, opt.lines2d(), opt.samples2d());
    Points field = opt.fieldSamples() == 0 ? Points.of(0, d, new double[0]) : Grid.lattice(domain, opt.fieldSamples());

    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage(0, Stage.Kind.INPUT, -1, "input", points, grid, field, Optional.empty(), Optional.empty()));
    Points p = points;
    Points f = field;
    List<Points> g = grid;
    for (int l = 0; l < net.blocks().size(); l++) {
      String who = Trace.layerName(net, l);
      if (!(net.block(l) instanceof Layer layer)) {
        // a flow, coupling, residual or k-NN block: its own stages (a flow at several t), the
        // points, the region samples and every grid line carried in one batch
        Block b = net.block(l);
        List<Block.Moment> mp = b.moments(p.toArray(), p.n());
        List<Block.Moment> mf = b.moments(f.toArray(), f.n());
        Points lines = concat(g, b.in());
        List<Block.Moment> mg = b.moments(lines.toArray(), lines.n());
        for (int k = 0; k < mp.size(); k++) {
          Points sp = Points.of(p.n(), mp.get(k).dim(), mp.get(k).points());
          Points sf = Points.of(f.n(), mf.get(k).dim(), mf.get(k).points());
          List<Points> sg = split(g, mg.get(k));
          if (everyMove || k == mp.size() - 1) {
            stages.add(new Stage(Trace.blockStage(net, l, k), Stage.Kind.BLOCK, l, who + " · " + mp.get(k).name(), sp, sg, sf,
                Optional.empty(), Optional.empty()));
          }
          if (k == mp.size() - 1) {
            p = sp;
            f = sf;
            g = sg;
          }
        }
        continue;
      }
      Optional<Factors> fac = Optional.empty();
      if (everyMove) {
        // the three linear moves inside the layer, for the scrubber and the animations
        Factors fc = factor(layer.weights());
        fac = Optional.of(fc);
        Move[] moves = {new Move.Rotate(fc.v().transpose()), new Move.Stretch(fc.sigma(), layer.in(), layer.out()), new Move.Rotate(fc.u())};
        Stage.Kind[] kinds = {Stage.Kind.ROTATE_IN, Stage.Kind.STRETCH, Stage.Kind.ROTATE_OUT};
        String[] names = {
          "rotate (Vᵀ)",
          fc.reflected() ? "stretch (Σ, with a reflection)" : layer.in() == layer.out() ? "stretch (Σ)"
              : "stretch (Σ, " + layer.in() + "-D → " + layer.out() + "-D)",
          "rotate (U)"
        };
        Points mp = p;
        Points mf = f;
        List<Points> mg = g;
        for (int k = 0; k < moves.length; k++) {
          Move m = moves[k];
          mp = carry(m, mp);
          mf = carry(m, mf);
          List<Points> moved = new ArrayList<>(mg.size());
          for (Points line : mg) {
            moved.add(carry(m, line));
          }
          mg = moved;
          stages.add(new Stage(Trace.index(net, l, kinds[k]), kinds[k], l, who + " · " + names[k], mp, mg, mf, Optional.of(m), fac));
        }
      }
      // the layer's end: W x + b and σ summed as the network's forward pass sums them (the same
      // bits as Layer.apply and the trainer's float64 pass), from where the layer started
      double[] params = new double[layer.out() * layer.in() + layer.out()];
      layer.weights().copyInto(params);
      System.arraycopy(layer.bias(), 0, params, layer.out() * layer.in(), layer.out());
      p = affine(layer, params, p);
      f = affine(layer, params, f);
      g = g.stream().map(line -> affine(layer, params, line)).toList();
      Optional<Move> shift = everyMove ? Optional.of(new Move.Shift(layer.bias())) : Optional.empty();
      if (everyMove || !Trace.bends(net, l)) {
        stages.add(new Stage(Trace.index(net, l, Stage.Kind.SHIFT), Stage.Kind.SHIFT, l, who + " · shift (+b)", p, g, f, shift, fac));
      }
      if (Trace.bends(net, l)) {
        Move.Bend bend = new Move.Bend(layer.activation(), layer.out());
        p = carry(bend, p);
        f = carry(bend, f);
        g = g.stream().map(line -> carry(bend, line)).toList();
        stages.add(new Stage(Trace.index(net, l, Stage.Kind.BEND), Stage.Kind.BEND, l, who + " · bend (" + layer.activation().label() + ")",
            p, g, f, everyMove ? Optional.of(bend) : Optional.empty(), fac));
      }
    }
    Points probs = softmax(p);
    Points fieldProbs = softmax(f);
    List<Points> gridProbs = g.stream().map(Tracer::softmax).toList();
    stages.add(new Stage(Trace.stageCount(net) - 1, Stage.Kind.OUTPUT, -1, "output · softmax", probs, gridProbs, fieldProbs,
        Optional.empty(), Optional.empty()));
    int[] fieldClasses = new int[f.n()];
    for (int i = 0; i < f.n(); i++) {
      fieldClasses[i] = argmax(f, i);
    }
    return new Trace(net, labels, fieldClasses, domain, stages);
  }

  /** @return every grid line stacked into one batch of points */
  private static Points concat(List<Points> lines, int d) {
    int total = lines.stream().mapToInt(Points::n).sum();
    double[] all = new double[total * d];
    int at = 0;
    for (Points line : lines) {
      double[] a = line.toArray();
      System.arraycopy(a, 0, all, at, a.length);
      at += a.length;
    }
    return Points.of(total, d, all);
  }

  /** @return the stacked batch cut back into lines of the same lengths as before */
  private static List<Points> split(List<Points> lines, Block.Moment m) {
    double[] all = m.points();
    List<Points> out = new ArrayList<>(lines.size());
    int at = 0;
    for (Points line : lines) {
      out.add(Points.of(line.n(), m.dim(), java.util.Arrays.copyOfRange(all, at * m.dim(), (at + line.n()) * m.dim())));
      at += line.n();
    }
    return out;
  }

  /** W x + b for every point, by the forward pass's kernel (its summation order). */
  private static Points affine(Layer layer, double[] params, Points x) {
    int out = layer.out();
    double[] z = new double[x.n() * out];
    Kernels.affine(x.toArray(), x.n(), layer.in(), params, 0, out * layer.in(), out, z);
    return Points.of(x.n(), out, z);
  }

  /**
   * W = U Σ Vᵀ with det U = det V = +1 wherever a choice of signs allows it (flipping a column
   * pair uᵢ, vᵢ leaves W unchanged; a column that meets no singular value flips freely). Only a
   * square invertible W with det W &lt; 0 is left: then the last σ becomes negative.
   *
   * @param w out × in
   */
  public static Factors factor(Matrix w) {
    int out = w.rows();
    int in = w.cols();
    int k = Math.min(in, out);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(out, in, true, true, false);
    if (!svd.decompose(new DMatrixRMaj(out, in, true, w.toArray()))) {
      throw new IllegalStateException("SVD failed for a " + out + " × " + in + " weight matrix");
    }
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj s = svd.getW(null);
    DMatrixRMaj v = svd.getV(null, false);
    SingularOps_DDRM.descendingOrder(u, false, s, v, false);
    double[] sigma = new double[k];
    for (int i = 0; i < k; i++) {
      sigma[i] = s.get(i, i);
    }
    double[] ua = u.getData().clone();
    double[] va = v.getData().clone();
    double tol = Math.max(in, out) * Math.ulp(k == 0 ? 0 : sigma[0]);
    boolean reflected = false;
    if (Rotations.det(va, in) < 0) {
      int zero = zeroIndex(sigma, tol);
      if (in > out) {
        flip(va, in, in - 1);
      } else if (zero >= 0) {
        flip(va, in, zero);
      } else {
        flip(va, in, in - 1);
        flip(ua, out, in - 1);
      }
    }
    if (Rotations.det(ua, out) < 0) {
      int zero = zeroIndex(sigma, tol);
      if (out > in) {
        flip(ua, out, out - 1);
      } else if (zero >= 0) {
        flip(ua, out, zero);
      } else if (in > out) {
        flip(ua, out, out - 1);
        flip(va, in, out - 1);
        flip(va, in, in - 1);
      } else {
        flip(ua, out, out - 1);
        sigma[k - 1] = -sigma[k - 1];
        reflected = true;
      }
    }
    return new Factors(Matrix.of(out, out, ua), sigma, Matrix.of(in, in, va), reflected);
  }

  private static int zeroIndex(double[] sigma, double tol) {
    for (int i = sigma.length - 1; i >= 0; i--) {
      if (Math.abs(sigma[i]) <= tol) {
        return i;
      }
    }
    return -1;
  }

  private static void flip(double[] m, int n, int col) {
    for (int i = 0; i < n; i++) {
      m[i * n + col] = -m[i * n + col];
    }
  }

  private static Points carry(Move m, Points p) {
    return Points.of(p.n(), m.dimAt(1), m.apply(p.toArray(), p.n(), 1));
  }

  /**
   * y = x · Mᵀ for n points: each point multiplied by the square matrix M.
   *
   * @param x n × d
   * @param m rows × d
   */
  static double[] multiplyRows(double[] x, int n, int d, double[] m, int rows) {
    double[] y = new double[n * rows];
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < rows; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += m[i * d + j] * x[p * d + j];
        }
        y[p * rows + i] = s;
      }
    }
    return y;
  }

  private static Points softmax(Points z) {
    int k = z.d();
    double[] a = z.toArray();
    for (int i = 0; i < z.n(); i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, a[i * k + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        a[i * k + j] = Math.exp(a[i * k + j] - max);
        sum += a[i * k + j];
      }
      for (int j = 0; j < k; j++) {
        a[i * k + j] /= sum;
      }
    }
    return Points.of(z.n(), k, a);
  }

  private static int argmax(Points z, int i) {
    int best = 0;
    for (int j = 1; j < z.d(); j++) {
      if (z.get(i, j) > z.get(i, best)) {
        best = j;
      }
    }
    return best;
  }
}
