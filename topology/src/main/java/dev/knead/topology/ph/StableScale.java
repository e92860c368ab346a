package dev.knead.topology.ph;

import java.util.ArrayList;
import java.util.List;

/**
 * Automatic scale for a plain Euclidean cloud: the Betti numbers are constant between
 * consecutive bar endpoints; the scale is the middle of the longest such interval whose
 * numbers are known. Two intervals say nothing about the shape and are excluded: the first,
 * before any two points are joined (every point its own component), and, without a threshold,
 * the unbounded last one, where every cloud is one contractible blob. With a threshold the filtration is known up to it, so the
 * last interval, from the last finite endpoint to the threshold, counts like any other (bars
 * alive there are cut at the threshold, so its numbers may hold beyond it).
 *
 * @param scale middle of the interval
 * @param from start of the interval
 * @param to end of the interval (the threshold when {@code cutAtThreshold})
 * @param betti β0..β_maxDim on the interval
 * @param cutAtThreshold the interval runs into the threshold: its true end is at least {@code to}
 */
public record StableScale(double scale, double from, double to, List<Integer> betti, boolean cutAtThreshold) {

  public StableScale {
    betti = List.copyOf(betti);
  }

  /** @param points n × d */
  public static StableScale of(double[][] points, int maxDim) {
    return of(Rips.of(points).maxDim(maxDim).cycles(0).compute(), maxDim);
  }

  /** Reads the threshold the barcode was computed with from its parameters. */
  public static StableScale of(PersistenceResult result, int maxDim) {
    return of(result.barcode(), maxDim, result.parameters().threshold());
  }

  /** A barcode of the full filtration (no threshold). */
  public static StableScale of(Barcode barcode, int maxDim) {
    return of(barcode, maxDim, Double.POSITIVE_INFINITY);
  }

  /**
   * @param threshold the diameter the filtration was cut at, or +∞ for the full filtration
   */
  public static StableScale of(Barcode barcode, int maxDim, double threshold) {
    double[] ends = barcode.bars().stream().filter(b -> b.dim() <= maxDim)
        .flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.birth(), b.death()))
        .filter(Double::isFinite).distinct().sorted().toArray();
    boolean cut = Double.isFinite(threshold) && (ends.length == 0 || threshold > ends[ends.length - 1]);
    if (cut) {
      ends = java.util.Arrays.copyOf(ends, ends.length + 1);
      ends[ends.length - 1] = threshold;
    }
    if (ends.length < 2) {
      double s = ends.length == 1 ? ends[0] : 0;
      return new StableScale(s, s, s, betti(barcode, maxDim, s), false);
    }
    // the first interval starts at 0, where every point is still alone: skip it when there is another
    int first = ends[0] <= 0 && ends.length > 2 ? 1 : 0;
    int best = first;
    for (int i = first + 1; i + 1 < ends.length; i++) if (ends[i + 1] - ends[i] > ends[best + 1] - ends[best]) best = i;
    double mid = 0.5 * (ends[best] + ends[best + 1]);
    return new StableScale(mid, ends[best], ends[best + 1], betti(barcode, maxDim, mid), cut && best + 2 == ends.length);
  }

  private static List<Integer> betti(Barcode b, int maxDim, double s) {
    List<Integer> out = new ArrayList<>();
    for (int d = 0; d <= maxDim; d++) out.add(b.betti(d, s));
    return out;
  }
}
