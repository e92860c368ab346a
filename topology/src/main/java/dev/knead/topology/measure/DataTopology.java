package dev.knead.topology.measure;

import dev.knead.topology.ph.Bar;
import dev.knead.topology.ph.Barcode;
import dev.knead.topology.ph.PersistenceResult;
import dev.knead.topology.ph.Rips;
import dev.knead.topology.ph.UnionFind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the labelled points themselves say about their topology, with no knowledge of how they
 * were made: per class the Betti numbers of its Vietoris–Rips persistence at a scale chosen from
 * the barcode alone (the middle of the range of scales, above the sampling spacing, over which
 * no bar starts or ends and whose end is the largest multiple of its start), the core curves of the loops alive there (representative cycles of the H1 bars), which
 * class's pieces are enclosed by another class (a loop around them in 2-D, a closed shell in
 * 3-D, points on both sides in 1-D), and the linking numbers of core curves of different
 * classes in 3-D. Every number comes with the range of scales over which it holds.
 *
 * @param dim the points' dimension
 * @param classes per class label, its shape
 * @param enclosures every (inner component, outer class) pair found enclosed
 * @param links in 3-D, one entry per pair of core curves of different classes
 */
public record DataTopology(int dim, List<ClassShape> classes, List<Enclosure> enclosures, List<Link> links) {

  public DataTopology {
    classes = List.copyOf(classes);
    enclosures = List.copyOf(enclosures);
    links = List.copyOf(links);
  }

  /**
   * @param maxPerClass most points per class (a seeded subsample beyond it) for 1-D and 2-D data
   * @param maxPerClassVoids the same for data of 3 or more dimensions (β₂ is measured in 3-D, and
   *     the Rips computation grows fast)
   * @param grid cells along the longest side of the flood-fill grid of the 3-D shell test
   * @param seed for the subsample
   */
  public record Options(int maxPerClass, int maxPerClassVoids, int grid, long seed) {
    public static final Options DEFAULT = new Options(400, 200, 64, 0);

    public Options {
      if (maxPerClass < 3 || maxPerClassVoids < 3) throw new IllegalArgumentException("need at least 3 points per class");
      if (grid < 8 || grid > 256) throw new IllegalArgumentException("grid must be 8 … 256: " + grid);
    }
  }

  /**
   * A loop through the class's points: the representative cycle of one H1 bar (its birth edge
   * closed by a shortest path through shorter edges), a polygon whose steps are at most
   * {@code birth} long.
   *
   * @param label the class
   * @param birth the bar's birth scale (the longest step of the loop)
   * @param death the bar's death scale (where the hole fills in)
   * @param vertices the polygon, m × d, closed (the last vertex joins the first)
   */
  public record CoreCurve(int label, double birth, double death, double[][] vertices) {
    public CoreCurve {
      vertices = copy(vertices);
    }

    @Override
    public double[][] vertices() {
      return copy(vertices);
    }
  }

  /**
   * One class's measured shape.
   *
   * @param label the class
   * @param points how many of its points were used (a seeded subsample of at most the option)
   * @param betti β₀, β₁ (, β₂ in 3-D) at {@code scale}
   * @param scale the Rips scale (edge length) read: the middle of [from, to)
   * @param from start of the range of scales on which no bar starts or ends whose ratio to/from
   *     is largest (counting from the sampling spacing, the median length at which points join)
   * @param to its end; the Betti numbers hold for every scale in [from, to)
   * @param cap the largest scale considered (the enclosing radius: beyond it every cloud is a
   *     cone, one contractible blob)
   * @param next the Betti numbers on the next best range where they differ from {@code betti}
   *     (empty when there is none), with its range {@code nextFrom}, {@code nextTo}
   * @param curves the core curves of the loops alive at {@code scale}, longest bar first
   * @param components per point used, its component at {@code scale} (0 … β₀−1)
   * @param sample the points used, m × d
   */
  public record ClassShape(
      int label,
      int points,
      List<Integer> betti,
      double scale,
      double from,
      double to,
      double cap,
      List<Integer> next,
      double nextFrom,
      double nextTo,
      List<CoreCurve> curves,
      int[] components,
      double[][] sample) {
    public ClassShape {
      betti = List.copyOf(betti);
      next = List.copyOf(next);
      curves = List.copyOf(curves);
      components = components.clone();
      sample = copy(sample);
    }

    @Override
    public int[] components() {
      return components.clone();
    }

    @Override
    public double[][] sample() {
      return copy(sample);
    }

    /** @return β_k, 0 beyond the measured dimensions */
    public int betti(int k) {
      return k < betti.size() ? betti.get(k) : 0;
    }
  }

