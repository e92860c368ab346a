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

/**
 * Lifting: a 2-D input (left) pulled into 3-D by a 3-wide hidden layer (right), seen from an
 * oblique camera, with the output layer's separating plane where that layer feeds the output.
 * The sheet of region cells shows the input plane bent into space; points in front of the plane
 * are drawn over it, points behind it under.
 */
public final class LiftFigure implements Figure {
  private final Subject subject;
  private final FigureOptions options;
  private final int stage;
  private final double yaw;

  /** @throws IllegalArgumentException when the network has no 3-wide hidden layer after a 2-D input */
  public LiftFigure(Subject subject, FigureOptions options, double yaw) {
    this.subject = subject;
    this.options = options;
    this.yaw = yaw;
    this.stage = liftStage(subject.trace());
  }

  /** @return the last hidden bend stage that is 3-D, for a network with 2-D input */
  public static int liftStage(Trace t) {
    if (t.network().inputDim() != 2) {
      throw new IllegalArgumentException("the lift figure needs a 2-D input; this network takes " + t.network().inputDim() + "-D");
    }
    int found = -1;
    for (Stage s : t.stages()) {
      if (s.kind() == Stage.Kind.BEND && s.dim() == 3 && s.layer() < t.network().blocks().size() - 1) {
        found = s.index();
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("the lift figure needs a hidden layer 3 units wide; this network is "
          + t.network().describe());
    }
    return found;
  }

  @Override
  public void draw(Canvas c, double w, double h) {
    Palette pal = options.palette();
    Trace t = subject.trace();
    c.text(w / 2, 24, options.title().orElse(subject.description() + " · lifting into 3-D"), 16, Canvas.Anchor.MIDDLE,
        pal.ink(), true);
    double top = 38;
    double bottom = 28;
    double pw = (w - 24) / 2;
    double ph = h - top - bottom;
    int n = t.labels().length;
    Stage in = t.stage(0);
    Stage up = t.stage(stage);
    SheetStyle st = new SheetStyle(pal, options.radiusFor(n) * 0.85, options.regions(), options.sheet(), false, 11);
    Sheet.Content left = new Sheet.Content(t.labels(), t.fieldClasses(), subject.fieldMargin(), subject.fieldSide(), subject.cut(in),
        "input (2-D) with the decision regions");
    Sheet.draw(c, 8, top, pw, ph, Scene.of(in.points(), in.grid(), in.field(), null), Camera.FLAT, left, st);
    boolean plane = subject.cut(up) != null;
    Sheet.Content right = new Sheet.Content(t.labels(), t.fieldClasses(), subject.fieldMargin(), subject.fieldSide(), subject.cut(up),
        up.name() + " (3-D)" + (plane ? ": the output's plane separates" : ""));
    Sheet.draw(c, 16 + pw, top, pw, ph, Scene.of(up.points(), up.grid(), up.field(), null), Camera.oblique(yaw), right, st);
    Legend.row(c, w / 2, h - 9, subject.classNames(), plane, pal, 11);
  }
}
