package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks for the "easy way out" of a narrow network (Olah 2014): a class that ought to be
 * enclosed but whose decision region reaches infinity through a thin tunnel — which Johnson
 * (ICLR 2019) shows every non-empty piece of a decision region of a network with all widths ≤ d
 * must do.
 *
 * <p>It certifies the piece that holds the class's data, not the class region as a whole: a
 * flood fill on an adaptive grid (a quadtree refined where the class boundary crosses a cell)
 * from the data points the network labels as the class, in a square around the data. If that
 * piece reaches the square's edge it is followed outward along circles of growing radius, each
 * step checked by sampling the segment it adds (see {@link Tracker}). For a network whose first
 * layer saturates, the routes to infinity are known from the network's limit at infinity
 * ({@link Asymptote}); they are followed inward to the data when the outward search finds none.
 * Circles of growing radius also describe the class region as a whole, so other pieces are
 * reported separately. "Bounded" and "not found" hold at the stated resolution only: a tunnel
 * narrower than the grid that no route leads into is not seen, and where a theorem says the
 * piece must be unbounded the certificate says "not found at this resolution", never "bounded".
 */
public final class DecisionRegionCertificate {
  private DecisionRegionCertificate() {}

  /**
   * @param samplesPerCircle evenly spaced angles on every circle of the region walk
   * @param maxFactor the outermost circle has radius maxFactor × the data radius
   * @param growth ratio between successive radii, &gt; 1
   * @param focusSamples extra samples around each arc carried over from the previous circle
   * @param bisections bisection steps per arc end
   * @param floodGrid coarse cells per side of the flood fill's square
   * @param floodDepth halvings of a coarse cell where the boundary crosses it
   * @param boxFactor the square's half side, × the data radius
   */
  public record Options(int samplesPerCircle, double maxFactor, double growth, int focusSamples, int bisections,
      int floodGrid, int floodDepth, double boxFactor) {
    public static final Options DEFAULT = new Options(720, 1e4, 2, 64, 40, 16, 4, 1.1);

    public Options {
      if (samplesPerCircle < 8 || maxFactor < 1 || growth <= 1 || focusSamples < 0 || bisections < 0 || floodGrid < 2
          || floodDepth < 0 || floodDepth > 8 || !(boxFactor >= 1)) {
        throw new IllegalArgumentException("certificate options: " + samplesPerCircle + ", " + maxFactor + ", "
            + growth + ", " + focusSamples + ", " + bisections + ", " + floodGrid + ", " + floodDepth + ", " + boxFactor);
      }
    }
  }

  /**
   * What to certify.
   *
   * @param classifier the network (or any rule) on ℝ²
   * @param classIndex the class whose data's piece of the region is examined
   * @param classData the class's data points (e.g. its training points), each of length 2
   * @param centre centre of the circles (the data's centre)
   * @param dataRadius radius of all the data around the centre
   * @param unboundedByTheorem whether a theorem says every non-empty piece of the region is
   *     unbounded (Johnson 2019: every hidden width ≤ 2, continuous monotone σ); then the result is
   *     never "bounded"
   * @param asymptote the network's limit at infinity, when its first layer saturates
   */
  public record Region(Classifier classifier, int classIndex, double[][] classData, double[] centre, double dataRadius,
      boolean unboundedByTheorem, Optional<Asymptote> asymptote) {
    public Region {
      classData = java.util.Arrays.stream(classData).map(double[]::clone).toArray(double[][]::new);
      centre = centre.clone();
      if (centre.length != 2 || !(dataRadius > 0) || java.util.Arrays.stream(classData).anyMatch(p -> p.length != 2)) {
        throw new IllegalArgumentException("certificate: needs 2-D data, a 2-D centre and a positive data radius");
      }
    }

    @Override
    public double[][] classData() {
      return java.util.Arrays.stream(classData).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] centre() {
      return centre.clone();
    }
  }

  /** @see #certify(Region, Options) with {@link Options#DEFAULT} */
  public static Certificate certify(Region q) {
    return certify(q, Options.DEFAULT);
  }

