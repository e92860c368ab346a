package dev.knead.render.figure;

import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Cut;
import dev.knead.render.view.Scene;
import dev.knead.render.view.Viewport;
import java.util.Arrays;

/**
 * Paints one panel of the rubber sheet: decision regions behind (the region samples carried
 * into this stage's coordinates — as cells of the input lattice when the input is 2-D), the
 * deformed grid, an optional decision line or plane, and the points coloured by class; 3-D
 * scenes with a turning camera, a box for orientation, far points faded and drawn first.
 * Every stage figure, the small multiples and every animation frame go through here.
 */
public final class Sheet {
  private Sheet() {}

  /** A panel's inputs besides the scene. */
  public record Content(int[] labels, int[] fieldClasses, double[] fieldMargin, int fieldSide, Cut cut, String caption) {}

  /**
   * Where a panel puts things: the plot rectangle, the view mapping, the camera used and the
   * scene's centre and radius (the camera turns about the centre).
   */
  public record Layout(double px, double py, double pw, double ph, Viewport viewport, Camera camera, double[] centre,
      double radius, double[] lo, double[] hi) {
    /** @return pixel x, y of a point given in the scene's coordinates */
    public double[] toPixel(double x, double y, double z) {
      double[] out = new double[3];
      camera.project(new double[] {x, y, z}, 1, centre, radius, out);
      return new double[] {viewport.px(out[0]), viewport.py(out[1])};
    }
  }

  /** @return the layout {@link #draw} uses for these arguments */
  public static Layout layout(double x, double y, double w, double h, Scene s, Camera cam, SheetStyle st) {
    double top = st.captionSize() > 0 ? st.captionSize() * 1.6 : 0;
    double axis = st.axes() ? 30 : 0;
    double px = x + axis;
    double py = y + top;
    double pw = w - axis;
    double ph = h - top - (st.axes() ? 18 : 0);
    Camera camera = s.flat() ? Camera.FLAT : cam;
    double tilt = camera.tilt();

    // centre and radius of the points and the grid, in the scene's own coordinates
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    extend(s.points(), lo, hi);
    for (double[] line : s.grid()) {
      extend(line, lo, hi);
    }
    if (lo[0] > hi[0]) {
      Arrays.fill(lo, -1);
      Arrays.fill(hi, 1);
    }
    double[] centre = {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2};
    double hx = Math.max((hi[0] - lo[0]) / 2, 1e-9);
    double hy = Math.max((hi[1] - lo[1]) / 2, 1e-9);
    double radius = Math.max(1e-9, Math.sqrt(hx * hx + hy * hy + sq((hi[2] - lo[2]) / 2)));
    double bx = (1 - tilt) * hx + tilt * radius;
    double by = (1 - tilt) * hy + tilt * radius;
    if (bx < 0.02 * by) {
      bx = 0.02 * by; // a collapsed stage still gets a visible box
    }
    if (by < 0.02 * bx) {
      by = 0.02 * bx;
    }
    double pad = 1.06;
    Viewport v = new Viewport(-bx * pad, bx * pad, -by * pad, by * pad, px + 4, py + 4, pw - 8, ph - 8);
    return new Layout(px, py, pw, ph, v, camera, centre, radius, lo, hi);
  }

