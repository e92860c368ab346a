package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the class region as a whole (every piece) meets circles of geometrically growing radius:
 * each circle is sampled evenly, re-sampled densely around every arc found on the previous
 * circle, and the ends of every arc are refined by bisection. This describes the region; it
 * says nothing about which piece holds the data, and a piece narrower than the sampling that
 * was never seen on an inner circle can be missed.
 */
final class RegionWalk {
  private RegionWalk() {}

  static List<Certificate.Ring> rings(Classifier f, int c, double[] centre, double dataRadius,
      DecisionRegionCertificate.Options o) {
    final double maxRadius = dataRadius * o.maxFactor();
    final List<Certificate.Ring> rings = new ArrayList<>();
    List<double[]> previous = List.of(); // arcs as {start, width} in radians
    for (double r = dataRadius; ; r = Math.min(r * o.growth(), maxRadius)) {
      final List<double[]> arcs = ring(f, c, centre, r, previous, o);
      rings.add(new Certificate.Ring(r, arcs.stream()
          .map(a -> new Certificate.Arc(Math.toDegrees(a[0]), Math.toDegrees(a[1]))).toList()));
      previous = arcs;
      if (r >= maxRadius) {
        break;
      }
    }
    return rings;
  }

  /** @return arcs {start, width} (radians, start in [0, 2π)) where the class meets the circle */
  private static List<double[]> ring(Classifier f, int c, double[] centre, double r, List<double[]> previous,
      DecisionRegionCertificate.Options o) {
    final List<Double> angles = new ArrayList<>();
    final int m = o.samplesPerCircle();
    final double step = 2 * Math.PI / m;
    for (int j = 0; j < m; j++) {
      angles.add(j * step);
    }
    for (double[] arc : previous) {
      // A tunnel narrows like 1/r and may drift: search a window twice its width around its
      // centre (sampled exactly), so the spacing keeps pace with the tunnel.
      final double half = Math.min(Math.PI, 2 * arc[1] + Math.min(step, arc[1]));
      final double mid = arc[0] + arc[1] / 2;
      angles.add(Geometry.wrap(mid));
      for (int j = 0; j <= o.focusSamples(); j++) {
        angles.add(Geometry.wrap(mid - half + 2 * half * j / Math.max(1, o.focusSamples())));
      }
    }
    angles.sort(null);
    final double[] a = angles.stream().mapToDouble(Double::doubleValue).toArray();
    return Geometry.arcs(f, c, centre, r, a, o.bisections());
  }
}
