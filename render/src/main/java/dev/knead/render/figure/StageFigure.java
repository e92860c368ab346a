package dev.knead.render.figure;

import dev.knead.core.trace.Stage;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Cut;
import dev.knead.render.view.Scene;
import java.util.Locale;

/**
 * One stage of the kneading: points coloured by class, the deformed grid, the decision
 * regions carried into the stage's coordinates, and — where it is a line or plane there — the
 * output layer's cut. 3-D stages are seen from an oblique camera; wider ones on principal axes.
 */
public final class StageFigure implements Figure {
  private final Subject subject;
  private final int stage;
  private final FigureOptions options;

  /** @param stage index in the trace, 0 = input */
  public StageFigure(Subject subject, int stage, FigureOptions options) {
    if (stage < 0 || stage >= subject.trace().size()) {
      throw new IllegalArgumentException("stage " + stage + " is outside 0 … " + (subject.trace().size() - 1));
    }
    this.subject = subject;
    this.stage = stage;
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Stage s = subject.trace().stage(stage);
    String title = options.title().orElse(subject.description());
    c.text(w / 2, 24, title, 16, Canvas.Anchor.MIDDLE, pal.ink(), true);
    c.text(w / 2, 42, caption(s, subject.trace().size()), 11.5, Canvas.Anchor.MIDDLE, pal.muted(), false);
    Scene scene = Scene.of(s.points(), s.grid(), s.field(), null);
    Cut cut = subject.cut(s);
    SheetStyle st = new SheetStyle(pal, options.radiusFor(s.points().n()), options.regions(), options.sheet(), true, 0);
    Sheet.draw(c, 12, 52, w - 28, h - 52 - 30, scene, Camera.oblique(-0.65),
        new Sheet.Content(subject.trace().labels(), subject.trace().fieldClasses(), subject.fieldMargin(), subject.fieldSide(), cut, null), st);
    // blocks that are not dense layers: a k-NN block's prototypes where it reads, a coupling's halves
    Sheet.Layout lay = Sheet.layout(12, 52, w - 28, h - 52 - 30, scene, Camera.oblique(-0.65), st);
    BlockPainter.overlay(c, lay, scene, subject.trace().network(), stage, s.dim(), 6, pal);
    BlockMarks.halvesAt(subject.trace().network(), stage)
        .ifPresent(hv -> c.text(w / 2, h - 26, "coupling: " + hv.caption(), 11, Canvas.Anchor.MIDDLE, pal.ink(), false));
    Legend.row(c, w / 2, h - 10, subject.classNames(), cut != null, pal, 11);
  }

  static String caption(Stage s, int stages) {
    String dims = s.dim() > 3 ? s.dim() + "-D, first three principal axes" : s.dim() + "-D";
    return String.format(Locale.ROOT, "stage %d of %d · %s · %s", s.index(), stages - 1, s.name(), dims);
  }
}
