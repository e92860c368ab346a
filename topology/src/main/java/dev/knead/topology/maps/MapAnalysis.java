package dev.knead.topology.maps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;

/**
 * Reads a layer x ↦ σ(Wx + b) as a map of space: its shape, rank, stretches, orientation and
 * whether σ folds or saturates on the sample. Pure function of its arguments.
 *
 * <p>With a sample, a ReLU layer is read on it: units off on every point pass nothing, so only
 * the rows of W of units that ever switch on map the sample ({@link LayerMap#liveRank}); a layer
 * whose live rows lose a dimension collapses even when W itself is invertible (all units off:
 * every point goes to 0). Saturation is counted only at bounds σ approaches without reaching
 * ({@link ActivationTraits#saturable}); ReLU's 0 is a fold.
 */
public final class MapAnalysis {
  private MapAnalysis() {}

  /** A value this close to a finite bound of σ counts as saturated. */
  public static final double SATURATION_GAP = 1e-6;

  /** A unit saturated on more than this share of points earns {@link Badge#SATURATES}. */
  public static final double SATURATED_SHARE = 0.01;

  /** A ReLU unit off on more than this share of points is dead. */
  public static final double DEAD_SHARE = 0.99;

  /**
   * Singular values below this are treated as zero when counting the rank: max(n_out, n_in) ·
   * σ_max · machine ε, the convention of LAPACK-based tools (numpy's matrix_rank).
   *
   * @param w out × in weights
   * @param singularValues its singular values, largest first
   */
  public static double rankTolerance(double[][] w, double[] singularValues) {
    final double top = singularValues.length == 0 ? 0 : singularValues[0];
    return Math.max(w.length, w[0].length) * top * Math.ulp(1.0);
  }

  /**
   * Analysis from the weights alone (no sample: no saturation, dead-unit or fold counts;
   * a non-injective σ is assumed to fold).
   *
   * @param w out × in weights
   * @param sigma the activation applied after Wx + b
   */
  public static LayerMap of(double[][] w, ActivationTraits sigma) {
    return of(w, sigma, null, null);
  }

