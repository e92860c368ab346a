package dev.knead.topology.ph;

import java.util.SplittableRandom;

/** Seeded sample shapes with known topology. */
final class Clouds {
  private Clouds() {}

  static double[][] circle(int n, double r, double cx, double cy, double noise, SplittableRandom rng) {
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * rng.nextDouble();
      p[i] = new double[] {cx + r * Math.cos(a) + noise * rng.nextGaussian(), cy + r * Math.sin(a) + noise * rng.nextGaussian()};
    }
    return p;
  }

  static double[][] concat(double[][] a, double[][] b) {
    double[][] p = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, p, a.length, b.length);
    return p;
  }

  /** Evenly spread on the unit sphere (Fibonacci lattice), slightly jittered. */
  static double[][] sphere(int n, SplittableRandom rng) {
    double[][] p = new double[n][];
    double golden = Math.PI * (3 - Math.sqrt(5));
    for (int i = 0; i < n; i++) {
      double z = 1 - 2 * (i + 0.5) / n;
      double r = Math.sqrt(1 - z * z);
      double a = golden * i + 0.05 * rng.nextDouble();
      p[i] = new double[] {r * Math.cos(a), r * Math.sin(a), z};
    }
    return p;
  }

  /** Flat torus in R^4 on a jittered grid: (cos a, sin a, cos b, sin b). */
  static double[][] torus(int side, SplittableRandom rng) {
    double[][] p = new double[side * side][];
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        double a = 2 * Math.PI * (i + 0.2 * rng.nextDouble()) / side;
        double b = 2 * Math.PI * (j + 0.2 * rng.nextDouble()) / side;
        p[i * side + j] = new double[] {Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)};
      }
    }
    return p;
  }
}
