package dev.knead.render.topo;

import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.figure.Axes;
import dev.knead.topology.ph.Bar;
import dev.knead.topology.ph.Barcode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Barcodes, one block per homology dimension (H₀, H₁, …), bars of each class in the class's
 * colour, longest first; a bar that never dies runs off the right edge with an arrow. At most
 * {@link #MAX_BARS} bars per class and dimension are drawn (the longest); the count says how
 * many there were.
 */
public final class BarcodeFigure implements Figure {
  public static final int MAX_BARS = 40;
  private final ClassBarcodes data;
  private final FigureOptions options;

  public BarcodeFigure(ClassBarcodes data, FigureOptions options) {
    this.data = data;
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    c.text(w / 2, 24, options.title().orElse(data.title() + " · barcodes"), 15, Canvas.Anchor.MIDDLE, pal.ink(), true);
    double left = 60;
    double right = w - 30;
    double top = 44;
    double bottom = h - 40;
    double max = data.maxFinite() * 1.08;
    int dims = data.maxDim() + 1;
    // rows needed per dimension block
    int[] rows = new int[dims];
    List<List<List<Bar>>> shown = new ArrayList<>();
    for (int d = 0; d < dims; d++) {
      List<List<Bar>> perClass = new ArrayList<>();
      for (Barcode b : data.barcodes()) {
        List<Bar> bars = new ArrayList<>(b.bars(d));
        bars.sort(Comparator.comparingDouble((Bar x) -> Double.isFinite(x.death()) ? x.persistence() : Double.MAX_VALUE)
            .reversed());
        perClass.add(bars.subList(0, Math.min(MAX_BARS, bars.size())));
        rows[d] += Math.min(MAX_BARS, bars.size()) + 1;
      }
      shown.add(perClass);
    }
    int total = 0;
    for (int r : rows) {
      total += r;
    }
    double gap = 18;
    double rowH = Math.max(0.8, Math.min(8, (bottom - top - gap * dims) / Math.max(1, total)));
    double y = top;
    for (int d = 0; d < dims; d++) {
      c.text(left - 10, y + 12, "H" + d, 13, Canvas.Anchor.END, pal.ink(), true);
      double blockTop = y;
      for (int k = 0; k < shown.get(d).size(); k++) {
        List<Bar> bars = shown.get(d).get(k);
        int col = pal.classColor(k);
        int count = data.barcodes().get(k).bars(d).size();
        c.text(left - 10, y + 12 + (k + 1) * 12, data.classNames().get(k) + " (" + count + ")", 9, Canvas.Anchor.END, col,
            false);
        for (Bar b : bars) {
          double x0 = left + b.birth() / max * (right - left);
          boolean inf = !Double.isFinite(b.death());
          double x1 = inf ? right : left + b.death() / max * (right - left);
          double yy = y + rowH / 2;
          c.line(x0, yy, Math.max(x0 + 1, x1), yy, col, Math.max(0.8, rowH * 0.7));
          if (inf) {
            c.fillPolygon(new double[] {right, right + 7, right}, new double[] {yy - 4, yy, yy + 4}, 3, col);
          }
          y += rowH;
        }
        y += rowH;
      }
      c.strokeRect(left, blockTop - 2, right - left, y - blockTop + 2, Palette.alpha(pal.muted(), 0.5), 0.6);
      y += gap;
    }
    for (double t : Axes.nice(0, max, 6)) {
      double x = left + t / max * (right - left);
      c.line(x, bottom + 4, x, bottom + 8, pal.muted(), 0.7);
      c.text(x, bottom + 19, Axes.label(t), 9, Canvas.Anchor.MIDDLE, pal.muted(), false);
    }
    c.line(left, bottom + 4, right, bottom + 4, pal.muted(), 0.7);
    c.text((left + right) / 2, h - 6, "scale (Vietoris–Rips radius)", 10, Canvas.Anchor.MIDDLE, pal.muted(), false);
  }
}
