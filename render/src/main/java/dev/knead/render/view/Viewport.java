package dev.knead.render.view;

/**
 * Maps view coordinates (y up) into a pixel rectangle (y down) with equal scale on both axes,
 * centring the view box.
 */
public final class Viewport {
  private final double sx;
  private final double ox;
  private final double oy;
  public final double xMin;
  public final double xMax;
  public final double yMin;
  public final double yMax;

  /**
   * @param x0 pixel rectangle left
   * @param y0 top
   * @param w width
   * @param h height
   */
  public Viewport(double xMin, double xMax, double yMin, double yMax, double x0, double y0, double w, double h) {
    double spanX = Math.max(1e-12, xMax - xMin);
    double spanY = Math.max(1e-12, yMax - yMin);
    double s = Math.min(w / spanX, h / spanY);
    if (!Double.isFinite(s) || s <= 0) {
      s = 1;
    }
    this.sx = s;
    double cx = (xMin + xMax) / 2;
    double cy = (yMin + yMax) / 2;
    this.ox = x0 + w / 2 - cx * s;
    this.oy = y0 + h / 2 + cy * s;
    this.xMin = cx - w / 2 / s;
    this.xMax = cx + w / 2 / s;
    this.yMin = cy - h / 2 / s;
    this.yMax = cy + h / 2 / s;
  }

  public double px(double x) {
    return ox + x * sx;
  }

  public double py(double y) {
    return oy - y * sx;
  }

  /** @return pixels per view unit */
  public double scale() {
    return sx;
  }
}
