package dev.knead.render.topo;

import dev.knead.core.data.Points;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.canvas.Canvas;
import dev.knead.topology.certificate.Certificate;
import java.util.List;

/**
 * The decision-region certificate (Olah's "easy way out", Johnson 2019): for each class, the
 * circles checked around the data, the arcs where the class's decision region (every piece of
 * it) meets them, thin and faint, and the route along which the piece holding the class's data
 * was followed to the outermost circle, bold, when one was found. Radius is drawn linearly
 * inside the data radius and logarithmically outside, so circles up to 10⁴ data radii fit. The
 * panel's heading is the outcome (unbounded, bounded, not found at this resolution, empty); the
 * certificate's own sentence is the caption.
 */
public final class CertificateFigure implements Figure {
  private final String title;
  private final List<Certificate> certificates;
  private final List<String> classNames;
  private final Points points;
  private final int[] labels;
  private final double[] centre;
  private final double dataRadius;
  private final FigureOptions options;

  /**
   * @param points the data (2-D), drawn inside the data circle
   * @param centre the circles' centre (length 2)
   * @param dataRadius radius of the data around the centre
   */
  public CertificateFigure(String title, List<Certificate> certificates, List<String> classNames, Points points, int[] labels,
      double[] centre, double dataRadius, FigureOptions options) {
    if (points.d() != 2) {
      throw new IllegalArgumentException("the certificate figure needs a 2-D input");
    }
    this.title = title;
    this.certificates = List.copyOf(certificates);
    this.classNames = List.copyOf(classNames);
    this.points = points;
    this.labels = labels.clone();
    this.centre = centre.clone();
    this.dataRadius = dataRadius;
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    c.text(w / 2, 24, options.title().orElse(title + " · where each class's region reaches"), 15, Canvas.Anchor.MIDDLE,
        pal.ink(), true);
    int k = Math.max(1, certificates.size());
    double pw = (w - 20) / k;
    double ph = h - 40 - 56;
    for (int i = 0; i < certificates.size(); i++) {
      panel(c, 10 + i * pw, 40, pw, ph, certificates.get(i), pal);
    }
  }

  private void panel(Canvas c, double x, double y, double w, double h, Certificate cert, Palette pal) {
    double cx = x + w / 2;
    double cy = y + h / 2;
    double outer = Math.min(w, h) / 2 - 12;
    double inner = outer * 0.35;
    double maxR = Math.max(cert.maxRadiusChecked(), dataRadius * 1.0001);
    double logSpan = Math.log(maxR / dataRadius);
    int col = pal.classColor(cert.classIndex());
    // data inside the data circle, faint
    for (int i = 0; i < points.n(); i++) {
      double dx = (points.get(i, 0) - centre[0]) / dataRadius * inner;
      double dy = (points.get(i, 1) - centre[1]) / dataRadius * inner;
      c.dot(cx + dx, cy - dy, 1.2, Palette.alpha(pal.tint(labels[i], 0.3), 0.8), 0);
    }
    for (Certificate.Ring ring : cert.evidence()) {
      double rho = ring.radius() <= dataRadius ? ring.radius() / dataRadius * inner
          : inner + (outer - inner) * Math.log(ring.radius() / dataRadius) / logSpan;
      circle(c, cx, cy, rho, 0, 360, Palette.alpha(pal.muted(), 0.35), 0.5);
      for (Certificate.Arc a : ring.arcs()) {
        circle(c, cx, cy, rho, a.startDegrees(), a.widthDegrees(), Palette.alpha(col, 0.45), 1.4);
      }
    }
    int n = cert.route().size();
    if (n >= 2) {
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        Certificate.Point p = cert.route().get(i);
        double dx = p.x() - centre[0];
        double dy = p.y() - centre[1];
        double r = Math.hypot(dx, dy);
        double rho = r <= dataRadius ? r / dataRadius * inner
            : inner + (outer - inner) * Math.log(r / dataRadius) / logSpan;
        xs[i] = cx + (r == 0 ? 0 : dx / r * rho);
        ys[i] = cy - (r == 0 ? 0 : dy / r * rho);
      }
      c.polyline(xs, ys, n, col, 2.6, false);
    }
    circle(c, cx, cy, inner, 0, 360, pal.muted(), 0.9);
    c.text(cx, y + 12, classNames.get(cert.classIndex()) + ": " + cert.outcome().label(), 12, Canvas.Anchor.MIDDLE, col,
        true);
    wrap(c, cert.sentence(), cx, y + h + 16, w - 10, pal);
  }

  private static void circle(Canvas c, double cx, double cy, double r, double startDeg, double widthDeg, int col, double lw) {
    int n = Math.max(2, (int) Math.ceil(Math.abs(widthDeg) / 3) + 1);
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      double a = Math.toRadians(startDeg + widthDeg * i / (n - 1));
      xs[i] = cx + r * Math.cos(a);
      ys[i] = cy - r * Math.sin(a);
    }
    c.polyline(xs, ys, n, col, lw, false);
  }

  private static void wrap(Canvas c, String s, double cx, double y, double width, Palette pal) {
    int per = Math.max(20, (int) (width / 5.6));
    StringBuilder line = new StringBuilder();
    double yy = y;
    for (String word : s.split(" ")) {
      if (line.length() + word.length() + 1 > per && line.length() > 0) {
        c.text(cx, yy, line.toString(), 9.5, Canvas.Anchor.MIDDLE, pal.ink(), false);
        yy += 12;
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      c.text(cx, yy, line.toString(), 9.5, Canvas.Anchor.MIDDLE, pal.ink(), false);
    }
  }
}
