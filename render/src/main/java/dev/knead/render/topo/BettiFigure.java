package dev.knead.render.topo;

import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;

/**
 * Betti numbers of every class across the stages of a network: one panel per dimension (β₀
 * components, β₁ holes, …), one line per class in its colour. Naitzat et al. (2020) watch these
 * fall towards β₀ = 1, β₁ = 0 as a well-trained network untangles the classes.
 *
 * @see BettiTable
 */
public final class BettiFigure implements Figure {
  private final BettiTable table;
  private final FigureOptions options;

  public BettiFigure(BettiTable table, FigureOptions options) {
    this.table = table;
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    c.text(w / 2, 24, options.title().orElse(table.title() + " · Betti numbers across the stages"), 15, Canvas.Anchor.MIDDLE,
        pal.ink(), true);
    int dims = table.maxDim() + 1;
    double left = 50;
    double right = w - 20;
    double top = 46;
    double labels = 30;
    double legend = 24;
    double ph = (h - top - labels - legend - (dims - 1) * 16) / dims;
    int stages = table.stageNames().size();
    for (int d = 0; d < dims; d++) {
      double y = top + d * (ph + 16);
      int max = 1;
      for (int s = 0; s < stages; s++) {
        for (int k = 0; k < table.classNames().size(); k++) {
          max = Math.max(max, table.betti(s, k, d));
        }
      }
      c.strokeRect(left, y, right - left, ph, Palette.alpha(pal.muted(), 0.7), 0.7);
      c.text(left - 8, y + ph / 2 + 4, "β" + sub(d), 13, Canvas.Anchor.END, pal.ink(), true);
      for (int t = 0; t <= max; t += Math.max(1, max / 4)) {
        double yy = y + ph - t / (double) max * (ph - 8) - 4;
        c.line(left, yy, right, yy, Palette.alpha(pal.muted(), 0.2), 0.6);
        c.text(left + 4, yy - 2, Integer.toString(t), 8, Canvas.Anchor.START, pal.muted(), false);
      }
      for (int k = 0; k < table.classNames().size(); k++) {
        double[] xs = new double[stages];
        double[] ys = new double[stages];
        double off = (k - (table.classNames().size() - 1) / 2.0) * 2.5; // lines of equal value stay visible
        for (int s = 0; s < stages; s++) {
          xs[s] = x(s, stages, left, right);
          ys[s] = y + ph - table.betti(s, k, d) / (double) max * (ph - 8) - 4 + off;
        }
        int col = pal.classColor(k);
        c.polyline(xs, ys, stages, col, 1.6, false);
        for (int s = 0; s < stages; s++) {
          c.dot(xs[s], ys[s], 3, col, Palette.alpha(Palette.mix(col, pal.ink(), 0.45), 0.9));
        }
      }
    }
    double base = top + dims * ph + (dims - 1) * 16 + 12;
    for (int s = 0; s < stages; s++) {
      String name = table.stageNames().get(s);
      c.text(x(s, stages, left, right), base, name.length() > 26 ? name.substring(0, 25) + "…" : name, 8.5,
          Canvas.Anchor.MIDDLE, pal.muted(), false);
    }
    double lx = w / 2 - 60 * table.classNames().size() / 2.0;
    for (int k = 0; k < table.classNames().size(); k++) {
      c.dot(lx, h - 12, 4, pal.classColor(k), 0);
      c.text(lx + 8, h - 8, table.classNames().get(k), 10, Canvas.Anchor.START, pal.ink(), false);
      lx += 60;
    }
  }

  private static double x(int s, int stages, double left, double right) {
    return left + 30 + (right - left - 60) * (stages == 1 ? 0.5 : s / (double) (stages - 1));
  }

  private static String sub(int d) {
    return String.valueOf((char) ('₀' + d));
  }
}
