package dev.knead.topology.certificate;

import java.util.List;

/**
 * The 3-D form of {@link Certificate}: evidence from spheres of growing radius about whether a
 * class's decision region stays bounded or reaches infinity, and through what cone.
 *
 * @param classIndex the class examined
 * @param outcome {@link Certificate.Outcome#UNBOUNDED} when the class region (any piece: the 3-D
 *     search does not follow the data's piece) meets the outermost sphere; BOUNDED when it does
 *     not; NOT_FOUND instead of BOUNDED when a theorem says every piece is unbounded; EMPTY when
 *     the network labels none of the class's data as the class
 * @param direction unit vector towards the centre of the widest tunnel on the outermost
 *     sphere; empty when bounded
 * @param angularRadiusDegrees mean angle from that direction to the tunnel's edge on the
 *     outermost sphere (180: the whole sphere); NaN when bounded
 * @param boundRadius when bounded, the smallest checked radius from which on no sphere meets
 *     the class; NaN otherwise
 * @param maxRadiusChecked radius of the outermost sphere
 * @param evidence every sphere checked, innermost first
 * @param sentence the finding in one plain sentence
 */
public record SphereCertificate(
    int classIndex,
    Certificate.Outcome outcome,
    double[] direction,
    double angularRadiusDegrees,
    double boundRadius,
    double maxRadiusChecked,
    List<Shell> evidence,
    String sentence) {

  public SphereCertificate {
    direction = direction.clone();
    evidence = List.copyOf(evidence);
  }

  /** @return whether the class region was found to miss the outer spheres (at this sampling) */
  public boolean bounded() {
    return outcome == Certificate.Outcome.BOUNDED;
  }

  /** @return the same finding, its sentence naming the class instead of "class i" */
  public SphereCertificate named(String name) {
    return new SphereCertificate(classIndex, outcome, direction, angularRadiusDegrees, boundRadius, maxRadiusChecked, evidence,
        sentence.replaceFirst("^class " + classIndex + "\\b", java.util.regex.Matcher.quoteReplacement(name)));
  }

  @Override
  public double[] direction() {
    return direction.clone();
  }

  /**
   * One patch of a sphere where the class is found.
   *
   * @param direction unit vector to the patch's centre
   * @param angularRadiusDegrees mean angle from the centre to the patch's edge
   * @param samples sample directions that fell inside
   */
  public record Cap(double[] direction, double angularRadiusDegrees, int samples) {
    public Cap {
      direction = direction.clone();
    }

    @Override
    public double[] direction() {
      return direction.clone();
    }
  }

  /**
   * One checked sphere.
   *
   * @param radius its radius around the centre
   * @param caps the patches where the class was found (empty: the class misses this sphere)
   */
  public record Shell(double radius, List<Cap> caps) {
    public Shell {
      caps = List.copyOf(caps);
    }
  }
}
