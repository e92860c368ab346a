package dev.knead.analysis;

import dev.knead.core.data.Points;
import dev.knead.core.net.Network;
import dev.knead.topology.measure.Linking;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Closed curves carried through a map, refined where the map stretches them. A polygon stands
 * for its curve's image only while every image edge is short next to its distance from the
 * other curve; a layer that stretches part of a ring a hundredfold turns a fine polygon into a
 * coarse one whose straight edges can cut through the other ring and fake an unlinking. So
 * edges are split (in input space) until each image edge is under a fifth of that distance.
 */
public final class Curves {
  static final double RATIO = 0.2;
  static final int MAX_VERTICES = 1 << 16;
  static final int MAX_ROUNDS = 16;
  /** Most vertex pairs a refinement round may compare (well under a second). */
  static final long MAX_PAIRS = 20_000_000L;
  /** A linking integral this far from an integer over unresolved edges is not a linking number. */
  static final double OFF_INTEGER = 0.1;
  /**
   * Curves closer than this share of their extent touch: a few hundred times double precision,
   * below which a split point cannot land between them (tanh(12x) keeps the Hopf rings 1e-11 apart, and that is resolved).
   */
  static final double TOUCH = 1e-13;

  private Curves() {}

  /** @return the map from the input to the output of the first {@code layers} layers */
  public static UnaryOperator<double[]> prefix(Network net, int layers) {
    return x -> {
      double[] a = x;
      for (int l = 0; l < layers; l++) {
        a = net.block(l).apply(a);
      }
      return a;
    };
  }

  /**
   * Linking number of the images of two closed curves under f (f's output must be 3-D).
   *
   * @param a m × d vertices of the first closed curve, in input space
   * @param b k × d vertices of the second
   */
  public static double linking(UnaryOperator<double[]> f, Points a, Points b) {
    List<Points> img = refinedImages(f, a, b);
    return Linking.number(rows(img.get(0)), rows(img.get(1)));
  }

  /**
   * A linking number, or why there is none.
   *
   * @param number the Gauss linking integral of the refined image polygons (NaN when undefined)
   * @param closest the smallest distance from a vertex of one image polygon to the other polygon's vertices
   * @param spacing the longest image edge whose refinement did not reach a fifth of its distance
   *     from the other curve (0 when every edge did)
   * @param reason empty when defined; else a sentence saying why the number is undefined
   */
  public record Link(double number, double closest, double spacing, String reason) {
    /** @return the curves stay apart at their sampling, so the linking number means something */
    public boolean defined() {
      return reason.isEmpty();
    }
  }

  /**
   * Linking number of the images of two closed curves under f, checked: the curves touch, are
   * no longer a link and have no linking number when a vertex of one lands on the other (as
   * when a ReLU layer presses both onto the same point), or when refinement leaves edges longer
   * than a fifth of their distance to the other curve and the integral is not within 0.1 of an
   * integer (the polygons then cut through each other).
   *
   * @param a m × d vertices of the first closed curve, in input space
   * @param b k × d vertices of the second
   */
  public static Link link(UnaryOperator<double[]> f, Points a, Points b) {
    List<Points> img = refinedImages(f, a, b);
    double[][] pa = rows(img.get(0));
    double[][] pb = rows(img.get(1));
    double closest = Double.POSITIVE_INFINITY;
    double spacing = 0;
    for (double[][][] pair : new double[][][][] {{pa, pb}, {pb, pa}}) {
      double[][] p = pair[0];
      List<double[]> other = java.util.Arrays.asList(pair[1]);
      for (int i = 0; i < p.length; i++) {
        double here = nearest(p[i], other);
        double clearance = Math.min(here, nearest(p[(i + 1) % p.length], other));
        closest = Math.min(closest, here);
        double len = distance(p[i], p[(i + 1) % p.length]);
        if (!(len <= RATIO * clearance)) {
          spacing = Math.max(spacing, len);
        }
      }
    }
    double lk = closest == 0 ? Double.NaN : Linking.number(pa, pb);
    // exact contact, or edges left coarser than the gap with an integral that is no integer: the curves touch
    if (closest == 0 || (spacing > 0 && !(Math.abs(lk - Math.rint(lk)) <= OFF_INTEGER))) {
      String why = String.format(java.util.Locale.ROOT, "the carried curves touch: they come within %.3g of each other,"
          + " closer than their sampling resolves (edges up to %.3g long there), so they are no longer a link and the"
          + " linking number is undefined", closest, spacing);
      return new Link(Double.NaN, closest, spacing, why);
    }
    return new Link(lk, closest, spacing, "");
  }

