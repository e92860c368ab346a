package dev.knead.topology.ph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test oracle: the explicit boundary matrix of the whole Rips complex, reduced by the standard algorithm. */
final class NaiveReduction {
  private NaiveReduction() {}

  /** Bars of dims 0..maxDim (zero-length ones dropped), simplices up to maxDim + 1 with diameter <= threshold. */
  static List<Bar> bars(double[][] points, int maxDim, double threshold) {
    final int n = points.length;
    DistanceMatrix m = DistanceMatrix.of(points, Metric.EUCLIDEAN_RIPSER);
    List<int[]> simplices = new ArrayList<>();
    List<Float> diam = new ArrayList<>();
    // enumerate all subsets of size 1..maxDim+2
    for (int size = 1; size <= maxDim + 2; size++) enumerate(new int[size], 0, 0, n, m, (float) threshold, simplices, diam);
    Integer[] order = new Integer[simplices.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> {
      int c = Float.compare(diam.get(a), diam.get(b));
      return c != 0 ? c : Integer.compare(simplices.get(a).length, simplices.get(b).length);
    });
    Map<String, Integer> pos = new HashMap<>();
    for (int r = 0; r < order.length; r++) pos.put(java.util.Arrays.toString(simplices.get(order[r])), r);
    BitSet[] cols = new BitSet[order.length];
    for (int r = 0; r < order.length; r++) {
      int[] s = simplices.get(order[r]);
      cols[r] = new BitSet();
      if (s.length == 1) continue;
      for (int drop = 0; drop < s.length; drop++) {
        int[] f = new int[s.length - 1];
        for (int a = 0, b = 0; a < s.length; a++) if (a != drop) f[b++] = s[a];
        cols[r].set(pos.get(java.util.Arrays.toString(f)));
      }
    }
    int[] lowOwner = new int[order.length];
    java.util.Arrays.fill(lowOwner, -1);
    boolean[] paired = new boolean[order.length];
    List<Bar> bars = new ArrayList<>();
    for (int r = 0; r < order.length; r++) {
      BitSet c = cols[r];
      while (!c.isEmpty()) {
        int low = c.length() - 1;
        if (lowOwner[low] == -1) break;
        c.xor(cols[lowOwner[low]]);
      }
      if (!c.isEmpty()) {
        int low = c.length() - 1;
        lowOwner[low] = r;
        paired[low] = true;
        paired[r] = true;
        int dim = simplices.get(order[low]).length - 1;
        float b = diam.get(order[low]);
        float d = diam.get(order[r]);
        if (d > b) bars.add(new Bar(dim, b, d));
      }
    }
    for (int r = 0; r < order.length; r++) {
      int dim = simplices.get(order[r]).length - 1;
      if (!paired[r] && dim <= maxDim) bars.add(new Bar(dim, diam.get(order[r]), Double.POSITIVE_INFINITY));
    }
    return bars;
  }

  private static void enumerate(int[] s, int depth, int from, int n, DistanceMatrix m, float t, List<int[]> out, List<Float> diam) {
    if (depth == s.length) {
      float d = 0f;
      for (int a = 0; a < s.length; a++) for (int b = a + 1; b < s.length; b++) d = Math.max(d, (float) m.get(s[a], s[b]));
      if (d <= t) {
        out.add(s.clone());
        diam.add(d);
      }
      return;
    }
    for (int v = from; v < n; v++) {
      s[depth] = v;
      enumerate(s, depth + 1, v + 1, n, m, t, out, diam);
    }
  }
}
