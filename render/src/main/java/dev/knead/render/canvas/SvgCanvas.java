package dev.knead.render.canvas;

import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;

/**
 * Writes SVG 1.1: shapes as paths and circles, text as {@code <text>} (searchable, selectable),
 * every string XML-escaped. Coordinates are rounded to 0.01 of a logical unit.
 */
public final class SvgCanvas implements Canvas {
  private final StringBuilder b = new StringBuilder(1 << 16);
  private final double width;
  private final double height;
  private int clips;
  private boolean clipped;

  /** @param width logical width, also the SVG's width in px */
  public SvgCanvas(double width, double height) {
    this.width = width;
    this.height = height;
  }

  /** @return the whole document */
  public String document() {
    return document(null);
  }

  /**
   * @param provenance written as the document's {@code <metadata>}: the JSON of
   *     {@link Provenance#toJson()}, XML-escaped; null = none
   * @return the whole document
   */
  public String document(Provenance provenance) {
    StringBuilder d = new StringBuilder(b.length() + 400);
    d.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    d.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width)).append("\" height=\"")
        .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height)).append("\" ")
        .append("font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
    if (provenance != null) {
      d.append("<metadata id=\"knead-provenance\">").append(escape(Json.writeLine(provenance.toJson()))).append("</metadata>\n");
    }
    d.append(b);
    if (clipped) {
      d.append("</g>\n");
    }
    d.append("</svg>\n");
    return d.toString();
  }

  /** XML-escapes text for element content and attribute values. */
  public static String escape(String s) {
    StringBuilder o = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '&' -> o.append("&amp;");
        case '"' -> o.append("&quot;");
        case '\'' -> o.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            o.append(' '); // not allowed in XML 1.0
          } else {
            o.append(c);
          }
        }
      }
    }
    return o.toString();
  }

  /** Appends a number rounded to 0.01, without exponent. */
  private StringBuilder num(StringBuilder o, double v) {
    if (!Double.isFinite(v)) {
      return o.append('0');
    }
    long r = Math.round(v * 100);
    if (r < 0) {
      o.append('-');
      r = -r;
    }
    o.append(r / 100);
    long f = r % 100;
    if (f != 0) {
      o.append('.').append(f / 10);
      if (f % 10 != 0) {
        o.append(f % 10);
      }
    }
    return o;
  }

  private String num(double v) {
    return num(new StringBuilder(), v).toString();
  }

  private void paint(String attr, int argb) {
    b.append(' ').append(attr).append("=\"#").append(String.format("%06x", argb & 0xffffff)).append('"');
    int a = argb >>> 24;
    if (a != 255) {
      b.append(' ').append(attr).append("-opacity=\"");
      num(b, a / 255.0).append('"');
    }
  }

  @Override
  public void fillRect(double x, double y, double w, double h, int argb) {
    b.append("<rect x=\"");
    num(b, x).append("\" y=\"");
    num(b, y).append("\" width=\"");
    num(b, w).append("\" height=\"");
    num(b, h).append('"');
    paint("fill", argb);
    b.append("/>\n");
  }

  @Override
  public void strokeRect(double x, double y, double w, double h, int argb, double width) {
    b.append("<rect x=\"");
    num(b, x).append("\" y=\"");
    num(b, y).append("\" width=\"");
    num(b, w).append("\" height=\"");
    num(b, h).append("\" fill=\"none\" stroke-width=\"");
    num(b, width).append('"');
    paint("stroke", argb);
    b.append("/>\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, int argb, double width) {
    polyline(new double[] {x1, x2}, new double[] {y1, y2}, 2, argb, width, false);
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, int argb, double width, boolean dashed) {
    if (n < 2) {
      return;
    }
    b.append("<path d=\"M");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append('L');
      }
      num(b, xs[i]).append(' ');
      num(b, ys[i]);
    }
    b.append("\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke-width=\"");
    num(b, width).append('"');
    if (dashed) {
      b.append(" stroke-dasharray=\"5 4\"");
    }
    paint("stroke", argb);
    b.append("/>\n");
  }

  @Override
  public void polylines(double[] xs, double[] ys, int[] ends, int lines, int argb, double width) {
    b.append("<path d=\"");
    int start = 0;
    for (int l = 0; l < lines; l++) {
      int end = ends[l];
      for (int i = start; i < end && end - start >= 2; i++) {
        b.append(i == start ? 'M' : 'L');
        num(b, xs[i]).append(' ');
        num(b, ys[i]);
      }
      start = end;
    }
    b.append("\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke-width=\"");
    num(b, width).append('"');
    paint("stroke", argb);
    b.append("/>\n");
  }

  @Override
  public void fillPolygon(double[] xs, double[] ys, int n, int argb) {
    if (n < 3) {
      return;
    }
    b.append("<path d=\"M");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append('L');
      }
      num(b, xs[i]).append(' ');
      num(b, ys[i]);
    }
    b.append("Z\"");
    paint("fill", argb);
    b.append("/>\n");
  }

  @Override
  public void fillQuads(float[] xy, int quads, int argb) {
    if (quads == 0) {
      return;
    }
    b.append("<path d=\"");
    for (int q = 0; q < quads; q++) {
      int o = q * 8;
      b.append('M');
      num(b, xy[o]).append(' ');
      num(b, xy[o + 1]);
      for (int k = 1; k < 4; k++) {
        b.append('L');
        num(b, xy[o + 2 * k]).append(' ');
        num(b, xy[o + 2 * k + 1]);
      }
      b.append('Z');
    }
    b.append('"');
    paint("fill", argb);
    b.append("/>\n");
  }

  @Override
  public void dot(double x, double y, double r, int argb, int outlineArgb) {
    b.append("<circle cx=\"");
    num(b, x).append("\" cy=\"");
    num(b, y).append("\" r=\"");
    num(b, r).append('"');
    paint("fill", argb);
    if ((outlineArgb >>> 24) != 0) {
      paint("stroke", outlineArgb);
      b.append(" stroke-width=\"");
      num(b, Math.max(0.6, r * 0.25)).append('"');
    }
    b.append("/>\n");
  }

  @Override
  public void text(double x, double y, String s, double size, Anchor anchor, int argb, boolean bold) {
    b.append("<text x=\"");
    num(b, x).append("\" y=\"");
    num(b, y).append("\" font-size=\"");
    num(b, size).append('"');
    if (anchor != Anchor.START) {
      b.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
    }
    if (bold) {
      b.append(" font-weight=\"bold\"");
    }
    paint("fill", argb);
    b.append('>').append(escape(s)).append("</text>\n");
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    unclip();
    String id = "c" + clips++;
    b.append("<clipPath id=\"").append(id).append("\"><rect x=\"");
    num(b, x).append("\" y=\"");
    num(b, y).append("\" width=\"");
    num(b, w).append("\" height=\"");
    num(b, h).append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
    clipped = true;
  }

  @Override
  public void unclip() {
    if (clipped) {
      b.append("</g>\n");
      clipped = false;
    }
  }
}
