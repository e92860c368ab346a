package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Follows one piece of a class region along circles of changing radius around a centre: on the
 * next circle it searches a window around where the piece is expected (the straight
 * continuation of the last two path points, so a strip that drifts in angle is not lost), and
 * accepts a new point only when the segment from the previous point to it is sampled inside the
 * class. When no window point joins, the radial step is halved before the route is given up.
 * The path it returns is a chain of checked segments inside the class region.
 */
final class Tracker {
  private Tracker() {}

  private static final int WINDOW_SAMPLES = 48;
  private static final int SEGMENT_SAMPLES = 32;
  private static final int BISECTIONS = 32;
  private static final double SMALLEST_STEP = 1.0005;

  /**
   * @param path the checked points, start first
   * @param reached whether the target radius (outward) or the goal (inward) was reached
   * @param arc the piece's arc {start, width} (radians) on the circle of the last point
   */
  record Result(List<double[]> path, boolean reached, double[] arc) {
    double radius(double[] centre) {
      return Geometry.distance(path.get(path.size() - 1), centre);
    }
  }

  /**
   * @param start a point of the class
   * @param target the radius to reach (larger than the start's to go outward, smaller to go in)
   * @param growth ratio between successive radii, &gt; 1
   * @param goal when inward, a point accepted by it ends the route successfully
   */
  static Result follow(Classifier f, int c, double[] centre, double[] start, double target, double growth,
      Predicate<double[]> goal) {
    return follow(f, c, centre, null, start, target, growth, goal);
  }

  /**
   * @param before a point of the class just before the start on the route (or null): with it the
   *     first step already knows the route's direction, as for a strip known from the limit at infinity
   */
  static Result follow(Classifier f, int c, double[] centre, double[] before, double[] start, double target,
      double growth, Predicate<double[]> goal) {
    final List<double[]> path = new ArrayList<>();
    if (before != null && f.classify(before) == c && Geometry.segmentIn(f, c, before, start, SEGMENT_SAMPLES)) {
      path.add(before.clone());
    }
    path.add(start.clone());
    double r = Geometry.distance(start, centre);
    final boolean outward = target > r;
    double[] arc = around(f, c, centre, r, Geometry.angle(centre, start), 1e-9);
    if (!outward && goal.test(start)) {
      return new Result(path, true, arc);
    }
    double step = growth;
    while (outward ? r < target : r > target) {
      final double next = outward ? Math.min(target, r * step) : Math.max(target, r / step);
      final double[] p = path.get(path.size() - 1);
      final double predicted = predict(centre, path, next);
      final double width = arc[1] * Math.max(1, r / next);
      final double drift = Math.abs(Geometry.signedGap(Geometry.angle(centre, p), predicted));
      final double half = Math.min(Math.PI, Math.max(2 * width, 1.5 * drift) + 1e-12);
      final List<double[]> arcs = window(f, c, centre, next, predicted, half);
      arcs.sort(Comparator.comparingDouble(a -> Math.abs(Geometry.signedGap(predicted, mid(a)))));
      double[] accepted = null;
      double[] acceptedArc = null;
      for (int k = 0; k < Math.min(3, arcs.size()) && accepted == null; k++) {
        final double[] a = arcs.get(k);
        final double[] q = a[1] >= 2 * Math.PI ? Geometry.point(centre, next, predicted) : Geometry.point(centre, next, mid(a));
        if (Geometry.segmentIn(f, c, p, q, SEGMENT_SAMPLES)) {
          accepted = q;
          acceptedArc = a;
        }
      }
      if (accepted == null) {
        step = Math.sqrt(step);
        if (step < SMALLEST_STEP) {
          return new Result(path, false, arc);
        }
        continue;
      }
      path.add(accepted);
      arc = acceptedArc;
      r = next;
      step = Math.min(growth, step * step);
      if (!outward && goal.test(accepted)) {
        return new Result(path, true, arc);
      }
    }
    return new Result(path, outward, arc);
  }

  private static double mid(double[] arc) {
    return Geometry.wrap(arc[0] + arc[1] / 2);
  }

