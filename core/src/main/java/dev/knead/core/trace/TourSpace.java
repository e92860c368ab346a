package dev.knead.core.trace;

import dev.knead.core.data.Points;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * One space for a grand tour of every stage, so that the motion between stages is the
 * network's, not the projection's. Stages have different widths and their coordinates mean
 * different units, so each stage is placed in a common space of D = the widest stage's
 * dimension by an isometry (a d × D matrix with orthonormal rows): the first stage by its own
 * principal axes, every later stage by the orthogonal Procrustes map (Schönemann 1966) that
 * brings its centred points closest to the previous stage's placed points — the same points,
 * one for one. A rotation or reflection of a stage is thus undone, and what still moves between
 * stages is what no rigid motion explains: stretching, folding, gathering. One
 * {@link GrandTour} of D dimensions then shows every stage through the same frame.
 */
public final class TourSpace {
  private final int dim;
  private final int n;
  /** per stage, n × D row-major: its centred points placed in the common space */
  private final List<double[]> placed;

  private TourSpace(int dim, int n, List<double[]> placed) {
    this.dim = dim;
    this.n = n;
    this.placed = placed;
  }

  /**
   * @param stages the same n points at every stage, in order (n ≥ 2)
   */
  public static TourSpace of(List<Points> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a tour space needs at least one stage");
    }
    int n = stages.get(0).n();
    int big = GrandTour.K;
    for (Points p : stages) {
      if (p.n() != n) {
        throw new IllegalArgumentException("every stage must hold the same points: " + p.n() + " ≠ " + n);
      }
      big = Math.max(big, p.d());
    }
    List<double[]> placed = new ArrayList<>();
    double[] prev = null;
    for (Points p : stages) {
      int d = p.d();
      double[] x = centred(p);
      double[] map; // d × D, orthonormal rows
      if (prev == null) {
        double[] axes = Projection.fit(p.toArray(), n, d).axes(); // rows = principal axes
        map = new double[d * big];
        for (int k = 0; k < d; k++) {
          for (int j = 0; j < d; j++) {
            map[j * big + k] = axes[k * d + j]; // coordinate k of the common space = principal axis k
          }
        }
      } else {
        map = procrustes(x, prev, n, d, big);
      }
      double[] y = new double[n * big];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double v = x[i * d + j];
          if (v != 0) {
            for (int c = 0; c < big; c++) {
              y[i * big + c] += v * map[j * big + c];
            }
          }
        }
      }
      placed.add(y);
      prev = y;
    }
    return new TourSpace(big, n, placed);
  }

  /** @return D, the common space's dimension */
  public int dim() {
    return dim;
  }

  public int stages() {
    return placed.size();
  }

  /** @return stage s's centred points in the common space, n × D row-major */
  public double[] placed(int s) {
    return placed.get(s).clone();
  }

  /**
   * Stage s seen through a view (3 × D row-major, e.g. {@link GrandTour#view}).
   *
   * @param y n × 3 output
   */
  public void show(int s, double[] view, double[] y) {
    double[] x = placed.get(s);
    int k = view.length / dim;
    if (k != GrandTour.K) {
      throw new IllegalArgumentException("a view has " + GrandTour.K + " rows of " + dim + ", got " + view.length + " values");
    }
    for (int i = 0; i < n; i++) {
      // the three view rows in one pass over the point (one read of its D coordinates)
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      int off = i * dim;
      for (int j = 0; j < dim; j++) {
        double v = x[off + j];
        s0 += v * view[j];
        s1 += v * view[dim + j];
        s2 += v * view[2 * dim + j];
      }
      y[i * 3] = s0;
      y[i * 3 + 1] = s1;
      y[i * 3 + 2] = s2;
    }
  }

  private static double[] centred(Points p) {
    int n = p.n();
    int d = p.d();
    double[] x = p.toArray();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j] / n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] -= mean[j];
      }
    }
    return x;
  }

  /** The d × D map Q with orthonormal rows minimising ‖X Q − Y‖: with Xᵀ Y = U S Vᵀ, Q = U Vᵀ. */
  static double[] procrustes(double[] x, double[] y, int n, int d, int big) {
    DMatrixRMaj m = new DMatrixRMaj(d, big);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double v = x[i * d + a];
        if (v != 0) {
          for (int b = 0; b < big; b++) {
            m.data[a * big + b] += v * y[i * big + b];
          }
        }
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, big, true, true, true);
    if (!svd.decompose(m)) {
      throw new IllegalStateException("tour space: decomposition failed");
    }
    DMatrixRMaj u = svd.getU(null, false); // d × r
    DMatrixRMaj v = svd.getV(null, false); // D × r
    int r = Math.min(d, big);
    double[] q = new double[d * big];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < big; b++) {
        double sum = 0;
        for (int k = 0; k < r; k++) {
          sum += u.get(a, k) * v.get(b, k);
        }
        q[a * big + b] = sum;
      }
    }
    return q;
  }
}
