package dev.knead.app.lab;

import dev.knead.app.door.Figures;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import dev.knead.core.io.Provenance;
import dev.knead.core.net.Network;
import dev.knead.core.train.Epoch;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subject;
import dev.knead.render.animate.AnimationOptions;
import dev.knead.render.animate.GifAnimation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab's exports through the render module: a figure (PNG or SVG) or the move-by-move GIF of
 * a run's weights, drawn by the same classes as {@code knead render} and {@code knead animate}
 * ({@link Figures}, {@link GifAnimation}). One drawing thread and a short queue: a request that
 * finds the queue full is refused (429) rather than left to pile up behind others.
 */
final class FigureExports implements AutoCloseable {
  /** Figures waiting beyond the one being drawn. */
  static final int QUEUE = 3;
  /** Largest side of a figure, and of an animation frame. */
  static final int MAX_SIDE = 2400;
  static final int MAX_GIF_SIDE = 800;
  static final int MAX_GIF_FPS = 30;
  static final double MAX_GIF_SECONDS = 20;
  /** How long a request waits for its drawing. */
  static final long TIMEOUT_SECONDS = 120;

  /** The file formats of a figure. */
  enum Format { PNG, SVG }

  /**
   * What to draw.
   *
   * @param stage the stage for kinds that draw one, or null for the kind's default
   */
  record FigureRequest(Figures.Kind kind, Format format, Integer stage, int width, int height, double scale,
      dev.knead.core.trace.ProjectionKind projection) {
    FigureRequest(Figures.Kind kind, Format format, Integer stage, int width, int height, double scale) {
      this(kind, format, stage, width, height, scale, null);
    }
  }

  /** @param fps frames per second; seconds, length of one loop */
  record GifRequest(int width, int height, int fps, double seconds) {}

  private final ThreadPoolExecutor pool;

  FigureExports() {
    AtomicLong n = new AtomicLong();
    pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "knead-figure-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** The default size of each kind: the gallery's. */
  static int[] defaultSize(Figures.Kind k) {
    return switch (k) {
      case STAGES -> new int[] {900, 560};
      case LIFT -> new int[] {900, 480};
      case CURVES -> new int[] {800, 360};
      case CERTIFICATE -> new int[] {800, 440};
      case BARCODE, DIAGRAM, BETTI -> new int[] {640, 420};
      case JACOBIAN -> new int[] {560, 460};
      case TOUR, LAYERS -> new int[] {1000, 420};
      default -> new int[] {480, 500};
    };
  }

  /** @return the figure's bytes (PNG, or SVG as UTF-8) */
  byte[] figure(FigureRequest r, Network net, Dataset data, List<Epoch> history, Provenance provenance) {
    FigureOptions opt = FigureOptions.of(r.width(), r.height()).withScale(r.scale());
    return run("kind", () -> {
      Subject s = Figures.subject(net, data);
      Figure f = Figures.of(r.kind(), net, data, history, s, r.stage(), null, r.projection(), opt);
      return r.format() == Format.PNG ? Images.png(f, opt, provenance) : Images.svg(f, opt, provenance).getBytes(StandardCharsets.UTF_8);
    });
  }

  /** @return the looping GIF of every move of the network, as {@code knead animate} draws it */
  byte[] animation(GifRequest r, Network net, Dataset data, Provenance provenance) {
    AnimationOptions opt = new AnimationOptions(FigureOptions.of(r.width(), r.height()), r.fps(), r.seconds(), 0.35, 0.25, true,
        false);
    return run("seconds", () -> GifAnimation.bytes(Figures.subject(net, data), opt, provenance));
  }

  /** Runs work on the drawing thread (figures, animations, barcodes), refusing when the queue is full. */
  <T> T run(String field, Callable<T> work) {
    Future<T> f;
    try {
      f = pool.submit(work);
    } catch (RejectedExecutionException e) {
      throw new LabException(429, null, "the lab is drawing " + (QUEUE + 1) + " figures already; try again in a moment");
    }
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new LabException(503, null, "drawing took longer than " + TIMEOUT_SECONDS + " s; ask for a smaller figure");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException(503, null, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BadInputException b) {
        throw LabException.bad(field, b.getMessage());
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  static String extension(Format f) {
    return f.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
