package dev.knead.render;

import java.util.Optional;

/**
 * How a figure is laid out and painted.
 *
 * @param width logical width (SVG px; PNG pixels before scale)
 * @param height logical height
 * @param scale raster pixels per logical unit (2 for a sharp figure on a high-density screen)
 * @param palette colours
 * @param title the figure's title; empty = the figure's own
 * @param regions paint decision regions behind the points
 * @param sheet draw the grid (rubber sheet)
 * @param pointRadius radius of a data point, logical units; 0 = pick from the number of points
 */
public record FigureOptions(int width, int height, double scale, Palette palette, Optional<String> title, boolean regions,
    boolean sheet, double pointRadius) {
  public static final int MAX_PIXELS = 1 << 26;

  public FigureOptions {
    if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
      throw new IllegalArgumentException("figure size must be within 50 … 10000 per side, got " + width + "×" + height);
    }
    if (!(scale >= 0.25 && scale <= 8)) {
      throw new IllegalArgumentException("scale must be within 0.25 … 8, got " + scale);
    }
    if ((double) width * height * scale * scale > MAX_PIXELS) {
      throw new IllegalArgumentException("figure of " + Math.round(width * scale) + "×" + Math.round(height * scale)
          + " pixels is too large (at most " + MAX_PIXELS + " pixels)");
    }
  }

  public static FigureOptions of(int width, int height) {
    return new FigureOptions(width, height, 1, Palette.OKABE_ITO, Optional.empty(), true, true, 0);
  }

  public FigureOptions withSize(int w, int h) {
    return new FigureOptions(w, h, scale, palette, title, regions, sheet, pointRadius);
  }

  public FigureOptions withScale(double s) {
    return new FigureOptions(width, height, s, palette, title, regions, sheet, pointRadius);
  }

  public FigureOptions withTitle(String t) {
    return new FigureOptions(width, height, scale, palette, Optional.of(t), regions, sheet, pointRadius);
  }

  /** @return raster width in pixels */
  public int pixelWidth() {
    return (int) Math.round(width * scale);
  }

  public int pixelHeight() {
    return (int) Math.round(height * scale);
  }

  /** @return the point radius to use for n points */
  public double radiusFor(int n) {
    if (pointRadius > 0) {
      return pointRadius;
    }
    double base = Math.sqrt(width * (double) height) / 220.0;
    return Math.max(1.2, Math.min(4.5, base * (n > 2000 ? 0.6 : n > 600 ? 0.8 : 1.0)));
  }
}
