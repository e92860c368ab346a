package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Multiset comparison of barcodes per dimension, as barcode_tools.py compare does. */
final class BarcodeAssert {
  private BarcodeAssert() {}

  static List<Bar> sorted(List<Bar> bars, int dim) {
    List<Bar> out = new ArrayList<>();
    for (Bar b : bars) if (b.dim() == dim) out.add(b);
    out.sort(Comparator.comparingDouble(Bar::birth).thenComparingDouble(Bar::death));
    return out;
  }

  /** Equal as multisets per dimension within a relative tolerance (0 for exact). */
  static void assertSameBars(List<Bar> expected, List<Bar> actual, int maxDim, double tol, String label) {
    for (int dim = 0; dim <= maxDim; dim++) {
      List<Bar> a = sorted(expected, dim);
      List<Bar> b = sorted(actual, dim);
      assertThat(b).as("%s H%d count", label, dim).hasSize(a.size());
      for (int i = 0; i < a.size(); i++) {
        Bar x = a.get(i);
        Bar y = b.get(i);
        assertThat(Math.abs(x.birth() - y.birth()) <= tol * Math.max(1, Math.abs(x.birth())))
            .as("%s H%d bar %d birth %s vs %s", label, dim, i, x, y).isTrue();
        boolean deathOk = (x.isEssential() && y.isEssential())
            || Math.abs(x.death() - y.death()) <= tol * Math.max(1, Math.abs(x.death()));
        assertThat(deathOk).as("%s H%d bar %d death %s vs %s", label, dim, i, x, y).isTrue();
      }
    }
  }
}
