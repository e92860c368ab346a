package dev.knead.render.figure;

import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Cut;
import dev.knead.render.view.Viewport;
import java.util.ArrayList;
import java.util.List;

/** Draws a decision boundary: a dashed line across a flat view, or a translucent plane clipped to the scene's box. */
final class CutPainter {
  private CutPainter() {}

  /** The line n₀x + n₁y + c = 0 across the visible rectangle. */
  static void line(Canvas c, Viewport v, Cut cut, int ink) {
    double[] n = cut.normal();
    double a = n[0];
    double b = n[1];
    double off = cut.offset();
    List<double[]> hits = new ArrayList<>();
    if (Math.abs(b) > 1e-12) {
      for (double x : new double[] {v.xMin, v.xMax}) {
        double y = -(a * x + off) / b;
        if (y >= v.yMin - 1e-9 && y <= v.yMax + 1e-9) {
          hits.add(new double[] {x, y});
        }
      }
    }
    if (Math.abs(a) > 1e-12) {
      for (double y : new double[] {v.yMin, v.yMax}) {
        double x = -(b * y + off) / a;
        if (x >= v.xMin - 1e-9 && x <= v.xMax + 1e-9) {
          hits.add(new double[] {x, y});
        }
      }
    }
    if (hits.size() >= 2) {
      double[] p = hits.get(0);
      double[] q = hits.get(hits.size() - 1);
      c.polyline(new double[] {v.px(p[0]), v.px(q[0])}, new double[] {v.py(p[1]), v.py(q[1])}, 2, Palette.alpha(ink, 0.85), 1.4,
          true);
    }
  }

  /** @return the sign of the cut on the eye's side (orthographic: along the view direction) */
  static double eyeSide(Camera cam, Cut cut) {
    double yw = cam.yaw() * cam.tilt();
    double a = cam.elevation() * cam.tilt();
    // the eye looks along −depth; depth axis in scene coordinates:
    double[] d = {-Math.sin(a) * Math.sin(yw), -Math.sin(a) * Math.cos(yw), Math.cos(a)};
    double[] n = cut.normal();
    return Math.signum(n[0] * d[0] + n[1] * d[1] + n[2] * d[2]);
  }

  /** The plane clipped to the box [lo, hi]: the convex polygon where it meets the box's edges. */
  static void plane(Canvas c, Viewport v, Camera cam, double[] centre, double radius, double[] lo, double[] hi, Cut cut,
      int ink) {
    List<double[]> pts = new ArrayList<>();
    for (int axis = 0; axis < 3; axis++) {
      int u = (axis + 1) % 3;
      int w = (axis + 2) % 3;
      for (int cu = 0; cu < 2; cu++) {
        for (int cw = 0; cw < 2; cw++) {
          double[] p = new double[3];
          p[u] = cu == 0 ? lo[u] : hi[u];
          p[w] = cw == 0 ? lo[w] : hi[w];
          p[axis] = lo[axis];
          double s0 = cut.side(p[0], p[1], p[2]);
          p[axis] = hi[axis];
          double s1 = cut.side(p[0], p[1], p[2]);
          if (s0 * s1 <= 0 && s0 != s1) {
            double t = s0 / (s0 - s1);
            p[axis] = lo[axis] + t * (hi[axis] - lo[axis]);
            pts.add(p);
          }
        }
      }
    }
    if (pts.size() < 3) {
      return;
    }
    int m = pts.size();
    double[] flat = new double[m * 3];
    for (int i = 0; i < m; i++) {
      System.arraycopy(pts.get(i), 0, flat, i * 3, 3);
    }
    double[] pr = new double[m * 3];
    cam.project(flat, m, centre, radius, pr);
    double mx = 0;
    double my = 0;
    for (int i = 0; i < m; i++) {
      mx += pr[i * 3] / m;
      my += pr[i * 3 + 1] / m;
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    final double cx = mx;
    final double cy = my;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.atan2(pr[a * 3 + 1] - cy, pr[a * 3] - cx),
        Math.atan2(pr[b * 3 + 1] - cy, pr[b * 3] - cx)));
    double[] xs = new double[m + 1];
    double[] ys = new double[m + 1];
    for (int i = 0; i < m; i++) {
      xs[i] = v.px(pr[order[i] * 3]);
      ys[i] = v.py(pr[order[i] * 3 + 1]);
    }
    xs[m] = xs[0];
    ys[m] = ys[0];
    c.fillPolygon(xs, ys, m, Palette.alpha(ink, 0.16));
    c.polyline(xs, ys, m + 1, Palette.alpha(ink, 0.7), 1.1, false);
  }
}
