package dev.knead.render.topo;

import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.figure.Axes;
import dev.knead.topology.ph.Bar;
import dev.knead.topology.ph.Barcode;

/**
 * Persistence diagram: every bar as a point (birth, death), classes by colour, H₀ as dots and
 * H₁ as diamonds (H₂ as triangles); far from the diagonal = persistent. Bars that never die sit
 * on the line marked ∞ at the top.
 */
public final class DiagramFigure implements Figure {
  private final ClassBarcodes data;
  private final FigureOptions options;

  public DiagramFigure(ClassBarcodes data, FigureOptions options) {
    this.data = data;
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    c.text(w / 2, 24, options.title().orElse(data.title() + " · persistence diagram"), 15, Canvas.Anchor.MIDDLE, pal.ink(),
        true);
    double size = Math.min(w - 90, h - 110);
    double x0 = (w - size) / 2 + 15;
    double y0 = 50;
    double max = data.maxFinite() * 1.08;
    double infY = y0 + 8;
    double plotTop = y0 + 22;
    double plotH = size - 22;
    c.strokeRect(x0, plotTop, size, plotH, pal.muted(), 0.8);
    c.line(x0, plotTop + plotH, x0 + size, plotTop, Palette.alpha(pal.muted(), 0.8), 0.8);
    c.polyline(new double[] {x0, x0 + size}, new double[] {infY, infY}, 2, pal.muted(), 0.8, true);
    c.text(x0 - 6, infY + 3, "∞", 11, Canvas.Anchor.END, pal.muted(), false);
    for (double t : Axes.nice(0, max, 5)) {
      double x = x0 + t / max * size;
      double y = plotTop + plotH - t / max * plotH;
      c.text(x, plotTop + plotH + 14, Axes.label(t), 9, Canvas.Anchor.MIDDLE, pal.muted(), false);
      c.text(x0 - 6, y + 3, Axes.label(t), 9, Canvas.Anchor.END, pal.muted(), false);
    }
    c.text(x0 + size / 2, plotTop + plotH + 30, "birth", 10, Canvas.Anchor.MIDDLE, pal.muted(), false);
    c.text(x0 - 34, plotTop + plotH / 2, "death", 10, Canvas.Anchor.MIDDLE, pal.muted(), false);
    for (int k = 0; k < data.barcodes().size(); k++) {
      Barcode b = data.barcodes().get(k);
      int col = pal.classColor(k);
      int edge = Palette.alpha(Palette.mix(col, pal.ink(), 0.5), 0.9);
      for (Bar bar : b.bars()) {
        double x = x0 + bar.birth() / max * size;
        double y = Double.isFinite(bar.death()) ? plotTop + plotH - bar.death() / max * plotH : infY;
        marker(c, bar.dim(), x, y, 3.6, Palette.alpha(col, 0.85), edge);
      }
    }
    double ly = h - 16;
    double lx = w / 2 - 200;
    for (int k = 0; k < data.classNames().size(); k++) {
      c.dot(lx, ly - 4, 4, pal.classColor(k), 0);
      c.text(lx + 8, ly, data.classNames().get(k), 10, Canvas.Anchor.START, pal.ink(), false);
      lx += 24 + data.classNames().get(k).length() * 6;
    }
    for (int d = 0; d <= Math.min(2, data.maxDim()); d++) {
      marker(c, d, lx, ly - 4, 3.6, pal.muted(), pal.ink());
      c.text(lx + 8, ly, "H" + d, 10, Canvas.Anchor.START, pal.ink(), false);
      lx += 36;
    }
  }

  private static void marker(Canvas c, int dim, double x, double y, double r, int fill, int edge) {
    if (dim == 0) {
      c.dot(x, y, r, fill, edge);
    } else if (dim == 1) {
      double[] xs = {x, x + r * 1.3, x, x - r * 1.3, x};
      double[] ys = {y - r * 1.3, y, y + r * 1.3, y, y - r * 1.3};
      c.fillPolygon(xs, ys, 4, fill);
      c.polyline(xs, ys, 5, edge, 0.7, false);
    } else {
      double[] xs = {x, x + r * 1.3, x - r * 1.3, x};
      double[] ys = {y - r * 1.3, y + r, y + r, y - r * 1.3};
      c.fillPolygon(xs, ys, 3, fill);
      c.polyline(xs, ys, 4, edge, 0.7, false);
    }
  }
}
