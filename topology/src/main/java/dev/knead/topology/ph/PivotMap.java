package dev.knead.topology.ph;

import java.util.Arrays;

/** Open-addressing hash map from a simplex index (>= 0) to a column number (>= 0). */
final class PivotMap {
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  PivotMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(keys, -1L);
    mask = cap - 1;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** Column whose pivot is {@code key}, or -1. */
  int get(long key) {
    int s = slot(key, mask);
    while (true) {
      long k = keys[s];
      if (k == key) return values[s];
      if (k == -1L) return -1;
      s = (s + 1) & mask;
    }
  }

  boolean contains(long key) {
    return get(key) != -1;
  }

  void put(long key, int value) {
    if (2 * (size + 1) > keys.length) grow();
    int s = slot(key, mask);
    while (keys[s] != -1L && keys[s] != key) s = (s + 1) & mask;
    if (keys[s] == -1L) size++;
    keys[s] = key;
    values[s] = value;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    keys = new long[ok.length * 2];
    values = new int[ok.length * 2];
    Arrays.fill(keys, -1L);
    mask = keys.length - 1;
    size = 0;
    for (int s = 0; s < ok.length; s++) if (ok[s] != -1L) put(ok[s], ov[s]);
  }
}
