package dev.knead.topology.ph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An immutable multiset of bars, in the order the computation found them. */
public record Barcode(List<Bar> bars) {

  public Barcode {
    bars = List.copyOf(bars);
  }

  /** Highest dimension with at least one bar, or -1 when empty. */
  public int maxDim() {
    int m = -1;
    for (Bar b : bars) m = Math.max(m, b.dim());
    return m;
  }

  /** Bars of one dimension, in computation order. */
  public List<Bar> bars(int dim) {
    List<Bar> out = new ArrayList<>();
    for (Bar b : bars) if (b.dim() == dim) out.add(b);
    return List.copyOf(out);
  }

  /** Betti number at {@code scale}: bars of {@code dim} with birth <= scale < death. */
  public int betti(int dim, double scale) {
    int count = 0;
    for (Bar b : bars) if (b.dim() == dim && b.isAliveAt(scale)) count++;
    return count;
  }

  /** The {@code k} longest bars of {@code dim}, longest first (essential bars first). */
  public List<Bar> mostPersistent(int dim, int k) {
    return bars(dim).stream()
        .sorted(Comparator.comparingDouble(Bar::persistence).reversed()
            .thenComparingDouble(Bar::birth))
        .limit(k)
        .toList();
  }

  /** Number of bars of {@code dim} whose persistence exceeds {@code minPersistence}. */
  public int count(int dim, double minPersistence) {
    int c = 0;
    for (Bar b : bars) if (b.dim() == dim && b.persistence() > minPersistence) c++;
    return c;
  }

  /**
   * Same bars as {@code other} as multisets per dimension: sorted by (birth, death), paired in
   * order, each endpoint within {@code relTol} × max(1, |value|), infinite deaths matching.
   */
  public boolean matches(Barcode other, double relTol) {
    int top = Math.max(maxDim(), other.maxDim());
    for (int dim = 0; dim <= top; dim++) {
      List<Bar> a = sortedBars(dim);
      List<Bar> b = other.sortedBars(dim);
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) {
        if (!close(a.get(i).birth(), b.get(i).birth(), relTol) || !close(a.get(i).death(), b.get(i).death(), relTol)) return false;
      }
    }
    return true;
  }

  private List<Bar> sortedBars(int dim) {
    List<Bar> out = new ArrayList<>(bars(dim));
    out.sort(Comparator.comparingDouble(Bar::birth).thenComparingDouble(Bar::death));
    return out;
  }

  private static boolean close(double x, double y, double tol) {
    if (x == y) return true; // also both infinite
    return Math.abs(x - y) <= tol * Math.max(1, Math.abs(x));
  }
}
