package dev.knead.app.cli;

import dev.knead.app.door.Figures;
import dev.knead.app.door.TopologyValues;
import dev.knead.core.io.Provenance;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Initializer;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.Loss;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Schedule;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subject;
import dev.knead.render.animate.AnimationOptions;
import dev.knead.render.animate.GifAnimation;
import dev.knead.render.figure.CurvesFigure;
import dev.knead.render.figure.LiftFigure;
import dev.knead.render.figure.RegionsFigure;
import dev.knead.render.figure.StageFigure;
import dev.knead.render.figure.StagesFigure;
import dev.knead.render.topo.BarcodeFigure;
import dev.knead.render.topo.BettiFigure;
import dev.knead.render.topo.DiagramFigure;
import dev.knead.render.topo.JacobianFigure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code knead gallery}: trains the standard small examples (seeded, a few seconds each) and
 * renders the standard figures and two short animations into docs/gallery.
 */
@Command(name = "gallery", mixinStandardHelpOptions = true,
    description = "Train the standard small examples and render their figures and animations (default: docs/gallery).")
public final class GalleryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "docs/gallery", paramLabel = "DIR", description = "Folder (default: ${DEFAULT-VALUE}).")
  Path out;

  /** One example: data set, hidden widths, epochs, learning rate. */
  record Example(String key, String data, List<Integer> hidden, int epochs, double lr) {}

  static final List<Example> EXAMPLES = List.of(
      new Example("disk-annulus-2-3-2", "disk-annulus", List.of(3), 300, 0.03),
      new Example("disk-annulus-2-2-2", "disk-annulus", List.of(2), 300, 0.03),
      new Example("xor-2-2-2", "xor", List.of(2), 300, 0.03),
      new Example("circles-2-3-2", "circles", List.of(3), 300, 0.03),
      new Example("spirals-2-16-16-2", "spirals", List.of(16, 16), 1500, 0.02),
      new Example("hopf-rings-3-3-2", "hopf-rings", List.of(3), 300, 0.03));

  /** The provenance of the run whose figures are being written. */
  private Provenance provenance;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    FigureOptions square = FigureOptions.of(480, 500);
    FigureOptions wide = FigureOptions.of(900, 560);
    for (Example e : EXAMPLES) {
      Run run = Runs.execute(config(e), TrainListener.NONE);
      provenance = Provenance.of(run);
      Subject s = FigureArgs.subject(run);
      o.printf("%s: %s, train accuracy %.1f %%%n", e.key(), s.description(), 100 * run.result().trainAccuracy());
      write(o, new StagesFigure(s, wide), wide, e.key() + "-stages.png");
      if (run.data().dim() <= 2) { // in 3-D the lattice of region samples reads as noise: the stages show it better
        write(o, new RegionsFigure(s, square), square, e.key() + "-regions.png");
      }
      if (e.key().equals("disk-annulus-2-3-2")) {
        write(o, new StageFigure(s, RenderCommand.defaultStage(s), square), square, e.key() + "-stage.png");
        write(o, new LiftFigure(s, FigureOptions.of(900, 480), -0.65), FigureOptions.of(900, 480), e.key() + "-lift.png");
        write(o, new CurvesFigure(run.result().history(), s.description(), FigureOptions.of(800, 360)),
            FigureOptions.of(800, 360), e.key() + "-curves.png");
        write(o, new CurvesFigure(run.result().history(), s.description(), FigureOptions.of(800, 360)),
            FigureOptions.of(800, 360), e.key() + "-curves.svg");
        gif(o, s, e.key() + ".gif", 8, 11);
        FigureOptions topo = FigureOptions.of(640, 420);
        write(o, new BarcodeFigure(TopologyValues.barcodes(run, s.trace(), 0, s.description(), 0), topo), topo,
            e.key() + "-barcode.png");
        write(o, new DiagramFigure(TopologyValues.barcodes(run, s.trace(), 0, s.description(), 0), topo), topo,
            e.key() + "-diagram.png");
        write(o, new BettiFigure(TopologyValues.betti(run, s.description()), topo), topo, e.key() + "-betti.png");
      }
      if (e.key().equals("disk-annulus-2-2-2")) {
        FigureOptions cert = FigureOptions.of(800, 440);
        write(o, TopologyValues.certificates(run, s, cert), cert, e.key() + "-certificate.png");
        FigureOptions jac = FigureOptions.of(560, 460);
        write(o, new JacobianFigure(s, RenderCommand.defaultStage(s), jac), jac, e.key() + "-jacobian.png");
      }
      if (e.key().equals("circles-2-3-2")) {
        FigureOptions loop = FigureOptions.of(600, 600);
        write(o, Figures.of(Figures.Kind.LOOP, run, s, 0, null, loop), loop, e.key() + "-loop.png");
      }
      if (e.key().equals("hopf-rings-3-3-2")) {
        FigureOptions links = FigureOptions.of(600, 600);
        write(o, Figures.of(Figures.Kind.LINKS, run, s, 0, null, links), links, e.key() + "-links.png");
      }
      if (e.key().equals("xor-2-2-2")) {
        gif(o, s, e.key() + ".gif", 8, 8);
      }
    }
    return KneadCommand.OK;
  }

  private void write(PrintWriter o, Figure f, FigureOptions opt, String name) {
    Path p = out.resolve(name);
    Images.write(f, opt, provenance, p);
    o.println("  wrote " + p);
  }

  private void gif(PrintWriter o, Subject s, String name, int fps, double seconds) {
    Path p = out.resolve(name);
    GifAnimation.write(s, new AnimationOptions(FigureOptions.of(320, 340), fps, seconds, 0.35, 0.25, true, false), provenance, p);
    o.println("  wrote " + p);
  }

  static ExperimentConfig config(Example e) {
    TrainConfig t = new TrainConfig(e.hidden(), Collections.nCopies(e.hidden().size(), Activation.TANH), Initializer.GLOROT,
        Loss.SOFTMAX_CROSS_ENTROPY, Optimizer.of(Optimizer.Kind.ADAM, e.lr()), Schedule.CONSTANT, 0, 0, 0, e.epochs(), 2, 0, 0,
        1);
    return new ExperimentConfig(new DataSpec(e.data(), Map.of(), 1, 0.2, Optional.empty()), t);
  }
}
