package dev.knead.render.topo;

import dev.knead.core.data.Points;
import dev.knead.core.trace.Stage;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.figure.Axes;

/**
 * How much the network has stretched or squashed each bit of the input plane by a stage: every
 * cell of the region-sample lattice is coloured by log₁₀ of its area there over its area in the
 * input — the Jacobian determinant, measured from the trace by finite differences (the cell's
 * two edge vectors carried to the stage; their Gram determinant in wider stages). Purple
 * squashes, orange stretches (a colour-blind-safe diverging scale); in a 2-D stage a cell whose
 * orientation flipped is a fold and is marked black.
 */
public final class JacobianFigure implements Figure {
  /** Colours from squash (−) through white to stretch (+): PuOr, reversed. */
  private static final int[] SCALE = {0xff542788, 0xff8073ac, 0xffb2abd2, 0xffd8daeb, 0xfff7f7f7, 0xfffee0b6, 0xfffdb863,
      0xffe08214, 0xffb35806};
  /** The colour scale ends at 10^±4; larger changes take the end colours. */
  static final double MAX_DECADES = 4;
  private final Subject subject;
  private final int stage;
  private final FigureOptions options;

  public JacobianFigure(Subject subject, int stage, FigureOptions options) {
    if (subject.fieldSide() == 0) {
      throw new IllegalArgumentException("the Jacobian map needs a 2-D input");
    }
    if (stage < 1 || stage >= subject.trace().size()) {
      throw new IllegalArgumentException("stage " + stage + " is outside 1 … " + (subject.trace().size() - 1));
    }
    this.subject = subject;
    this.stage = stage;
    this.options = options;
  }

  /**
   * @return log₁₀ area factor per cell ((side − 1)² cells, x fastest); a fold is NaN
   */
  public static double[] logAreaFactors(Points input, Points there, int side) {
    int cells = side - 1;
    double[] out = new double[cells * cells];
    int d = there.d();
    for (int j = 0; j < cells; j++) {
      for (int i = 0; i < cells; i++) {
        int a = j * side + i;
        double a0 = area(input, a, a + 1, a + side, 2, null);
        double[] sign = {1};
        double a1 = area(there, a, a + 1, a + side, d, sign);
        out[j * cells + i] = sign[0] < 0 ? Double.NaN : Math.log10(Math.max(a1, 1e-300) / a0);
      }
    }
    return out;
  }

  /** Area of the parallelogram on p[b] − p[a], p[c] − p[a]: √(Gram determinant); the sign of the 2-D cross product. */
  private static double area(Points p, int a, int b, int c, int d, double[] sign) {
    double uu = 0;
    double vv = 0;
    double uv = 0;
    for (int k = 0; k < d; k++) {
      double u = p.get(b, k) - p.get(a, k);
      double v = p.get(c, k) - p.get(a, k);
      uu += u * u;
      vv += v * v;
      uv += u * v;
    }
    if (sign != null && d == 2) {
      double cross = (p.get(b, 0) - p.get(a, 0)) * (p.get(c, 1) - p.get(a, 1))
          - (p.get(b, 1) - p.get(a, 1)) * (p.get(c, 0) - p.get(a, 0));
      sign[0] = Math.signum(cross);
    }
    return Math.sqrt(Math.max(0, uu * vv - uv * uv));
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Stage in = subject.trace().stage(0);
    Stage st = subject.trace().stage(stage);
    int side = subject.fieldSide();
    double[] f = logAreaFactors(in.field(), st.field(), side);
    double range = 0;
    for (double v : f) {
      if (Double.isFinite(v)) {
        range = Math.max(range, Math.abs(v));
      }
    }
    range = Math.min(MAX_DECADES, Math.max(0.5, Math.ceil(range * 2) / 2)); // beyond saturates
    c.text(w / 2, 24, options.title().orElse(subject.description() + " · area change by stage " + stage), 15,
        Canvas.Anchor.MIDDLE, pal.ink(), true);
    c.text(w / 2, 41, st.name(), 11, Canvas.Anchor.MIDDLE, pal.muted(), false);
    double legendW = 60;
    double size = Math.min(w - legendW - 60, h - 80);
    double x0 = 40;
    double y0 = 52;
    double[] lo = subject.trace().domain().lo();
    double[] hi = subject.trace().domain().hi();
    double sx = size / (hi[0] - lo[0]);
    double sy = size / (hi[1] - lo[1]);
    double s = Math.min(sx, sy);
    int cells = side - 1;
    float[] quad = new float[8];
    for (int j = 0; j < cells; j++) {
      for (int i = 0; i < cells; i++) {
        int a = j * side + i;
        double px0 = x0 + (in.field().get(a, 0) - lo[0]) * s;
        double py0 = y0 + (hi[1] - in.field().get(a, 1)) * s;
        double px1 = x0 + (in.field().get(a + side + 1, 0) - lo[0]) * s;
        double py1 = y0 + (hi[1] - in.field().get(a + side + 1, 1)) * s;
        double v = f[j * cells + i];
        int col = Double.isNaN(v) ? pal.ink() : colour(v / range);
        quad[0] = (float) px0;
        quad[1] = (float) py0;
        quad[2] = (float) px1;
        quad[3] = (float) py0;
        quad[4] = (float) px1;
        quad[5] = (float) py1;
        quad[6] = (float) px0;
        quad[7] = (float) py1;
        c.fillQuads(quad, 1, col);
      }
    }
    Points p = in.points();
    int[] labels = subject.trace().labels();
    for (int i = 0; i < p.n(); i++) {
      int col = pal.classColor(labels[i]);
      c.dot(x0 + (p.get(i, 0) - lo[0]) * s, y0 + (hi[1] - p.get(i, 1)) * s, 1.6, col, Palette.alpha(pal.background(), 0.9));
    }
    double gx = x0 + (hi[0] - lo[0]) * s + 24;
    double gh = (hi[1] - lo[1]) * s;
    int steps = 60;
    for (int k = 0; k < steps; k++) {
      double t = 1 - 2.0 * k / (steps - 1);
      c.fillRect(gx, y0 + gh * k / steps, 14, gh / steps + 0.5, colour(t));
    }
    c.strokeRect(gx, y0, 14, gh, pal.muted(), 0.6);
    for (double t : Axes.nice(-range, range, 4)) {
      double yy = y0 + gh * (1 - (t + range) / (2 * range));
      c.text(gx + 18, yy + 3, "10^" + Axes.label(t), 9, Canvas.Anchor.START, pal.muted(), false);
    }
    c.text(gx, y0 + gh + 16, "area ×", 10, Canvas.Anchor.START, pal.muted(), false);
    c.text(x0, y0 + gh + 16, "purple squashes · orange stretches · black folds", 10, Canvas.Anchor.START, pal.muted(), false);
  }

  /** @param t −1 … 1 */
  static int colour(double t) {
    double u = (Math.max(-1, Math.min(1, t)) + 1) / 2 * (SCALE.length - 1);
    int i = Math.min(SCALE.length - 2, (int) Math.floor(u));
    return Palette.mix(SCALE[i], SCALE[i + 1], u - i);
  }
}
