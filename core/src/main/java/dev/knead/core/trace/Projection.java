package dev.knead.core.trace;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * How a stage wider than 3-D is shown — the one projection the lab's page and render's figures
 * both use: the principal axes of the stage's points (largest spread first), each signed so
 * that its largest component is positive, which keeps a picture from flipping between frames.
 * Stages of 3 or fewer dimensions are shown as they are.
 */
public final class Projection {
  /** The most coordinates a picture shows. */
  public static final int SHOWN = 3;

  private final int d;
  private final double[] mean;
  /** d × d row-major, row i = the i-th principal axis */
  private final double[] axes;
  /** spread along each axis: the scatter matrix's eigenvalues, largest first */
  private final double[] spread;

  private Projection(int d, double[] mean, double[] axes, double[] spread) {
    this.d = d;
    this.mean = mean;
    this.axes = axes;
    this.spread = spread;
  }

  /** The identity of d ≤ 3 coordinates (and the fallback when the decomposition fails). */
  public static Projection identity(int d) {
    double[] axes = new double[d * d];
    for (int i = 0; i < d; i++) {
      axes[i * d + i] = 1;
    }
    double[] spread = new double[d];
    Arrays.fill(spread, 1);
    return new Projection(d, new double[d], axes, spread);
  }

  /**
   * Fits the principal axes to n points; d ≤ 3 gives the identity.
   *
   * @param x n × d row-major (at least n rows)
   */
  public static Projection fit(double[] x, int n, int d) {
    if (d <= SHOWN || n < 2) {
      return identity(d);
    }
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j] / n;
      }
    }
    // principal axes from the d × d scatter matrix Σ (xᵢ − m)(xᵢ − m)ᵀ: its singular vectors are
    // the right singular vectors of the centred points, its singular values their squares —
    // O(n d²) instead of a decomposition of the n × d matrix
    DMatrixRMaj c = new DMatrixRMaj(d, d);
    double[] row = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        row[j] = x[i * d + j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ra = row[a];
        for (int b = a; b < d; b++) {
          c.data[a * d + b] += ra * row[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        c.data[a * d + b] = c.data[b * d + a];
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, true, true);
    if (!svd.decompose(c)) {
      return identity(d);
    }
    DMatrixRMaj vt = svd.getV(null, true);
    double[] s = svd.getSingularValues();
    Integer[] order = new Integer[s.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
    double[] axes = new double[d * d];
    double[] spread = new double[d];
    for (int k = 0; k < d; k++) {
      spread[k] = k < order.length ? s[order[k]] : 0;
      int big = 0;
      for (int j = 0; j < d; j++) {
        double v = k < order.length ? vt.get(order[k], j) : 0;
        axes[k * d + j] = v;
        if (Math.abs(v) > Math.abs(axes[k * d + big])) {
          big = j;
        }
      }
      if (axes[k * d + big] < 0) {
        for (int j = 0; j < d; j++) {
          axes[k * d + j] = -axes[k * d + j];
        }
      }
    }
    return new Projection(d, mean, axes, spread);
  }

  /** @return the stage's own dimension */
  public int dim() {
    return d;
  }

  /** @return the coordinates shown, min(d, 3) */
  public int shown() {
    return Math.min(d, SHOWN);
  }

  public boolean isIdentity() {
    return d <= SHOWN;
  }

  /** @return whether the points span at most a plane (their third spread vanishes next to the first) */
  public boolean planar() {
    return d < 3 || spread[2] <= 1e-14 * Math.max(1e-300, spread[0]);
  }

  /**
   * The view axes, shown() × d: axis k is cos θ · PCₖ + sin θ · PCₖ₊₃ (where PCₖ₊₃ exists), so
   * turning θ from 0 to π/2 swings the view from the first three principal axes to the next
   * three — a simple, deterministic cousin of Asimov's grand tour (1985).
   *
   * @param tour θ in radians; 0 = the principal axes
   */
  public double[] view(double tour) {
    int k = shown();
    double[] out = new double[k * d];
    double ct = Math.cos(tour);
    double st = Math.sin(tour);
    for (int i = 0; i < k; i++) {
      boolean mix = tour != 0 && i + SHOWN < d;
      for (int j = 0; j < d; j++) {
        out[i * d + j] = mix ? ct * axes[i * d + j] + st * axes[(i + SHOWN) * d + j] : axes[i * d + j];
      }
    }
    return out;
  }

  /** @return all d principal axes, d × d row-major, largest spread first (the identity for d ≤ 3) */
  public double[] axes() {
    return axes.clone();
  }

  /** @return the mean the view is centred on (zeros for the identity) */
  public double[] mean() {
    return mean.clone();
  }

  /**
   * y = view · (x − mean) for n points.
   *
   * @param view k × d, from {@link #view}
   * @param y n × k output
   */
  public void apply(double[] view, double[] x, int n, double[] y) {
    int k = view.length / d;
    if (isIdentity()) {
      System.arraycopy(x, 0, y, 0, n * d);
      return;
    }
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < k; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (x[p * d + j] - mean[j]) * view[i * d + j];
        }
        y[p * k + i] = s;
      }
    }
  }

  /** @return n × shown() coordinates of n points in the principal-axes view */
  public double[] apply(double[] x, int n) {
    double[] y = new double[n * shown()];
    apply(view(0), x, n, y);
    return y;
  }
}
