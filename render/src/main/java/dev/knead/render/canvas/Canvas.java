package dev.knead.render.canvas;

/**
 * The few drawing operations every figure needs, in logical units (a figure is laid out in a
 * width × height box; a raster canvas multiplies by its scale). Colours are 0xAARRGGBB. One
 * implementation draws with Java2D, one writes SVG, so every figure exists in both formats from
 * one piece of drawing code.
 */
public interface Canvas {
  /** Where a text's anchor point sits relative to the text. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void fillRect(double x, double y, double w, double h, int argb);

  void strokeRect(double x, double y, double w, double h, int argb, double width);

  void line(double x1, double y1, double x2, double y2, int argb, double width);

  /**
   * @param xs x of n vertices
   * @param ys y of n vertices
   * @param dashed a dashed stroke (test curves, decision lines)
   */
  void polyline(double[] xs, double[] ys, int n, int argb, double width, boolean dashed);

  /**
   * Many polylines of one colour and width, stroked as one shape (one rasterisation pass,
   * overlaps do not darken): line i is vertices ends[i − 1] … ends[i] − 1 (ends[−1] = 0).
   */
  void polylines(double[] xs, double[] ys, int[] ends, int lines, int argb, double width);

  /** A filled closed polygon of n vertices. */
  void fillPolygon(double[] xs, double[] ys, int n, int argb);

  /**
   * Many filled quadrilaterals of one colour, drawn as one shape (no seams between neighbours).
   *
   * @param xy 8 values per quad: x0 y0 x1 y1 x2 y2 x3 y3
   * @param quads how many quads xy holds
   */
  void fillQuads(float[] xy, int quads, int argb);

  /** A filled disk of radius r, optionally outlined (outline 0 = none). */
  void dot(double x, double y, double r, int argb, int outlineArgb);

  /** Text at baseline y; size in logical units. */
  void text(double x, double y, String s, double size, Anchor anchor, int argb, boolean bold);

  /** Restricts drawing to a rectangle until {@link #unclip()}. */
  void clip(double x, double y, double w, double h);

  void unclip();
}
