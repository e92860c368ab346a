package dev.knead.render.figure;

import dev.knead.core.trace.ProjectionKind;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.StageLayouts;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tsne;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;
import java.util.List;
import java.util.Locale;

/**
 * The input, every layer's output and the logits side by side through one of the
 * {@link ProjectionKind}s: each stage's principal axes (turned onto the previous stage by
 * Procrustes), one grand-tour frame of a shared space ({@link TourFigure}), or each stage's own
 * t-SNE layout ({@link StageLayouts}: no basis carried; each stage started from the previous
 * one's layout and turned onto it, so what moves between panels can be followed, but distances
 * between clusters and their sizes mean little).
 */
public final class LayersFigure implements Figure {
  private final Subject subject;
  private final FigureOptions options;
  private final ProjectionKind kind;
  private final StageLayouts layouts;

  private LayersFigure(Subject subject, FigureOptions options, ProjectionKind kind, StageLayouts layouts) {
    this.subject = subject;
    this.options = options;
    this.kind = kind;
    this.layouts = layouts;
  }

  /** The figure of a subject's layer ends through a projection (t-SNE laid out here, once). */
  public static Figure of(Subject subject, FigureOptions options, ProjectionKind kind) {
    return switch (kind) {
      case TOUR -> new TourFigure(subject, options, 0, 0);
      case PCA -> new LayersFigure(subject, options, kind, null);
      case TSNE -> new LayersFigure(subject, options, kind, layouts(subject.trace()));
    };
  }

  /** @return the t-SNE layouts of a trace's layer ends with the default settings, cap and seed */
  public static StageLayouts layouts(Trace t) {
    return StageLayouts.of(t.layerEnds().stream().map(Stage::points).toList());
  }

  /** @return a short caption (for a 600-wide animation): what a t-SNE frame is */
  public static String tsneShortCaption(StageLayouts l, int total) {
    return String.format(Locale.ROOT, "t-SNE of each stage on its own (perplexity %s, %s), started from the previous",
        number(l.perplexity()), l.n() == total ? l.n() + " points" : l.n() + " of " + total + " points");
  }

  /** @return the caption that says what a t-SNE panel is and is not */
  public static String tsneCaption(StageLayouts l, int total) {
    Tsne.Options o = Tsne.Options.DEFAULT;
    String pts = l.n() == total ? l.n() + " points" : String.format(Locale.ROOT, "%d of %d points (subsample seed %d)", l.n(),
        total, StageLayouts.SEED);
    return String.format(Locale.ROOT, "t-SNE per stage, perplexity %s, %d steps, %s; each layout its own (no carried basis),"
        + " started from the previous stage's", number(l.perplexity()), o.iterations(), pts);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Trace t = subject.trace();
    List<Stage> stages = t.layerEnds();
    int k = stages.size();
    double top = 48;
    double bottom = 26;
    PanelGrid grid = PanelGrid.of(k, w, h, top, bottom);
    int cols = grid.cols();
    double cw = grid.cellWidth();
    double ch = grid.cellHeight();
    int total = t.labels().length;
    String how = kind == ProjectionKind.TSNE ? "t-SNE" : "its principal axes";
    c.text(w / 2, 22, options.title().orElse(subject.description() + " · every layer through " + how), 16, Canvas.Anchor.MIDDLE,
        pal.ink(), true);
    String sub = kind == ProjectionKind.TSNE ? tsneCaption(layouts, total)
        : "each stage on its own first principal axes, turned onto the previous stage by Procrustes";
    // a narrow figure (2 × 2 panels) shrinks the subtitle rather than cropping it: an average
    // sans-serif glyph is about 0.55 of the font size wide
    c.text(w / 2, 38, sub, Math.max(7, Math.min(10.5, (w - 16) / (0.55 * sub.length()))), Canvas.Anchor.MIDDLE, pal.muted(), false);
    int[] labels = labels(t.labels());
    int n = labels.length;
    SheetStyle st = new SheetStyle(pal, Math.max(0.8, Math.min(options.radiusFor(n) * 0.6, cw / 110)), false, false, false,
        Math.max(7.5, Math.min(11, cw / 26)));
    Scene prev = null;
    for (int i = 0; i < k; i++) {
      Stage s = stages.get(i);
      Scene scene = kind == ProjectionKind.TSNE ? flat(layouts.layout(i), n, s.dim())
          : Scene.of(s.points(), List.of(), dev.knead.core.data.Points.of(0, s.dim(), new double[0]), prev);
      prev = scene;
      double x = 8 + (i % cols) * cw;
      double yy = top + (i / cols) * ch;
      String name = StagesFigure.fit(s.name() + " · " + s.dim() + "-D", cw - 12, st.captionSize());
      Sheet.draw(c, x + 3, yy + 2, cw - 6, ch - 6, scene, Camera.oblique(-0.65),
          new Sheet.Content(labels, new int[0], new double[0], 0, null, name), st);
    }
    Legend.row(c, w / 2, h - 8, subject.classNames(), t.network().classes() == 2, pal, 11);
  }

  /** The labels of the points shown (the t-SNE subsample's, or all). */
  private int[] labels(int[] all) {
    if (layouts == null) {
      return all;
    }
    int[] idx = layouts.indices();
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = all[idx[i]];
    }
    return out;
  }

  /** A plane layout as a flat scene (z = 0), marked as a projection of a d-D stage. */
  static Scene flat(double[] y, int n, int d) {
    double[] p3 = new double[n * 3];
    for (int i = 0; i < n; i++) {
      p3[i * 3] = y[i * 2];
      p3[i * 3 + 1] = y[i * 2 + 1];
    }
    return new Scene(p3, List.of(), new double[0], Math.max(4, d), true);
  }
}
