package dev.knead.render.topo;

import dev.knead.core.trace.Stage;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.figure.Legend;
import dev.knead.render.figure.Sheet;
import dev.knead.render.figure.SheetStyle;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Linking curves in 3-D: the data set's core curves (closed, one per class) carried to a 3-D
 * stage and drawn there with the stage figure's oblique camera, each in its class colour, over
 * the stage's points (faint). Depth is shown as in the stage figure — far parts fade and thin —
 * and every strand is drawn over a halo of the page colour, far to near, so at a crossing the
 * near strand visibly passes over the far one, as in a knot diagram.
 */
public final class LinksFigure implements Figure {
  /** A closed curve in a 3-D stage's coordinates. */
  public record Loop3(int classIndex, double[] xyz) {
    /**
     * @param xyz m × 3 vertices, row-major, the first not repeated at the end
     */
    public Loop3 {
      if (xyz.length < 9 || xyz.length % 3 != 0) {
        throw new IllegalArgumentException("a closed curve needs at least 3 vertices of 3 coordinates");
      }
      xyz = xyz.clone();
    }

    @Override
    public double[] xyz() {
      return xyz.clone();
    }

    public int m() {
      return xyz.length / 3;
    }
  }

  /** Depth layers the strands are drawn in (halos, then strands, per layer). */
  static final int LAYERS = 32;

  private final Subject subject;
  private final int stage;
  private final List<Loop3> loops;
  private final String linking;
  private final FigureOptions options;

  /**
   * @param stage index of a 3-D stage in the trace
   * @param loops the core curves carried to that stage
   * @param linking the caption's statement of the linking number(s), e.g. "linking number +1"
   */
  public LinksFigure(Subject subject, int stage, List<Loop3> loops, String linking, FigureOptions options) {
    if (stage < 0 || stage >= subject.trace().size()) {
      throw new IllegalArgumentException("stage " + stage + " is outside 0 … " + (subject.trace().size() - 1));
    }
    if (subject.trace().stage(stage).dim() != 3) {
      throw new IllegalArgumentException("stage " + stage + " is " + subject.trace().stage(stage).dim() + "-D, not 3-D");
    }
    if (loops.isEmpty()) {
      throw new IllegalArgumentException("no curves to draw");
    }
    this.subject = subject;
    this.stage = stage;
    this.loops = List.copyOf(loops);
    this.linking = linking;
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Stage s = subject.trace().stage(stage);
    c.text(w / 2, 24, options.title().orElse(subject.description()), 16, Canvas.Anchor.MIDDLE, pal.ink(), true);
    c.text(w / 2, 42, String.format(Locale.ROOT, "stage %d · %s · core curves · %s", s.index(), s.name(), linking), 11.5,
        Canvas.Anchor.MIDDLE, pal.muted(), false);

    Scene points = Scene.of(s.points(), List.of(), s.field(), null);
    List<double[]> curves = new ArrayList<>();
    for (Loop3 l : loops) {
      curves.add(l.xyz());
    }
    // the curves join the points in setting the view box, so neither is cut off
    Scene scene = new Scene(points.points(), curves, points.field(), 3, false);
    SheetStyle st = new SheetStyle(pal, options.radiusFor(s.points().n()), false, false, false, 0);
    Sheet.Layout l = Sheet.layout(12, 52, w - 28, h - 52 - 30, scene, Camera.oblique(-0.65), st);
    var v = l.viewport();
    double radius = l.radius();
    c.clip(l.px(), l.py(), l.pw(), l.ph());
    Sheet.box(c, l, pal.muted());

    int n = scene.n();
    double[] p = new double[n * 3];
    l.camera().project(scene.points(), n, l.centre(), radius, p);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a * 3 + 2], p[b * 3 + 2]));
    int[] labels = subject.trace().labels();
    for (Integer idx : order) {
      int i = idx;
      double dn = Math.max(-1, Math.min(1, p[i * 3 + 2] / radius));
      c.dot(v.px(p[i * 3]), v.py(p[i * 3 + 1]), 0.75 * st.radius(), pal.tint(labels[i], 0.8 + 0.15 * (1 - dn) / 2), 0);
    }

    // every segment of every curve, with its mean depth, bucketed into depth layers far → near
    List<double[]> segs = new ArrayList<>(); // x1 y1 x2 y2 depth class
    for (Loop3 loop : loops) {
      int m = loop.m();
      double[] q = new double[m * 3];
      l.camera().project(loop.xyz(), m, l.centre(), radius, q);
      for (int j = 0; j < m; j++) {
        int k = (j + 1) % m;
        segs.add(new double[] {v.px(q[j * 3]), v.py(q[j * 3 + 1]), v.px(q[k * 3]), v.py(q[k * 3 + 1]),
            (q[j * 3 + 2] + q[k * 3 + 2]) / 2, loop.classIndex()});
      }
    }
    segs.sort((a, b) -> Double.compare(a[4], b[4]));
    double lo = segs.get(0)[4];
    double hi = segs.get(segs.size() - 1)[4];
    int from = 0;
    for (int layer = 0; layer < LAYERS && from < segs.size(); layer++) {
      double limit = layer == LAYERS - 1 ? Double.POSITIVE_INFINITY : lo + (hi - lo) * (layer + 1) / LAYERS;
      int to = from;
      while (to < segs.size() && segs.get(to)[4] <= limit) {
        to++;
      }
      for (int i = from; i < to; i++) {
        double[] g = segs.get(i);
        c.line(g[0], g[1], g[2], g[3], pal.background(), width(g[4], radius) + 3.2);
      }
      for (int i = from; i < to; i++) {
        double[] g = segs.get(i);
        double dn = Math.max(-1, Math.min(1, g[4] / radius));
        int col = Palette.mix(pal.classColor((int) g[5]), pal.background(), 0.45 * (1 - dn) / 2);
        c.line(g[0], g[1], g[2], g[3], col, width(g[4], radius));
      }
      from = to;
    }
    c.unclip();
    c.strokeRect(l.px(), l.py(), l.pw(), l.ph(), Palette.alpha(pal.muted(), 0.6), 0.6);
    Legend.row(c, w / 2, h - 10, subject.classNames(), false, pal, 11);
  }

  /** Near strands are drawn wider: 2.8 units at the centre's depth, ±25 % at the ends. */
  private static double width(double depth, double radius) {
    double dn = Math.max(-1, Math.min(1, depth / radius));
    return 2.8 * (1 + 0.25 * dn);
  }
}
