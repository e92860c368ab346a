package dev.knead.render.figure;

import dev.knead.render.Figure;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import java.util.List;

/**
 * Rows of colour swatches: each row a label, its colour, an optional second colour beside it
 * (e.g. the nearest named colour) and a caption.
 */
public final class SwatchFigure implements Figure {
  /**
   * @param label left of the swatch
   * @param argb the swatch
   * @param besideArgb a second, smaller swatch to compare with; 0 for none
   * @param caption right of the swatches
   */
  public record Row(String label, int argb, int besideArgb, String caption) {}

  private final String title;
  private final List<Row> rows;
  private final Palette pal;

  public SwatchFigure(String title, List<Row> rows, Palette pal) {
    this.title = title;
    this.rows = List.copyOf(rows);
    this.pal = pal;
  }

  @Override
  public void draw(Canvas c, double width, double height) {
    c.fillRect(0, 0, width, height, pal.background());
    double fs = Math.max(11, Math.min(width, height) / 40);
    c.text(width / 2, fs * 1.8, title, fs * 1.25, Canvas.Anchor.MIDDLE, pal.ink(), true);
    double top = fs * 3.2;
    double rowH = (height - top - fs) / Math.max(1, rows.size());
    double sw = Math.min(rowH * 0.8, width * 0.16);
    double labelW = width * 0.15;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double y = top + i * rowH + (rowH - sw) / 2;
      c.text(labelW - fs * 0.6, y + sw / 2 + fs * 0.35, r.label(), fs, Canvas.Anchor.END, pal.ink(), true);
      c.fillRect(labelW, y, sw * 1.6, sw, r.argb());
      c.strokeRect(labelW, y, sw * 1.6, sw, pal.muted(), 1);
      double x = labelW + sw * 1.6 + fs;
      if (r.besideArgb() != 0) {
        c.fillRect(x, y + sw * 0.2, sw * 0.6, sw * 0.6, r.besideArgb());
        c.strokeRect(x, y + sw * 0.2, sw * 0.6, sw * 0.6, pal.muted(), 1);
        x += sw * 0.6 + fs;
      }
      String[] lines = r.caption().split("\n");
      for (int k = 0; k < lines.length; k++) {
        c.text(x, y + sw / 2 + fs * 0.35 + (k - (lines.length - 1) / 2.0) * fs * 1.3, lines[k], fs * (k == 0 ? 1 : 0.85),
            Canvas.Anchor.START, k == 0 ? pal.ink() : pal.muted(), false);
      }
    }
  }
}
