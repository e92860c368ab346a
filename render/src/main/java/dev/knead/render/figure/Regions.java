package dev.knead.render.figure;

import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Viewport;

/**
 * Paints decision regions from the region samples. When the samples are a side × side lattice
 * over a 2-D input (x fastest), neighbouring samples span cells that are drawn as deformed
 * quadrilaterals — the regions move with the sheet; a cell whose corners disagree is split into
 * four quarters, one per corner (two classes: cut where the interpolated margin p₀ − p₁ is zero,
 * as in marching squares, so boundaries are smooth). Otherwise each
 * sample is a soft dot.
 */
final class Regions {
  private Regions() {}

  /**
   * @param f projected samples, count × 3 view coordinates
   * @param classes predicted class of each sample
   * @param margin for two classes, p₀ − p₁ of each sample (boundaries are then interpolated
   *     linearly inside a cell, as in marching squares); null otherwise
   * @param side lattice side, 0 if the samples are not a 2-D lattice
   * @param alpha opacity of the region colour
   */
  static void draw(Canvas c, Viewport v, double[] f, int[] classes, double[] margin, int side, Palette pal, double alpha,
      double radius) {
    int count = classes.length;
    int k = 0;
    for (int y : classes) {
      k = Math.max(k, y + 1);
    }
    if (side > 1 && side * side == count) {
      float[][] quads = new float[k][];
      int[] used = new int[k];
      for (int cl = 0; cl < k; cl++) {
        quads[cl] = new float[64];
      }
      float[] px = new float[count];
      float[] py = new float[count];
      for (int i = 0; i < count; i++) {
        px[i] = (float) v.px(f[i * 3]);
        py[i] = (float) v.py(f[i * 3 + 1]);
      }
      int[] corner = new int[4];
      for (int j = 0; j + 1 < side; j++) {
        for (int i = 0; i + 1 < side; i++) {
          corner[0] = j * side + i;
          corner[1] = corner[0] + 1;
          corner[2] = corner[0] + side + 1;
          corner[3] = corner[0] + side;
          int cl = classes[corner[0]];
          if (cl == classes[corner[1]] && cl == classes[corner[2]] && cl == classes[corner[3]]) {
            add(quads, used, cl, px[corner[0]], py[corner[0]], px[corner[1]], py[corner[1]], px[corner[2]], py[corner[2]],
                px[corner[3]], py[corner[3]]);
            continue;
          }
          if (margin != null && k <= 2) {
            split(quads, used, corner, classes, margin, px, py);
            continue;
          }
          float mx = (px[corner[0]] + px[corner[1]] + px[corner[2]] + px[corner[3]]) / 4;
          float my = (py[corner[0]] + py[corner[1]] + py[corner[2]] + py[corner[3]]) / 4;
          for (int q = 0; q < 4; q++) {
            int a = corner[q];
            int next = corner[(q + 1) & 3];
            int prev = corner[(q + 3) & 3];
            add(quads, used, classes[a], px[a], py[a], (px[a] + px[next]) / 2, (py[a] + py[next]) / 2, mx, my,
                (px[a] + px[prev]) / 2, (py[a] + py[prev]) / 2);
          }
        }
      }
      for (int cl = 0; cl < k; cl++) {
        c.fillQuads(quads[cl], used[cl] / 8, Palette.alpha(pal.tint(cl, 0.72), alpha));
      }
      return;
    }
    double r = Math.max(1, radius * 0.9);
    for (int i = 0; i < count; i++) {
      c.dot(v.px(f[i * 3]), v.py(f[i * 3 + 1]), r, Palette.alpha(pal.tint(classes[i], 0.6), 0.45 * alpha + 0.1), 0);
    }
  }

  /**
   * A two-class cell: walks its corners, cutting each edge whose ends disagree where the
   * interpolated margin is zero, and fills the two polygons (up to six vertices, as fans of
   * quads; a repeated vertex makes a triangle).
   */
  private static void split(float[][] quads, int[] used, int[] corner, int[] classes, double[] margin, float[] px, float[] py) {
    float[][] xs = new float[2][6];
    float[][] ys = new float[2][6];
    int[] n = new int[2];
    for (int q = 0; q < 4; q++) {
      int a = corner[q];
      int b = corner[(q + 1) & 3];
      int ca = classes[a];
      xs[ca][n[ca]] = px[a];
      ys[ca][n[ca]++] = py[a];
      if (classes[b] != ca) {
        double den = margin[a] - margin[b];
        float t = (float) (den == 0 ? 0.5 : Math.max(0, Math.min(1, margin[a] / den)));
        float x = px[a] + t * (px[b] - px[a]);
        float y = py[a] + t * (py[b] - py[a]);
        for (int cl = 0; cl < 2; cl++) {
          if (n[cl] < 6) {
            xs[cl][n[cl]] = x;
            ys[cl][n[cl]++] = y;
          }
        }
      }
    }
    for (int cl = 0; cl < 2; cl++) {
      int m = n[cl];
      for (int start = 1; start + 1 < m; start += 2) {
        int i1 = start;
        int i2 = start + 1;
        int i3 = Math.min(start + 2, m - 1);
        add(quads, used, cl, xs[cl][0], ys[cl][0], xs[cl][i1], ys[cl][i1], xs[cl][i2], ys[cl][i2], xs[cl][i3], ys[cl][i3]);
      }
    }
  }

  private static void add(float[][] quads, int[] used, int cl, float x0, float y0, float x1, float y1, float x2, float y2,
      float x3, float y3) {
    float[] q = quads[cl];
    int u = used[cl];
    if (u + 8 > q.length) {
      q = java.util.Arrays.copyOf(q, q.length * 2);
      quads[cl] = q;
    }
    q[u] = x0;
    q[u + 1] = y0;
    q[u + 2] = x1;
    q[u + 3] = y1;
    q[u + 4] = x2;
    q[u + 5] = y2;
    q[u + 6] = x3;
    q[u + 7] = y3;
    used[cl] = u + 8;
  }
}
