package dev.knead.render.animate;

import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.Provenance;
import dev.knead.core.trace.GrandTour;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.StageLayouts;
import dev.knead.core.trace.TourSpace;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.canvas.Java2DCanvas;
import dev.knead.render.figure.LayersFigure;
import dev.knead.render.figure.Legend;
import dev.knead.render.figure.Sheet;
import dev.knead.render.figure.SheetStyle;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A grand tour of a network's layers as a looping GIF: the input, every layer's output and the
 * logits placed in one space ({@link TourSpace}), the points gliding from each stage to the next
 * while one {@link GrandTour} turns the view steadily. Because the stages are aligned by
 * Procrustes and the view turns at its own slow pace, what changes between stages is the
 * network's doing; what changes while a stage rests is only the view.
 */
public final class TourAnimation {
  /** Target frames of the tour; the view turns through them over the loop. */
  static final int SEGMENTS = 64;

  private TourAnimation() {}

  /**
   * @param fps frames per second
   * @param secondsPerStage time per stage: a rest, then the glide to the next
   * @param turn tour time per second (each view direction turns at most π/2 × turn radians per second)
   * @param seed the tour's seed
   */
  public record Options(FigureOptions figure, int fps, double secondsPerStage, double turn, long seed) {
    public Options {
      if (fps < 1 || fps > 60) {
        throw new IllegalArgumentException("fps " + fps + " is outside 1 … 60");
      }
      if (!(secondsPerStage >= 0.2 && secondsPerStage <= 20)) {
        throw new IllegalArgumentException("seconds per stage " + secondsPerStage + " is outside 0.2 … 20");
      }
      if (!(turn > 0 && turn <= 2)) {
        throw new IllegalArgumentException("tour speed " + turn + " is outside (0, 2]");
      }
    }

    /** @return frames in one loop for k stages */
    public int frames(int k) {
      return (int) Math.round(fps * secondsPerStage * k);
    }
  }

  /** @return the GIF's bytes (provenance as its comment; null = none) */
  public static byte[] bytes(Subject subject, Options o, Provenance provenance) {
    List<Stage> stages = subject.trace().layerEnds();
    TourSpace space = TourSpace.of(stages.stream().map(Stage::points).toList());
    GrandTour tour = GrandTour.of(space.dim(), SEGMENTS, o.seed());
    double[][] placed = new double[stages.size()][];
    for (int s = 0; s < placed.length; s++) {
      placed[s] = space.placed(s);
    }
    return glide(subject, o, provenance, placed, space.dim(), subject.trace().labels(), time -> tour.view(time), false,
        time -> String.format(Locale.ROOT, "grand tour, time %.2f · stages aligned by Procrustes in %d-D", time, space.dim()));
  }

  /**
   * The same glide through each stage's t-SNE layout ({@link StageLayouts}), in the plane: no
   * view turns; each layout is its own, started from the previous stage's and turned onto it.
   *
   * @return the GIF's bytes (provenance as its comment; null = none)
   */
  public static byte[] tsneBytes(Subject subject, Options o, Provenance provenance) {
    StageLayouts l = LayersFigure.layouts(subject.trace());
    double[][] placed = new double[l.size()][];
    for (int s = 0; s < placed.length; s++) {
      placed[s] = l.layout(s);
    }
    int[] all = subject.trace().labels();
    int[] idx = l.indices();
    int[] labels = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      labels[i] = all[idx[i]];
    }
    double[] plane = {1, 0, 0, 1, 0, 0};
    String caption = LayersFigure.tsneShortCaption(l, all.length);
    return glide(subject, o, provenance, placed, 2, labels, time -> plane, true, time -> caption);
  }

  public static void writeTsne(Subject subject, Options o, Provenance provenance, Path out) {
    AtomicFiles.write(out, tsneBytes(subject, o, provenance));
  }

  /**
   * Rests on each stage, then glides (smoothstep) to the next, every frame seen through
   * view(time).
   *
   * @param placed per stage, n × dim
   * @param view tour time → 3 × dim view
   */
  private static byte[] glide(Subject subject, Options o, Provenance provenance, double[][] placed, int dim, int[] labels,
      DoubleFunction<double[]> view, boolean flat, DoubleFunction<String> subtitle) {
    List<Stage> stages = subject.trace().layerEnds();
    FigureOptions f = o.figure();
    Palette pal = f.palette();
    int n = labels.length;
    int k = stages.size();
    int frames = o.frames(k);
    BufferedImage image = new BufferedImage(f.pixelWidth(), f.pixelHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Java2DCanvas canvas = new Java2DCanvas(g, f.scale());
    Quantizer q = new Quantizer(pal, subject.trace().network().classes());
    BufferedImage indexed = q.newIndexed(image.getWidth(), image.getHeight());
    SheetStyle st = new SheetStyle(pal, Math.max(1.2, f.radiusFor(n) * 0.8), false, false, false, 11);
    double w = f.width();
    double h = f.height();
    double[] mix = new double[n * dim];
    double[] y = new double[n * 3];
    int delay = Math.max(2, (int) Math.round(100.0 / o.fps()));
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try (GifWriter gif = new GifWriter(out, image.getWidth(), image.getHeight(), q.colors(), Quantizer.UNCHANGED, 0,
        provenance)) {
      for (int fr = 0; fr < frames; fr++) {
        double pos = fr / (double) o.fps() / o.secondsPerStage(); // stages passed
        int s = Math.min(k - 1, (int) Math.floor(pos));
        double u = pos - s;
        // rest for the first half of a stage's time, glide (smoothstep) in the second half
        double glide = s == k - 1 ? 0 : u < 0.5 ? 0 : smooth((u - 0.5) / 0.5);
        int next = Math.min(k - 1, s + 1);
        for (int i = 0; i < mix.length; i++) {
          mix[i] = (1 - glide) * placed[s][i] + glide * placed[next][i];
        }
        double time = fr / (double) o.fps() * o.turn();
        show(mix, dim, view.apply(time), n, y);
        canvas.fillRect(0, 0, w, h, pal.background());
        Stage at = stages.get(glide < 0.5 ? s : next);
        String caption = glide == 0 ? at.name() + " · " + at.dim() + "-D"
            : stages.get(s).name() + " → " + stages.get(next).name();
        canvas.text(w / 2, 20, subject.description(), 13, dev.knead.render.canvas.Canvas.Anchor.MIDDLE, pal.ink(), true);
        canvas.text(w / 2, 36, subtitle.apply(time), 10, dev.knead.render.canvas.Canvas.Anchor.MIDDLE, pal.muted(), false);
        Scene scene = new Scene(y.clone(), List.of(), new double[0], Math.max(4, dim), flat);
        Sheet.draw(canvas, 8, 44, w - 16, h - 80, scene, Camera.oblique(-0.65),
            new Sheet.Content(labels, new int[0], new double[0], 0, null, caption), st);
        Legend.row(canvas, w / 2, h - 10, subject.classNames(), subject.trace().network().classes() == 2, pal, 11);
        q.quantize(image, indexed);
        gif.add(indexed, delay);
      }
    } finally {
      g.dispose();
    }
    return out.toByteArray();
  }

  public static void write(Subject subject, Options o, Provenance provenance, Path out) {
    AtomicFiles.write(out, bytes(subject, o, provenance));
  }

  private static void show(double[] x, int d, double[] view, int n, double[] y) {
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
          sum += x[i * d + j] * view[c * d + j];
        }
        y[i * 3 + c] = sum;
      }
    }
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }
}
