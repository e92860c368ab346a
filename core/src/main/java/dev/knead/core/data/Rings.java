package dev.knead.core.data;

import java.util.SplittableRandom;

/**
 * Solid rings placed in space: the building block of hopf-rings, linked-tori and D-II. A ring
 * has a centre, two in-plane axes u, v (its core circle is c + cos t·u + sin t·v, radius 1) and
 * the normal n = u × v.
 */
final class Rings {
  /** Vertices of every ring's core curve. */
  static final int CURVE_VERTICES = 128;

  static final double[] X = {1, 0, 0};
  static final double[] Y = {0, 1, 0};
  static final double[] Z = {0, 0, 1};
  static final double[] MINUS_Y = {0, -1, 0};

  private Rings() {}

  /**
   * Adds m points uniform in volume in the solid torus of major radius 1 and tube radius
   * {@code thickness} around the ring (c, u, v, n). Frames used here: (X, Y, Z) for the ring in
   * the xy-plane and (X, Z, −Y) for the ring in the xz-plane, both right-handed.
   */
  static void addSolidRing(
      Cloud cloud, int label, int m, double thickness, double[] c, double[] u, double[] v, double[] n, SplittableRandom rng) {
    double[] local = new double[3];
    double[] x = new double[3];
    for (int i = 0; i < m; i++) {
      Sampling.solidTorus(rng, 1, thickness, local);
      Sampling.place(local, c, u, v, n, x);
      cloud.add(label, x);
    }
  }

  /** The oriented core circle c + cos t·u + sin t·v, t increasing. */
  static Curve core(int label, double[] c, double[] u, double[] v) {
    return Sampling.circle(label, CURVE_VERTICES, c, 1, u, v);
  }

  /** Splits m points over k parts as evenly as possible, the remainder to the first parts. */
  static int share(int m, int k, int part) {
    return m / k + (part < m % k ? 1 : 0);
  }
}
