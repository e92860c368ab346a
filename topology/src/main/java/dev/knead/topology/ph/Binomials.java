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
   * first. Each vertex is the largest v in [k-1, top] with C(v, k) <= remaining index.
   */
  void vertices(long index, int dim, int n, int[] out) {
    int top = n - 1;
    for (int k = dim + 1, p = 0; k >= 1; k--, p++) {
      final long[] row = table[k];
      int lo = k - 1;
      int hi = top;
      // invariant: row[lo] <= index (C(k-1,k)=0), and the answer lies in [lo, hi]
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (row[mid] <= index) lo = mid;
        else hi = mid - 1;
      }
      out[p] = lo;
      index -= row[lo];
      top = lo - 1;
    }
  }
}
