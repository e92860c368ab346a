package dev.knead.render;

import dev.knead.core.io.AtomicFiles;
import dev.knead.render.canvas.Java2DCanvas;
import dev.knead.render.canvas.SvgCanvas;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Turns a {@link Figure} into a raster image, PNG bytes or an SVG document; writes files atomically. */
public final class Images {
  /** PNG compression quality (1 = fastest, 0 = smallest); figures are mostly flat colour, so a fast deflate level loses little. */
  static final float PNG_QUALITY = 0.6f;

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

  public static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      ImageWriteParam p = w.getDefaultWriteParam();
      if (p.canWriteCompressed()) {
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(PNG_QUALITY);
      }
      w.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  public static String svg(Figure f, FigureOptions o) {
    SvgCanvas c = new SvgCanvas(o.width(), o.height());
    c.fillRect(0, 0, o.width(), o.height(), o.palette().background());
    f.draw(c, o.width(), o.height());
    return c.document();
  }

  /** Writes the figure as PNG or SVG, by the path's extension, atomically. */
  public static void write(Figure f, FigureOptions o, Path out) {
    Format fmt = Format.of(out);
    if (fmt == null) {
      throw new IllegalArgumentException("unknown figure format: " + out + " (use .png or .svg)");
    }
    AtomicFiles.write(out, fmt == Format.PNG ? png(f, o) : svg(f, o).getBytes(StandardCharsets.UTF_8));
  }
}
