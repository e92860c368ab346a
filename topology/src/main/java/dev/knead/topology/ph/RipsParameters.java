package dev.knead.topology.ph;

/**
 * How a barcode was computed.
 *
 * @param points number of points (vertices)
 * @param ambientDim coordinates per point, or -1 when a distance matrix was given
 * @param maxDim highest homology dimension computed
 * @param threshold the user's threshold (edges with diameter <= threshold), or +inf
 * @param cutoff the diameter the complex was cut at: the threshold, or the enclosing radius
 * @param sparse true when sorted neighbour lists were used (a threshold was given)
 * @param metric distance arithmetic for point clouds; null when distances were given
 * @param minDistance smallest pairwise distance when the full matrix was built, else NaN
 * @param maxDistance largest finite pairwise distance when the full matrix was built, else NaN
 * @param edges edges in the complex (diameter <= cutoff)
 * @param cycles how many of the longest H1 bars carry a representative cycle
 */
public record RipsParameters(
    int points,
    int ambientDim,
    int maxDim,
    double threshold,
    double cutoff,
    boolean sparse,
    Metric metric,
    double minDistance,
    double maxDistance,
    long edges,
    int cycles) {}
