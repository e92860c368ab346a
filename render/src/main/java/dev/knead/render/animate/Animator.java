package dev.knead.render.animate;

import dev.knead.core.trace.Frame;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Canvas;
import dev.knead.render.canvas.Java2DCanvas;
import dev.knead.render.figure.Legend;
import dev.knead.render.figure.Sheet;
import dev.knead.render.figure.SheetStyle;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Draws the move-by-move animation of a whole network: every rotate, stretch, rotate, shift and
 * bend in turn, points, grid and regions moving together (frames are {@link Trace#at} positions),
 * a caption naming the move, and a strip below marking where in the network the frame is. A
 * 3-D stage tips the camera up while it gains its third axis and turns slowly; wider stages are
 * shown on principal axes kept continuous from frame to frame.
 *
 * <p>One image and one canvas are reused for every frame; not thread-safe.
 */
public final class Animator {
  private final Subject subject;
  private final AnimationOptions options;
  private final Timeline timeline;
  private final BufferedImage image;
  private final Graphics2D graphics;
  private final Java2DCanvas canvas;
  private final int[] labels;
  private final int[] fieldClasses;
  private final double[] fieldMargin;
  private final int fieldSide;
  private final boolean[] planar;
  private Scene previous;

  public Animator(Subject subject, AnimationOptions options) {
    this.subject = subject;
    this.options = options;
    this.labels = subject.trace().labels();
    this.fieldClasses = subject.trace().fieldClasses();
    this.fieldMargin = subject.fieldMargin();
    this.fieldSide = subject.fieldSide();
    this.planar = new boolean[subject.trace().size()];
    for (Stage s : subject.trace().stages()) {
      planar[s.index()] = Scene.of(s.points(), List.of(), s.field(), null).planar();
    }
    this.timeline = new Timeline(subject.trace().size(), options.frames(), options.hold());
    FigureOptions f = options.figure();
    image = new BufferedImage(f.pixelWidth(), f.pixelHeight(), BufferedImage.TYPE_INT_RGB);
    graphics = image.createGraphics();
    canvas = new Java2DCanvas(graphics, f.scale());
  }

  public int frames() {
    return timeline.frames();
  }

  /** @return the image every frame is drawn into (overwritten by the next {@link #draw}) */
  public BufferedImage image() {
    return image;
  }

  /**
   * Draws frames 0 … frames − 1 in order, calling {@code sink} with the index after each one;
   * the sink reads {@link #image()}.
   */
  public void run(IntConsumer sink) {
    previous = null;
    for (int k = 0; k < frames(); k++) {
      draw(k);
      sink.accept(k);
    }
  }

  /** Draws frame k into {@link #image()}; draw frames in order for continuous principal axes. */
  public void draw(int k) {
    draw(canvas, k);
  }

  /** Draws frame k on any canvas (SVG for a single frame, for instance). */
  public void draw(Canvas c, int k) {
    FigureOptions f = options.figure();
    Palette pal = f.palette();
    double w = f.width();
    double h = f.height();
    Trace t = subject.trace();
    Timeline.Position pos = timeline.at(k);
    Frame fr = t.at(pos.stage(), pos.t());
    Stage to = t.stage(pos.stage());
    Stage from = t.stage(Math.max(0, pos.stage() - 1));
    double tour = options.tour() ? Math.PI / 2 * Math.pow(Math.sin(Math.PI * pos.u()), 2) : 0;
    Scene scene = Scene.of(fr.points(), fr.grid(), fr.field(), previous, tour);
    previous = scene;
    double tilt = tilt(scene.planar(), planar[from.index()], planar[to.index()], pos.stage() == 0 || pos.t() >= 1 ? 1 : pos.t());
    Camera cam = new Camera(-0.65 + 2 * Math.PI * options.turns() * pos.u(), 1.1, tilt, 5);

    c.fillRect(0, 0, w, h, pal.background());
    double title = Math.max(11, Math.min(16, w / 42));
    c.text(w / 2, title * 1.45, f.title().orElse(subject.description()), title, Canvas.Anchor.MIDDLE, pal.muted(), false);
    String move = pos.t() >= 1 || pos.stage() == 0 ? to.name() : to.name() + " …";
    c.text(w / 2, title * 2.9, move, title * 1.1, Canvas.Anchor.MIDDLE, pal.ink(), true);
    double top = title * 3.5;
    double strip = 26;
    SheetStyle st = new SheetStyle(pal, f.radiusFor(fr.points().n()), f.regions(), f.sheet(), false, 0);
    boolean settled = pos.t() >= 1;
    Sheet.draw(c, 8, top, w - 16, h - top - strip - 8, scene, cam,
        new Sheet.Content(labels, fieldClasses, fieldMargin, fieldSide, settled ? subject.cut(to) : null, null), st);
    if (settled || pos.stage() == 0) {
      // resting on a stage: a k-NN block's prototypes where it reads them (between stages they would mislead)
      dev.knead.render.figure.BlockPainter.overlay(c, Sheet.layout(8, top, w - 16, h - top - strip - 8, scene, cam, st), scene,
          t.network(), pos.stage(), to.dim(), Math.max(3, Math.min(6, w / 110)), pal);
    }
    dev.knead.render.figure.BlockMarks.halvesAt(t.network(), pos.stage()).ifPresent(hv ->
        c.text(w / 2, h - strip - 12, "coupling: " + hv.caption(), Math.max(8, title * 0.75), Canvas.Anchor.MIDDLE, pal.ink(), false));
    strip(c, w, h - strip, pos, pal);
  }

  /**
   * How far the camera is tipped: 0 flat, 1 oblique; blended while a move takes a flat sheet
   * into three dimensions or back, so the view never jumps.
   */
  static double tilt(boolean frameFlat, boolean fromFlat, boolean toFlat, double t) {
    if (frameFlat) {
      return 0;
    }
    if (fromFlat && !toFlat) {
      return t;
    }
    if (!fromFlat && toFlat) {
      return 1 - t;
    }
    if (fromFlat) {
      return Math.sin(Math.PI * t); // leaves the plane and comes back within one move
    }
    return 1;
  }

  /** A strip of ticks, one per stage, the layers' bends taller, with a marker at the frame's position. */
  private void strip(Canvas c, double w, double y, Timeline.Position pos, Palette pal) {
    Trace t = subject.trace();
    int n = t.size();
    double x0 = 20;
    double x1 = w - 20;
    double yy = y + 10;
    c.line(x0, yy, x1, yy, Palette.alpha(pal.muted(), 0.6), 1);
    for (int i = 0; i < n; i++) {
      double x = x0 + (x1 - x0) * i / Math.max(1, n - 1);
      Stage s = t.stage(i);
      double tall = s.kind() == Stage.Kind.BEND || s.kind() == Stage.Kind.INPUT || s.kind() == Stage.Kind.OUTPUT ? 5 : 2.5;
      c.line(x, yy - tall, x, yy + tall, pal.muted(), 1);
    }
    double at = pos.stage() == 0 ? 0 : pos.stage() - 1 + pos.t();
    double mx = x0 + (x1 - x0) * at / Math.max(1, n - 1);
    c.dot(mx, yy, 4, pal.ink(), 0);
    if (t.network().classes() <= 4 && w >= 360) {
      Legend.row(c, w / 2, y + 24, subject.classNames(), false, pal, 9);
    }
  }

  /** Releases the drawing surface. */
  public void close() {
    graphics.dispose();
  }
}
