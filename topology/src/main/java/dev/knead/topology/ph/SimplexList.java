package dev.knead.topology.ph;

import java.util.Arrays;

/** A growable list of (diameter, simplex index) pairs in parallel primitive arrays. */
final class SimplexList {
  float[] diam;
  long[] index;
  int size;

  SimplexList(int capacity) {
    diam = new float[Math.max(capacity, 4)];
    index = new long[Math.max(capacity, 4)];
  }

  void add(float d, long i) {
    if (size == diam.length) {
      int cap = size + (size >> 1) + 4;
      diam = Arrays.copyOf(diam, cap);
      index = Arrays.copyOf(index, cap);
    }
    diam[size] = d;
    index[size++] = i;
  }

  void clear() {
    size = 0;
  }

  /** Filtration order: diameter ascending, ties by index descending (Ripser's order). */
  void sortFiltrationOrder() {
    sort(false);
  }

  /** Reverse filtration order, the order cohomology reduces columns in. */
  void sortReverseFiltrationOrder() {
    sort(true);
  }

  void reverse() {
    for (int a = 0, b = size - 1; a < b; a++, b--) {
      float d = diam[a];
      diam[a] = diam[b];
      diam[b] = d;
      long x = index[a];
      index[a] = index[b];
      index[b] = x;
    }
  }

  /**
   * Sorts by packing (float bits of a non-negative diameter, position) into one long — the bit
   * pattern of a non-negative float orders like its value — then orders equal-diameter runs
   * by index.
   */
  private void sort(boolean reversed) {
    final int m = size;
    long[] key = new long[m];
    for (int a = 0; a < m; a++) key[a] = ((long) Float.floatToRawIntBits(diam[a]) << 32) | a;
    Arrays.sort(key);
    float[] nd = new float[m];
    long[] ni = new long[m];
    for (int a = 0; a < m; a++) {
      int src = (int) key[reversed ? m - 1 - a : a];
      nd[a] = diam[src];
      ni[a] = index[src];
    }
    key = null;
    // within a run of equal diameters: index descending (filtration) or ascending (reversed)
    for (int a = 0; a < m; ) {
      int b = a + 1;
      while (b < m && nd[b] == nd[a]) b++;
      if (b - a > 1) {
        Arrays.sort(ni, a, b);
        if (!reversed) for (int x = a, y = b - 1; x < y; x++, y--) { long t = ni[x]; ni[x] = ni[y]; ni[y] = t; }
      }
      a = b;
    }
    diam = nd;
    index = ni;
  }
}
