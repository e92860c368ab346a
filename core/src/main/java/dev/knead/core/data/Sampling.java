package dev.knead.core.data;

import java.util.SplittableRandom;

/**
 * Uniform samplers for the simple shapes the generators are made of. Every method takes the
 * random source explicitly and writes into the caller's array, so nothing here holds state.
 */
final class Sampling {
  private Sampling() {}

  /** Standard normal by Box–Muller; one value per call keeps the stream order simple. */
  static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble(); // (0, 1]: log stays finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /**
   * A point uniform in AREA in the planar annulus rIn ≤ r ≤ rOut (rIn = 0 gives a disk):
   * r = sqrt(U·(rOut² − rIn²) + rIn²), so density per unit area is constant.
   */
  static void annulus(SplittableRandom rng, double rIn, double rOut, double[] out) {
    double r = Math.sqrt(rng.nextDouble() * (rOut * rOut - rIn * rIn) + rIn * rIn);
    double a = 2 * Math.PI * rng.nextDouble();
    out[0] = r * Math.cos(a);
    out[1] = r * Math.sin(a);
  }

  /**
   * A point uniform in VOLUME in the spherical shell rIn ≤ r ≤ rOut in ℝ³ (rIn = 0: a ball):
   * r = cbrt(U·(rOut³ − rIn³) + rIn³), direction uniform on the sphere.
   */
  static void shell(SplittableRandom rng, double rIn, double rOut, double[] out) {
    double r = Math.cbrt(rng.nextDouble() * (rOut * rOut * rOut - rIn * rIn * rIn) + rIn * rIn * rIn);
    double z = 2 * rng.nextDouble() - 1;
    double a = 2 * Math.PI * rng.nextDouble();
    double s = Math.sqrt(1 - z * z);
    out[0] = r * s * Math.cos(a);
    out[1] = r * s * Math.sin(a);
    out[2] = r * z;
  }

  /**
   * A point uniform in VOLUME in the solid torus around the unit-free circle of radius {@code
   * major} in the xy-plane, tube radius {@code minor} (0 gives a point on the circle). The outer
   * side of a torus holds more volume, so a cross-section point (ρ, φ) is kept with probability
   * (major + ρ cos φ) / (major + minor) (Pappus).
   */
  static void solidTorus(SplittableRandom rng, double major, double minor, double[] out) {
    double rho;
    double phi;
    do {
      rho = minor * Math.sqrt(rng.nextDouble());
      phi = 2 * Math.PI * rng.nextDouble();
    } while (rng.nextDouble() * (major + minor) > major + rho * Math.cos(phi));
    double t = 2 * Math.PI * rng.nextDouble();
    double w = major + rho * Math.cos(phi);
    out[0] = w * Math.cos(t);
    out[1] = w * Math.sin(t);
    out[2] = rho * Math.sin(phi);
  }

  /**
   * A closed polyline of m vertices on the circle centre c, radius r, spanned by the unit
   * vectors u and v: c + r(cos t·u + sin t·v), t = 2πk/m.
   */
  static Curve circle(int classIndex, int m, double[] c, double r, double[] u, double[] v) {
    int d = c.length;
    double[] a = new double[m * d];
    for (int k = 0; k < m; k++) {
      double t = 2 * Math.PI * k / m;
      for (int j = 0; j < d; j++) {
        a[k * d + j] = c[j] + r * (Math.cos(t) * u[j] + Math.sin(t) * v[j]);
      }
    }
    return new Curve(classIndex, Points.of(m, d, a), true);
  }

  /**
   * Moves a point from the standard frame (ring in the xy-plane, normal z) to the frame with
   * centre c and orthonormal axes u, v, n: out = c + x·u + y·v + z·n. out may not alias local.
   */
  static void place(double[] local, double[] c, double[] u, double[] v, double[] n, double[] out) {
    for (int j = 0; j < 3; j++) {
      out[j] = c[j] + local[0] * u[j] + local[1] * v[j] + local[2] * n[j];
    }
  }
}
