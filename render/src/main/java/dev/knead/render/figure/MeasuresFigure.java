package dev.knead.render.figure;

import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import java.util.List;

/**
 * Per-layer measures as a chart: one line per measure over the stages (input, each layer's
 * output, logits). Left panel: shares in [0, 1] (k-NN accuracy, probe accuracy, silhouette,
 * within/between ratio); right panel: TwoNN intrinsic dimension. The values come from the
 * caller (app passes analysis' stage measures); render only draws them.
 *
 * @param stages the stages' names, in order
 * @param series the measures of the left panel, each with one value per stage
 * @param dimension the intrinsic dimension per stage (right panel)
 */
public record MeasuresFigure(String description, List<String> stages, List<Series> series, double[] dimension,
    FigureOptions options) implements Figure {

  /** One measure: its name and one value per stage. */
  public record Series(String name, double[] values) {
    public Series {
      values = values.clone();
    }
  }

  public MeasuresFigure {
    stages = List.copyOf(stages);
    series = List.copyOf(series);
    dimension = dimension.clone();
    for (Series s : series) {
      if (s.values().length != stages.size()) {
        throw new IllegalArgumentException(s.name() + ": " + s.values().length + " values for " + stages.size() + " stages");
      }
    }
    if (dimension.length != stages.size()) {
      throw new IllegalArgumentException("dimension: " + dimension.length + " values for " + stages.size() + " stages");
    }
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    c.text(w / 2, 24, options.title().orElse(description + " · per-layer measures"), 16, Canvas.Anchor.MIDDLE, pal.ink(),
        true);
    double top = 52;
    double bottom = 92;
    double left = 50;
    double gap = 60;
    double pw = (w - left - gap - 50) * 0.64;
    double qw = (w - left - gap - 50) - pw;
    double ph = h - top - bottom;
    double lo = 0; // a silhouette can be negative
    for (Series s : series) {
      for (double v : s.values()) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, Math.floor(v * 10) / 10);
        }
      }
    }
    panel(c, left, top, pw, ph, "class gathering and readability", lo, 1, series, pal);
    double hi = 1;
    for (double v : dimension) {
      if (Double.isFinite(v)) {
        hi = Math.max(hi, v * 1.1);
      }
    }
    panel(c, left + pw + gap, top, qw, ph, "intrinsic dimension (TwoNN)", 0, hi,
        List.of(new Series("TwoNN", dimension)), pal);
    // legend: the left panel's measures
    double lx = left;
    double ly = h - 14;
    for (int i = 0; i < series.size(); i++) {
      int col = pal.classColor(i);
      c.line(lx, ly - 4, lx + 22, ly - 4, col, 2);
      c.text(lx + 27, ly, series.get(i).name(), 11, Canvas.Anchor.START, pal.ink(), false);
      lx += 40 + 6.2 * series.get(i).name().length();
    }
  }

  private void panel(Canvas c, double x, double y, double w, double h, String name, double lo, double hi,
      List<Series> lines, Palette pal) {
    int k = stages.size();
    c.strokeRect(x, y, w, h, pal.muted(), 0.8);
    for (double t : Axes.nice(lo, hi, 5)) {
      double py = y + h - (t - lo) / (hi - lo) * h;
      c.line(x, py, x + w, py, Palette.alpha(pal.muted(), 0.25), 0.6);
      c.text(x - 6, py + 3, Axes.label(t), 9, Canvas.Anchor.END, pal.muted(), false);
    }
    for (int s = 0; s < k; s++) {
      double px = x + (k == 1 ? w / 2 : s * w / (k - 1));
      c.line(px, y + h, px, y + h + 4, pal.muted(), 0.7);
      String label = stages.get(s).split(" · ")[0];
      c.text(px, y + h + 15, label, 9, Canvas.Anchor.MIDDLE, pal.muted(), false);
    }
    c.text(x + w / 2, y - 10, name, 12, Canvas.Anchor.MIDDLE, pal.ink(), true);
    for (int i = 0; i < lines.size(); i++) {
      int col = lines.size() == 1 ? pal.ink() : pal.classColor(i);
      double[] v = lines.get(i).values();
      double[] xs = new double[k];
      double[] ys = new double[k];
      int m = 0;
      for (int s = 0; s < k; s++) {
        if (Double.isFinite(v[s])) {
          xs[m] = x + (k == 1 ? w / 2 : s * w / (k - 1));
          ys[m] = y + h - (v[s] - lo) / (hi - lo) * h;
          c.fillRect(xs[m] - 2.5, ys[m] - 2.5, 5, 5, col);
          m++;
        }
      }
      c.polyline(xs, ys, m, col, 1.8, false);
    }
  }
}