  /** How an enclosure was found. */
  public enum How {
    /** 1-D: points of the outer class on both sides of the inner piece */
    SIDES,
    /** 2-D: the outer class's core curve winds around every point of the inner piece */
    LOOP,
    /** 3-D: the inner piece cannot reach infinity without crossing the outer class's thickened shell */
    SHELL
  }

  /**
   * A connected piece of one class enclosed by another class: every path from it to infinity
   * crosses the outer class's points thickened by any radius in [from, to).
   *
   * @param inner the enclosed class
   * @param component which of its components (at its own scale)
   * @param size how many of its points that piece holds (of the sample)
   * @param outer the enclosing class
   * @param how the test that found it
   * @param from the smallest thickening radius at which the outer class closes around it
   * @param to the distance from the piece to the nearest outer point (the enclosure holds for
   *     radii below it)
   * @param curve the enclosing core curve (2-D), empty otherwise
   * @param witness one point of the enclosed piece (inside the enclosing curve or shell)
   */
  public record Enclosure(int inner, int component, int size, int outer, How how, double from, double to,
      Optional<CoreCurve> curve, double[] witness) {
    public Enclosure {
      witness = witness.clone();
    }

    @Override
    public double[] witness() {
      return witness.clone();
    }
  }

  /**
   * The linking number of two core curves of different classes (3-D).
   *
   * @param a first class
   * @param b second class
   * @param curveA index into a's curves
   * @param curveB index into b's curves
   * @param gauss the Gauss linking integral, an integer up to rounding when the curves are apart
   * @param number the linking number, empty (undefined) when the integral is not within 0.05 of
   *     an integer or the curves touch
   * @param distance the closest approach of the two polygons: the number holds for curves
   *     thickened by any radius below half of it
   */
  public record Link(int a, int b, int curveA, int curveB, double gauss, Optional<Integer> number, double distance) {}

  /** @return the classes with at least one enclosed piece, ascending */
  public List<Integer> enclosedClasses() {
    return enclosures.stream().map(Enclosure::inner).distinct().sorted().toList();
  }

  /**
   * The linking number between the classes, as a size: a loop through data points has no
   * preferred direction, and reversing one loop flips the sign, so only |lk| is a fact about
   * the data. The first nonzero defined |lk| over all pairs of core curves; 0 when every pair is
   * defined and 0; empty when there are no pairs, or some pair is undefined and none is nonzero.
   */
  public Optional<Integer> linkingNumber() {
    if (links.isEmpty()) return Optional.empty();
    for (Link l : links) if (l.number().isPresent() && l.number().get() != 0) return Optional.of(Math.abs(l.number().get()));
    return links.stream().allMatch(l -> l.number().isPresent()) ? Optional.of(0) : Optional.empty();
  }

