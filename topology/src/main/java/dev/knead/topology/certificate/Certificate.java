package dev.knead.topology.certificate;

import java.util.List;

/**
 * What a search found about the piece of a class's decision region that holds the class's data
 * (the connected component of the region containing the data points the network labels as the
 * class): whether it reaches infinity, stays bounded, or could not be decided.
 *
 * @param classIndex the class examined
 * @param outcome the finding; {@link Outcome#BOUNDED} and {@link Outcome#NOT_FOUND} hold at the
 *     stated {@code resolution} only
 * @param unboundedByTheorem whether the caller said a theorem (Johnson 2019: every hidden width
 *     ≤ d, continuous monotone σ) makes every non-empty component of the region unbounded
 * @param dataInRegion how many of the class's data points the network labels as the class
 * @param dataInComponent how many of them lie in the component examined (the one holding most)
 * @param reach farthest distance from the centre at which the component was followed: the
 *     outermost radius reached when unbounded, the component's extent when bounded; NaN when empty
 * @param angleDegrees where the component's route crosses the outermost circle reached, in
 *     [0, 360) counter-clockwise from +x; NaN unless unbounded
 * @param widthDegrees the route's angular width on that circle; NaN unless unbounded
 * @param arcLengthAtDataRadius that width as arc length on the circle of the data radius
 * @param resolution the finest cell of the flood fill around the data, in input units
 * @param maxRadiusChecked the radius out to which the search looked
 * @param route points along which the component was followed out (empty when none was): from
 *     where it leaves the square around the data (the flood fill joins that point to the data)
 *     to the outermost circle; consecutive points are joined by segments checked by sampling
 * @param evidence circles of growing radius and the arcs where the class region as a whole (every
 *     piece, not only the data's) meets them, innermost first
 * @param otherPieces a sentence about parts of the class region seen far out that the route
 *     does not pass through (empty when there are none)
 * @param sentence the finding in plain words
 */
public record Certificate(
    int classIndex,
    Outcome outcome,
    boolean unboundedByTheorem,
    int dataInRegion,
    int dataInComponent,
    double reach,
    double angleDegrees,
    double widthDegrees,
    double arcLengthAtDataRadius,
    double resolution,
    double maxRadiusChecked,
    List<Point> route,
    List<Ring> evidence,
    String otherPieces,
    String sentence) {

  /** The four findings; only the first is a proof-like statement (a checked path). */
  public enum Outcome {
    /** A path from the data out to the outermost radius was followed, each step checked. */
    UNBOUNDED("unbounded"),
    /** The flood fill found the data's component enclosed, at the stated resolution. */
    BOUNDED("bounded"),
    /** Neither could be established at this resolution: no route out was found, yet the
     * component was not seen to be enclosed, or a theorem says it cannot be. */
    NOT_FOUND("not found at this resolution"),
    /** The network labels none of the class's data as the class. */
    EMPTY("empty");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** @return the outcome in the words the CLI and JSON use */
    public String label() {
      return label;
    }
  }

  public Certificate {
    route = List.copyOf(route);
    evidence = List.copyOf(evidence);
  }

  /** @return whether the data's component was found enclosed (at the stated resolution) */
  public boolean bounded() {
    return outcome == Outcome.BOUNDED;
  }

  /** @return whether a checked path from the data to the outermost radius was found */
  public boolean unbounded() {
    return outcome == Outcome.UNBOUNDED;
  }

  /** @return the same finding, its sentence naming the class (e.g. "the disk class") instead of "class i" */
  public Certificate named(String name) {
    final String q = java.util.regex.Matcher.quoteReplacement(name);
    return new Certificate(classIndex, outcome, unboundedByTheorem, dataInRegion, dataInComponent, reach, angleDegrees,
        widthDegrees, arcLengthAtDataRadius, resolution, maxRadiusChecked, route, evidence,
        otherPieces.replaceAll("\\bclass " + classIndex + "\\b", q), sentence.replaceAll("\\bclass " + classIndex + "\\b", q));
  }

  /** A point of the plane. */
  public record Point(double x, double y) {}

  /**
   * One arc of a circle on which the class is found.
   *
   * @param startDegrees where the arc starts, counter-clockwise from +x, in [0, 360)
   * @param widthDegrees its angular extent, counter-clockwise from the start (360: whole circle)
   */
  public record Arc(double startDegrees, double widthDegrees) {
    /** @return the angle halfway along the arc, in [0, 360) */
    public double centreDegrees() {
      return (startDegrees + widthDegrees / 2) % 360;
    }
  }

  /**
   * One checked circle.
   *
   * @param radius its radius around the centre
   * @param arcs the arcs where the class was found (empty: the class misses this circle)
   */
  public record Ring(double radius, List<Arc> arcs) {
    public Ring {
      arcs = List.copyOf(arcs);
    }
  }
}
