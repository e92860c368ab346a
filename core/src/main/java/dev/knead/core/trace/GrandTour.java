package dev.knead.core.trace;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A grand tour of a D-dimensional space: a smooth path of orthonormal 3-frames that passes
 * near every direction (Asimov, SIAM J. Sci. Stat. Comput. 6, 1985; shown on neural networks'
 * layers by Li, Zhao and Scheidegger, Distill 2020). Li et al. turn the whole space by a
 * product of plane rotations at fixed speeds (the torus method); that needs D(D−1)/2 plane
 * rotations per frame (307,000 at 784-D), so here the path is the other classic construction
 * (Buja, Cook, Asimov, Hurley, Handbook of Statistics 24, 2005): geodesic interpolation through
 * a seeded sequence of random target frames, uniform on the space of 3-frames. Frame t is
 * orthonormal for every t; within a segment each of its three principal directions turns at a
 * constant speed of at most π/2 per unit of t; the frame at t = 0 is the first three coordinate
 * axes (for a stage written in its principal axes: the principal view); O(D) per frame.
 */
public final class GrandTour {
  /** The frames shown at once. */
  public static final int K = 3;

  private final int d;
  /** per segment: start directions Ã (D × 3, column-major by direction), their partners B̃⊥, angles Θ, back-rotation V₁ᵀ (3 × 3) */
  private final double[][] from;
  private final double[][] towards;
  private final double[][] angles;
  private final double[][] back;

  private GrandTour(int d, double[][] from, double[][] towards, double[][] angles, double[][] back) {
    this.d = d;
    this.from = from;
    this.towards = towards;
    this.angles = angles;
    this.back = back;
  }

  /**
   * @param d the space's dimension, ≥ 3
   * @param segments how many target frames the path visits (t runs over [0, segments]; beyond it
   *     the path stays at its end)
   * @param seed the targets' seed
   */
  public static GrandTour of(int d, int segments, long seed) {
    if (d < K) {
      throw new IllegalArgumentException("a grand tour needs at least " + K + " dimensions, got " + d);
    }
    if (segments < 1) {
      throw new IllegalArgumentException("a grand tour needs at least one segment, got " + segments);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[d * K]; // current frame, D × 3 row-major
    for (int k = 0; k < K; k++) {
      a[k * K + k] = 1;
    }
    double[][] from = new double[segments][];
    double[][] towards = new double[segments][];
    double[][] angles = new double[segments][];
    double[][] back = new double[segments][];
    for (int s = 0; s < segments; s++) {
      double[] b = randomFrame(d, rng);
      // principal angles: Aᵀ B = V₁ cos Θ V₂ᵀ; Ã = A V₁, B̃ = B V₂ pair up direction by direction
      DMatrixRMaj m = new DMatrixRMaj(K, K);
      for (int i = 0; i < K; i++) {
        for (int j = 0; j < K; j++) {
          double sum = 0;
          for (int r = 0; r < d; r++) {
            sum += a[r * K + i] * b[r * K + j];
          }
          m.data[i * K + j] = sum;
        }
      }
      SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(K, K, true, true, false);
      if (!svd.decompose(m)) {
        throw new IllegalStateException("grand tour: decomposition failed");
      }
      DMatrixRMaj v1 = svd.getU(null, false);
      DMatrixRMaj v2 = svd.getV(null, false);
      double[] sv = svd.getSingularValues();
      double[] at = times(a, v1, d);
      double[] bt = times(b, v2, d);
      double[] theta = new double[K];
      double[] perp = new double[d * K];
      for (int k = 0; k < K; k++) {
        double c = Math.max(-1, Math.min(1, sv[k]));
        theta[k] = Math.acos(c); // singular values are ≥ 0, so θ ∈ [0, π/2]
        double norm = 0;
        for (int r = 0; r < d; r++) {
          double v = bt[r * K + k] - c * at[r * K + k];
          perp[r * K + k] = v;
          norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm < 1e-12) { // the target already contains this direction: stand still along it
          theta[k] = 0;
          for (int r = 0; r < d; r++) {
            perp[r * K + k] = 0;
          }
        } else {
          for (int r = 0; r < d; r++) {
            perp[r * K + k] /= norm;
          }
        }
      }
      double[] vt = new double[K * K];
      for (int i = 0; i < K; i++) {
        for (int j = 0; j < K; j++) {
          vt[i * K + j] = v1.get(j, i);
        }
      }
      from[s] = at;
      towards[s] = perp;
      angles[s] = theta;
      back[s] = vt;
      a = frameAt(at, perp, theta, vt, d, 1);
    }
    return new GrandTour(d, from, towards, angles, back);
  }

  /** @return the space's dimension */
  public int dim() {
    return d;
  }

  /** @return the number of segments: t runs over [0, segments()] */
  public int segments() {
    return from.length;
  }

  /**
   * The view at time t: 3 × D row-major, row k = the k-th view direction (unit, orthogonal to the
   * others). Same layout as {@link Projection#view}.
   */
  public double[] view(double t) {
    double clamped = Math.max(0, Math.min(from.length, t));
    int s = Math.min(from.length - 1, (int) Math.floor(clamped));
    double[] f = frameAt(from[s], towards[s], angles[s], back[s], d, clamped - s);
    double[] out = new double[K * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < K; k++) {
        out[k * d + r] = f[r * K + k];
      }
    }
    return out;
  }

  /** F(τ) = (Ã cos τΘ + B̃⊥ sin τΘ) V₁ᵀ: D × 3 row-major; at τ = 0 the segment's start frame. */
  private static double[] frameAt(double[] at, double[] perp, double[] theta, double[] vt, int d, double tau) {
    double[] c = new double[K];
    double[] s = new double[K];
    for (int k = 0; k < K; k++) {
      c[k] = Math.cos(tau * theta[k]);
      s[k] = Math.sin(tau * theta[k]);
    }
    double[] out = new double[d * K];
    double[] row = new double[K];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < K; k++) {
        row[k] = at[r * K + k] * c[k] + perp[r * K + k] * s[k];
      }
      for (int j = 0; j < K; j++) {
        double sum = 0;
        for (int k = 0; k < K; k++) {
          sum += row[k] * vt[k * K + j];
        }
        out[r * K + j] = sum;
      }
    }
    return out;
  }

  private static double[] times(double[] a, DMatrixRMaj v, int d) {
    double[] out = new double[d * K];
    for (int r = 0; r < d; r++) {
      for (int j = 0; j < K; j++) {
        double sum = 0;
        for (int k = 0; k < K; k++) {
          sum += a[r * K + k] * v.get(k, j);
        }
        out[r * K + j] = sum;
      }
    }
    return out;
  }

  /** Gram–Schmidt on three Gaussian vectors: a frame uniform on the Stiefel manifold. */
  private static double[] randomFrame(int d, SplittableRandom rng) {
    double[] f = new double[d * K];
    for (int k = 0; k < K; k++) {
      double norm;
      do {
        for (int r = 0; r < d; r++) {
          f[r * K + k] = gaussian(rng);
        }
        for (int q = 0; q < k; q++) {
          double dot = 0;
          for (int r = 0; r < d; r++) {
            dot += f[r * K + k] * f[r * K + q];
          }
          for (int r = 0; r < d; r++) {
            f[r * K + k] -= dot * f[r * K + q];
          }
        }
        norm = 0;
        for (int r = 0; r < d; r++) {
          norm += f[r * K + k] * f[r * K + k];
        }
      } while (norm < 1e-20);
      norm = Math.sqrt(norm);
      for (int r = 0; r < d; r++) {
        f[r * K + k] /= norm;
      }
    }
    return f;
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }
}
