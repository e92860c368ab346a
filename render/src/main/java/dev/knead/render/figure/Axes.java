package dev.knead.render.figure;

import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Viewport;
import java.util.Locale;

/** Tick marks and labels on the left and bottom edges of a panel, at "nice" values (1, 2, 5 × 10ᵏ). */
public final class Axes {
  private Axes() {}

  static void ticks(Canvas c, Viewport v, double px, double py, double pw, double ph, Palette pal, String name) {
    int ink = pal.muted();
    for (double t : nice(v.xMin, v.xMax, 5)) {
      double x = v.px(t);
      if (x >= px && x <= px + pw) {
        c.line(x, py + ph, x, py + ph + 4, ink, 0.7);
        c.text(x, py + ph + 14, label(t), 9, Canvas.Anchor.MIDDLE, ink, false);
      }
    }
    for (double t : nice(v.yMin, v.yMax, 5)) {
      double y = v.py(t);
      if (y >= py && y <= py + ph) {
        c.line(px - 4, y, px, y, ink, 0.7);
        c.text(px - 6, y + 3, label(t), 9, Canvas.Anchor.END, ink, false);
      }
    }
  }

  /** @return about {@code count} round values covering [lo, hi] */
  public static double[] nice(double lo, double hi, int count) {
    double span = hi - lo;
    if (!(span > 0) || !Double.isFinite(span)) {
      return new double[0];
    }
    double raw = span / count;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    double start = Math.ceil(lo / step) * step;
    int k = (int) Math.floor((hi - start) / step) + 1;
    double[] out = new double[Math.max(0, Math.min(k, 50))];
    for (int i = 0; i < out.length; i++) {
      out[i] = start + i * step;
      if (Math.abs(out[i]) < step * 1e-9) {
        out[i] = 0;
      }
    }
    return out;
  }

  public static String label(double t) {
    if (t == Math.rint(t) && Math.abs(t) < 1e6) {
      return Long.toString((long) t);
    }
    String s = String.format(Locale.ROOT, "%.3g", t);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}
