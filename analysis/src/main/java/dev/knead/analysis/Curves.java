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

  private Curves() {}

  /** @return the map from the input to the output of the first {@code layers} layers */
  public static UnaryOperator<double[]> prefix(Network net, int layers) {
    return x -> {
      double[] a = x;
      for (int l = 0; l < layers; l++) {
        a = net.layer(l).apply(a);
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
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean splitA = refine(f, ia, fa, fb);
      boolean splitB = refine(f, ib, fb, fa);
      if (!splitA && !splitB) {
        break;
      }
    }
    return List.of(Points.of(fa.toArray(new double[0][])), Points.of(fb.toArray(new double[0][])));
  }

  /** Splits every edge of (in, img) that is long next to its distance from {@code other}. */
  private static boolean refine(UnaryOperator<double[]> f, List<double[]> in, List<double[]> img, List<double[]> other) {
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
      if (len > RATIO * clearance && newIn.size() + (m - i) < MAX_VERTICES) {
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