  /**
   * @param w out × in weights
   * @param sigma the activation applied after Wx + b
   * @param pre pre-activations Wx + b of sample points, n × out, or null
   * @param post post-activations σ(Wx + b) of the same points, n × out, or null
   */
  public static LayerMap of(double[][] w, ActivationTraits sigma, double[][] pre, double[][] post) {
    final int out = w.length;
    if (out == 0 || w[0].length == 0) {
      throw new IllegalArgumentException("layer map: empty weight matrix");
    }
    final int in = w[0].length;
    final DMatrixRMaj m = new DMatrixRMaj(out, in);
    for (int i = 0; i < out; i++) {
      if (w[i].length != in) {
        throw new IllegalArgumentException("layer map: row " + i + " of W has " + w[i].length + " values, not " + in);
      }
      for (int j = 0; j < in; j++) {
        m.set(i, j, w[i][j]);
      }
    }
    checkSample(pre, out, "pre-activations");
    checkSample(post, out, "post-activations");

    final double[] sv = SingularOps_DDRM.singularValues(m.copy());
    Arrays.sort(sv);
    reverse(sv);
    final double tol = rankTolerance(w, sv);
    int rank = 0;
    for (double s : sv) {
      rank += s > tol ? 1 : 0;
    }
    final double smallest = sv[sv.length - 1];
    final double condition = smallest > tol ? sv[0] / smallest : Double.POSITIVE_INFINITY;
    final LayerMap.Kind kind =
        out == in ? LayerMap.Kind.SQUARE : out > in ? LayerMap.Kind.EXPANDING : LayerMap.Kind.CONTRACTING;
    final double det = kind == LayerMap.Kind.SQUARE ? CommonOps_DDRM.det(m.copy()) : Double.NaN;
    double rotation = Double.NaN;
    if (out == 2 && in == 2 && det > 0) {
      // Polar decomposition of a 2 × 2 matrix with positive determinant: W = R(θ)·S with
      // S symmetric positive definite and θ = atan2(c − b, a + d).
      rotation = Math.toDegrees(Math.atan2(w[1][0] - w[0][1], w[0][0] + w[1][1]));
    }

    double saturation = Double.NaN;
    int saturatedUnits = 0;
    if (post != null && sigma.saturable()) { // ReLU's 0 is a fold, counted below, not saturation
      int near = 0;
      for (int u = 0; u < out; u++) {
        int unitNear = 0;
        for (double[] row : post) {
          if (sigma.saturated(row[u], SATURATION_GAP)) {
            unitNear++;
          }
        }
        near += unitNear;
        saturatedUnits += unitNear > SATURATED_SHARE * post.length ? 1 : 0;
      }
      saturation = near / ((double) post.length * out);
    } else if (post != null) {
      saturation = 0;
    }

    int dead = 0;
    int folding = 0;
    int liveRank = rank;
    if (pre != null && sigma.reluLike()) {
      final List<Integer> live = new ArrayList<>();
      for (int u = 0; u < out; u++) {
        int off = 0;
        for (double[] row : pre) {
          off += row[u] <= 0 ? 1 : 0;
        }
        dead += off > DEAD_SHARE * pre.length ? 1 : 0;
        folding += off > 0 && off < pre.length ? 1 : 0;
        if (off < pre.length) {
          live.add(u);
        }
      }
      // a unit off on every point passes nothing: only the rows of units that ever switch on map the sample
      liveRank = live.size() == out ? rank : rank(rows(w, live));
    }

    final List<Badge> badges = new ArrayList<>();
    final boolean full = rank == in;
    if (kind == LayerMap.Kind.SQUARE && full && sigma.homeomorphic()) {
      badges.add(Badge.HOMEOMORPHISM);
    }
    if (kind == LayerMap.Kind.EXPANDING && full && sigma.homeomorphic()) {
      badges.add(Badge.EMBEDDING);
    }
    if (!full || liveRank < in) {
      badges.add(Badge.COLLAPSES);
    }
    final boolean folds = !sigma.injective() && (pre == null || !sigma.reluLike() || folding > 0);
    if (folds) {
      badges.add(Badge.FOLDS);
    }
    if (saturatedUnits > 0) {
      badges.add(Badge.SATURATES);
    }
    if (dead > 0) {
      badges.add(Badge.DEAD_UNITS);
    }
    return new LayerMap(in, out, kind, rank, liveRank, sv, det, condition, rotation, det < 0, sigma,
        saturation, saturatedUnits, dead, folding, badges);
  }

  /** Numerical rank of a matrix by the same tolerance as W's ({@link #rankTolerance}); 0 for no rows. */
  private static int rank(double[][] a) {
    if (a.length == 0) {
      return 0;
    }
    final double[] sv = SingularOps_DDRM.singularValues(new DMatrixRMaj(a));
    double top = 0;
    for (double s : sv) {
      top = Math.max(top, s);
    }
    final double tol = Math.max(a.length, a[0].length) * top * Math.ulp(1.0);
    int r = 0;
    for (double s : sv) {
      r += s > tol ? 1 : 0;
    }
    return r;
  }

  private static double[][] rows(double[][] w, List<Integer> keep) {
    final double[][] r = new double[keep.size()][];
    for (int i = 0; i < r.length; i++) {
      r[i] = w[keep.get(i)].clone();
    }
    return r;
  }

  private static void checkSample(double[][] sample, int out, String what) {
    if (sample == null) {
      return;
    }
    for (int i = 0; i < sample.length; i++) {
      if (sample[i].length != out) {
        throw new IllegalArgumentException("layer map: " + what + " row " + i + " has " + sample[i].length + " values, not " + out);
      }
    }
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      final double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
