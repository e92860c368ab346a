package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.List;

/**
 * The sampling kernel behind {@link DecisionRegionCertificate#searchSphere}: finds the caps of
 * one sphere where a class is present. Directions come from a Fibonacci spiral (near-uniform
 * on the sphere), plus a denser spiral patch around each cap of the previous sphere.
 */
final class SphereWalk {
  private SphereWalk() {}

  private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
  private static final int RAYS = 16;

  /**
   * @param previous caps of the previous sphere as {ux, uy, uz, angularRadius (rad), samples}
   * @return caps of this sphere in the same form
   */
  static List<double[]> caps(Classifier f, int c, double[] centre, double r, List<double[]> previous,
      int samples, int focusSamples, int bisections) {
    final double baseSpacing = Math.sqrt(4 * Math.PI / samples);
    final List<double[]> dirs = new ArrayList<>();
    final List<Double> spacing = new ArrayList<>();
    spiral(new double[] {0, 0, 1}, Math.PI, samples, dirs);
    while (spacing.size() < dirs.size()) {
      spacing.add(baseSpacing);
    }
    for (double[] cap : previous) {
      // A tunnel narrows like 1/r and may drift: search a patch twice its size, and its centre.
      final double alpha = Math.min(Math.PI, 2 * cap[3] + Math.min(baseSpacing, cap[3]));
      dirs.add(new double[] {cap[0], cap[1], cap[2]});
      spiral(new double[] {cap[0], cap[1], cap[2]}, alpha, focusSamples, dirs);
      final double s = Math.sqrt(2 * Math.PI * (1 - Math.cos(alpha)) / Math.max(1, focusSamples));
      while (spacing.size() < dirs.size()) {
        spacing.add(s);
      }
    }
    final int n = dirs.size();
    final List<Integer> inside = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (f.classify(point(centre, r, dirs.get(i))) == c) {
        inside.add(i);
      }
    }
    final List<double[]> out = new ArrayList<>();
    if (inside.size() == n) {
      out.add(new double[] {0, 0, 1, Math.PI, n});
      return out;
    }
    // Connected components of the inside directions: link neighbours closer than 1.5 spacings.
    final int m = inside.size();
    final int[] parent = new int[m];
    for (int i = 0; i < m; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        final int a = inside.get(i);
        final int b = inside.get(j);
        final double link = 1.5 * Math.max(spacing.get(a), spacing.get(b));
        if (angle(dirs.get(a), dirs.get(b)) <= link) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    for (int root = 0; root < m; root++) {
      if (find(parent, root) != root) {
        continue;
      }
      final double[] sum = new double[3];
      double reach = 0;
      int count = 0;
      final List<double[]> members = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        if (find(parent, i) == root) {
          final double[] d = dirs.get(inside.get(i));
          members.add(d);
          for (int k = 0; k < 3; k++) {
            sum[k] += d[k];
          }
          count++;
        }
      }
      final double[] u = unit(sum);
      for (double[] d : members) {
        reach = Math.max(reach, angle(u, d));
      }
      out.add(new double[] {u[0], u[1], u[2], edge(f, c, centre, r, u, reach + baseSpacing, bisections), count});
    }
    return out;
  }

  /** Mean angle from u to the class boundary along RAYS great circles, by bisection. */
  private static double edge(Classifier f, int c, double[] centre, double r, double[] u, double beyond, int steps) {
    if (f.classify(point(centre, r, u)) != c) {
      return Math.min(Math.PI, beyond); // non-convex patch: fall back to the sampled extent
    }
    final double[] e1 = unit(cross(u, Math.abs(u[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0}));
    final double[] e2 = cross(u, e1);
    double total = 0;
    for (int k = 0; k < RAYS; k++) {
      final double phi = 2 * Math.PI * k / RAYS;
      final double[] t = new double[3];
      for (int j = 0; j < 3; j++) {
        t[j] = Math.cos(phi) * e1[j] + Math.sin(phi) * e2[j];
      }
      double lo = 0;
      double hi = Math.min(Math.PI, beyond);
      if (f.classify(point(centre, r, along(u, t, hi))) == c) {
        total += hi;
        continue;
      }
      for (int s = 0; s < steps; s++) {
        final double mid = (lo + hi) / 2;
        if (f.classify(point(centre, r, along(u, t, mid))) == c) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      total += (lo + hi) / 2;
    }
    return total / RAYS;
  }

  /** Appends k spiral directions covering the cap of angle alpha around axis. */
  static void spiral(double[] axis, double alpha, int k, List<double[]> into) {
    final double[] a = unit(axis);
    final double[] e1 = unit(cross(a, Math.abs(a[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0}));
    final double[] e2 = cross(a, e1);
    final double lowestZ = Math.cos(alpha);
    for (int i = 0; i < k; i++) {
      // Equal-area steps in z = cos(polar angle) give near-uniform density on the cap.
      final double z = 1 - (1 - lowestZ) * (i + 0.5) / k;
      final double rho = Math.sqrt(Math.max(0, 1 - z * z));
      final double phi = i * GOLDEN_ANGLE;
      final double x = rho * Math.cos(phi);
      final double y = rho * Math.sin(phi);
      into.add(new double[] {
          z * a[0] + x * e1[0] + y * e2[0], z * a[1] + x * e1[1] + y * e2[1], z * a[2] + x * e1[2] + y * e2[2]});
    }
  }

  private static double[] along(double[] u, double[] t, double theta) {
    return new double[] {
        Math.cos(theta) * u[0] + Math.sin(theta) * t[0],
        Math.cos(theta) * u[1] + Math.sin(theta) * t[1],
        Math.cos(theta) * u[2] + Math.sin(theta) * t[2]};
  }

  static double[] point(double[] centre, double r, double[] d) {
    return new double[] {centre[0] + r * d[0], centre[1] + r * d[1], centre[2] + r * d[2]};
  }

  static double angle(double[] a, double[] b) {
    final double[] x = cross(a, b);
    return Math.atan2(Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  private static double[] unit(double[] v) {
    final double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return n == 0 ? new double[] {0, 0, 1} : new double[] {v[0] / n, v[1] / n, v[2] / n};
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
