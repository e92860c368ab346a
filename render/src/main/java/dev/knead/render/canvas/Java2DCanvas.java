package dev.knead.render.canvas;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * Draws on a {@link BufferedImage} with Java2D, antialiased. Logical coordinates are multiplied
 * by {@code scale}. Dots are stamped from small cached sprites (one per colour, radius and
 * quarter-pixel offset), which is several times faster than antialiased ellipses.
 */
public final class Java2DCanvas implements Canvas {
  private static final float[] DASH = {5f, 4f};
  private final Graphics2D g;
  private final double scale;
  private final Map<Long, BufferedImage> sprites = new HashMap<>();
  private final Map<Integer, Color> colors = new HashMap<>();
  private final Map<Long, Font> fonts = new HashMap<>();
  private final Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, 1024);

  /** @param g graphics of the target image (the canvas sets its rendering hints) */
  public Java2DCanvas(Graphics2D g, double scale) {
    this.g = g;
    this.scale = scale;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setComposite(AlphaComposite.SrcOver);
  }

  private Color color(int argb) {
    return colors.computeIfAbsent(argb, c -> new Color(c, true));
  }

  @Override
  public void fillRect(double x, double y, double w, double h, int argb) {
    g.setColor(color(argb));
    g.fill(new Rectangle2D.Double(x * scale, y * scale, w * scale, h * scale));
  }

  @Override
  public void strokeRect(double x, double y, double w, double h, int argb, double width) {
    g.setColor(color(argb));
    g.setStroke(new BasicStroke((float) (width * scale)));
    g.draw(new Rectangle2D.Double(x * scale, y * scale, w * scale, h * scale));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, int argb, double width) {
    path.reset();
    path.moveTo(x1 * scale, y1 * scale);
    path.lineTo(x2 * scale, y2 * scale);
    g.setColor(color(argb));
    g.setStroke(new BasicStroke((float) (width * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, int argb, double width, boolean dashed) {
    if (n < 2) {
      return;
    }
    path.reset();
    path.moveTo(xs[0] * scale, ys[0] * scale);
    for (int i = 1; i < n; i++) {
      path.lineTo(xs[i] * scale, ys[i] * scale);
    }
    g.setColor(color(argb));
    float w = (float) (width * scale);
    g.setStroke(dashed ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4f, scaled(DASH), 0f)
        : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  @Override
  public void polylines(double[] xs, double[] ys, int[] ends, int lines, int argb, double width) {
    path.reset();
    int start = 0;
    for (int l = 0; l < lines; l++) {
      int end = ends[l];
      if (end - start >= 2) {
        path.moveTo(xs[start] * scale, ys[start] * scale);
        for (int i = start + 1; i < end; i++) {
          path.lineTo(xs[i] * scale, ys[i] * scale);
        }
      }
      start = end;
    }
    g.setColor(color(argb));
    g.setStroke(new BasicStroke((float) (width * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  private float[] scaled(float[] dash) {
    float[] d = dash.clone();
    for (int i = 0; i < d.length; i++) {
      d[i] *= (float) scale;
    }
    return d;
  }

  @Override
  public void fillPolygon(double[] xs, double[] ys, int n, int argb) {
    if (n < 3) {
      return;
    }
    path.reset();
    path.moveTo(xs[0] * scale, ys[0] * scale);
    for (int i = 1; i < n; i++) {
      path.lineTo(xs[i] * scale, ys[i] * scale);
    }
    path.closePath();
    g.setColor(color(argb));
    g.fill(path);
  }

  @Override
  public void fillQuads(float[] xy, int quads, int argb) {
    if (quads == 0) {
      return;
    }
    path.reset();
    for (int q = 0; q < quads; q++) {
      int o = q * 8;
      path.moveTo(xy[o] * scale, xy[o + 1] * scale);
      path.lineTo(xy[o + 2] * scale, xy[o + 3] * scale);
      path.lineTo(xy[o + 4] * scale, xy[o + 5] * scale);
      path.lineTo(xy[o + 6] * scale, xy[o + 7] * scale);
      path.closePath();
    }
    g.setColor(color(argb));
    // Region cells tile the plane: their shared edges need no antialiasing, and filling
    // thousands of cells without it is several times faster (the boundaries between classes are
    // soft tints, so their pixel steps do not show).
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.fill(path);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
  }

  @Override
  public void dot(double x, double y, double r, int argb, int outlineArgb) {
    double px = x * scale;
    double py = y * scale;
    int ix = (int) Math.floor(px);
    int iy = (int) Math.floor(py);
    int fx = (int) ((px - ix) * 4);
    int fy = (int) ((py - iy) * 4);
    int rq = (int) Math.round(r * scale * 4); // radius in quarter pixels
    long key = ((long) argb << 32) ^ ((long) outlineArgb * 31 << 16) ^ ((long) rq << 4) ^ (fx << 2) ^ fy;
    BufferedImage s = sprites.get(key);
    if (s == null) {
      s = sprite(rq / 4.0, fx / 4.0, fy / 4.0, argb, outlineArgb);
      sprites.put(key, s);
    }
    int half = s.getWidth() / 2;
    g.drawImage(s, ix - half, iy - half, null);
  }

  private BufferedImage sprite(double r, double fx, double fy, int argb, int outlineArgb) {
    int half = (int) Math.ceil(r + 2);
    BufferedImage img = new BufferedImage(2 * half + 1, 2 * half + 1, BufferedImage.TYPE_INT_ARGB);
    Graphics2D s = img.createGraphics();
    s.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    s.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    java.awt.geom.Ellipse2D.Double e = new java.awt.geom.Ellipse2D.Double(half + fx - r, half + fy - r, 2 * r, 2 * r);
    s.setColor(new Color(argb, true));
    s.fill(e);
    if ((outlineArgb >>> 24) != 0) {
      s.setColor(new Color(outlineArgb, true));
      s.setStroke(new BasicStroke((float) Math.max(0.6, r * 0.25)));
      s.draw(e);
    }
    s.dispose();
    return img;
  }

  @Override
  public void text(double x, double y, String str, double size, Anchor anchor, int argb, boolean bold) {
    long key = Double.doubleToLongBits(size * scale) ^ (bold ? 1 : 0);
    Font f = fonts.computeIfAbsent(key, k -> new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 12)
        .deriveFont((float) (size * scale)));
    g.setFont(f);
    g.setColor(color(argb));
    double px = x * scale;
    if (anchor != Anchor.START) {
      FontMetrics m = g.getFontMetrics();
      double w = m.getStringBounds(str, g).getWidth();
      px -= anchor == Anchor.MIDDLE ? w / 2 : w;
    }
    g.drawString(str, (float) px, (float) (y * scale));
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    g.setClip(new Rectangle2D.Double(x * scale, y * scale, w * scale, h * scale));
  }

  @Override
  public void unclip() {
    g.setClip(null);
  }
}