  /** @return the finding about the piece of the class region that holds the class's data */
  public static Certificate certify(Region q, Options o) {
    final Classifier f = q.classifier();
    final int c = q.classIndex();
    final double[] centre = q.centre();
    final double maxRadius = q.dataRadius() * o.maxFactor();
    final List<Certificate.Ring> rings = RegionWalk.rings(f, c, centre, q.dataRadius(), o);
    final List<double[]> seeds = new ArrayList<>();
    for (double[] p : q.classData()) {
      if (f.classify(p) == c) {
        seeds.add(p);
      }
    }
    final List<Certificate.Arc> outerArcs = rings.get(rings.size() - 1).arcs();
    final String reachText = "(checked out to radius " + number(maxRadius) + ")";
    if (seeds.isEmpty()) {
      final String others = outerArcs.isEmpty() ? "" : "Other parts of the class region meet the circle of radius "
          + number(maxRadius) + " in " + arcs(outerArcs.size()) + ".";
      final boolean anywhere = rings.stream().anyMatch(r -> !r.arcs().isEmpty());
      return new Certificate(c, Certificate.Outcome.EMPTY, q.unboundedByTheorem(), 0, 0, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, maxRadius, List.of(), rings, others, "class " + c + " is empty where its data is: the network"
          + " labels none of its " + q.classData().length + " data points as the class"
          + (anywhere ? "" : ", and no circle checked meets the class region") + " " + reachText + (others.isEmpty() ? "" : ". "
          + others));
    }
    final double half = o.boxFactor() * q.dataRadius();
    final Flood flood = new Flood(f, c, centre, half, o.floodGrid(), o.floodDepth());
    final Flood.Component comp = flood.fill(seeds);
    final double cell = flood.resolution();
    Tracker.Result found = null;
    boolean fromInfinity = false;
    double lostAt = Double.NaN;
    if (comp.touchesEdge()) {
      for (double[] exit : spread(comp.exits(), centre)) {
        if (f.classify(exit) != c) {
          continue;
        }
        final Tracker.Result t = Tracker.follow(f, c, centre, exit, maxRadius, o.growth(), p -> false);
        if (t.reached()) {
          found = t;
          break;
        }
        lostAt = Double.isNaN(lostAt) ? t.radius(centre) : Math.max(lostAt, t.radius(centre));
      }
    }
    if (found == null && q.asymptote().isPresent()) {
      final Asymptote a = q.asymptote().get();
      final double box = half * Math.sqrt(2);
      for (Asymptote.Route route : a.routes(c, centre)) {
        final double far = Math.max(maxRadius, 2 * a.saturationRadius(route, centre));
        final double[] start = route.at(centre, far);
        if (f.classify(start) != c) {
          continue;
        }
        final Tracker.Result t = Tracker.follow(f, c, centre, route.at(centre, 1.5 * far), start,
            q.dataRadius() * 1e-3, o.growth(), p -> Geometry.distance(p, centre) <= box && joins(f, c, p, comp.anchors()));
        if (t.reached()) {
          found = t;
          fromInfinity = true;
          break;
        }
      }
    }
    if (found != null) {
      final List<double[]> path = new ArrayList<>(found.path());
      if (fromInfinity) {
        Collections.reverse(path);
      }
      final double[] outer = path.get(path.size() - 1);
      final double outerRadius = Geometry.distance(outer, centre);
      final double[] arc = fromInfinity ? Tracker.around(f, c, centre, outerRadius, Geometry.angle(centre, outer), 1e-9)
          : found.arc();
      final double angle = Math.toDegrees(Geometry.wrap(arc[0] + arc[1] / 2));
      final double width = Math.toDegrees(arc[1]);
      final String others = others(outerArcs, Math.toDegrees(Geometry.angle(centre, outer)), maxRadius, true);
      final String how = fromInfinity ? "found from the network's limit at infinity and followed in to the data"
          : "followed from the data out to radius " + number(outerRadius);
      final String sentence = width >= 360
          ? "class " + c + "'s data lies in a piece of its region that surrounds everything: it covers whole circles ("
              + how + ")"
          : "class " + c + "'s data lies in a piece of its region that reaches infinity through a tunnel at angle "
              + degrees(angle) + ", width " + degrees(width) + " (" + how + ")";
      return new Certificate(c, Certificate.Outcome.UNBOUNDED, q.unboundedByTheorem(), seeds.size(), comp.seeds(), outerRadius,
          angle, width, Math.toRadians(width) * q.dataRadius(), cell, Math.max(maxRadius, outerRadius),
          path.stream().map(p -> new Certificate.Point(p[0], p[1])).toList(), rings, others,
          sentence + (others.isEmpty() ? "" : ". " + others));
    }
    final String resolution = "cells of " + number(cell) + " around the data, circles to radius " + number(maxRadius);
    final String others = others(outerArcs, Double.NaN, maxRadius, false);
    final String sentence;
    final Certificate.Outcome outcome;
    final double reach;
    if (comp.touchesEdge()) {
      outcome = Certificate.Outcome.NOT_FOUND;
      reach = Double.isNaN(lostAt) ? half : lostAt;
      sentence = "class " + c + ": its data's piece of the region leaves the square around the data, but its route"
          + " outward was lost at radius " + number(reach) + "; whether it reaches infinity was not found at this"
          + " resolution (" + resolution + ")";
    } else if (q.unboundedByTheorem()) {
      outcome = Certificate.Outcome.NOT_FOUND;
      reach = comp.reach();
      sentence = "class " + c + ": a route from its data to infinity was not found at this resolution (" + resolution
          + "); its data's piece looked enclosed within radius " + number(reach) + ", but the theorem for networks this"
          + " narrow says every piece reaches infinity, so it escapes through a tunnel thinner than this search resolves";
    } else {
      outcome = Certificate.Outcome.BOUNDED;
      reach = comp.reach();
      sentence = "class " + c + "'s data lies in a bounded piece of its region: it stays within radius " + number(reach)
          + " of the centre (" + resolution + "; an escape narrower than a cell would be missed)";
    }
    return new Certificate(c, outcome, q.unboundedByTheorem(), seeds.size(), comp.seeds(), reach, Double.NaN, Double.NaN,
        Double.NaN, cell, maxRadius, List.of(), rings, others, sentence + (others.isEmpty() ? "" : ". " + others));
  }