  /** Where the line through the last two path points meets the circle of radius r (else the last point's angle). */
  private static double predict(double[] centre, List<double[]> path, double r) {
    final double[] b = path.get(path.size() - 1);
    if (path.size() < 2) {
      return Geometry.angle(centre, b);
    }
    final double[] a = path.get(path.size() - 2);
    final double dx = b[0] - a[0];
    final double dy = b[1] - a[1];
    final double ox = b[0] - centre[0];
    final double oy = b[1] - centre[1];
    final double qa = dx * dx + dy * dy;
    final double qb = 2 * (ox * dx + oy * dy);
    final double qc = ox * ox + oy * oy - r * r;
    final double disc = qb * qb - 4 * qa * qc;
    if (qa == 0 || disc < 0) {
      return Geometry.angle(centre, b);
    }
    final double t = (-qb + Math.sqrt(disc)) / (2 * qa); // the crossing ahead of b
    final double t2 = (-qb - Math.sqrt(disc)) / (2 * qa);
    final double s = t >= 0 && (t2 < 0 || t < t2) ? t : t2 >= 0 ? t2 : t;
    return Geometry.wrap(Math.atan2(oy + s * dy, ox + s * dx));
  }

  /** Arcs {start, width} of the circle met by the class, for runs of in-samples in the window around {@code at}. */
  private static List<double[]> window(Classifier f, int c, double[] centre, double r, double at, double half) {
    // never coarser than 720 samples per circle, so a wide window does not step over a gap
    final int k = Math.max(WINDOW_SAMPLES, (int) Math.ceil(2 * half / (2 * Math.PI / 720)));
    final double spacing = 2 * half / k;
    if (half >= Math.PI) {
      final double[] angles = new double[k];
      for (int j = 0; j < k; j++) {
        angles[j] = Geometry.wrap(at + j * spacing);
      }
      java.util.Arrays.sort(angles);
      return new ArrayList<>(Geometry.arcs(f, c, centre, r, angles, BISECTIONS)); // the whole circle: runs wrap round
    }
    final boolean[] in = new boolean[k + 1];
    for (int j = 0; j <= k; j++) {
      in[j] = f.classify(Geometry.point(centre, r, at - half + j * spacing)) == c;
    }
    final List<double[]> out = new ArrayList<>();
    for (int j = 0; j <= k; j++) {
      if (in[j] && (j == 0 || !in[j - 1])) {
        int end = j;
        while (end < k && in[end + 1]) {
          end++;
        }
        final double lo = edge(f, c, centre, r, at - half + j * spacing, -1, spacing);
        final double hi = edge(f, c, centre, r, at - half + end * spacing, 1, spacing);
        out.add(hi - lo >= 2 * Math.PI ? new double[] {0, 2 * Math.PI} : new double[] {Geometry.wrap(lo), hi - lo});
        j = end;
      }
    }
    return out;
  }

  /** The arc of the circle through the in-point at angle {@code at}. */
  static double[] around(Classifier f, int c, double[] centre, double r, double at, double firstStep) {
    final double lo = edge(f, c, centre, r, at, -1, firstStep);
    final double hi = edge(f, c, centre, r, at, 1, firstStep);
    return hi - lo >= 2 * Math.PI ? new double[] {0, 2 * Math.PI} : new double[] {Geometry.wrap(lo), hi - lo};
  }

  /**
   * From an in-angle, steps in one direction until out, then bisects: the boundary angle
   * (unwrapped). Steps double from {@code firstStep} but never exceed 1/720 of the circle, so a gap
   * wider than that is not stepped over.
   */
  private static double edge(Classifier f, int c, double[] centre, double r, double inAngle, int dir, double firstStep) {
    final double most = 2 * Math.PI / 720;
    double last = 0;
    double step = Math.min(firstStep, most);
    while (true) {
      final double reach = Math.min(Math.PI + 1e-9, last + step);
      final double probe = inAngle + dir * reach;
      if (f.classify(Geometry.point(centre, r, probe)) != c) {
        double a = inAngle + dir * last;
        double b = probe;
        for (int s = 0; s < BISECTIONS; s++) {
          final double m = (a + b) / 2;
          if (f.classify(Geometry.point(centre, r, m)) == c) {
            a = m;
          } else {
            b = m;
          }
        }
        return (a + b) / 2;
      }
      if (reach > Math.PI) {
        return inAngle + dir * Math.PI; // in all the way round this side
      }
      last = reach;
      step = Math.min(2 * step, most);
    }
  }
}
