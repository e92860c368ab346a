package dev.knead.topology.ph;

/**
 * Binomial coefficients C(i, k) for 0 <= i <= n, 0 <= k <= maxK, the table behind the
 * combinatorial number system: a simplex {v_k > ... > v_0} has index sum C(v_i, i + 1).
 */
final class Binomials {
  /** table[k][i] = C(i, k); rows are separate arrays so inner loops index one row. */
  final long[][] table;

  Binomials(int n, int maxK) {
    table = new long[maxK + 1][n + 1];
    for (int i = 0; i <= n; i++) {
      table[0][i] = 1;
      for (int k = 1; k <= Math.min(i, maxK); k++) {
        long v = table[k - 1][i - 1] + (k <= i - 1 ? table[k][i - 1] : 0);
        if (v < 0) throw new ArithmeticException("simplex index overflows 64 bits: n=" + n + ", k=" + k);
        table[k][i] = v;
      }
    }
  }

  long get(int i, int k) {
    return table[k][i];
  }

  /**
   * Writes the {@code dim + 1} vertices of simplex {@code index} into {@code out}, largest
   * first. Each vertex is the largest v <= top with C(v, k) <= remaining index: guessed from
   * C(v, k) ≈ (v − (k−1)/2)^k / k!, then corrected by a step or two against the exact table
   * (a binary search costs ~log2 n unpredictable branches per vertex, and this is hot).
   */
  void vertices(long index, int dim, int n, int[] out) {
    int top = n - 1;
    for (int k = dim + 1, p = 0; k >= 1; k--, p++) {
      final long[] row = table[k];
      int v;
      if (k == 1) {
        v = (int) index; // C(v, 1) = v
      } else {
        double guess = k == 2 ? (1 + Math.sqrt(1 + 8.0 * index)) / 2
            : Math.pow(FACTORIAL[k] * (double) index, 1.0 / k) + (k - 1) / 2.0;
        v = (int) Math.min(top, Math.max(k - 1, (long) guess));
        // invariant after both loops: row[v] <= index < row[v + 1] (or v == top)
        while (row[v] > index) v--;
        while (v < top && row[v + 1] <= index) v++;
      }
      out[p] = v;
      index -= row[v];
      top = v - 1;
    }
  }

  private static final double[] FACTORIAL = {1, 1, 2, 6, 24, 120, 720, 5040, 40320};
}