  /** Up to eight exit cells, spread in angle (at least 5° apart), nearest the outside first. */
  private static List<double[]> spread(List<double[]> exits, double[] centre) {
    final List<double[]> sorted = new ArrayList<>(exits);
    sorted.sort(Comparator.comparingDouble((double[] p) -> -Geometry.distance(p, centre)));
    final List<double[]> out = new ArrayList<>();
    for (double[] p : sorted) {
      final double a = Geometry.angle(centre, p);
      if (out.stream().allMatch(e -> Math.abs(Geometry.signedGap(a, Geometry.angle(centre, e))) >= Math.toRadians(5))) {
        out.add(p);
      }
      if (out.size() == 8) {
        break;
      }
    }
    return out;
  }

  /** Whether p joins the data's piece: a straight, sampled segment to one of its four nearest cells. */
  private static boolean joins(Classifier f, int c, double[] p, List<double[]> cells) {
    final List<double[]> near = new ArrayList<>(cells);
    near.sort(Comparator.comparingDouble(x -> Geometry.distance(x, p)));
    for (int k = 0; k < Math.min(4, near.size()); k++) {
      if (Geometry.segmentIn(f, c, p, near.get(k), 64)) {
        return true;
      }
    }
    return false;
  }

  private static String others(List<Certificate.Arc> outer, double routeDegrees, double radius, boolean hasRoute) {
    final long n = outer.stream().filter(a -> !hasRoute || !contains(a, routeDegrees)).count();
    if (n == 0) {
      return "";
    }
    return (hasRoute ? "Other parts of the class region" : "Parts of the class region not shown joined to its data")
        + " meet the circle of radius " + number(radius) + " in " + arcs(n);
  }

