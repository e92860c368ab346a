package dev.knead.render;

import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.Provenance;
import dev.knead.render.canvas.Java2DCanvas;
import dev.knead.render.canvas.SvgCanvas;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Turns a {@link Figure} into a raster image, PNG bytes or an SVG document; writes files atomically. */
public final class Images {
  /** Deflate level of in-memory PNGs (the server, the benchmark): figures are mostly flat colour, so a fast level loses little. */
  static final int PNG_LEVEL = 2;

  /** Deflate level of PNG files, which are kept (the gallery lives in the repository). */
  static final int PNG_FILE_LEVEL = 9;

  private Images() {}

  /** The formats a figure file can have, by extension. */
  public enum Format {
    PNG,
    SVG;

    /** @return the format of a path by its extension, or null */
    public static Format of(Path p) {
      String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
      return n.endsWith(".png") ? PNG : n.endsWith(".svg") ? SVG : null;
    }
  }

  /** Draws the figure onto a new opaque RGB image of the options' pixel size. */
  public static BufferedImage raster(Figure f, FigureOptions o) {
    BufferedImage img = new BufferedImage(o.pixelWidth(), o.pixelHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      Java2DCanvas c = new Java2DCanvas(g, o.scale());
      c.fillRect(0, 0, o.width(), o.height(), o.palette().background());
      f.draw(c, o.width(), o.height());
    } finally {
      g.dispose();
    }
    return img;
  }

  public static byte[] png(Figure f, FigureOptions o) {
    return png(raster(f, o));
  }

  /** PNG bytes with the provenance in tEXt chunks. */
  public static byte[] png(Figure f, FigureOptions o, Provenance provenance) {
    return PngEncoder.encode(raster(f, o), PNG_LEVEL, provenance);
  }

  public static byte[] png(BufferedImage img) {
    return PngEncoder.encode(img, PNG_LEVEL);
  }

  public static String svg(Figure f, FigureOptions o) {
    return svg(f, o, null);
  }

  /** An SVG document with the provenance in its {@code <metadata>}; null = none. */
  public static String svg(Figure f, FigureOptions o, Provenance provenance) {
    SvgCanvas c = new SvgCanvas(o.width(), o.height());
    c.fillRect(0, 0, o.width(), o.height(), o.palette().background());
    f.draw(c, o.width(), o.height());
    return c.document(provenance);
  }

  /** Writes the figure as PNG or SVG, by the path's extension, atomically. */
  public static void write(Figure f, FigureOptions o, Path out) {
    write(f, o, null, out);
  }

  /** Writes the figure as PNG or SVG, by the path's extension, atomically, with its provenance (null = none). */
  public static void write(Figure f, FigureOptions o, Provenance provenance, Path out) {
    Format fmt = Format.of(out);
    if (fmt == null) {
      throw new IllegalArgumentException("unknown figure format: " + out + " (use .png or .svg)");
    }
    AtomicFiles.write(out, fmt == Format.PNG ? PngEncoder.encode(raster(f, o), PNG_FILE_LEVEL, provenance)
        : svg(f, o, provenance).getBytes(StandardCharsets.UTF_8));
  }
}
