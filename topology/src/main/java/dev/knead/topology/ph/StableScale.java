package dev.knead.topology.ph;

import java.util.ArrayList;
import java.util.List;

/**
 * Automatic scale for a plain Euclidean cloud: the Betti numbers are constant between
 * consecutive bar endpoints; the scale is the middle of the longest such finite interval
 * (the unbounded last interval, where every cloud is one contractible blob, is excluded).
 *
 * @param scale middle of the interval
 * @param from start of the interval
 * @param to end of the interval
 * @param betti β0..β_maxDim on the interval
 */
public record StableScale(double scale, double from, double to, List<Integer> betti) {

  public StableScale {
    betti = List.copyOf(betti);
  }

  /** @param points n × d */
  public static StableScale of(double[][] points, int maxDim) {
    return of(Rips.of(points).maxDim(maxDim).cycles(0).compute().barcode(), maxDim);
  }

  public static StableScale of(Barcode barcode, int maxDim) {
    double[] ends = barcode.bars().stream().filter(b -> b.dim() <= maxDim)
        .flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.birth(), b.death()))
        .filter(Double::isFinite).distinct().sorted().toArray();
    if (ends.length < 2) {
      double s = ends.length == 1 ? ends[0] : 0;
      return new StableScale(s, s, s, betti(barcode, maxDim, s));
    }
    int best = 0;
    for (int i = 1; i + 1 < ends.length; i++) if (ends[i + 1] - ends[i] > ends[best + 1] - ends[best]) best = i;
    double mid = 0.5 * (ends[best] + ends[best + 1]);
    return new StableScale(mid, ends[best], ends[best + 1], betti(barcode, maxDim, mid));
  }

  private static List<Integer> betti(Barcode b, int maxDim, double s) {
    List<Integer> out = new ArrayList<>();
    for (int d = 0; d <= maxDim; d++) out.add(b.betti(d, s));
    return out;
  }
}
