package dev.knead.render.topo;

import dev.knead.core.trace.Stage;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.figure.Sheet;
import dev.knead.render.figure.SheetStyle;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;
import dev.knead.topology.ph.PersistenceResult.Cycle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The representative loops of a class's most persistent H₁ bars, drawn on the points of one
 * stage: every point faint (the class a little stronger), each loop bold in the class colour
 * through the points it joins. The stage is seen as the stage figure sees it (its own
 * coordinates up to 3-D, first three principal axes beyond; the same oblique camera).
 */
public final class LoopFigure implements Figure {
  /** Stroke width of the most persistent bar's loop; further loops are thinner. */
  static final double LOOP_WIDTH = 2.6;

  private final Subject subject;
  private final int stage;
  private final int cls;
  private final int[] rows;
  private final List<Cycle> cycles;
  private final int points;
  private final FigureOptions options;

  /**
   * @param stage index in the trace
   * @param cls the class whose loops these are
   * @param rows maps a cycle's vertex index (a row of the point cloud Rips saw) to a row of the trace
   * @param cycles the loops, most persistent first (at least one)
   */
  public LoopFigure(Subject subject, int stage, int cls, int[] rows, List<Cycle> cycles, FigureOptions options) {
    if (stage < 0 || stage >= subject.trace().size()) {
      throw new IllegalArgumentException("stage " + stage + " is outside 0 … " + (subject.trace().size() - 1));
    }
    if (cycles.isEmpty()) {
      throw new IllegalArgumentException("no loop to draw");
    }
    int n = subject.trace().labels().length;
    for (Cycle cy : cycles) {
      for (int[] e : cy.edges()) {
        for (int v : e) {
          if (v < 0 || v >= rows.length || rows[v] < 0 || rows[v] >= n) {
            throw new IllegalArgumentException("a loop vertex " + v + " is not one of the " + rows.length + " points");
          }
        }
      }
    }
    this.subject = subject;
    this.stage = stage;
    this.cls = cls;
    this.rows = rows.clone();
    this.cycles = List.copyOf(cycles);
    this.points = rows.length;
    this.options = options;
  }

  /** @return the class drawn */
  public int classIndex() {
    return cls;
  }

  /** @return how many loops are drawn */
  public int loops() {
    return cycles.size();
  }

  /** @return loop k's vertices in order round it (0 = the most persistent bar's), as trace rows */
  public int[] vertices(int k) {
    return vertices(cycles.get(k));
  }

  /** @return a loop's vertices in order round it, as trace rows (the first is not repeated) */
  private int[] vertices(Cycle cy) {
    List<int[]> edges = cy.edges();
    int[] v = new int[edges.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rows[edges.get(i)[0]];
    }
    return v;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Stage s = subject.trace().stage(stage);
    int[] labels = subject.trace().labels();
    Cycle top = cycles.get(0);
    c.text(w / 2, 24, options.title().orElse(subject.description()), 16, Canvas.Anchor.MIDDLE, pal.ink(), true);
    c.text(w / 2, 42, caption(s, subject.className(cls), top, points), 11.5, Canvas.Anchor.MIDDLE, pal.muted(), false);

    Scene scene = Scene.of(s.points(), List.of(), s.field(), null);
    SheetStyle st = new SheetStyle(pal, options.radiusFor(s.points().n()), false, false, true, 0);
    Sheet.Layout l = Sheet.layout(12, 52, w - 28, h - 52 - 30, scene, Camera.oblique(-0.65), st);
    var v = l.viewport();
    int n = scene.n();
    double[] p = new double[n * 3];
    l.camera().project(scene.points(), n, l.centre(), l.radius(), p);
    double tilt = l.camera().tilt();

    c.clip(l.px(), l.py(), l.pw(), l.ph());
    Sheet.box(c, l, pal.muted());
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (tilt > 0) {
      Arrays.sort(order, (a, b) -> Double.compare(p[a * 3 + 2], p[b * 3 + 2]));
    }
    double r = st.radius();
    for (Integer idx : order) {
      int i = idx;
      boolean mine = labels[i] == cls;
      double fade = mine ? 0.55 : 0.86;
      if (tilt > 0) {
        double dn = Math.max(-1, Math.min(1, p[i * 3 + 2] / l.radius())); // −1 far … 1 near
        fade += (1 - fade) * 0.5 * (1 - dn) / 2;
      }
      c.dot(v.px(p[i * 3]), v.py(p[i * 3 + 1]), mine ? r : 0.8 * r, pal.tint(labels[i], fade), 0);
    }
    int col = Palette.mix(pal.classColor(cls), pal.ink(), 0.15);
    for (int k = cycles.size() - 1; k >= 0; k--) { // the most persistent loop last, on top
      int[] loop = vertices(cycles.get(k));
      int m = loop.length;
      double[] xs = new double[m + 1];
      double[] ys = new double[m + 1];
      for (int j = 0; j <= m; j++) {
        int i = loop[j % m];
        xs[j] = v.px(p[i * 3]);
        ys[j] = v.py(p[i * 3 + 1]);
      }
      double width = k == 0 ? LOOP_WIDTH : 1.6;
      c.polyline(xs, ys, m + 1, Palette.alpha(pal.background(), 0.9), width + 2.5, false); // a halo over the points
      c.polyline(xs, ys, m + 1, col, width, k > 0);
      for (int j = 0; j < m; j++) {
        c.dot(xs[j], ys[j], k == 0 ? 2.4 : 1.8, col, 0);
      }
    }
    c.unclip();
    c.strokeRect(l.px(), l.py(), l.pw(), l.ph(), Palette.alpha(pal.muted(), 0.6), 0.6);
    List<String> notes = new ArrayList<>();
    notes.add("bold: loop of the most persistent H\u2081 bar" + (cycles.size() > 1 ? "; dashed: the next " + (cycles.size() - 1) : ""));
    c.text(w / 2, h - 10, String.join("", notes), 11, Canvas.Anchor.MIDDLE, pal.ink(), false);
  }

  static String caption(Stage s, String className, Cycle top, int points) {
    String dims = s.dim() > 3 ? s.dim() + "-D, first three principal axes" : s.dim() + "-D";
    return String.format(Locale.ROOT, "stage %d · %s · %s · %s: H\u2081 bar born %.3g, dies %.3g (%d points, %d edges)",
        s.index(), s.name(), dims, className, top.bar().birth(), top.bar().death(), points, top.length());
  }
}