  private static boolean contains(Certificate.Arc a, double deg) {
    final double d = ((deg - a.startDegrees()) % 360 + 360) % 360;
    return a.widthDegrees() >= 360 || d <= a.widthDegrees() + 1e-6 || d >= 360 - 1e-6;
  }

  private static String arcs(long n) {
    return n == 1 ? "1 arc" : n + " arcs";
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

  /** The 3-D walk with no data and no theorem: the class region as a whole. */
  public static SphereCertificate searchSphere(Classifier f, int classIndex, double[] centre, double dataRadius,
      SphereOptions options) {
    return searchSphere(f, classIndex, new double[0][], false, centre, dataRadius, options);
  }

  /**
   * The 3-D walk: spheres of growing radius instead of circles, caps instead of arcs. It
   * describes the class region as a whole (it does not follow the data's piece).
   *
   * @param f the classifier on ℝ³
   * @param classIndex the class whose region is examined
   * @param classData the class's data points; when given and none is labelled as the class, the
   *     result is EMPTY
   * @param unboundedByTheorem whether a theorem says every piece is unbounded: then a walk that
   *     finds nothing far out is "not found at this resolution", never "bounded"
   * @param centre centre of the spheres, length 3
   * @param dataRadius radius of the data around the centre: the first sphere
   * @param options sampling density and reach
   */
  public static SphereCertificate searchSphere(Classifier f, int classIndex, double[][] classData,
      boolean unboundedByTheorem, double[] centre, double dataRadius, SphereOptions options) {
    if (centre.length != 3 || !(dataRadius > 0)) {
      throw new IllegalArgumentException("sphere certificate: needs a 3-D centre and a positive data radius");
    }
    final double maxRadius = dataRadius * options.maxFactor();
    if (classData.length > 0 && java.util.Arrays.stream(classData).noneMatch(p -> f.classify(p) == classIndex)) {
      return new SphereCertificate(classIndex, Certificate.Outcome.EMPTY, new double[0], Double.NaN, Double.NaN, maxRadius,
          List.of(), "class " + classIndex + " is empty where its data is: the network labels none of its "
          + classData.length + " data points as the class");
    }
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
      if (unboundedByTheorem) {
        return new SphereCertificate(classIndex, Certificate.Outcome.NOT_FOUND, new double[0], Double.NaN, bound, maxRadius,
            shells, "class " + classIndex + ": no sphere of radius " + number(bound) + " or more was seen to meet it, but"
            + " the theorem for networks this narrow says every piece of the region reaches infinity: not found at this"
            + " resolution" + reach);
      }
      return new SphereCertificate(classIndex, Certificate.Outcome.BOUNDED, new double[0], Double.NaN, bound, maxRadius,
          shells, "class " + classIndex + " stays bounded: no sphere of radius " + number(bound) + " or more meets it"
          + " at this sampling" + reach);
    }
    final SphereCertificate.Cap widest = outer.caps().stream()
        .max(Comparator.comparingDouble(SphereCertificate.Cap::angularRadiusDegrees)).orElseThrow();
    final double[] u = widest.direction();
    final String sentence = widest.angularRadiusDegrees() >= 180
        ? "class " + classIndex + " surrounds everything: it covers whole spheres" + reach
        : String.format(Locale.ROOT, "class %d reaches infinity through %s towards (%.2f, %.2f, %.2f), angular"
            + " radius %s", classIndex, outer.caps().size() == 1 ? "a tunnel" : outer.caps().size()
            + " tunnels, the widest", u[0], u[1], u[2], degrees(widest.angularRadiusDegrees())) + reach;
    return new SphereCertificate(classIndex, Certificate.Outcome.UNBOUNDED, u, widest.angularRadiusDegrees(), Double.NaN, maxRadius, shells,
        sentence);
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
