package dev.knead.topology.ph;

/**
 * How pairwise distances of a point cloud are computed. Both store the result as a
 * {@code float}, as Ripser does; they differ in the arithmetic that produces it.
 */
public enum Metric {
  /** Euclidean distance accumulated in double precision, then rounded to float. */
  EUCLIDEAN,
  /**
   * Ripser-compatible: coordinates rounded to float, squared differences summed in float in
   * coordinate order, float square root. Agrees to the last bit with {@code ripser
   * --format point-cloud}.
   */
  EUCLIDEAN_RIPSER
}
