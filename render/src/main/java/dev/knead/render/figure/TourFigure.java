package dev.knead.render.figure;

import dev.knead.core.trace.GrandTour;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.TourSpace;
import dev.knead.core.trace.Trace;
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
 * The input, every layer's output and the logits side by side, all seen through one frame of a
 * grand tour in one space ({@link TourSpace}: each stage placed on the one before it by
 * Procrustes), so that a difference between two panels is the network's doing, not the
 * projection's. At tour time 0 the frame is the input's first three principal axes, carried.
 */
public final class TourFigure implements Figure {
  /** Target frames of the tour; time runs over [0, SEGMENTS]. */
  public static final int SEGMENTS = 64;
  private final Subject subject;
  private final FigureOptions options;
  private final double time;
  private final long seed;

  /**
   * @param time tour time in [0, {@link #SEGMENTS}]
   * @param seed the tour's seed
   */
  public TourFigure(Subject subject, FigureOptions options, double time, long seed) {
    this.subject = subject;
    this.options = options;
    this.time = time;
    this.seed = seed;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Trace t = subject.trace();
    List<Stage> stages = t.layerEnds();
    TourSpace space = TourSpace.of(stages.stream().map(Stage::points).toList());
    double[] view = GrandTour.of(space.dim(), SEGMENTS, seed).view(time);
    int k = stages.size();
    double top = 48;
    double bottom = 26;
    PanelGrid grid = PanelGrid.of(k, w, h, top, bottom);
    int cols = grid.cols();
    double cw = grid.cellWidth();
    double ch = grid.cellHeight();
    c.text(w / 2, 22, options.title().orElse(subject.description() + " · every layer through one grand-tour view"), 16,
        Canvas.Anchor.MIDDLE, pal.ink(), true);
    c.text(w / 2, 38, String.format(Locale.ROOT, "tour time %.2f (seed %d) in a %d-D space shared by all stages;"
        + " stages aligned by Procrustes on the same points", time, seed, space.dim()), 10.5, Canvas.Anchor.MIDDLE,
        pal.muted(), false);
    int n = t.labels().length;
    SheetStyle st = new SheetStyle(pal, Math.max(0.8, Math.min(options.radiusFor(n) * 0.6, cw / 110)), false, false, false,
        Math.max(7.5, Math.min(11, cw / 26)));
    double[] y = new double[n * 3];
    for (int i = 0; i < k; i++) {
      Stage s = stages.get(i);
      space.show(i, view, y);
      Scene scene = new Scene(y.clone(), List.of(), new double[0], Math.max(4, s.dim()), false);
      double x = 8 + (i % cols) * cw;
      double yy = top + (i / cols) * ch;
      String name = s.name() + " · " + s.dim() + "-D";
      Sheet.draw(c, x + 3, yy + 2, cw - 6, ch - 6, scene, Camera.oblique(-0.65),
          new Sheet.Content(t.labels(), new int[0], new double[0], 0, null, name), st);
    }
    Legend.row(c, w / 2, h - 8, subject.classNames(), t.network().classes() == 2, pal, 11);
  }

}
