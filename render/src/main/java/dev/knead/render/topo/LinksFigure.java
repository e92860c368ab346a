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
  static final int LAYERS = 24;

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

    // each curve cut into runs of consecutive segments in one depth layer; runs drawn far → near,
    // each over a halo of the page colour (so a near strand crosses over a far one). A run's
    // stroke reaches a halo's width past its ends, repainting the notch its halo cuts into
    // the neighbouring run.
    List<double[]> runs = new ArrayList<>(); // depth, loop, first vertex, vertex count
    List<double[]> proj = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Loop3 loop : loops) {
      int m = loop.m();
      double[] q = new double[m * 3];
      l.camera().project(loop.xyz(), m, l.centre(), radius, q);
      proj.add(q);
      for (int j = 0; j < m; j++) {
        lo = Math.min(lo, q[j * 3 + 2]);
        hi = Math.max(hi, q[j * 3 + 2]);
      }
    }
    double span = Math.max(hi - lo, 1e-12);
    for (int li = 0; li < loops.size(); li++) {
      double[] q = proj.get(li);
      int m = q.length / 3;
      int start = 0;
      int layer = layer(q, 0, m, lo, span);
      for (int j = 1; j <= m; j++) {
        int next = j < m ? layer(q, j, m, lo, span) : -1;
        if (next != layer) {
          runs.add(new double[] {layer, li, start, j - start});
          start = j;
          layer = next;
        }
      }
    }
    runs.sort((a, b) -> Double.compare(a[0], b[0]));
    for (double[] run : runs) {
      int li = (int) run[1];
      double[] q = proj.get(li);
      int m = q.length / 3;
      int first = (int) run[2];
      int count = (int) run[3];
      double depth = lo + span * (run[0] + 0.5) / LAYERS;
      double dn = Math.max(-1, Math.min(1, depth / radius));
      double lw = 2.8 * (1 + 0.25 * dn); // near strands wider, ±25 %
      int col = Palette.mix(pal.classColor(loops.get(li).classIndex()), pal.background(), 0.45 * (1 - dn) / 2);
      double[][] halo = strip(q, m, v, first, count + 1, 0);
      c.polyline(halo[0], halo[1], halo[0].length, pal.background(), lw + 3.2, false);
      double[][] line = strip(q, m, v, first, count + 1, lw + 3.2); // past the halo's round cap
      c.polyline(line[0], line[1], line[0].length, col, lw, false);
    }
    c.unclip();
    c.strokeRect(l.px(), l.py(), l.pw(), l.ph(), Palette.alpha(pal.muted(), 0.6), 0.6);
    Legend.row(c, w / 2, h - 10, subject.classNames(), false, pal, 11);
  }


  /** @return the depth layer of segment j → j + 1 (by its mean depth) */
  private static int layer(double[] q, int j, int m, double lo, double span) {
    int k = (j + 1) % m;
    double depth = (q[j * 3 + 2] + q[k * 3 + 2]) / 2;
    return Math.min(LAYERS - 1, (int) ((depth - lo) / span * LAYERS));
  }

  /**
   * @return pixel x and y of {@code count} vertices from {@code first} (cyclic), extended at each
   *     end by vertices until the extension is {@code reach} pixels long (or the loop is closed)
   */
  private static double[][] strip(double[] q, int m, dev.knead.render.view.Viewport v, int first, int count, double reach) {
    int before = 0;
    int after = 0;
    if (reach > 0) {
      double len = 0;
      while (len < reach && count + before + after < m + 1) {
        int j = Math.floorMod(first - before, m);
        int k = Math.floorMod(first - before - 1, m);
        len += Math.hypot(v.px(q[j * 3]) - v.px(q[k * 3]), v.py(q[j * 3 + 1]) - v.py(q[k * 3 + 1]));
        before++;
      }
      len = 0;
      int last = first + count - 1;
      while (len < reach && count + before + after < m + 1) {
        int j = Math.floorMod(last + after, m);
        int k = Math.floorMod(last + after + 1, m);
        len += Math.hypot(v.px(q[j * 3]) - v.px(q[k * 3]), v.py(q[j * 3 + 1]) - v.py(q[k * 3 + 1]));
        after++;
      }
    }
    int n = Math.min(m + 1, count + before + after);
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      int j = Math.floorMod(first - before + i, m);
      xs[i] = v.px(q[j * 3]);
      ys[i] = v.py(q[j * 3 + 1]);
    }
    return new double[][] {xs, ys};
  }
}
