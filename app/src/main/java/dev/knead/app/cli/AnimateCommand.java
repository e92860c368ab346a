package dev.knead.app.cli;

import dev.knead.core.BadInputException;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.io.Provenance;
import dev.knead.core.trace.ProjectionKind;
import dev.knead.render.FigureOptions;
import dev.knead.render.animate.AnimationOptions;
import dev.knead.render.animate.GifAnimation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead animate}: the move-by-move animation of a run as a looping GIF. */
@Command(name = "animate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Animate a run move by move (rotate, stretch, rotate, shift, bend for every layer) as a looping GIF.")
public final class AnimateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "A run folder or its run.json.")
  Path run;

  @Option(names = "--fps", defaultValue = "30", description = "Frames per second, 1 … 60 (default: ${DEFAULT-VALUE}).")
  int fps;

  @Option(names = "--seconds", paramLabel = "N", description = "Length of one loop (default: 1.2 s per move, at most 40 s).")
  Double seconds;

  @Option(names = "--size", defaultValue = "600x600", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--scale", defaultValue = "1", description = "Pixels per logical unit, 0.25 … 8 (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--hold", defaultValue = "0.35", description = "Rest on each stage, as a share of a move's time (default: ${DEFAULT-VALUE}).")
  double hold;

  @Option(names = "--tour", description = "Stages wider than 3-D swing their view from the first three principal axes to the next three and back.")
  boolean tour;

  @Option(names = "--grand-tour", description = "Instead of every move: the input, each layer's output and the logits placed in one space"
      + " (aligned by Procrustes), gliding from stage to stage while a grand tour turns the view (see docs/figures.md).")
  boolean grandTour;

  @Option(names = "--projection", paramLabel = "P", description = "How wide stages are shown: pca (the default: every move,"
      + " principal axes), tour (as --grand-tour) or tsne (the input, each layer's output and the logits, each through its own"
      + " t-SNE layout, gliding from stage to stage; see docs/figures.md).")
  String projection;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.gif.")
  Path out;

  @Option(names = "--json", description = "One JSON document on stdout: the file written with its size, frames and length (see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    FigureArgs.Size sz = FigureArgs.size(size);
    FigureArgs.checkOut(out, Set.of("gif"), "MP4 is not supported yet");
    ProjectionKind proj = projection == null ? null : FigureArgs.projection(projection);
    if (proj != null && grandTour && proj != ProjectionKind.TOUR) {
      throw new BadInputException("--grand-tour and --projection " + proj.label() + " are two different views; give one");
    }
    if (proj != null && tour && proj != ProjectionKind.PCA) {
      throw new BadInputException("--tour swings the principal axes; it goes with --projection pca only");
    }
    var r = FigureArgs.load(run);
    var subject = FigureArgs.subject(r);
    if (grandTour || proj == ProjectionKind.TOUR) {
      return grandTour(r, subject, sz, false);
    }
    if (proj == ProjectionKind.TSNE) {
      return grandTour(r, subject, sz, true);
    }
    double secs = seconds != null ? seconds : Math.min(40, 1.2 * (subject.trace().size() - 1));
    AnimationOptions opt;
    try {
      opt = new AnimationOptions(FigureOptions.of(sz.width(), sz.height()).withScale(scale), fps, secs, hold, 0.25, true, tour);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    long start = System.nanoTime();
    GifAnimation.write(subject, opt, Provenance.of(r), out);
    double took = (System.nanoTime() - start) / 1e9;
    if (json) {
      com.fasterxml.jackson.databind.node.ObjectNode doc = dev.knead.core.io.Json.object();
      doc.set("files", Written.files(out));
      doc.put("frames", opt.frames());
      doc.put("fps", fps);
      doc.put("seconds", secs);
      JsonDocument.print(spec.commandLine().getOut(), doc, Provenance.of(r));
    } else {
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d frames, %.1f s) in %.1f s%n", out, opt.frames(), secs, took);
    }
    return KneadCommand.OK;
  }

  /** The glide through the layer ends: one grand-tour view, or (tsne) each stage's t-SNE layout. */
  private Integer grandTour(dev.knead.core.run.Run r, dev.knead.render.Subject subject, FigureArgs.Size sz, boolean tsne) {
    if (tour) {
      throw new BadInputException("--tour and --grand-tour are two different views; give one");
    }
    int k = subject.trace().layerEnds().size();
    double secs = seconds != null ? seconds : 2.0 * k;
    dev.knead.render.animate.TourAnimation.Options opt;
    try {
      opt = new dev.knead.render.animate.TourAnimation.Options(FigureOptions.of(sz.width(), sz.height()).withScale(scale), fps,
          secs / k, 0.25, 0);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    long start = System.nanoTime();
    if (tsne) {
      dev.knead.render.animate.TourAnimation.writeTsne(subject, opt, Provenance.of(r), out);
    } else {
      dev.knead.render.animate.TourAnimation.write(subject, opt, Provenance.of(r), out);
    }
    double took = (System.nanoTime() - start) / 1e9;
    if (json) {
      com.fasterxml.jackson.databind.node.ObjectNode doc = dev.knead.core.io.Json.object();
      doc.set("files", Written.files(out));
      doc.put("frames", opt.frames(k));
      doc.put("fps", fps);
      doc.put("seconds", secs);
      JsonDocument.print(spec.commandLine().getOut(), doc, Provenance.of(r));
    } else {
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d frames, %.1f s, %s) in %.1f s%n", out, opt.frames(k),
          secs, tsne ? "t-SNE per stage" : "grand tour", took);
    }
    return KneadCommand.OK;
  }
}
