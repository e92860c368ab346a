package dev.knead.topology.ph;

import java.util.Arrays;

/**
 * Binary min-heap of simplex keys: the smallest key is the first simplex in filtration order.
 * Over Z/2 equal keys cancel in pairs, see {@link #popPivot()}.
 */
final class SimplexHeap {
  private long[] x = new long[256];
  private int size;

  void clear() {
    size = 0;
  }

  void push(long key) {
    if (size == x.length) x = Arrays.copyOf(x, size * 2);
    final long[] h = x;
    int c = size++;
    // sift up; invariant: every parent is <= its children
    while (c > 0) {
      final int parent = (c - 1) >>> 1;
      final long p = h[parent];
      if (p <= key) break;
      h[c] = p;
      c = parent;
    }
    h[c] = key;
  }

  private void popTop() {
    final int last = --size;
    if (last == 0) return;
    final long[] h = x;
    final long key = h[last];
    int c = 0;
    final int half = last >>> 1;
    while (c < half) {
      int child = 2 * c + 1;
      long cv = h[child];
      final int r = child + 1;
      if (r < last && h[r] < cv) {
        child = r;
        cv = h[r];
      }
      if (key <= cv) break;
      h[c] = cv;
      c = child;
    }
    h[c] = key;
  }

  /** Removes and returns the first key whose multiplicity is odd, dropping cancelled pairs; -1 when none is left. */
  long popPivot() {
    while (size > 0) {
      final long top = x[0];
      popTop();
      if (size > 0 && x[0] == top) {
        popTop(); // the pair cancels over Z/2
        continue;
      }
      return top;
    }
    return -1;
  }

  /**
   * The pivot without removing it. Copies of the minimum can only sit below other copies, so
   * if neither child of the root equals it, the root is the pivot; otherwise a pair cancels.
   */
  long pivot() {
    final long[] h = x;
    while (size > 0) {
      final long top = h[0];
      if (!((size > 1 && h[1] == top) || (size > 2 && h[2] == top))) return top;
      popTop();
      popTop(); // the new root is the copy: the pair cancels over Z/2
    }
    return -1;
  }
}
