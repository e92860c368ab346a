package dev.knead.render.figure;

import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * Small multiples: the stages of a network side by side, in reading order, one glance for the
 * whole kneading. Up to 16 stages every move is shown; deeper networks show the input, each
 * layer's bend, the logits and the output.
 */
public final class StagesFigure implements Figure {
  public static final int ALL_MOVES_UP_TO = 16;
  private final Subject subject;
  private final FigureOptions options;

  public StagesFigure(Subject subject, FigureOptions options) {
    this.subject = subject;
    this.options = options;
  }

  /** @return the stages drawn, by index */
  public static List<Integer> chosen(Trace t) {
    List<Integer> out = new ArrayList<>();
    for (Stage s : t.stages()) {
      if (t.size() <= ALL_MOVES_UP_TO || s.kind() == Stage.Kind.INPUT || s.kind() == Stage.Kind.BEND
          || s.kind() == Stage.Kind.OUTPUT || s.index() == t.logits().index()) {
        out.add(s.index());
      }
    }
    return out;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Trace t = subject.trace();
    List<Integer> which = chosen(t);
    int k = which.size();
    double top = 40;
    double bottom = 26;
    PanelGrid grid = PanelGrid.of(k, w, h, top, bottom);
    int cols = grid.cols();
    double cw = grid.cellWidth();
    double ch = grid.cellHeight();
    c.text(w / 2, 24, options.title().orElse(subject.description() + " · every move"), 16, Canvas.Anchor.MIDDLE, pal.ink(),
        true);
    double caption = Math.max(7.5, Math.min(11, cw / 26));
    int n = t.labels().length;
    SheetStyle st = new SheetStyle(pal, Math.max(0.8, Math.min(options.radiusFor(n) * 0.6, cw / 110)), options.regions(),
        options.sheet(), false, caption);
    for (int i = 0; i < k; i++) {
      Stage s = t.stage(which.get(i));
      double x = 8 + (i % cols) * cw;
      double y = top + (i / cols) * ch;
      Scene scene = Scene.of(s.points(), s.grid(), s.field(), null);
      String name = fit(s.index() + " · " + s.name().replace("output layer", "out").replace("layer ", "L"), cw - 12, caption);
      Sheet.draw(c, x + 3, y + 2, cw - 6, ch - 6, scene, Camera.oblique(-0.65),
          new Sheet.Content(t.labels(), t.fieldClasses(), subject.fieldMargin(), subject.fieldSide(), subject.cut(s), name), st);
      BlockPainter.overlay(c, Sheet.layout(x + 3, y + 2, cw - 6, ch - 6, scene, Camera.oblique(-0.65), st), scene, t.network(),
          s.index(), s.dim(), Math.max(2.5, Math.min(5, cw / 60)), pal);
    }
    Legend.row(c, w / 2, h - 8, subject.classNames(), t.network().classes() == 2, pal, 11);
  }

  /** A caption cut with "…" to the panel's width (about 0.56 em a character), so it never runs into the next panel. */
  static String fit(String caption, double width, double size) {
    int most = (int) Math.floor(width / (0.56 * size));
    return caption.length() <= most ? caption : caption.substring(0, Math.max(1, most - 1)).stripTrailing() + "…";
  }
}
