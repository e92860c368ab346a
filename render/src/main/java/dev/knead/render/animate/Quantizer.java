package dev.knead.render.animate;

import dev.knead.render.Palette;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;

/**
 * Maps RGB frames onto one fixed 256-colour table built from the figure's palette: the page,
 * ink and sheet greys, every class colour with ramps towards the page and towards the ink, and a
 * coarse colour cube for everything else. A 32,768-entry table (5 bits per channel → index) makes
 * the per-pixel work one lookup, and the same colours in every frame keep a GIF from flickering.
 */
public final class Quantizer {
  /** The index that means "same as the previous frame" in a GIF; no colour maps to it. */
  public static final int UNCHANGED = 255;

  private final int[] colors;
  private final byte[] lookup = new byte[1 << 15];
  private final IndexColorModel model;
  private final IndexColorModel deltaModel;

  /** A table with ramps for the first eight class colours (the move-by-move GIFs). */
  public Quantizer(Palette p) {
    this(p, 8);
  }

  /**
   * @param rampClasses how many class colours get their own ramps (at most 10: 4 + 16 + 10 × 15
   *     entries leave 85 for the cube); the digits' ten classes need ten
   */
  public Quantizer(Palette p, int rampClasses) {
    int[] c = new int[256];
    int k = 0;
    c[k++] = p.background();
    c[k++] = p.ink();
    c[k++] = p.muted();
    c[k++] = p.sheet();
    for (int i = 0; i < 16; i++) {
      c[k++] = Palette.mix(p.ink(), p.background(), (i + 0.5) / 16);
    }
    int classes = Math.min(Math.min(10, rampClasses), p.classes().size());
    for (int cl = 0; cl < classes; cl++) {
      int col = p.classColor(cl);
      c[k++] = col;
      for (int s = 1; s <= 10; s++) {
        c[k++] = Palette.mix(col, p.background(), s / 11.0);
      }
      for (int s = 1; s <= 3; s++) {
        c[k++] = Palette.mix(col, p.ink(), s / 4.0);
      }
      c[k++] = Palette.mix(Palette.mix(col, p.background(), 0.7), p.sheet(), 0.5);
    }
    for (int r = 0; r < 5 && k < UNCHANGED; r++) {
      for (int g = 0; g < 5 && k < UNCHANGED; g++) {
        for (int b = 0; b < 5 && k < UNCHANGED; b++) {
          c[k++] = 0xff000000 | (r * 63) << 16 | (g * 63) << 8 | b * 63;
        }
      }
    }
    while (k < 256) {
      c[k++] = p.background();
    }
    c[UNCHANGED] = 0xff00ff; // never chosen by the lookup below
    colors = c;
    for (int key = 0; key < lookup.length; key++) {
      int r = ((key >> 10) & 31) * 255 / 31;
      int g = ((key >> 5) & 31) * 255 / 31;
      int b = (key & 31) * 255 / 31;
      int best = 0;
      long bestD = Long.MAX_VALUE;
      for (int i = 0; i < UNCHANGED; i++) {
        int dr = r - ((c[i] >> 16) & 255);
        int dg = g - ((c[i] >> 8) & 255);
        int db = b - (c[i] & 255);
        long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db; // rough perceptual weights
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      lookup[key] = (byte) best;
    }
    byte[] rs = new byte[256];
    byte[] gs = new byte[256];
    byte[] bs = new byte[256];
    for (int i = 0; i < 256; i++) {
      rs[i] = (byte) (c[i] >> 16);
      gs[i] = (byte) (c[i] >> 8);
      bs[i] = (byte) c[i];
    }
    model = new IndexColorModel(8, 256, rs, gs, bs);
    deltaModel = new IndexColorModel(8, 256, rs, gs, bs, UNCHANGED);
  }

  /** @return a new indexed image the size of frames to come */
  public BufferedImage newIndexed(int width, int height) {
    return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
  }

  /** @return a new indexed image whose {@link #UNCHANGED} index is transparent (GIF frame deltas) */
  public BufferedImage newDelta(int width, int height) {
    return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, deltaModel);
  }

  /**
   * @param rgb a TYPE_INT_RGB image
   * @param out an image from {@link #newIndexed} of the same size, overwritten
   */
  public void quantize(BufferedImage rgb, BufferedImage out) {
    int[] src = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    byte[] lut = lookup;
    for (int i = 0; i < src.length; i++) {
      int p = src[i];
      dst[i] = lut[((p >> 9) & 0x7c00) | ((p >> 6) & 0x3e0) | ((p >> 3) & 0x1f)];
    }
  }

  /** @return the colour table, 256 entries */
  public int[] colors() {
    return colors.clone();
  }
}
