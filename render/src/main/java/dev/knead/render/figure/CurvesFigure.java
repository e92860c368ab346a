package dev.knead.render.figure;

import dev.knead.core.train.Epoch;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Training curves: loss (left) and accuracy (right) per epoch, training solid, test dashed. */
public final class CurvesFigure implements Figure {
  private final List<Epoch> history;
  private final String description;
  private final FigureOptions options;

  public CurvesFigure(List<Epoch> history, String description, FigureOptions options) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("the run has no training history to plot");
    }
    this.history = List.copyOf(history);
    this.description = description;
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    c.text(w / 2, 24, options.title().orElse(description + " · training"), 16, Canvas.Anchor.MIDDLE, pal.ink(), true);
    double top = 48;
    double bottom = 52;
    double pw = (w - 3 * 50) / 2;
    double ph = h - top - bottom;
    double maxLoss = 0;
    for (Epoch e : history) {
      maxLoss = Math.max(maxLoss, finite(e.loss()));
      maxLoss = Math.max(maxLoss, finite(e.testLoss()));
    }
    panel(c, 50, top, pw, ph, "loss", 0, maxLoss > 0 ? maxLoss * 1.05 : 1, Epoch::loss, Epoch::testLoss, pal);
    panel(c, 100 + pw, top, pw, ph, "accuracy", 0, 1.0, Epoch::trainAccuracy, Epoch::testAccuracy, pal);
    double ly = h - 12;
    c.line(w / 2 - 110, ly - 4, w / 2 - 80, ly - 4, pal.ink(), 1.6);
    c.text(w / 2 - 74, ly, "training", 11, Canvas.Anchor.START, pal.ink(), false);
    c.polyline(new double[] {w / 2 + 10, w / 2 + 40}, new double[] {ly - 4, ly - 4}, 2, pal.muted(), 1.6, true);
    c.text(w / 2 + 46, ly, "test", 11, Canvas.Anchor.START, pal.ink(), false);
  }

  private void panel(Canvas c, double x, double y, double w, double h, String name, double lo, double hi,
      ToDoubleFunction<Epoch> train, ToDoubleFunction<Epoch> test, Palette pal) {
    int last = history.get(history.size() - 1).epoch();
    int first = history.get(0).epoch();
    c.strokeRect(x, y, w, h, pal.muted(), 0.8);
    for (double t : Axes.nice(lo, hi, 5)) {
      double py = y + h - (t - lo) / (hi - lo) * h;
      c.line(x, py, x + w, py, Palette.alpha(pal.muted(), 0.25), 0.6);
      c.line(x - 4, py, x, py, pal.muted(), 0.7);
      c.text(x - 6, py + 3, Axes.label(t), 9, Canvas.Anchor.END, pal.muted(), false);
    }
    for (double t : Axes.nice(first, last, 5)) {
      double px = x + (t - first) / Math.max(1, last - first) * w;
      c.line(px, y + h, px, y + h + 4, pal.muted(), 0.7);
      c.text(px, y + h + 14, Axes.label(t), 9, Canvas.Anchor.MIDDLE, pal.muted(), false);
    }
    c.text(x + w / 2, y + h + 30, "epoch", 10, Canvas.Anchor.MIDDLE, pal.muted(), false);
    c.text(x + w / 2, y - 8, name, 12, Canvas.Anchor.MIDDLE, pal.ink(), true);
    c.clip(x, y - 2, w, h + 4);
    series(c, x, y, w, h, lo, hi, first, last, train, pal.ink(), false);
    series(c, x, y, w, h, lo, hi, first, last, test, pal.muted(), true);
    c.unclip();
  }

  private void series(Canvas c, double x, double y, double w, double h, double lo, double hi, int first, int last,
      ToDoubleFunction<Epoch> f, int col, boolean dashed) {
    int n = history.size();
    int step = Math.max(1, n / 600); // at most ~600 vertices per curve
    double[] xs = new double[n / step + 2];
    double[] ys = new double[xs.length];
    int m = 0;
    for (int i = 0; i < n; i += step) {
      m = add(xs, ys, m, history.get(i), f, x, y, w, h, lo, hi, first, last);
    }
    if ((n - 1) % step != 0) {
      m = add(xs, ys, m, history.get(n - 1), f, x, y, w, h, lo, hi, first, last);
    }
    c.polyline(xs, ys, m, col, 1.6, dashed);
  }

  private static int add(double[] xs, double[] ys, int m, Epoch e, ToDoubleFunction<Epoch> f, double x, double y, double w,
      double h, double lo, double hi, int first, int last) {
    double v = f.applyAsDouble(e);
    if (!Double.isFinite(v)) {
      return m;
    }
    xs[m] = x + (e.epoch() - first) / (double) Math.max(1, last - first) * w;
    ys[m] = y + h - (v - lo) / (hi - lo) * h;
    return m + 1;
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }
}
