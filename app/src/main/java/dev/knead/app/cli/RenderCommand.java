package dev.knead.app.cli;

import dev.knead.app.door.Figures;
import dev.knead.core.BadInputException;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.io.Provenance;
import dev.knead.core.run.Run;
import dev.knead.core.trace.ProjectionKind;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subject;
import dev.knead.render.figure.CurvesFigure;
import dev.knead.render.figure.LiftFigure;
import dev.knead.render.figure.RegionsFigure;
import dev.knead.render.figure.StageFigure;
import dev.knead.render.figure.StagesFigure;
import dev.knead.render.topo.BarcodeFigure;
import dev.knead.render.topo.BettiFigure;
import dev.knead.render.topo.DiagramFigure;
import dev.knead.render.topo.JacobianFigure;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead render}: one figure of a saved run, as PNG or SVG. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Draw a figure of a run: stage, stages (small multiples), tour (every layer through one grand-tour view), layers (every layer through --projection), measures (per-layer chart), lift, curves, regions, barcode, diagram, betti, certificate, jacobian, loop, links (PNG or SVG).")
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "A run folder or its run.json.")
  Path run;

  @Option(names = "--kind", required = true, paramLabel = "KIND",
      description = "stage | stages | tour | layers | measures | lift | curves | regions | barcode | diagram | betti | certificate | jacobian | loop | links.")
  String kind;

  @Option(names = "--stage", paramLabel = "S", description = "For stage, jacobian: the stage (default: the last hidden bend); barcode, diagram, loop: default 0; "
          + "links: a 3-D input or layer output (default: the input if 3-D, else the first 3-wide layer output).")
  Integer stage;

  @Option(names = "--projection", paramLabel = "P", description = "For layers: how wide stages are shown — pca | tour | tsne"
      + " (default: tour; see docs/figures.md).")
  String projection;

  @Option(names = "--class", paramLabel = "C", description = "For loop: the class (default: the first with a real H1 bar).")
  Integer cls;

  @Option(names = "--size", defaultValue = "800x800", paramLabel = "WxH", description = "Logical size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--scale", defaultValue = "1", description = "Pixels per logical unit for PNG, 0.25 … 8 (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.png or FILE.svg.")
  Path out;

  @Option(names = "--json", description = "One JSON document on stdout: the file written with its size (see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    Figures.Kind k = Figures.Kind.named(kind);
    if (k == null) {
      throw new BadInputException("--kind " + kind + ": unknown kind; expected one of " + Figures.Kind.names());
    }
    FigureArgs.Size sz = FigureArgs.size(size);
    if (!(scale >= 0.25 && scale <= 8)) {
      throw new BadInputException("--scale " + scale + ": must be within 0.25 … 8");
    }
    FigureArgs.checkOut(out, Set.of("png", "svg"), "for animations use knead animate");
    if (stage != null && !k.takesStage()) {
      throw new BadInputException("--stage applies to --kind stage, barcode, diagram, jacobian, loop and links only");
    }
    ProjectionKind proj = null;
    if (projection != null) {
      if (!k.takesProjection()) {
        throw new BadInputException("--projection applies to --kind layers only (and to knead animate)");
      }
      proj = FigureArgs.projection(projection);
    }
    if (cls != null && !k.takesClass()) {
      throw new BadInputException("--class applies to --kind loop only");
    }
    FigureOptions opt;
    try {
      opt = FigureOptions.of(sz.width(), sz.height()).withScale(scale);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    Run r = FigureArgs.load(run);
    Subject subject = FigureArgs.subject(r);
    if (stage != null) {
      checkStage(subject, stage);
    }
    Figure f = Figures.of(k, r, subject, stage, cls, proj, opt);
    Images.write(f, opt, Provenance.of(r), out);
    if (json) {
      com.fasterxml.jackson.databind.node.ObjectNode doc = dev.knead.core.io.Json.object();
      doc.put("kind", k.name().toLowerCase(java.util.Locale.ROOT));
      doc.set("files", Written.files(out));
      JsonDocument.print(spec.commandLine().getOut(), doc, Provenance.of(r));
    } else {
      spec.commandLine().getOut().println("wrote " + out);
    }
    return KneadCommand.OK;
  }

  private static int checkStage(Subject s, int stage) {
    if (stage < 0 || stage >= s.trace().size()) {
      throw new BadInputException("--stage " + stage + " is outside 0 … " + (s.trace().size() - 1));
    }
    return stage;
  }

  /** The last hidden layer's bend: the space the output layer cuts with a line or plane. */
  static int defaultStage(Subject s) {
    return Figures.defaultStage(s);
  }
}
