package dev.knead.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * The figures a width × depth question needs, drawn from a sweep's run table: a measure against
 * width (one line per depth), against depth (one line per width), and a width × depth heat map;
 * each point is the median over the runs there (seeds), with the quartiles as a bar. One panel per
 * combination of the other axes (data set, activation, …). Headless Java2D; PNG bytes out.
 */
public final class SweepPlots {
  private SweepPlots() {}

  private static final int W = 420;
  private static final int H = 330;
  private static final Color[] LINES = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
      new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

  /** A figure: its file stem and its PNG. */
  public record Plot(String name, byte[] png) {}

  /**
   * @param rows the run table
   * @param panelBy columns whose combinations each get a panel (the other non-seed axes)
   * @param measure the numeric column drawn, e.g. train_accuracy or output_complexity
   * @param label the measure as the axis says it
   */
  public static List<Plot> widthDepth(List<Map<String, Object>> rows, List<String> panelBy, String measure, String label) {
    Map<String, List<Map<String, Object>>> panels = panels(rows, panelBy);
    String stem = measure.replace('_', '-');
    return List.of(
        new Plot(stem + "-vs-width", lines(panels, "width", "depth", measure, label)),
        new Plot(stem + "-vs-depth", lines(panels, "depth", "width", measure, label)),
        new Plot(stem + "-width-depth", heat(panels, measure, label)));
  }

  static Map<String, List<Map<String, Object>>> panels(List<Map<String, Object>> rows, List<String> panelBy) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      List<String> parts = new ArrayList<>();
      for (String c : panelBy) {
        parts.add(c + "=" + Objects.toString(r.get(c), ""));
      }
      out.computeIfAbsent(String.join("  ", parts), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static long whole(Map<String, Object> r, String c) {
    return ((Number) r.get(c)).longValue();
  }

  /** @return median, q1, q3 of the measure over rows with x = xv and series = sv; null when none */
  private static double[] cell(List<Map<String, Object>> rows, String x, long xv, String series, long sv, String measure) {
    double[] v = rows.stream().filter(r -> whole(r, x) == xv && whole(r, series) == sv).map(r -> r.get(measure))
        .filter(o -> o instanceof Number).mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    if (v.length == 0) {
      return null;
    }
    Summary.Stats s = Summary.stats(v, false);
    return new double[] {s.median(), s.q1(), s.q3()};
  }

  private static TreeSet<Long> values(List<Map<String, Object>> rows, String c) {
    TreeSet<Long> s = new TreeSet<>();
    rows.forEach(r -> s.add(whole(r, c)));
    return s;
  }

  private static double[] range(Map<String, List<Map<String, Object>>> panels, String measure) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (List<Map<String, Object>> rs : panels.values()) {
      for (Map<String, Object> r : rs) {
        if (r.get(measure) instanceof Number n) {
          lo = Math.min(lo, n.doubleValue());
          hi = Math.max(hi, n.doubleValue());
        }
      }
    }
    if (!(lo <= hi)) {
      return new double[] {0, 1};
    }
    if (measure.contains("accuracy")) {
      lo = Math.min(lo, 0.5);
      hi = 1;
    }
    if (hi - lo < 1e-9) {
      hi = lo + 1;
    }
    return new double[] {lo, hi};
  }

  private static Graphics2D canvas(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    return g;
  }

  private static byte[] lines(Map<String, List<Map<String, Object>>> panels, String x, String series, String measure, String label) {
    BufferedImage img = new BufferedImage(W * panels.size(), H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img);
    double[] yr = range(panels, measure);
    int p = 0;
    for (Map.Entry<String, List<Map<String, Object>>> e : panels.entrySet()) {
      int ox = p++ * W;
      List<Map<String, Object>> rows = e.getValue();
      List<Long> xs = new ArrayList<>(values(rows, x));
      List<Long> ss = new ArrayList<>(values(rows, series));
      int left = ox + 58;
      int right = ox + W - 90;
      int top = 38;
      int bottom = H - 48;
      axes(g, e.getKey(), left, right, top, bottom, yr, label, x);
      for (int i = 0; i < xs.size(); i++) {
        int px = xPos(i, xs.size(), left, right);
        centred(g, Long.toString(xs.get(i)), px, bottom + 16);
      }
      for (int si = 0; si < ss.size(); si++) {
        g.setColor(LINES[si % LINES.length]);
        g.setStroke(new BasicStroke(2f));
        int lastX = -1;
        int lastY = -1;
        for (int i = 0; i < xs.size(); i++) {
          double[] c = cell(rows, x, xs.get(i), series, ss.get(si), measure);
          if (c == null) {
            lastX = -1;
            continue;
          }
          int px = xPos(i, xs.size(), left, right) + (si - ss.size() / 2) * 2; // a nudge so quartile bars do not hide each other
          int py = yPos(c[0], yr, top, bottom);
          g.drawLine(px, yPos(c[1], yr, top, bottom), px, yPos(c[2], yr, top, bottom));
          g.fillOval(px - 3, py - 3, 7, 7);
          if (lastX >= 0) {
            g.drawLine(lastX, lastY, px, py);
          }
          lastX = px;
          lastY = py;
        }
        g.drawString(series + " " + ss.get(si), right + 10, top + 14 + 16 * si);
      }
    }
    g.dispose();
    return png(img);
  }

