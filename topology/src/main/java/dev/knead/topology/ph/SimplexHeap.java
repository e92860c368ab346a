package dev.knead.topology.ph;

import java.util.Arrays;

/**
 * Binary min-heap of (diameter, index) in filtration order: smaller diameter first, ties by
 * larger index. Over Z/2 equal entries cancel in pairs, see {@link #popPivot()}.
 */
final class SimplexHeap {
  private float[] d = new float[256];
  private long[] x = new long[256];
  private int size;
  /** Diameter of the entry last returned by popPivot / pivot. */
  float pivotDiameter;

  void clear() {
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  private static boolean before(float da, long xa, float db, long xb) {
    return da < db || (da == db && xa > xb);
  }

  void push(float dv, long xv) {
    if (size == d.length) {
      d = Arrays.copyOf(d, size * 2);
      x = Arrays.copyOf(x, size * 2);
    }
    int c = size++;
    // sift up; invariant: every parent comes before its children
    while (c > 0) {
      int parent = (c - 1) >>> 1;
      if (!before(dv, xv, d[parent], x[parent])) break;
      d[c] = d[parent];
      x[c] = x[parent];
      c = parent;
    }
    d[c] = dv;
    x[c] = xv;
  }

  private void popTop() {
    final int last = --size;
    if (last == 0) return;
    final float dv = d[last];
    final long xv = x[last];
    int c = 0;
    final int half = last >>> 1;
    while (c < half) {
      int child = 2 * c + 1;
      int r = child + 1;
      if (r < last && before(d[r], x[r], d[child], x[child])) child = r;
      if (!before(d[child], x[child], dv, xv)) break;
      d[c] = d[child];
      x[c] = x[child];
      c = child;
    }
    d[c] = dv;
    x[c] = xv;
  }

  /**
   * Removes and returns the first index whose multiplicity is odd, dropping cancelled pairs on
   * the way; -1 when none is left. Its diameter goes to {@link #pivotDiameter}.
   */
  long popPivot() {
    while (size > 0) {
      final long top = x[0];
      final float td = d[0];
      popTop();
      if (size > 0 && x[0] == top) {
        popTop(); // the pair cancels over Z/2
        continue;
      }
      pivotDiameter = td;
      return top;
    }
    return -1;
  }

  /** The pivot without removing it (it is pushed back once). */
  long pivot() {
    long p = popPivot();
    if (p != -1) push(pivotDiameter, p);
    return p;
  }
}
