package dev.knead.render.figure;

import dev.knead.core.net.Network;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Scene;

/**
 * Draws {@link BlockMarks} over a panel {@link Sheet} drew: a k-NN block's prototypes as
 * diamonds in their class's colour, each with a dashed ring at the distance √τ where its weight
 * falls by e (flat stages only: a ring seen at an angle would mislead).
 */
public final class BlockPainter {
  private BlockPainter() {}

  /** Overlays the marks of the stage (index) drawn in this layout, if it has any. */
  public static void overlay(Canvas c, Sheet.Layout lay, Scene scene, Network net, int stage, int dim, double size, Palette pal) {
    if (dim > 3 || scene.projected()) {
      return;
    }
    BlockMarks.prototypesAt(net, stage).filter(p -> p.dim() == dim).ifPresent(p -> prototypes(c, lay, scene, p, size, pal));
  }

  static void prototypes(Canvas c, Sheet.Layout lay, Scene scene, BlockMarks.PrototypeMarks p, double size, Palette pal) {
    double[] pts = p.points();
    int[] cls = p.classes();
    int d = p.dim();
    c.clip(lay.px(), lay.py(), lay.pw(), lay.ph());
    for (int j = 0; j < p.m(); j++) {
      double x = pts[j * d];
      double y = d > 1 ? pts[j * d + 1] : 0;
      double z = d > 2 ? pts[j * d + 2] : 0;
      double[] at = lay.toPixel(x, y, z);
      int col = pal.classColor(cls[j]);
      if (scene.flat()) {
        double[] rim = lay.toPixel(x + p.reach(), y, z);
        double r = Math.hypot(rim[0] - at[0], rim[1] - at[1]);
        int seg = 32;
        double[] xs = new double[seg + 1];
        double[] ys = new double[seg + 1];
        for (int k = 0; k <= seg; k++) {
          xs[k] = at[0] + r * Math.cos(2 * Math.PI * k / seg);
          ys[k] = at[1] + r * Math.sin(2 * Math.PI * k / seg);
        }
        c.polyline(xs, ys, seg + 1, Palette.alpha(col, 0.55), 0.7, true);
      }
      double[] dx = {at[0], at[0] + size, at[0], at[0] - size};
      double[] dy = {at[1] - size, at[1], at[1] + size, at[1]};
      c.fillPolygon(dx, dy, 4, col);
      double[] ox = {dx[0], dx[1], dx[2], dx[3], dx[0]};
      double[] oy = {dy[0], dy[1], dy[2], dy[3], dy[0]};
      c.polyline(ox, oy, 5, pal.ink(), 1.1, false);
    }
    c.unclip();
  }
}
