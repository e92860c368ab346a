package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Looks for the "easy way out" of a narrow network (Olah 2014): a class that ought to be
 * enclosed but whose decision region reaches infinity through a thin tunnel — which Johnson
 * (ICLR 2019) shows every decision region of a network with all widths ≤ d must do.
 *
 * <p>Walks circles of geometrically growing radius around a centre in the plane, samples each
 * evenly, and re-samples densely around every arc found on the previous circle so that a
 * tunnel whose angular width shrinks with the radius is not lost between samples. The ends of
 * every arc are refined by bisection on the angle. {@link #searchSphere} does the same in 3-D
 * with spheres, Fibonacci-spiral directions and caps. This is evidence, not proof: a tunnel
 * narrower than the sampling that was never seen on an inner circle can be missed.
 */
public final class DecisionRegionCertificate {
  private DecisionRegionCertificate() {}

  /**
   * @param samplesPerCircle evenly spaced angles on every circle
   * @param maxFactor the outermost circle has radius maxFactor × the data radius
   * @param growth ratio between successive radii, &gt; 1
   * @param focusSamples extra samples around each arc carried over from the previous circle
   * @param bisections bisection steps per arc end
   */
  public record Options(int samplesPerCircle, double maxFactor, double growth, int focusSamples, int bisections) {
    public static final Options DEFAULT = new Options(720, 1e4, 2, 64, 40);

    public Options {
      if (samplesPerCircle < 8 || maxFactor < 1 || growth <= 1 || focusSamples < 0 || bisections < 0) {
        throw new IllegalArgumentException("certificate options: " + samplesPerCircle + ", " + maxFactor + ", "
            + growth + ", " + focusSamples + ", " + bisections);
      }
    }
  }

  /**
   * Sampling for {@link #searchSphere}.
   *
   * @param samplesPerSphere Fibonacci-spiral directions on every sphere
   * @param maxFactor the outermost sphere has radius maxFactor × the data radius
   * @param growth ratio between successive radii, &gt; 1
   * @param focusSamples extra directions around each cap carried over from the previous sphere
   * @param bisections bisection steps per edge ray
   */
  public record SphereOptions(int samplesPerSphere, double maxFactor, double growth, int focusSamples,
      int bisections) {
    public static final SphereOptions DEFAULT = new SphereOptions(4000, 1e4, 2, 400, 30);

    public SphereOptions {
      if (samplesPerSphere < 8 || maxFactor < 1 || growth <= 1 || focusSamples < 0 || bisections < 0) {
        throw new IllegalArgumentException("sphere certificate options: " + samplesPerSphere + ", " + maxFactor
            + ", " + growth + ", " + focusSamples + ", " + bisections);
      }
    }
  }

  /** @see #searchSphere(Classifier, int, double[], double, SphereOptions) with the defaults */
  public static SphereCertificate searchSphere(Classifier f, int classIndex, double[] centre, double dataRadius) {
    return searchSphere(f, classIndex, centre, dataRadius, SphereOptions.DEFAULT);
  }

  /**
   * The 3-D walk: spheres of growing radius instead of circles, caps instead of arcs.
   *
   * @param f the classifier on ℝ³
   * @param classIndex the class whose region is examined
   * @param centre centre of the spheres, length 3
   * @param dataRadius radius of the data around the centre: the first sphere
   * @param options sampling density and reach
   */
  public static SphereCertificate searchSphere(Classifier f, int classIndex, double[] centre, double dataRadius,
      SphereOptions options) {
    if (centre.length != 3 || !(dataRadius > 0)) {
      throw new IllegalArgumentException("sphere certificate: needs a 3-D centre and a positive data radius");
    }
    final double maxRadius = dataRadius * options.maxFactor();
    final List<SphereCertificate.Shell> shells = new ArrayList<>();
    List<double[]> previous = List.of();
    for (double r = dataRadius; ; r = Math.min(r * options.growth(), maxRadius)) {
      final List<double[]> caps = SphereWalk.caps(f, classIndex, centre, r, previous, options.samplesPerSphere(),
          options.focusSamples(), options.bisections());
      shells.add(new SphereCertificate.Shell(r, caps.stream().map(a -> new SphereCertificate.Cap(
          new double[] {a[0], a[1], a[2]}, Math.toDegrees(a[3]), (int) a[4])).toList()));
      previous = caps;
      if (r >= maxRadius) {
        break;
      }
    }
    final String reach = " (checked out to radius " + number(maxRadius) + ")";
    final SphereCertificate.Shell outer = shells.get(shells.size() - 1);
    if (outer.caps().isEmpty()) {
      int k = shells.size() - 1;
      while (k > 0 && shells.get(k - 1).caps().isEmpty()) {
        k--;
      }
      final double bound = shells.get(k).radius();
      return new SphereCertificate(classIndex, true, new double[0], Double.NaN, bound, maxRadius, shells,
          "class " + classIndex + " stays bounded: no sphere of radius " + number(bound) + " or more meets it" + reach);
    }
    final SphereCertificate.Cap widest = outer.caps().stream()
        .max(Comparator.comparingDouble(SphereCertificate.Cap::angularRadiusDegrees)).orElseThrow();
    final double[] u = widest.direction();
    final String sentence = widest.angularRadiusDegrees() >= 180
        ? "class " + classIndex + " surrounds everything: it covers whole spheres" + reach
        : String.format(Locale.ROOT, "class %d reaches infinity through %s towards (%.2f, %.2f, %.2f), angular"
            + " radius %s", classIndex, outer.caps().size() == 1 ? "a tunnel" : outer.caps().size()
            + " tunnels, the widest", u[0], u[1], u[2], degrees(widest.angularRadiusDegrees())) + reach;
    return new SphereCertificate(classIndex, false, u, widest.angularRadiusDegrees(), Double.NaN, maxRadius, shells,
        sentence);
  }

  /** @see #search(Classifier, int, double[], double, Options) with {@link Options#DEFAULT} */
  public static Certificate search(Classifier f, int classIndex, double[] centre, double dataRadius) {
    return search(f, classIndex, centre, dataRadius, Options.DEFAULT);
  }

  /**
   * @param f the classifier on ℝ²
   * @param classIndex the class whose region is examined
   * @param centre centre of the circles, length 2 (the data's centre)
   * @param dataRadius radius of the data around the centre: the first circle
   * @param options sampling density and reach
   * @return the certificate with every circle as evidence
   */
  public static Certificate search(Classifier f, int classIndex, double[] centre, double dataRadius, Options options) {
    if (centre.length != 2 || !(dataRadius > 0)) {
      throw new IllegalArgumentException("certificate: needs a 2-D centre and a positive data radius");
    }
    final double maxRadius = dataRadius * options.maxFactor();
    final List<Certificate.Ring> rings = new ArrayList<>();
    List<double[]> previous = List.of(); // arcs as {start, width} in radians
    for (double r = dataRadius; ; r = Math.min(r * options.growth(), maxRadius)) {
      final List<double[]> arcs = ring(f, classIndex, centre, r, previous, options);
      rings.add(new Certificate.Ring(r, arcs.stream()
          .map(a -> new Certificate.Arc(Math.toDegrees(a[0]), Math.toDegrees(a[1]))).toList()));
      previous = arcs;
      if (r >= maxRadius) {
        break;
      }
    }
    return conclude(classIndex, dataRadius, maxRadius, rings);
  }

  private static Certificate conclude(int c, double dataRadius, double maxRadius, List<Certificate.Ring> rings) {
    final Certificate.Ring outer = rings.get(rings.size() - 1);
    final String reach = " (checked out to radius " + number(maxRadius) + ")";
    if (outer.arcs().isEmpty()) {
      int k = rings.size() - 1;
      while (k > 0 && rings.get(k - 1).arcs().isEmpty()) {
        k--;
      }
      final double bound = rings.get(k).radius();
      return new Certificate(c, true, Double.NaN, Double.NaN, Double.NaN, bound, maxRadius, rings,
          "class " + c + " stays bounded: no circle of radius " + number(bound) + " or more meets it" + reach);
    }
    final Certificate.Arc widest = outer.arcs().stream().max(Comparator.comparingDouble(Certificate.Arc::widthDegrees))
        .orElseThrow();
    final double width = widest.widthDegrees();
    final double arcLength = Math.toRadians(width) * dataRadius;
    final String sentence;
    if (width >= 360) {
      sentence = "class " + c + " surrounds everything: it covers whole circles" + reach;
    } else {
      final int n = outer.arcs().size();
      sentence = "class " + c + " reaches infinity through " + (n == 1 ? "a tunnel" : n + " tunnels, the widest")
          + " at angle " + degrees(widest.centreDegrees()) + ", width " + degrees(width) + reach;
    }
    return new Certificate(c, false, widest.centreDegrees(), width, arcLength, Double.NaN, maxRadius, rings, sentence);
  }

  /** @return arcs {start, width} (radians, start in [0, 2π)) where the class meets the circle */
  private static List<double[]> ring(Classifier f, int c, double[] centre, double r, List<double[]> previous,
      Options o) {
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
      angles.add(wrap(mid));
      for (int j = 0; j <= o.focusSamples(); j++) {
        angles.add(wrap(mid - half + 2 * half * j / Math.max(1, o.focusSamples())));
      }
    }
    angles.sort(null);
    final int n = angles.size();
    final boolean[] in = new boolean[n];
    int firstOut = -1;
    for (int j = 0; j < n; j++) {
      in[j] = f.classify(point(centre, r, angles.get(j))) == c;
      if (!in[j] && firstOut < 0) {
        firstOut = j;
      }
    }
    final List<double[]> arcs = new ArrayList<>();
    if (firstOut < 0) {
      arcs.add(new double[] {0, 2 * Math.PI});
      return arcs;
    }
    // Walk once around the circle starting at an outside sample; each inside run is an arc.
    for (int k = 1; k <= n; k++) {
      final int j = (firstOut + k) % n;
      final int before = (j - 1 + n) % n;
      if (in[j] && !in[before]) {
        int end = j;
        while (in[(end + 1) % n]) {
          end = (end + 1) % n;
        }
        final double start = refine(f, c, centre, r, angles.get(before), angles.get(j), o.bisections());
        final double stop = refine(f, c, centre, r, angles.get((end + 1) % n), angles.get(end), o.bisections());
        arcs.add(new double[] {wrap(start), ccw(start, stop)});
        k += ccwSteps(j, end, n);
      }
    }
    return arcs;
  }

  /** Bisects the angle between an outside and an inside sample: @return the boundary angle. */
  private static double refine(Classifier f, int c, double[] centre, double r, double out, double in, int steps) {
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

  private static double[] point(double[] centre, double r, double angle) {
    return new double[] {centre[0] + r * Math.cos(angle), centre[1] + r * Math.sin(angle)};
  }

  private static double wrap(double a) {
    final double t = a % (2 * Math.PI);
    return t < 0 ? t + 2 * Math.PI : t;
  }

  /** @return the counter-clockwise angle from a to b, in [0, 2π) */
  private static double ccw(double a, double b) {
    return wrap(b - a);
  }

  /** @return the shortest signed angle from a to b, in (−π, π] */
  private static double signedGap(double a, double b) {
    final double d = wrap(b - a);
    return d > Math.PI ? d - 2 * Math.PI : d;
  }

  private static int ccwSteps(int from, int to, int n) {
    return (to - from + n) % n;
  }

  private static String degrees(double v) {
    return (v >= 0.1 ? String.format(Locale.ROOT, "%.1f", v) : number(v)) + "°";
  }

  private static String number(double v) {
    if (v == 0) {
      return "0";
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
  }
}
