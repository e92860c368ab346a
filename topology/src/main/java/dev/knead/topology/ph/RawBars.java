package dev.knead.topology.ph;

import java.util.Arrays;

/** Bars as the engine finds them, with the index of each bar's birth simplex. */
final class RawBars {
  int[] dim = new int[64];
  float[] birth = new float[64];
  float[] death = new float[64];
  long[] birthSimplex = new long[64];
  int size;

  void add(int k, float b, float d, long simplex) {
    if (size == dim.length) {
      int cap = size * 2;
      dim = Arrays.copyOf(dim, cap);
      birth = Arrays.copyOf(birth, cap);
      death = Arrays.copyOf(death, cap);
      birthSimplex = Arrays.copyOf(birthSimplex, cap);
    }
    dim[size] = k;
    birth[size] = b;
    death[size] = d;
    birthSimplex[size++] = simplex;
  }
}
