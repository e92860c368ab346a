package dev.knead.core.trace;

import dev.knead.core.net.Matrix;
import java.util.Arrays;

/**
 * A layer's W = U · Σ · Vᵀ, with the signs chosen so that U and V are rotations (det +1).
 * When W is square, invertible and reverses orientation, no such choice exists: the last
 * singular value then carries a minus sign and {@code reflected} is true — the stretch passes
 * the sheet through a mirror (flat for an instant) instead of pretending to rotate.
 *
 * @param u out × out rotation
 * @param sigma min(in, out) signed singular values, largest magnitude first
 * @param v in × in rotation
 * @param reflected whether the stretch includes a reflection
 */
public record Factors(Matrix u, double[] sigma, Matrix v, boolean reflected) {
  public Factors {
    sigma = sigma.clone();
  }

  @Override
  public double[] sigma() {
    return sigma.clone();
  }

  /** @return the number of singular values above tol · σ_max */
  public int rank(double tol) {
    double max = sigma.length == 0 ? 0 : Math.abs(sigma[0]);
    return (int) Arrays.stream(sigma).filter(s -> Math.abs(s) > tol * max).count();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Factors f && f.u.equals(u) && f.v.equals(v) && Arrays.equals(f.sigma, sigma) && f.reflected == reflected;
  }

  @Override
  public int hashCode() {
    return u.hashCode() * 31 + Arrays.hashCode(sigma);
  }
}
