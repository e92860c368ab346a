package dev.knead.core.data.words;

import java.util.ArrayList;
import java.util.List;

/**
 * The plane of an analogy {@code a − b + c}: the affine plane through b̂ spanned by â − b̂ and
 * ĉ − b̂ (unit vectors). b̂, â, ĉ and the query q = â − b̂ + ĉ lie in it exactly and form a
 * parallelogram; every other word is shown by its orthogonal projection onto the plane, with its
 * distance from the plane (what the picture cannot show).
 *
 * @param words the words shown: b, a, c, then the answers; the query is {@link #query()}
 * @param x first coordinate: along â − b̂, origin at b̂
 * @param y second coordinate: along the part of ĉ − b̂ orthogonal to the first
 * @param offPlane each word's distance from the plane (0 for a, b, c)
 */
public record AnalogyPlane(List<String> words, double[] x, double[] y, double[] offPlane, double queryX, double queryY) {
  public AnalogyPlane {
    words = List.copyOf(words);
    x = x.clone();
    y = y.clone();
    offPlane = offPlane.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public double[] offPlane() {
    return offPlane.clone();
  }

  public double[] query() {
    return new double[] {queryX, queryY};
  }

  /** The plane of {@code a − b + c} with b, a, c and the given answers placed in it. */
  public static AnalogyPlane of(WordVectors v, String a, String b, String c, List<String> answers) {
    double[] o = v.unitVector(b);
    double[] e1 = minus(v.unitVector(a), o);
    double[] e2 = minus(v.unitVector(c), o);
    double n1 = norm(e1);
    scale(e1, 1 / n1);
    double along = dot(e2, e1);
    for (int k = 0; k < e2.length; k++) {
      e2[k] -= along * e1[k];
    }
    double n2 = norm(e2);
    scale(e2, n2 > 0 ? 1 / n2 : 0); // a, b, c on one line: the plane degenerates to that line
    List<String> shown = new ArrayList<>(List.of(b, a, c));
    answers.stream().filter(w -> !shown.contains(w)).forEach(shown::add);
    double[] x = new double[shown.size()];
    double[] y = new double[shown.size()];
    double[] off = new double[shown.size()];
    for (int i = 0; i < shown.size(); i++) {
      double[] p = minus(v.unitVector(shown.get(i)), o);
      x[i] = dot(p, e1);
      y[i] = dot(p, e2);
      double rest = dot(p, p) - x[i] * x[i] - y[i] * y[i];
      off[i] = Math.sqrt(Math.max(0, rest));
    }
    double[] q = minus(v.unitVector(a), o); // q − b̂ = (â − b̂) + (ĉ − b̂)
    double[] cb = minus(v.unitVector(c), o);
    for (int k = 0; k < q.length; k++) {
      q[k] += cb[k];
    }
    return new AnalogyPlane(shown, x, y, off, dot(q, e1), dot(q, e2));
  }

  private static double[] minus(double[] p, double[] q) {
    double[] r = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      r[k] = p[k] - q[k];
    }
    return r;
  }

  private static double dot(double[] p, double[] q) {
    double s = 0;
    for (int k = 0; k < p.length; k++) {
      s += p[k] * q[k];
    }
    return s;
  }

  private static double norm(double[] p) {
    return Math.sqrt(dot(p, p));
  }

  private static void scale(double[] p, double f) {
    for (int k = 0; k < p.length; k++) {
      p[k] *= f;
    }
  }
}
