package dev.knead.render.figure;

import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import java.util.List;

/** A row of swatches: one per class, optionally the decision boundary. */
public final class Legend {
  private Legend() {}

  /** Draws the legend centred on x at baseline y. */
  public static void row(Canvas c, double x, double y, List<String> names, boolean boundary, Palette pal, double size) {
    double per = 0;
    double[] widths = new double[names.size() + 1];
    for (int i = 0; i < names.size(); i++) {
      widths[i] = size * 1.6 + names.get(i).length() * size * 0.58 + size * 1.2;
      per += widths[i];
    }
    if (boundary) {
      widths[names.size()] = size * 2.6 + "decision boundary".length() * size * 0.58;
      per += widths[names.size()];
    }
    double cx = x - per / 2;
    for (int i = 0; i < names.size(); i++) {
      int col = pal.classColor(i);
      c.dot(cx + size * 0.5, y - size * 0.35, size * 0.45, col, Palette.alpha(Palette.mix(col, pal.ink(), 0.45), 0.9));
      c.text(cx + size * 1.3, y, names.get(i), size, Canvas.Anchor.START, pal.ink(), false);
      cx += widths[i];
    }
    if (boundary) {
      c.polyline(new double[] {cx, cx + size * 1.8}, new double[] {y - size * 0.35, y - size * 0.35}, 2, pal.ink(), 1.4, true);
      c.text(cx + size * 2.3, y, "decision boundary", size, Canvas.Anchor.START, pal.ink(), false);
    }
  }
}
