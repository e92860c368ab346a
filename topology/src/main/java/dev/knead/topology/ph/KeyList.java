package dev.knead.topology.ph;

import java.util.Arrays;

/** A growable list of simplex keys (see {@link Filtration#key}). */
final class KeyList {
  long[] keys;
  int size;

  KeyList(int capacity) {
    keys = new long[Math.max(capacity, 4)];
  }

  KeyList(long[] keys) {
    this.keys = keys;
    this.size = keys.length;
  }

  void add(long key) {
    if (size == keys.length) keys = Arrays.copyOf(keys, size + (size >> 1) + 4);
    keys[size++] = key;
  }

  void clear() {
    size = 0;
  }

  /** Keys ascending = filtration order; then reversed = the order cohomology reduces in. */
  void sortReverseFiltrationOrder() {
    Arrays.sort(keys, 0, size);
    reverse();
  }

  void reverse() {
    for (int a = 0, b = size - 1; a < b; a++, b--) {
      long x = keys[a];
      keys[a] = keys[b];
      keys[b] = x;
    }
  }
}
