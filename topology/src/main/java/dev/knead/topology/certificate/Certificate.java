package dev.knead.topology.certificate;

import java.util.List;

/**
 * Evidence, from sampling circles of growing radius, about whether a class's decision region
 * stays bounded or reaches infinity, and through what tunnel.
 *
 * @param classIndex the class examined
 * @param bounded the class does not meet the outermost circle checked
 * @param angleDegrees centre of the widest tunnel on the outermost circle, in [0, 360)
 *     counter-clockwise from the +x axis; NaN when bounded
 * @param widthDegrees angular width of that tunnel on the outermost circle; NaN when bounded
 * @param arcLengthAtDataRadius that angular width as arc length on the circle of the data
 *     radius; NaN when bounded
 * @param boundRadius when bounded, the smallest checked radius from which on no circle meets
 *     the class; NaN otherwise
 * @param maxRadiusChecked radius of the outermost circle
 * @param evidence every circle checked, innermost first
 * @param sentence the finding in one plain sentence
 */
public record Certificate(
    int classIndex,
    boolean bounded,
    double angleDegrees,
    double widthDegrees,
    double arcLengthAtDataRadius,
    double boundRadius,
    double maxRadiusChecked,
    List<Ring> evidence,
    String sentence) {

  public Certificate {
    evidence = List.copyOf(evidence);
  }

  /** @return the same finding, its sentence naming the class (e.g. "the disk class") instead of "class i" */
  public Certificate named(String name) {
    return new Certificate(classIndex, bounded, angleDegrees, widthDegrees, arcLengthAtDataRadius, boundRadius,
        maxRadiusChecked, evidence, sentence.replaceFirst("^class " + classIndex + "\\b", java.util.regex.Matcher.quoteReplacement(name)));
  }

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
