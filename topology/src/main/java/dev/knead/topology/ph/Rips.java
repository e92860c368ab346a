package dev.knead.topology.ph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Vietoris–Rips persistent homology over Z/2, computed the way Ripser does. Immutable
 * builder: {@code Rips.of(points).maxDim(2).threshold(t).compute()}.
 *
 * <p>Without a threshold the complex is cut at the enclosing radius (beyond it the complex is
 * a cone, so nothing is lost) and a dense distance matrix is used; with a threshold only
 * edges with diameter <= threshold enter, from sorted neighbour lists, and classes alive at
 * the threshold are reported as essential. Zero-length bars are not reported; H0 has one
 * essential bar per component. Filtration values are floats, as in Ripser.
 */
public final class Rips {
  private final double[][] points;
  private final DistanceMatrix matrix;
  private final NeighbourLists lists;
  private final int maxDim;
  private final double threshold;
  private final Metric metric;
  private final int cycles;

  private Rips(double[][] points, DistanceMatrix matrix, NeighbourLists lists, int maxDim, double threshold, Metric metric, int cycles) {
    this.points = points;
    this.matrix = matrix;
    this.lists = lists;
    this.maxDim = maxDim;
    this.threshold = threshold;
    this.metric = metric;
    this.cycles = cycles;
  }

  /** @param points n × d coordinates (copied) */
  public static Rips of(double[][] points) {
    double[][] copy = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      copy[i] = points[i].clone();
      if (copy[i].length != copy[0].length) throw new IllegalArgumentException("ragged point cloud at row " + i);
    }
    return new Rips(copy, null, null, 1, Double.POSITIVE_INFINITY, Metric.EUCLIDEAN, 8);
  }

  /** @param flat n × d coordinates in row order */
  public static Rips of(double[] flat, int n, int d) {
    if ((long) n * d != flat.length) throw new IllegalArgumentException("flat length " + flat.length + " != " + n + " × " + d);
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) p[i] = Arrays.copyOfRange(flat, i * d, i * d + d);
    return new Rips(p, null, null, 1, Double.POSITIVE_INFINITY, Metric.EUCLIDEAN, 8);
  }

  public static Rips of(DistanceMatrix matrix) {
    return new Rips(null, matrix, null, 1, Double.POSITIVE_INFINITY, null, 8);
  }

  /**
   * A sparse filtration given edge by edge; absent edges never enter. The lists are the
   * complex: a {@link #threshold} is recorded but not applied to them.
   */
  public static Rips of(NeighbourLists lists) {
    return new Rips(null, null, lists, 1, Double.POSITIVE_INFINITY, null, 8);
  }

  public Rips maxDim(int k) {
    if (k < 0 || k > 3) throw new IllegalArgumentException("maxDim must be 0..3: " + k);
    return new Rips(points, matrix, lists, k, threshold, metric, cycles);
  }

  /** Keep edges with diameter <= t (compared as float, like Ripser); +inf for none. */
  public Rips threshold(double t) {
    if (!(t >= 0)) throw new IllegalArgumentException("threshold must be >= 0: " + t);
    return new Rips(points, matrix, lists, maxDim, t, metric, cycles);
  }

  public Rips metric(Metric m) {
    return new Rips(points, matrix, lists, maxDim, threshold, m, cycles);
  }

  /** How many of the longest H1 bars get a representative loop (0 for none). */
  public Rips cycles(int count) {
    if (count < 0) throw new IllegalArgumentException("cycles must be >= 0");
    return new Rips(points, matrix, lists, maxDim, threshold, metric, count);
  }

  public PersistenceResult compute() {
    final boolean hasThreshold = threshold != Double.POSITIVE_INFINITY;
    final Filtration f;
    final double cutoff;
    double[] range = {Double.NaN, Double.NaN};
    long edges;
    if (lists != null) {
      cutoff = threshold;
      f = SparseFiltration.of(lists, maxDim);
      edges = lists.edgeCount();
    } else if (hasThreshold) {
      cutoff = (float) threshold;
      NeighbourLists l = points != null ? NeighbourLists.of(points, metric, threshold) : NeighbourLists.of(matrix, threshold);
      if (matrix != null) range = matrix.valueRange();
      f = SparseFiltration.of(l, maxDim);
      edges = l.edgeCount();
    } else {
      DistanceMatrix m = points != null ? DistanceMatrix.of(points, metric) : matrix;
      cutoff = m.enclosingRadius();
      range = m.valueRange();
      edges = m.countAtMost(cutoff);
      f = DenseFiltration.of(m, (float) cutoff, maxDim);
    }
    RawBars raw = CohomologyEngine.compute(f);
    List<Bar> bars = new ArrayList<>(raw.size);
    for (int b = 0; b < raw.size; b++) bars.add(new Bar(raw.dim[b], raw.birth[b], raw.death[b]));
    List<PersistenceResult.Cycle> loops = new ArrayList<>();
    if (cycles > 0 && maxDim >= 1) {
      List<Integer> h1 = new ArrayList<>();
      for (int b = 0; b < raw.size; b++) if (raw.dim[b] == 1) h1.add(b);
      h1.sort(Comparator.comparingDouble((Integer b) -> -(raw.death[b] - (double) raw.birth[b])).thenComparingInt(b -> b));
      for (int b : h1.subList(0, Math.min(cycles, h1.size()))) {
        loops.add(new PersistenceResult.Cycle(bars.get(b), CycleFinder.loop(f, raw.birthSimplex[b])));
      }
    }
    int n = points != null ? points.length : matrix != null ? matrix.size() : lists.size();
    int ambient = points != null && n > 0 ? points[0].length : -1;
    RipsParameters params = new RipsParameters(n, ambient, maxDim, threshold, cutoff, lists != null || hasThreshold,
        points != null ? metric : null, range[0], range[1], edges, cycles);
    return new PersistenceResult(new Barcode(bars), loops, params);
  }
}
