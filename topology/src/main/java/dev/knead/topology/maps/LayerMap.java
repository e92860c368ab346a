package dev.knead.topology.maps;

import java.util.Arrays;
import java.util.List;

/**
 * What one layer x ↦ σ(Wx + b) does to space, as measured by {@link MapAnalysis}.
 *
 * @param inputs n_in, columns of W
 * @param outputs n_out, rows of W
 * @param kind square, expanding (n_out &gt; n_in) or contracting (n_out &lt; n_in)
 * @param rank numerical rank of W (see {@link MapAnalysis#rankTolerance})
 * @param liveRank for a ReLU-like layer read on a sample, the rank of the rows of W whose units
 *     switch on for at least one point (units off everywhere pass nothing); otherwise {@code rank}
 * @param singularValues the min(n_out, n_in) singular values of W, largest first: the stretches
 * @param determinant det W for square layers, NaN otherwise
 * @param conditionNumber largest / smallest singular value (+∞ when W is singular)
 * @param rotationDegrees for a 2 × 2 W with det &gt; 0, the angle of the rotation in its polar
 *     decomposition W = Q·S (counter-clockwise, degrees in (−180, 180]); NaN otherwise
 * @param reflects square W with det &lt; 0: the layer mirrors space (orientation flips)
 * @param activation traits of σ
 * @param saturationFraction share of (point, unit) values within {@link MapAnalysis#SATURATION_GAP}
 *     of a finite bound of σ; NaN without a sample
 * @param saturatedUnits units saturated on more than 1 % of the points; 0 without a sample
 * @param deadUnits ReLU-like units with pre-activation ≤ 0 on more than 99 % of the points
 * @param foldingUnits ReLU-like units both on and off within the sample (they fold space)
 * @param badges the properties that hold, in {@link Badge} order
 */
public record LayerMap(
    int inputs,
    int outputs,
    Kind kind,
    int rank,
    int liveRank,
    double[] singularValues,
    double determinant,
    double conditionNumber,
    double rotationDegrees,
    boolean reflects,
    ActivationTraits activation,
    double saturationFraction,
    int saturatedUnits,
    int deadUnits,
    int foldingUnits,
    List<Badge> badges) {

  /** Shape of W. */
  public enum Kind {
    SQUARE,
    EXPANDING,
    CONTRACTING
  }

  public LayerMap {
    singularValues = singularValues.clone();
    badges = List.copyOf(badges);
  }

  @Override
  public double[] singularValues() {
    return singularValues.clone();
  }

  /** @return whether the badge applies */
  public boolean has(Badge badge) {
    return badges.contains(badge);
  }

  /** @return W has full column rank and, under ReLU, so do its live rows (no direction of the input is lost) */
  public boolean fullRank() {
    return rank == inputs && liveRank == inputs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerMap m
        && m.inputs == inputs
        && m.outputs == outputs
        && m.kind == kind
        && m.rank == rank
        && m.liveRank == liveRank
        && Arrays.equals(m.singularValues, singularValues)
        && Double.compare(m.determinant, determinant) == 0
        && Double.compare(m.conditionNumber, conditionNumber) == 0
        && Double.compare(m.rotationDegrees, rotationDegrees) == 0
        && m.reflects == reflects
        && m.activation.equals(activation)
        && Double.compare(m.saturationFraction, saturationFraction) == 0
        && m.saturatedUnits == saturatedUnits
        && m.deadUnits == deadUnits
        && m.foldingUnits == foldingUnits
        && m.badges.equals(badges);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * inputs + outputs) + Arrays.hashCode(singularValues)) + badges.hashCode();
  }

  @Override
  public String toString() {
    return "LayerMap[" + outputs + "×" + inputs + " " + kind + ", rank " + rank + ", σ "
        + Arrays.toString(singularValues) + ", " + activation.name() + ", " + badges + "]";
  }
}
