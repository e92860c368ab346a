package dev.knead.render.topo;

import dev.knead.topology.ph.Barcode;
import java.util.List;

/**
 * Persistent homology of each class's points at one stage: what the barcode and diagram
 * figures draw.
 *
 * @param title e.g. "2-3-2 tanh on disk-annulus · stage 0 · input"
 * @param classNames one per barcode
 * @param barcodes one per class, in class order
 * @param maxDim the highest homology dimension computed
 */
public record ClassBarcodes(String title, List<String> classNames, List<Barcode> barcodes, int maxDim) {
  public ClassBarcodes {
    classNames = List.copyOf(classNames);
    barcodes = List.copyOf(barcodes);
    if (classNames.size() != barcodes.size()) {
      throw new IllegalArgumentException(barcodes.size() + " barcodes for " + classNames.size() + " classes");
    }
  }

  /** @return the largest finite death (or birth) over every bar, for a common scale axis */
  public double maxFinite() {
    double m = 0;
    for (Barcode b : barcodes) {
      for (var bar : b.bars()) {
        m = Math.max(m, bar.birth());
        if (Double.isFinite(bar.death())) {
          m = Math.max(m, bar.death());
        }
      }
    }
    return m > 0 ? m : 1;
  }
}
