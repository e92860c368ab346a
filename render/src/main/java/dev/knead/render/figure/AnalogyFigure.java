package dev.knead.render.figure;

import dev.knead.core.data.words.AnalogyPlane;
import dev.knead.render.Figure;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import java.util.Locale;

/**
 * The parallelogram of word arithmetic {@code a − b + c}: b, a, c and the query drawn exactly in
 * their plane (the plane through b̂ spanned by â − b̂ and ĉ − b̂), the answers by their
 * orthogonal projection onto it, each labelled with its distance from the plane.
 */
public final class AnalogyFigure implements Figure {
  private final AnalogyPlane plane;
  private final String title;
  private final Palette pal;

  /** @param plane b, a, c, then the answers best first */
  public AnalogyFigure(AnalogyPlane plane, String title, Palette pal) {
    this.plane = plane;
    this.title = title;
    this.pal = pal;
  }

  @Override
  public void draw(Canvas c, double width, double height) {
    c.fillRect(0, 0, width, height, pal.background());
    double fs = Math.max(11, Math.min(width, height) / 48);
    c.text(width / 2, fs * 1.8, title, fs * 1.25, Canvas.Anchor.MIDDLE, pal.ink(), true);
    double[] x = plane.x();
    double[] y = plane.y();
    double[] q = plane.query();
    double lox = Math.min(0, q[0]);
    double hix = Math.max(0, q[0]);
    double loy = Math.min(0, q[1]);
    double hiy = Math.max(0, q[1]);
    for (int i = 0; i < x.length; i++) {
      lox = Math.min(lox, x[i]);
      hix = Math.max(hix, x[i]);
      loy = Math.min(loy, y[i]);
      hiy = Math.max(hiy, y[i]);
    }
    double top = fs * 5.5;
    double bottom = height - fs * 4.2;
    double left = fs * 4;
    double right = width - fs * 8;
    // one scale on both axes: lengths and angles in the plane are true
    double s = Math.min((right - left) / Math.max(1e-9, hix - lox), (bottom - top) / Math.max(1e-9, hiy - loy));
    double ox = (left + right) / 2 - s * (lox + hix) / 2;
    double oy = (top + bottom) / 2 + s * (loy + hiy) / 2;
    double[] px = new double[x.length];
    double[] py = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      px[i] = ox + s * x[i];
      py[i] = oy - s * y[i];
    }
    double qx = ox + s * q[0];
    double qy = oy - s * q[1];
    int relation = pal.classColor(1);
    int shift = pal.classColor(0);
    // b → a and c → query: the same offset twice; b → c and a → query: the other pair of sides
    c.line(px[0], py[0], px[1], py[1], relation, 2.4);
    c.line(px[2], py[2], qx, qy, relation, 2.4);
    c.polyline(new double[] {px[0], px[2]}, new double[] {py[0], py[2]}, 2, shift, 1.6, true);
    c.polyline(new double[] {px[1], qx}, new double[] {py[1], qy}, 2, shift, 1.6, true);
    java.util.List<double[]> placed = new java.util.ArrayList<>(); // label boxes so far: x0, y, x1
    for (int i = 3; i < x.length; i++) {
      String label = plane.words().get(i) + String.format(Locale.ROOT, " (%.2f off)", plane.offPlane()[i]);
      double lx = px[i] + fs * 0.7;
      double ly = py[i] + fs * 0.35;
      double lw = label.length() * fs * 0.6;
      boolean moved = true;
      while (moved) {
        moved = false;
        for (double[] b : placed) {
          if (Math.abs(b[1] - ly) < fs * 1.1 && lx < b[2] && b[0] < lx + lw) {
            ly = b[1] + fs * 1.2;
            moved = true;
          }
        }
      }
      placed.add(new double[] {lx, ly, lx + lw});
      if (ly != py[i] + fs * 0.35) {
        c.line(px[i], py[i], lx - fs * 0.15, ly - fs * 0.35, pal.muted(), 0.6); // a label moved off its point
      }
      int col = i == 3 ? pal.classColor(2) : pal.muted();
      if (i == 3) {
        c.polyline(new double[] {qx, px[i]}, new double[] {qy, py[i]}, 2, pal.muted(), 1, true);
      }
      c.dot(px[i], py[i], i == 3 ? fs * 0.45 : fs * 0.3, col, pal.ink());
      c.text(lx, ly, label, fs * (i == 3 ? 1 : 0.85),
          Canvas.Anchor.START, i == 3 ? pal.ink() : pal.muted(), i == 3);
    }
    for (int i = 0; i < 3; i++) {
      c.dot(px[i], py[i], fs * 0.45, pal.ink(), pal.ink());
      c.text(px[i] + fs * 0.7, py[i] + fs * 0.35, plane.words().get(i), fs, Canvas.Anchor.START, pal.ink(), true);
    }
    c.dot(qx, qy, fs * 0.45, pal.background(), pal.ink());
    String qLabel = plane.words().get(1) + " − " + plane.words().get(0) + " + " + plane.words().get(2);
    c.text(qx, qy - fs * 0.9, qLabel, fs, qx > width / 2 ? Canvas.Anchor.END : Canvas.Anchor.START, pal.ink(), false);
    c.text(width / 2, height - fs * 2.3, "the plane through " + plane.words().get(0) + " spanned by "
        + plane.words().get(1) + " − " + plane.words().get(0) + " and " + plane.words().get(2) + " − "
        + plane.words().get(0) + " (unit vectors, one scale on both axes)", fs * 0.85, Canvas.Anchor.MIDDLE, pal.muted(), false);
    c.text(width / 2, height - fs * 0.9, "answers are projected onto it; their distance from the plane is in brackets",
        fs * 0.85, Canvas.Anchor.MIDDLE, pal.muted(), false);
  }
}
