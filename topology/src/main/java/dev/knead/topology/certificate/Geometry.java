package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.List;

/** Angles, circles and segments shared by the 2-D searches. */
final class Geometry {
  private Geometry() {}

  static double[] point(double[] centre, double r, double angle) {
    return new double[] {centre[0] + r * Math.cos(angle), centre[1] + r * Math.sin(angle)};
  }

  static double wrap(double a) {
    final double t = a % (2 * Math.PI);
    return t < 0 ? t + 2 * Math.PI : t;
  }

  /** @return the counter-clockwise angle from a to b, in [0, 2π) */
  static double ccw(double a, double b) {
    return wrap(b - a);
  }

  /** @return the shortest signed angle from a to b, in (−π, π] */
  static double signedGap(double a, double b) {
    final double d = wrap(b - a);
    return d > Math.PI ? d - 2 * Math.PI : d;
  }

  static double angle(double[] centre, double[] p) {
    return wrap(Math.atan2(p[1] - centre[1], p[0] - centre[0]));
  }

  static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  /**
   * Arcs of the circle where the class is found, from sorted sample angles.
   *
   * @param angles sorted angles in [0, 2π) (a window or the whole circle)
   * @return arcs {start, width} in radians; the whole circle as {0, 2π} when every sample is in
   */
  static List<double[]> arcs(Classifier f, int c, double[] centre, double r, double[] angles, int bisections) {
    final int n = angles.length;
    final boolean[] in = new boolean[n];
    int firstOut = -1;
    for (int j = 0; j < n; j++) {
      in[j] = f.classify(point(centre, r, angles[j])) == c;
      if (!in[j] && firstOut < 0) {
        firstOut = j;
      }
    }
    final List<double[]> arcs = new ArrayList<>();
    if (firstOut < 0) {
      arcs.add(new double[] {0, 2 * Math.PI});
      return arcs;
    }
    // Walk once around starting at an outside sample; each inside run is an arc.
    for (int k = 1; k <= n; k++) {
      final int j = (firstOut + k) % n;
      final int before = (j - 1 + n) % n;
      if (in[j] && !in[before]) {
        int end = j;
        while (in[(end + 1) % n]) {
          end = (end + 1) % n;
        }
        final double start = refine(f, c, centre, r, angles[before], angles[j], bisections);
        final double stop = refine(f, c, centre, r, angles[(end + 1) % n], angles[end], bisections);
        arcs.add(new double[] {wrap(start), ccw(start, stop)});
        k += (end - j + n) % n;
      }
    }
    return arcs;
  }

  /** Bisects the angle between an outside and an inside sample: @return the boundary angle. */
  static double refine(Classifier f, int c, double[] centre, double r, double out, double in, int steps) {
    double a = out;
    double b = out + signedGap(out, in);
    for (int s = 0; s < steps; s++) {
      final double mid = (a + b) / 2;
      if (f.classify(point(centre, r, mid)) == c) {
        b = mid;
      } else {
        a = mid;
      }
    }
    return (a + b) / 2;
  }

  /** @return whether every one of the samples evenly along the segment (ends included) is in the class */
  static boolean segmentIn(Classifier f, int c, double[] p, double[] q, int samples) {
    for (int i = 0; i <= samples; i++) {
      final double t = i / (double) samples;
      if (f.classify(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])}) != c) {
        return false;
      }
    }
    return true;
  }
}