  /**
   * Measures a labelled cloud.
   *
   * @param points n × d
   * @param labels n labels in [0, k)
   * @param k number of classes
   */
  public static DataTopology infer(double[][] points, int[] labels, int k, Options opt) {
    final int d = Rows.dimension(points, "data topology");
    Rows.checkLabels(points, labels, "data topology");
    final SplittableRandom rng = new SplittableRandom(opt.seed());
    final int cap = d >= 3 ? Math.min(opt.maxPerClass(), opt.maxPerClassVoids()) : opt.maxPerClass();
    final List<ClassShape> shapes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      shapes.add(shape(c, sample(points, labels, c, cap, rng), d));
    }
    final List<Enclosure> enc = new ArrayList<>();
    // enclosures are tested in 1-D, 2-D and 3-D only: above, their all-pairs gaps (seconds at 784-D) served nothing
    for (ClassShape in : d <= 3 ? shapes : List.<ClassShape>of()) {
      for (ClassShape out : shapes) {
        if (in.label() != out.label() && in.points() > 0 && out.points() > 0) {
          enc.addAll(enclosures(in, out, d, opt.grid()));
        }
      }
    }
    final List<Link> links = new ArrayList<>();
    if (d == 3) {
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k; b++) {
          final List<CoreCurve> ca = shapes.get(a).curves();
          final List<CoreCurve> cb = shapes.get(b).curves();
          for (int i = 0; i < ca.size(); i++) {
            for (int j = 0; j < cb.size(); j++) {
              links.add(link(a, b, i, j, ca.get(i).vertices(), cb.get(j).vertices()));
            }
          }
        }
      }
    }
    return new DataTopology(d, shapes, enc, links);
  }

  /** The linking number of two closed polygons in ℝ³, or undefined when they touch. */
  public static Link link(int a, int b, int i, int j, double[][] pa, double[][] pb) {
    final double g = Linking.number(pa, pb);
    final double dist = Polygons.distance(pa, pb);
    final long r = Math.round(g);
    final boolean defined = dist > 0 && Math.abs(g - r) < 0.05;
    return new Link(a, b, i, j, g, defined ? Optional.of((int) r) : Optional.empty(), dist);
  }

  private static double[][] sample(double[][] points, int[] labels, int c, int cap, SplittableRandom rng) {
    int[] idx = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    if (idx.length > cap) {
      for (int i = 0; i < cap; i++) { // partial Fisher–Yates
        final int j = i + rng.nextInt(idx.length - i);
        final int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      idx = Arrays.copyOf(idx, cap);
      Arrays.sort(idx);
    }
    final double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) out[i] = points[idx[i]].clone();
    return out;
  }

  static ClassShape shape(int label, double[][] pts, int d) {
    final int maxDim = d >= 3 ? (d == 3 ? 2 : 1) : d - 1;
    final int n = pts.length;
    if (n < 3) { // too few points for a shape: each point its own piece
      final List<Integer> b = new ArrayList<>();
      b.add(n);
      for (int k = 1; k <= maxDim; k++) b.add(0);
      final int[] comp = new int[n];
      for (int i = 0; i < n; i++) comp[i] = i;
      return new ClassShape(label, n, b, 0, 0, 0, 0, List.of(), 0, 0, List.of(), comp, pts);
    }
    final PersistenceResult res = Rips.of(pts).maxDim(maxDim).cycles(maxDim >= 1 ? 32 : 0).compute();
    final Barcode bars = res.barcode();
    final double cap = res.parameters().cutoff();
    final double[] ends = bars.bars().stream()
        .flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.birth(), b.death()))
        .filter(v -> v > 0 && v < cap).distinct().sorted().toArray();
    // Consecutive endpoints, the last range ending at the cap. Ranges are compared by their
    // ratio to/from (a shape must persist over a factor of scales, whatever the units), and
    // counted only above the sampling spacing (the median length at which points join), since
    // below it the points are still separate dots, not a shape.
    final double floor = median(bars.bars().stream().filter(b -> b.dim() == 0 && !b.isEssential())
        .mapToDouble(Bar::death).toArray());
    final double[] e = Arrays.copyOf(ends, ends.length + 1);
    e[ends.length] = cap;
    int best = -1;
    for (int i = 0; i + 1 < e.length; i++) if (score(e, i, floor) > (best < 0 ? 0 : score(e, best, floor))) best = i;
    final double from;
    final double to;
    if (best < 0) { // no range above the spacing (e.g. all points equal)
      from = 0;
      to = cap;
    } else {
      from = e[best];
      to = e[best + 1];
    }
    final double mid = to > from ? 0.5 * (from + to) : from;
    final List<Integer> betti = betti(bars, maxDim, mid);
    List<Integer> next = List.of();
    double nextFrom = 0;
    double nextTo = 0;
    double nextScore = 0;
    for (int i = 0; i + 1 < e.length; i++) {
      final List<Integer> bi = betti(bars, maxDim, 0.5 * (e[i] + e[i + 1]));
      if (!bi.equals(betti) && score(e, i, floor) > nextScore) {
        next = bi;
        nextFrom = e[i];
        nextTo = e[i + 1];
        nextScore = score(e, i, floor);
      }
    }
    final List<CoreCurve> curves = new ArrayList<>();
    for (PersistenceResult.Cycle cy : res.cycles()) {
      if (cy.bar().isAliveAt(mid) && cy.length() >= 3) {
        final int[] v = cy.vertices();
        final double[][] poly = new double[v.length][];
        for (int i = 0; i < v.length; i++) poly[i] = pts[v[i]];
        curves.add(new CoreCurve(label, cy.bar().birth(), cy.bar().death(), poly));
      }
    }
    return new ClassShape(label, n, betti, mid, from, to, cap, next, nextFrom, nextTo, curves, components(pts, mid), pts);
  }

  /** log(to / from) of range i, from raised to the floor; 0 for a range wholly below it. */
  private static double score(double[] e, int i, double floor) {
    final double from = Math.max(e[i], floor);
    return e[i + 1] > from && from > 0 ? Math.log(e[i + 1] / from) : 0;
  }

  private static double median(double[] v) {
    if (v.length == 0) return 0;
    final double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }

  private static List<Integer> betti(Barcode b, int maxDim, double s) {
    final List<Integer> out = new ArrayList<>();
    for (int k = 0; k <= maxDim; k++) out.add(b.betti(k, s));
    return out;
  }

  /** Single-linkage components: points joined when at most {@code scale} apart. */
  static int[] components(double[][] pts, double scale) {
    final int n = pts.length;
    final int[] parent = UnionFind.singletons(n);
    final double s2 = scale * scale;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Rows.squaredDistance(pts[i], pts[j]) <= s2) UnionFind.union(parent, i, j);
      }
    }
    final int[] id = new int[n];
    Arrays.fill(id, -1);
    final int[] comp = new int[n];
    int next = 0;
    for (int i = 0; i < n; i++) {
      final int r = UnionFind.find(parent, i);
      if (id[r] < 0) id[r] = next++;
      comp[i] = id[r];
    }
    return comp;
  }


  private static List<Enclosure> enclosures(ClassShape in, ClassShape out, int d, int grid) {
    final List<Enclosure> found = new ArrayList<>();
    final double[][] pin = in.sample();
    final double[][] pout = out.sample();
    final int[] comp = in.components();
    final int count = Arrays.stream(comp).max().orElse(-1) + 1;
    for (int c = 0; c < count; c++) {
      final List<double[]> piece = new ArrayList<>();
      for (int i = 0; i < pin.length; i++) if (comp[i] == c) piece.add(pin[i]);
      final double gap = gap(piece, pout);
      if (d == 1) {
        final double lo = piece.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        final double hi = piece.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        final boolean left = Arrays.stream(pout).anyMatch(p -> p[0] < lo);
        final boolean right = Arrays.stream(pout).anyMatch(p -> p[0] > hi);
        if (left && right && gap > 0) {
          found.add(new Enclosure(in.label(), c, piece.size(), out.label(), How.SIDES, 0, gap, Optional.empty(), piece.get(0)));
        }
      } else if (d == 2) {
        for (CoreCurve loop : out.curves()) {
          final double[][] poly = loop.vertices();
          final double from = loop.birth() / 2; // each step is covered by its end points' disks
          if (gap <= from) continue;
          boolean all = true;
          for (double[] p : piece) {
            final double w = Winding.number(poly, p);
            if (!(Math.abs(w) >= 0.5)) {
              all = false;
              break;
            }
          }
          if (all) {
            found.add(new Enclosure(in.label(), c, piece.size(), out.label(), How.LOOP, from, gap, Optional.of(loop),
                piece.get(nearestToCentroid(piece))));
            break;
          }
        }
      } else if (d == 3) {
        final Optional<Double> r = Shell.shell(piece, pout, grid, gap);
        if (r.isPresent()) {
          found.add(new Enclosure(in.label(), c, piece.size(), out.label(), How.SHELL, r.get(), gap, Optional.empty(),
              piece.get(nearestToCentroid(piece))));
        }
      }
    }
    return found;
  }

  private static double gap(List<double[]> piece, double[][] other) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] p : piece) for (double[] q : other) best = Math.min(best, Rows.squaredDistance(p, q));
    return Math.sqrt(best);
  }

  private static int nearestToCentroid(List<double[]> piece) {
    final double[] c = new double[piece.get(0).length];
    for (double[] p : piece) for (int j = 0; j < c.length; j++) c[j] += p[j] / piece.size();
    int best = 0;
    for (int i = 1; i < piece.size(); i++) {
      if (Rows.squaredDistance(piece.get(i), c) < Rows.squaredDistance(piece.get(best), c)) best = i;
    }
    return best;
  }

  private static double[][] copy(double[][] a) {
    final double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
    return c;
  }
}