  /**
   * The images of two closed curves under f, refined as {@link #linking} refines them: the
   * polygons the linking number is computed on, fine where f stretches them near each other.
   *
   * @param a m × d vertices of the first closed curve, in input space
   * @param b k × d vertices of the second
   * @return the two image polygons, m' × e and k' × e (e = f's output dimension), first vertex not repeated
   */
  public static List<Points> refinedImages(UnaryOperator<double[]> f, Points a, Points b) {
    List<double[]> ia = vertices(a);
    List<double[]> ib = vertices(b);
    List<double[]> fa = images(f, ia);
    List<double[]> fb = images(f, ib);
    // closer than this the curves count as touching: no split can resolve them, and trying costs m·k per round
    double floor = TOUCH * Math.max(extent(fa, fb), Double.MIN_NORMAL);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if ((long) fa.size() * fb.size() > MAX_PAIRS) {
        break; // a round compares every vertex with every other: left unresolved, the link reads as undefined
      }
      boolean splitA = refine(f, ia, fa, fb, floor);
      boolean splitB = refine(f, ib, fb, fa, floor);
      if (!splitA && !splitB) {
        break;
      }
    }
    return List.of(Points.of(fa.toArray(new double[0][])), Points.of(fb.toArray(new double[0][])));
  }

  /** Splits every edge of (in, img) that is long next to its distance from {@code other}. */
  private static boolean refine(UnaryOperator<double[]> f, List<double[]> in, List<double[]> img, List<double[]> other,
      double floor) {
    if (in.size() >= MAX_VERTICES) {
      return false;
    }
    List<double[]> newIn = new ArrayList<>(in.size() * 2);
    List<double[]> newImg = new ArrayList<>(in.size() * 2);
    boolean split = false;
    int m = in.size();
    for (int i = 0; i < m; i++) {
      double[] p = img.get(i);
      double[] q = img.get((i + 1) % m);
      newIn.add(in.get(i));
      newImg.add(p);
      double len = distance(p, q);
      double clearance = Math.min(nearest(p, other), nearest(q, other));
      // an edge touching the other curve (clearance 0) can never be resolved: splitting it only burns the budget
      if (len > RATIO * clearance && clearance > floor && newIn.size() + (m - i) < MAX_VERTICES) {
        double[] mid = midpoint(in.get(i), in.get((i + 1) % m));
        newIn.add(mid);
        newImg.add(f.apply(mid));
        split = true;
      }
    }
    in.clear();
    in.addAll(newIn);
    img.clear();
    img.addAll(newImg);
    return split;
  }

  /** Diagonal of the box around both polygons. */
  private static double extent(List<double[]> a, List<double[]> b) {
    int d = a.get(0).length;
    double s = 0;
    for (int j = 0; j < d; j++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (List<double[]> l : List.of(a, b)) {
        for (double[] p : l) {
          lo = Math.min(lo, p[j]);
          hi = Math.max(hi, p[j]);
        }
      }
      s += (hi - lo) * (hi - lo);
    }
    return Math.sqrt(s);
  }

  private static double[][] rows(Points p) {
    double[][] r = new double[p.n()][];
    for (int i = 0; i < r.length; i++) {
      r[i] = p.row(i);
    }
    return r;
  }

  private static List<double[]> vertices(Points p) {
    List<double[]> v = new ArrayList<>(p.n());
    for (int i = 0; i < p.n(); i++) {
      v.add(p.row(i));
    }
    return v;
  }

  private static List<double[]> images(UnaryOperator<double[]> f, List<double[]> v) {
    List<double[]> out = new ArrayList<>(v.size());
    for (double[] x : v) {
      out.add(f.apply(x));
    }
    return out;
  }

  private static double nearest(double[] p, List<double[]> others) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] o : others) {
      best = Math.min(best, distance(p, o));
    }
    return best;
  }

  private static double distance(double[] p, double[] q) {
    double s = 0;
    for (int j = 0; j < p.length; j++) {
      double d = p[j] - q[j];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  private static double[] midpoint(double[] p, double[] q) {
    double[] m = new double[p.length];
    for (int j = 0; j < p.length; j++) {
      m[j] = 0.5 * (p[j] + q[j]);
    }
    return m;
  }
}