  private static byte[] heat(Map<String, List<Map<String, Object>>> panels, String measure, String label) {
    BufferedImage img = new BufferedImage(W * panels.size(), H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img);
    double[] zr = range(panels, measure);
    int p = 0;
    for (Map.Entry<String, List<Map<String, Object>>> e : panels.entrySet()) {
      int ox = p++ * W;
      List<Map<String, Object>> rows = e.getValue();
      List<Long> ws = new ArrayList<>(values(rows, "width"));
      List<Long> ds = new ArrayList<>(values(rows, "depth"));
      int left = ox + 58;
      int right = ox + W - 30;
      int top = 38;
      int bottom = H - 48;
      g.setColor(Color.BLACK);
      centred(g, e.getKey().isEmpty() ? "median " + label : e.getKey(), ox + W / 2, 18);
      double cw = (right - left) / (double) ws.size();
      double ch = (bottom - top) / (double) ds.size();
      for (int i = 0; i < ws.size(); i++) {
        for (int j = 0; j < ds.size(); j++) {
          double[] c = cell(rows, "width", ws.get(i), "depth", ds.get(j), measure);
          int x0 = (int) Math.round(left + i * cw);
          int y0 = (int) Math.round(bottom - (j + 1) * ch);
          int w = (int) Math.round(left + (i + 1) * cw) - x0;
          int h = (int) Math.round(bottom - j * ch) - y0;
          if (c == null) {
            g.setColor(new Color(0xeeeeee));
            g.fillRect(x0, y0, w, h);
            continue;
          }
          double t = (c[0] - zr[0]) / (zr[1] - zr[0]);
          Color fill = ramp(t);
          g.setColor(fill);
          g.fillRect(x0, y0, w, h);
          g.setColor(luma(fill) > 140 ? Color.BLACK : Color.WHITE);
          centred(g, format(c[0]), x0 + w / 2, y0 + h / 2 + 5);
        }
      }
      g.setColor(Color.BLACK);
      for (int i = 0; i < ws.size(); i++) {
        centred(g, Long.toString(ws.get(i)), (int) Math.round(left + (i + 0.5) * cw), bottom + 16);
      }
      for (int j = 0; j < ds.size(); j++) {
        g.drawString(Long.toString(ds.get(j)), left - 22, (int) Math.round(bottom - (j + 0.5) * ch) + 5);
      }
      centred(g, "width (units per hidden layer)", (left + right) / 2, bottom + 34);
      vertical(g, "depth (hidden layers)", left - 34, (top + bottom) / 2);
    }
    g.dispose();
    return png(img);
  }

  private static void axes(Graphics2D g, String title, int left, int right, int top, int bottom, double[] yr, String label, String x) {
    g.setColor(Color.BLACK);
    centred(g, title.isEmpty() ? label : title, (left + right) / 2 + 20, 18);
    g.setStroke(new BasicStroke(1f));
    g.drawLine(left, bottom, right, bottom);
    g.drawLine(left, top, left, bottom);
    for (int k = 0; k <= 4; k++) {
      double v = yr[0] + (yr[1] - yr[0]) * k / 4;
      int py = yPos(v, yr, top, bottom);
      g.setColor(new Color(0xdddddd));
      g.drawLine(left + 1, py, right, py);
      g.setColor(Color.BLACK);
      String s = format(v);
      g.drawString(s, left - 6 - g.getFontMetrics().stringWidth(s), py + 4);
    }
    centred(g, x.equals("width") ? "width (units per hidden layer)" : "depth (hidden layers)", (left + right) / 2, bottom + 34);
    vertical(g, "median " + label, left - 44, (top + bottom) / 2);
  }

  private static int xPos(int i, int n, int left, int right) {
    return n == 1 ? (left + right) / 2 : left + 20 + (int) Math.round(i * (right - left - 40) / (double) (n - 1));
  }

  private static int yPos(double v, double[] r, int top, int bottom) {
    return (int) Math.round(bottom - (v - r[0]) / (r[1] - r[0]) * (bottom - top));
  }

  private static void centred(Graphics2D g, String s, int cx, int y) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(s, cx - fm.stringWidth(s) / 2, y);
  }

  private static void vertical(Graphics2D g, String s, int x, int cy) {
    Graphics2D r = (Graphics2D) g.create();
    r.rotate(-Math.PI / 2, x, cy);
    centred(r, s, x, cy);
    r.dispose();
  }

  /** Viridis-like: dark blue (low) through teal to yellow (high). */
  static Color ramp(double t) {
    double u = Math.max(0, Math.min(1, Double.isFinite(t) ? t : 0));
    double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    double s = u * (stops.length - 1);
    int i = Math.min((int) s, stops.length - 2);
    double f = s - i;
    return new Color((int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
        (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1])),
        (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
  }

  private static int luma(Color c) {
    return (299 * c.getRed() + 587 * c.getGreen() + 114 * c.getBlue()) / 1000;
  }

  private static String format(double v) {
    return Math.abs(v) >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static byte[] png(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the axes a figure should give a panel each: every axis but width, depth and the seeds */
  public static List<String> panelAxes(Tables.Meta meta) {
    return meta.axisColumns().stream().filter(c -> !Arrays.asList("width", "depth", "seed", "data_seed", "hidden").contains(c)).toList();
  }
}
