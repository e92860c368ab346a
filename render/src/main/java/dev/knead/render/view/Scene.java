package dev.knead.render.view;

import dev.knead.core.data.Points;
import dev.knead.core.trace.Projection;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * What a panel shows, in at most three coordinates: the points, the grid lines and the region
 * samples of one stage or frame. Up to 3-D the coordinates are the stage's own; wider stages
 * are projected on their first three principal axes (of the points; core's {@link Projection},
 * the same the lab's page shows), and — when a previous
 * scene of the same points is given — turned by the orthogonal Procrustes rotation that best
 * matches it, so an animation does not flip or spin when principal axes swap.
 *
 * @param points n × 3, row-major
 * @param grid polylines, each m × 3
 * @param field region samples, f × 3
 * @param dim the stage's own dimension
 * @param planar whether the points lie in the plane of the first two view axes (dim ≤ 2, a 3-D
 *     stage whose third coordinate is 0, or a wider stage of affine rank ≤ 2): drawn flat
 */
public record Scene(double[] points, List<double[]> grid, double[] field, int dim, boolean planar) {

  public int n() {
    return points.length / 3;
  }

  /** @return whether the scene is drawn flat (see {@code planar}) */
  public boolean flat() {
    return planar;
  }

  /** @return whether the scene is a principal-axes view of a wider stage */
  public boolean projected() {
    return dim > 3;
  }

  public static Scene of(Points points, List<Points> grid, Points field, Scene previous) {
    return of(points, grid, field, previous, 0);
  }

  /**
   * As {@link #of(Points, List, Points, Scene)}, with a tour of wider stages: view axis k is
   * cos θ · PCₖ + sin θ · PCₖ₊₃ (where PCₖ₊₃ exists), so turning θ from 0 to π/2 swings the view
   * from the first three principal axes to the next three — a simple, deterministic cousin of
   * Asimov's grand tour (1985) that shows directions a fixed projection hides.
   *
   * @param tour θ in radians; 0 = the plain principal-axes view
   */
  public static Scene of(Points points, List<Points> grid, Points field, Scene previous, double tour) {
    int d = points.d();
    if (d <= 3) {
      List<double[]> g = new ArrayList<>(grid.size());
      for (Points line : grid) {
        g.add(pad(line));
      }
      double[] p3 = pad(points);
      return new Scene(p3, g, pad(field), d, d <= 2 || thirdIsZero(p3));
    }
    double[] x = points.toArray();
    int n = points.n();
    // the one projection of wide stages, shared with the lab's page (core's Projection)
    Projection proj = Projection.fit(x, n, d);
    double[] axes = proj.view(tour); // 3 × d, rows = view directions
    boolean planar = proj.planar();
    double[] p3 = project(proj, axes, x, n);
    if (previous != null && previous.n() == n) {
      double[] r = procrustes(p3, previous.points, n);
      rotate(p3, r);
      axes = rotateAxes(axes, d, r);
    }
    List<double[]> g = new ArrayList<>(grid.size());
    for (Points line : grid) {
      g.add(project(proj, axes, line.toArray(), line.n()));
    }
    if (planar) {
      flatten(p3);
      g.forEach(Scene::flatten);
    }
    double[] f3 = project(proj, axes, field.toArray(), field.n());
    if (planar) {
      flatten(f3);
    }
    return new Scene(p3, g, f3, d, planar);
  }

  private static void flatten(double[] p) {
    for (int i = 2; i < p.length; i += 3) {
      p[i] = 0;
    }
  }

  /** @return whether every third coordinate is 0 relative to the extent of the first two */
  private static boolean thirdIsZero(double[] p) {
    double ext = 0;
    double z = 0;
    for (int i = 0; i < p.length; i += 3) {
      ext = Math.max(ext, Math.max(Math.abs(p[i]), Math.abs(p[i + 1])));
      z = Math.max(z, Math.abs(p[i + 2]));
    }
    return z <= 1e-9 * Math.max(ext, 1e-300);
  }

  private static double[] pad(Points p) {
    int d = p.d();
    double[] out = new double[p.n() * 3];
    double[] x = p.toArray();
    for (int i = 0; i < p.n(); i++) {
      for (int j = 0; j < Math.min(3, d); j++) {
        out[i * 3 + j] = x[i * d + j];
      }
    }
    return out;
  }

  private static double[] project(Projection proj, double[] axes, double[] x, int n) {
    double[] out = new double[n * 3];
    proj.apply(axes, x, n, out);
    return out;
  }

  /**
   * The orthogonal 3 × 3 R minimising ‖A R − B‖ (Schönemann 1966): with Aᵀ B = U S Vᵀ, R = U Vᵀ.
   * Both clouds are centred first.
   */
  static double[] procrustes(double[] a, double[] b, int n) {
    double[] ca = centre(a, n);
    double[] cb = centre(b, n);
    DMatrixRMaj m = new DMatrixRMaj(3, 3);
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          m.data[r * 3 + c] += (a[i * 3 + r] - ca[r]) * (b[i * 3 + c] - cb[c]);
        }
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(3, 3, true, true, false);
    if (!svd.decompose(m)) {
      return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj vt = svd.getV(null, true);
    DMatrixRMaj r = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.mult(u, vt, r);
    return r.data.clone();
  }

  private static double[] centre(double[] a, int n) {
    double[] c = new double[3];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        c[k] += a[i * 3 + k] / n;
      }
    }
    return c;
  }

  /** p ← p R for every row. */
  private static void rotate(double[] p, double[] r) {
    for (int i = 0; i < p.length; i += 3) {
      double x = p[i];
      double y = p[i + 1];
      double z = p[i + 2];
      p[i] = x * r[0] + y * r[3] + z * r[6];
      p[i + 1] = x * r[1] + y * r[4] + z * r[7];
      p[i + 2] = x * r[2] + y * r[5] + z * r[8];
    }
  }

  /** New axes Rᵀ · axes, so that projecting with them equals projecting then rotating. */
  private static double[] rotateAxes(double[] axes, int d, double[] r) {
    double[] out = new double[3 * d];
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < d; j++) {
        out[k * d + j] = r[k] * axes[j] + r[3 + k] * axes[d + j] + r[6 + k] * axes[2 * d + j];
      }
    }
    return out;
  }
}
