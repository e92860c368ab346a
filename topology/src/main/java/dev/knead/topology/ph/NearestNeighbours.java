package dev.knead.topology.ph;

/**
 * Exact k nearest neighbours (Euclidean, ties by index) of every point of a cloud, by a k-d
 * tree over a copy of the points in tree order. Squared distances are summed coordinate by
 * coordinate in order, exactly as a brute-force row sort would, so the same neighbours come
 * out.
 *
 * <p>Pruning is exact in floating point: a squared distance is a sum of non-negative terms and
 * rounding is monotone, so it is at least any one computed term (x_q[c] − x_p[c])², and for
 * a point p beyond a split value v on axis c that term is at least (x_q[c] − v)². A subtree
 * is skipped, and a partial sum abandoned, only when that bound is strictly above the worst
 * of the k kept, so no tie is lost. Splits are at the median along the axis of widest range,
 * which adapts to the low intrinsic dimension of layer outputs.
 */
final class NearestNeighbours {
  private static final int LEAF = 8;

  /** Points in tree order, row r of the tree is original point id[r]. */
  private final double[] flat;
  private final int[] id;
  private final int d;
  /** Split axis of the internal node whose median rank is r (medians of nodes are distinct). */
  private final int[] axisAt;
  /** Split value of that node: the median's coordinate, fixed before the children reorder. */
  private final double[] splitAt;
  private final int kk;
  /** Max-heap of the query's kk best (squared distance, index) pairs. */
  private final double[] heapD;
  private final int[] heapI;
  private int size;
  private int query;

  private NearestNeighbours(double[][] points, int kk) {
    final int n = points.length;
    this.d = points[0].length;
    this.kk = kk;
    this.id = new int[n];
    for (int i = 0; i < n; i++) id[i] = i;
    this.axisAt = new int[n];
    this.splitAt = new double[n];
    this.heapD = new double[kk];
    this.heapI = new int[kk];
    build(points, 0, n);
    this.flat = new double[n * d];
    for (int r = 0; r < n; r++) System.arraycopy(points[id[r]], 0, flat, r * d, d);
  }

  /**
   * @param points n × d, rectangular
   * @param k neighbours wanted; min(k, n − 1) are returned
   * @return row i holds the original indices of i's nearest points (unordered), n × min(k, n−1)
   */
  static int[][] of(double[][] points, int k) {
    final int n = points.length;
    final int kk = Math.max(0, Math.min(k, n - 1));
    int[][] out = new int[n][];
    if (n == 0) return out;
    NearestNeighbours t = new NearestNeighbours(points, kk);
    for (int r = 0; r < n; r++) {
      t.query = r;
      t.size = 0;
      if (kk > 0) t.search(0, n);
      out[t.id[r]] = java.util.Arrays.copyOf(t.heapI, kk);
    }
    return out;
  }

  /** Arranges id[lo, hi) so that each internal node's median splits it along its widest axis. */
  private void build(double[][] points, int lo, int hi) {
    if (hi - lo <= LEAF || d == 0) return;
    int axis = 0;
    double widest = -1;
    for (int c = 0; c < d; c++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int r = lo; r < hi; r++) {
        final double x = points[id[r]][c];
        if (x < min) min = x;
        if (x > max) max = x;
      }
      if (max - min > widest) {
        widest = max - min;
        axis = c;
      }
    }
    final int mid = (lo + hi) >>> 1;
    select(points, axis, lo, hi - 1, mid);
    axisAt[mid] = axis;
    splitAt[mid] = points[id[mid]][axis];
    build(points, lo, mid);
    build(points, mid, hi);
  }

  /** Quickselect: afterwards id[lo..mid) ≤ id[mid] ≤ id(mid..hi] by (coordinate, index). */
  private void select(double[][] points, int axis, int lo, int hi, int mid) {
    while (hi > lo) {
      final int pivot = id[(lo + hi) >>> 1];
      final double pv = points[pivot][axis];
      int a = lo;
      int b = hi;
      while (a <= b) {
        while (before(points[id[a]][axis], id[a], pv, pivot)) a++;
        while (before(pv, pivot, points[id[b]][axis], id[b])) b--;
        if (a <= b) {
          final int t = id[a];
          id[a++] = id[b];
          id[b--] = t;
        }
      }
      if (mid <= b) hi = b;
      else if (mid >= a) lo = a;
      else return;
    }
  }

  private static boolean before(double x, int i, double y, int j) {
    return x < y || (x == y && i < j);
  }

  /** Offers every point of tree rows [lo, hi) that could beat the current worst. */
  private void search(int lo, int hi) {
    if (hi - lo <= LEAF || d == 0) {
      for (int r = lo; r < hi; r++) if (r != query) consider(r);
      return;
    }
    final int mid = (lo + hi) >>> 1;
    final int axis = axisAt[mid];
    // rows [lo, mid) have coordinate ≤ split, rows [mid, hi) have coordinate ≥ split
    final double diff = flat[query * d + axis] - splitAt[mid];
    if (diff < 0) {
      search(lo, mid);
      if (size < kk || diff * diff <= heapD[0]) search(mid, hi);
    } else {
      search(mid, hi);
      if (size < kk || diff * diff <= heapD[0]) search(lo, mid);
    }
  }

  private void consider(int r) {
    final boolean full = size == kk;
    final double worst = full ? heapD[0] : Double.POSITIVE_INFINITY;
    final int q = query * d;
    final int p = r * d;
    double s = 0;
    for (int c = 0; c < d; c++) {
      final double t = flat[q + c] - flat[p + c];
      s += t * t;
      if (s > worst) return; // the full sum can only be larger
    }
    offer(s, id[r]);
  }

  /** Invariant: heap[0, size) is a binary max-heap in (squared distance, index) order. */
  private void offer(double s, int j) {
    if (size < kk) {
      int c = size++;
      while (c > 0) { // sift up
        final int p = (c - 1) >>> 1;
        if (!after(s, j, heapD[p], heapI[p])) break;
        heapD[c] = heapD[p];
        heapI[c] = heapI[p];
        c = p;
      }
      heapD[c] = s;
      heapI[c] = j;
      return;
    }
    if (!after(heapD[0], heapI[0], s, j)) return;
    int c = 0; // replace the top and sift down
    while (true) {
      int l = 2 * c + 1;
      if (l >= kk) break;
      if (l + 1 < kk && after(heapD[l + 1], heapI[l + 1], heapD[l], heapI[l])) l++;
      if (!after(heapD[l], heapI[l], s, j)) break;
      heapD[c] = heapD[l];
      heapI[c] = heapI[l];
      c = l;
    }
    heapD[c] = s;
    heapI[c] = j;
  }

  private static boolean after(double d1, int i1, double d2, int i2) {
    return d1 > d2 || (d1 == d2 && i1 > i2);
  }
}
