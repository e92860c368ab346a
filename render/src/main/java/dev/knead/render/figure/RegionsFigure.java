package dev.knead.render.figure;

import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;

/** The decision regions over the input space, on a fine lattice, with the points and axes. */
public final class RegionsFigure implements Figure {
  /** Region samples of the fine lattice (160 × 160 for a 2-D input). */
  public static final int FINE_SAMPLES = 160 * 160;
  private final Subject subject;
  private final FigureOptions options;

  /** @param subject any trace of the network; it is traced again with a finer region lattice */
  public RegionsFigure(Subject subject, FigureOptions options) {
    Trace t = subject.trace();
    Tracer.Options d = Tracer.Options.DEFAULT;
    Tracer.Options fine = new Tracer.Options(d.lines2d(), d.samples2d(), d.lines3d(), d.samples3d(), FINE_SAMPLES, d.margin());
    Trace ft = Tracer.trace(t.network(), t.stage(0).points(), t.labels(), t.domain(), fine);
    this.subject = new Subject(ft, subject.classNames(), subject.description());
    this.options = options;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Stage in = subject.trace().stage(0);
    c.text(w / 2, 24, options.title().orElse(subject.description() + " · decision regions"), 16, Canvas.Anchor.MIDDLE,
        pal.ink(), true);
    SheetStyle st = new SheetStyle(pal, options.radiusFor(in.points().n()), true, false, true, 0);
    Sheet.draw(c, 12, 40, w - 28, h - 40 - 30, Scene.of(in.points(), in.grid(), in.field(), null), Camera.FLAT,
        new Sheet.Content(subject.trace().labels(), subject.trace().fieldClasses(), subject.fieldMargin(), subject.fieldSide(), subject.cut(in), null),
        st);
    Legend.row(c, w / 2, h - 10, subject.classNames(), false, pal, 11);
  }
}
