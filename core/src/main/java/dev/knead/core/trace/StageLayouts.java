package dev.knead.core.trace;

import dev.knead.core.data.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A t-SNE layout ({@link Tsne}) of each of several stages of the same points — the non-linear
 * view. Each stage's layout is its own: t-SNE keeps neighbourhoods, not distances or directions,
 * so unlike PCA or a grand tour no basis is carried from stage to stage and a difference in
 * spacing between two panels means little. To keep the motion readable, stage s starts from
 * stage s − 1's layout (shrunk to the usual tiny start), the first from the first stage's
 * principal axes, and each finished layout is turned (rotation or reflection, orthogonal
 * Procrustes) onto the previous one — moves t-SNE's objective does not see.
 *
 * <p>Exact t-SNE costs O(n²) memory and time per step, so at most {@code cap} points are laid
 * out: when there are more, a subsample drawn without replacement from the stated seed (the same
 * points at every stage), kept in their original order.
 */
public final class StageLayouts {
  /** The most points laid out by default. */
  public static final int CAP = 2000;
  /** The default subsample seed. */
  public static final long SEED = 16;

  private final int[] indices;
  private final int dims;
  private final List<double[]> layouts;
  private final double[] kl;
  private final double perplexity;

  private StageLayouts(int[] indices, int dims, List<double[]> layouts, double[] kl, double perplexity) {
    this.indices = indices;
    this.dims = dims;
    this.layouts = layouts;
    this.kl = kl;
    this.perplexity = perplexity;
  }

  /** @return the layouts with the default settings, cap and seed */
  public static StageLayouts of(List<Points> stages) {
    return of(stages, Tsne.Options.DEFAULT, CAP, SEED);
  }

  /**
   * @param stages the same n points at every stage, in order
   * @param cap the most points laid out (≥ 3)
   * @param seed the subsample's seed (used only when n &gt; cap)
   */
  public static StageLayouts of(List<Points> stages, Tsne.Options o, int cap, long seed) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a layout needs at least one stage");
    }
    if (cap < 3) {
      throw new IllegalArgumentException("cap " + cap + " must be at least 3");
    }
    int n = stages.get(0).n();
    for (Points p : stages) {
      if (p.n() != n) {
        throw new IllegalArgumentException("every stage must hold the same points: " + p.n() + " ≠ " + n);
      }
    }
    int[] idx = subsample(n, cap, seed);
    int m = idx.length;
    // a perplexity the points can carry: below m, as the search needs (a third of them for tiny sets)
    Tsne.Options used = o.perplexity() < m ? o : o.withPerplexity(Math.max(1, (m - 1) / 3.0));
    int dims = used.dims();
    List<double[]> layouts = new ArrayList<>();
    double[] kl = new double[stages.size()];
    double[] prev = null;
    for (int s = 0; s < stages.size(); s++) {
      Points p = stages.get(s);
      int d = p.d();
      double[] x = rows(p.toArray(), d, idx);
      double[] start = prev == null ? Tsne.pcaStart(x, m, d, dims) : Tsne.scaled(prev, m, dims, 1e-4);
      Tsne.Result r = Tsne.embed(Tsne.affinities(x, m, d, used.perplexity()), m, start, used);
      double[] y = r.y();
      if (prev != null) {
        turnOnto(y, prev, m, dims);
      }
      layouts.add(y);
      kl[s] = r.finalKl();
      prev = y;
    }
    return new StageLayouts(idx, dims, List.copyOf(layouts), kl, used.perplexity());
  }

  /** @return the indices of the points laid out, increasing (all of them when n ≤ cap) */
  public static int[] subsample(int n, int cap, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (n <= cap) {
      return all;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < cap; i++) { // partial Fisher–Yates
      int j = i + r.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, cap);
    Arrays.sort(out);
    return out;
  }

  private static double[] rows(double[] x, int d, int[] idx) {
    double[] out = new double[idx.length * d];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(x, idx[i] * d, out, i * d, d);
    }
    return out;
  }

  /** y ← its centred self times the orthogonal R minimising ‖y R − prev‖ (Schönemann 1966), plus prev's centre. */
  static void turnOnto(double[] y, double[] prev, int n, int dims) {
    double[] cy = centre(y, n, dims);
    double[] cp = centre(prev, n, dims);
    DMatrixRMaj m = new DMatrixRMaj(dims, dims);
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < dims; r++) {
        for (int c = 0; c < dims; c++) {
          m.data[r * dims + c] += (y[i * dims + r] - cy[r]) * (prev[i * dims + c] - cp[c]);
        }
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(dims, dims, true, true, false);
    if (!svd.decompose(m)) {
      return;
    }
    DMatrixRMaj rot = new DMatrixRMaj(dims, dims);
    CommonOps_DDRM.mult(svd.getU(null, false), svd.getV(null, true), rot);
    double[] row = new double[dims];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < dims; c++) {
        double s = 0;
        for (int r = 0; r < dims; r++) {
          s += (y[i * dims + r] - cy[r]) * rot.data[r * dims + c];
        }
        row[c] = s + cp[c];
      }
      System.arraycopy(row, 0, y, i * dims, dims);
    }
  }

  private static double[] centre(double[] y, int n, int dims) {
    double[] c = new double[dims];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dims; k++) {
        c[k] += y[i * dims + k] / n;
      }
    }
    return c;
  }

  /** @return the indices of the points laid out, increasing */
  public int[] indices() {
    return indices.clone();
  }

  /** @return the number of points laid out */
  public int n() {
    return indices.length;
  }

  public int dims() {
    return dims;
  }

  public int size() {
    return layouts.size();
  }

  /** @return stage s's layout, n() × dims() row-major */
  public double[] layout(int s) {
    return layouts.get(s).clone();
  }

  /** @return the perplexity used: the asked one, or (m − 1) / 3 when m points cannot carry it */
  public double perplexity() {
    return perplexity;
  }

  /** @return the final KL divergence of stage s's layout */
  public double kl(int s) {
    return kl[s];
  }
}