  /** Draws the scene in the rectangle (x, y, w, h). */
  public static void draw(Canvas c, double x, double y, double w, double h, Scene s, Camera cam, Content k, SheetStyle st) {
    Palette pal = st.palette();
    Layout layout = layout(x, y, w, h, s, cam, st);
    double px = layout.px();
    double py = layout.py();
    double pw = layout.pw();
    double ph = layout.ph();
    Camera camera = layout.camera();
    double tilt = camera.tilt();
    double[] lo = layout.lo();
    double[] hi = layout.hi();
    double[] centre = layout.centre();
    double radius = layout.radius();
    Viewport v = layout.viewport();

    c.clip(px, py, pw, ph);
    int n = s.n();
    if (st.regions() && k.fieldClasses() != null && k.fieldClasses().length * 3 == s.field().length) {
      double[] f = new double[s.field().length];
      camera.project(s.field(), f.length / 3, centre, radius, f);
      Regions.draw(c, v, f, k.fieldClasses(), k.fieldMargin(), k.fieldSide(), pal, 1 - 0.62 * tilt, st.radius());
    }
    if (tilt > 0) {
      drawBox(c, v, camera, centre, radius, lo, hi, Palette.alpha(pal.muted(), 0.55 * tilt));
    }
    if (st.sheet()) {
      int col = s.flat() ? Palette.alpha(pal.sheet(), 0.75) : Palette.alpha(pal.sheet(), 0.55);
      double lw = s.grid().size() > 60 ? 0.5 : 0.75;
      int total = 0;
      for (double[] line : s.grid()) {
        total += line.length / 3;
      }
      double[] xs = new double[total];
      double[] ys = new double[total];
      int[] ends = new int[s.grid().size()];
      double[] pr = new double[3 * Math.max(1, total)];
      int at = 0;
      int l = 0;
      for (double[] line : s.grid()) {
        int m = line.length / 3;
        camera.project(line, m, centre, radius, pr);
        for (int i = 0; i < m; i++) {
          xs[at + i] = v.px(pr[i * 3]);
          ys[at + i] = v.py(pr[i * 3 + 1]);
        }
        at += m;
        ends[l++] = at;
      }
      c.polylines(xs, ys, ends, ends.length, col, lw);
    }
    double[] p = new double[n * 3];
    camera.project(s.points(), n, centre, radius, p);
    Cut cut = s.projected() ? null : k.cut();
    if (cut != null && s.flat()) {
      CutPainter.line(c, v, cut, pal.ink());
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (tilt > 0) {
      Arrays.sort(order, (a, b) -> Double.compare(p[a * 3 + 2], p[b * 3 + 2]));
    }
    boolean[] front = new boolean[n];
    if (cut != null && !s.flat()) {
      double eyeSide = CutPainter.eyeSide(camera, cut);
      for (int i = 0; i < n; i++) {
        double sd = cut.side(s.points()[i * 3], s.points()[i * 3 + 1], s.points()[i * 3 + 2]);
        front[i] = sd * eyeSide > 0;
      }
      drawPoints(c, v, p, order, k.labels(), front, false, radius, tilt, st, pal);
      CutPainter.plane(c, v, camera, centre, radius, lo, hi, cut, pal.ink());
      drawPoints(c, v, p, order, k.labels(), front, true, radius, tilt, st, pal);
    } else {
      Arrays.fill(front, true);
      drawPoints(c, v, p, order, k.labels(), front, true, radius, tilt, st, pal);
    }
    c.unclip();
    c.strokeRect(px, py, pw, ph, Palette.alpha(pal.muted(), 0.6), 0.6);
    if (st.axes() && s.flat()) {
      Axes.ticks(c, v, px, py, pw, ph, pal, s.projected() ? "PC" : "x");
    }
    if (st.captionSize() > 0 && k.caption() != null) {
      c.text(px + 2, y + st.captionSize() * 1.15, k.caption(), st.captionSize(), Canvas.Anchor.START, pal.ink(), false);
    }
  }

  /** Draws the scene's bounding box as the 3-D views do (nothing for a flat camera). */
  public static void box(Canvas c, Layout l, int argb) {
    if (l.camera().tilt() > 0) {
      drawBox(c, l.viewport(), l.camera(), l.centre(), l.radius(), l.lo(), l.hi(), Palette.alpha(argb, 0.55 * l.camera().tilt()));
    }
  }

  private static void drawPoints(Canvas c, Viewport v, double[] p, Integer[] order, int[] labels, boolean[] front,
      boolean want, double radius, double tilt, SheetStyle st, Palette pal) {
    for (Integer idx : order) {
      int i = idx;
      if (front[i] != want) {
        continue;
      }
      int col = pal.classColor(labels[i]);
      double r = st.radius();
      if (tilt > 0) {
        double dn = Math.max(-1, Math.min(1, p[i * 3 + 2] / radius)); // −1 far … 1 near
        dn = Math.round(dn * 6) / 6.0; // a few depth levels, so dot sprites are shared
        col = Palette.mix(col, pal.background(), tilt * 0.5 * (1 - dn) / 2);
        r *= 1 + tilt * 0.2 * dn;
      }
      c.dot(v.px(p[i * 3]), v.py(p[i * 3 + 1]), r, col, Palette.alpha(Palette.mix(col, pal.ink(), 0.45), 0.9));
    }
  }

  private static void drawBox(Canvas c, Viewport v, Camera cam, double[] centre, double radius, double[] lo, double[] hi,
      int col) {
    double[] corners = new double[24];
    for (int k = 0; k < 8; k++) {
      corners[k * 3] = (k & 1) == 0 ? lo[0] : hi[0];
      corners[k * 3 + 1] = (k & 2) == 0 ? lo[1] : hi[1];
      corners[k * 3 + 2] = (k & 4) == 0 ? lo[2] : hi[2];
    }
    double[] pr = new double[24];
    cam.project(corners, 8, centre, radius, pr);
    for (int a = 0; a < 8; a++) {
      for (int bit = 1; bit < 8; bit <<= 1) {
        int b = a | bit;
        if (b != a) {
          c.line(v.px(pr[a * 3]), v.py(pr[a * 3 + 1]), v.px(pr[b * 3]), v.py(pr[b * 3 + 1]), col, 0.6);
        }
      }
    }
  }

  private static void extend(double[] p, double[] lo, double[] hi) {
    for (int i = 0; i < p.length; i += 3) {
      for (int k = 0; k < 3; k++) {
        double q = p[i + k];
        if (Double.isFinite(q)) {
          lo[k] = Math.min(lo[k], q);
          hi[k] = Math.max(hi[k], q);
        }
      }
    }
  }

  private static double sq(double a) {
    return a * a;
  }
}
