package dev.knead.app.cli;

import dev.knead.app.door.Figures;
import dev.knead.app.door.JsonDocument;
import dev.knead.app.door.TopologyValues;
import dev.knead.core.io.Provenance;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.Optimizer;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.Version;
import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.ConfigJson;
import dev.knead.core.io.Json;
import dev.knead.core.net.Layer;
import dev.knead.core.train.Epoch;
import dev.knead.core.trace.Stage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.nio.file.Path;
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
 * renders the standard figures and two short animations into docs/gallery, with a manifest
 * (MANIFEST.json) of what determines each file, so a test can tell when the gallery is out of
 * date without drawing it again.
 */
@Command(name = "gallery", mixinStandardHelpOptions = true,
    description = "Train the standard small examples and render their figures and animations (default: docs/gallery), "
        + "with MANIFEST.json recording what determines each file.")
public final class GalleryCommand implements Callable<Integer> {
  /** The manifest's file name, beside the figures. */
  public static final String MANIFEST = "MANIFEST.json";

  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "docs/gallery", paramLabel = "DIR", description = "Folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "One JSON document on stdout: the files written with their sizes (see docs/cli.md).")
  boolean json;

  /** One example: data set, hidden widths, epochs, learning rate. */
  record Example(String key, String data, List<Integer> hidden, int epochs, double lr) {}

  static final List<Example> EXAMPLES = List.of(
      new Example("disk-annulus-2-3-2", "disk-annulus", List.of(3), 300, 0.03),
      new Example("disk-annulus-2-2-2", "disk-annulus", List.of(2), 300, 0.03),
      new Example("xor-2-2-2", "xor", List.of(2), 300, 0.03),
      new Example("circles-2-3-2", "circles", List.of(3), 300, 0.03),
      new Example("spirals-2-16-16-2", "spirals", List.of(16, 16), 1500, 0.02),
      new Example("hopf-rings-3-3-2", "hopf-rings", List.of(3), 300, 0.03));

  /**
   * One file of the gallery: a figure (PNG or SVG by the name's extension) or an animation.
   *
   * @param figure null for an animation
   * @param animation null for a figure
   */
  record Item(String name, Figure figure, FigureOptions options, AnimationOptions animation) {
    static Item figure(String name, Figure f, FigureOptions o) {
      return new Item(name, f, o, null);
    }

    static Item gif(String name, int fps, double seconds) {
      return new Item(name, null, null, new AnimationOptions(FigureOptions.of(320, 340), fps, seconds, 0.35, 0.25, true, false));
    }
  }

  /** The provenance of the run whose figures are being written. */
  private Provenance provenance;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    ObjectNode manifest = Json.object();
    manifest.put("format", "knead-gallery");
    manifest.put("version", 1);
    manifest.put("knead", Version.KNEAD);
    manifest.put("command", "./knead gallery");
    manifest.put("note", "what determines each file: the example's run (config, data, numbers) and, per file, a SHA-256 of"
        + " the figure drawn as SVG (or, for an animation, of the trace it moves through); GalleryIsCurrentTest recomputes"
        + " them and says when the gallery is out of date");
    ArrayNode examples = manifest.putArray("examples");
    ArrayNode written = Json.array();
    for (Example e : EXAMPLES) {
      Run run = Runs.execute(config(e), TrainListener.NONE);
      provenance = Provenance.of(run);
      Subject s = FigureArgs.subject(run);
      if (!json) {
        o.printf(Locale.ROOT, "%s: %s, train accuracy %.1f %%%n", e.key(), s.description(), 100 * run.result().trainAccuracy());
      }
      ObjectNode ex = describe(e, run);
      ArrayNode files = ex.putArray("files");
      for (Item item : items(e, run, s)) {
        Path p = out.resolve(item.name());
        if (item.figure() != null) {
          Images.write(item.figure(), item.options(), provenance, p);
        } else {
          GifAnimation.write(s, item.animation(), provenance, p);
        }
        if (!json) {
          o.println("  wrote " + p);
        }
        byte[] bytes = read(p);
        ObjectNode f = files.addObject();
        f.put("file", item.name());
        f.put("bytes", bytes.length);
        f.put("sha256", sha256(bytes));
        f.put("inputs", inputs(item, s));
        written.addObject().put("path", p.toString()).put("bytes", bytes.length);
      }
      examples.add(ex);
    }
    Path m = out.resolve(MANIFEST);
    AtomicFiles.write(m, Json.write(manifest));
    if (json) {
      ObjectNode doc = Json.object();
      doc.put("out", out.toString());
      doc.put("manifest", m.toString());
      doc.set("files", written);
      JsonDocument.print(o, doc, Provenance.versionOnly()); // each example's own provenance is in its files
    } else {
      o.println("  wrote " + m);
    }
    return KneadCommand.OK;
  }

  /** The files of one example, in the order they are written. */
  static List<Item> items(Example e, Run run, Subject s) {
    FigureOptions square = FigureOptions.of(480, 500);
    FigureOptions wide = FigureOptions.of(900, 560);
    List<Item> items = new ArrayList<>();
    String k = e.key();
    items.add(Item.figure(k + "-stages.png", new StagesFigure(s, wide), wide));
    if (run.data().dim() <= 2) { // in 3-D the lattice of region samples reads as noise: the stages show it better
      items.add(Item.figure(k + "-regions.png", new RegionsFigure(s, square), square));
    }
    if (k.equals("disk-annulus-2-3-2")) {
      items.add(Item.figure(k + "-stage.png", new StageFigure(s, RenderCommand.defaultStage(s), square), square));
      FigureOptions lift = FigureOptions.of(900, 480);
      items.add(Item.figure(k + "-lift.png", new LiftFigure(s, lift, -0.65), lift));
      FigureOptions curves = FigureOptions.of(800, 360);
      items.add(Item.figure(k + "-curves.png", new CurvesFigure(run.result().history(), s.description(), curves), curves));
      items.add(Item.figure(k + "-curves.svg", new CurvesFigure(run.result().history(), s.description(), curves), curves));
      items.add(Item.gif(k + ".gif", 8, 11));
      FigureOptions topo = FigureOptions.of(640, 420);
      items.add(Item.figure(k + "-barcode.png",
          new BarcodeFigure(TopologyValues.barcodes(run, s.trace(), 0, s.description(), 0), topo), topo));
      items.add(Item.figure(k + "-diagram.png",
          new DiagramFigure(TopologyValues.barcodes(run, s.trace(), 0, s.description(), 0), topo), topo));
      items.add(Item.figure(k + "-betti.png", new BettiFigure(TopologyValues.betti(run, s.description()), topo), topo));
    }
    if (k.equals("disk-annulus-2-2-2")) {
      FigureOptions cert = FigureOptions.of(800, 440);
      items.add(Item.figure(k + "-certificate.png", TopologyValues.certificates(run, s, cert), cert));
      FigureOptions jac = FigureOptions.of(560, 460);
      items.add(Item.figure(k + "-jacobian.png", new JacobianFigure(s, RenderCommand.defaultStage(s), jac), jac));
    }
    if (k.equals("circles-2-3-2")) {
      FigureOptions loop = FigureOptions.of(600, 600);
      items.add(Item.figure(k + "-loop.png", Figures.of(Figures.Kind.LOOP, run, s, 0, null, loop), loop));
    }
    if (k.equals("hopf-rings-3-3-2")) {
      FigureOptions links = FigureOptions.of(600, 600);
      items.add(Item.figure(k + "-links.png", Figures.of(Figures.Kind.LINKS, run, s, 0, null, links), links));
    }
    if (k.equals("xor-2-2-2")) {
      items.add(Item.gif(k + ".gif", 8, 8));
    }
    return items;
  }

  /** An example's entry in the manifest: its config, data and the numbers training produced. */
  static ObjectNode describe(Example e, Run run) {
    ObjectNode ex = Json.object();
    ex.put("key", e.key());
    ex.put("network", run.network().describe());
    ex.put("data", e.data());
    ex.set("config", ConfigJson.write(run.config()));
    ex.put("data_sha256", run.data().hash());
    ex.put("status", run.result().status().name().toLowerCase(Locale.ROOT));
    ex.put("epochs", run.result().epochs());
    ex.put("train_loss", run.result().trainLoss());
    ex.put("train_accuracy", run.result().trainAccuracy());
    ex.put("numbers_sha256", numbers(run));
    return ex;
  }

  /** SHA-256 over the trained weights and the whole history (IEEE bits). */
  static String numbers(Run run) {
    Digest d = new Digest();
    for (Layer l : run.network().layers()) {
      d.add(l.weights().toArray()).add(l.bias());
    }
    for (Epoch ep : run.result().history()) {
      d.add(new double[] {ep.loss(), ep.trainAccuracy(), ep.testLoss(), ep.testAccuracy(), ep.learningRate()});
    }
    return d.hex();
  }

  /**
   * What determines one file: a figure's SVG text (every number it draws, and how), or for an
   * animation its options and every point, grid line and region sample of the trace it moves through.
   */
  static String inputs(Item item, Subject s) {
    if (item.figure() != null) {
      return sha256(Images.svg(item.figure(), item.options()).getBytes(StandardCharsets.UTF_8));
    }
    Digest d = new Digest();
    d.add(item.animation().toString());
    for (Stage st : s.trace().stages()) {
      d.add(st.name()).add(st.points().toArray()).add(st.field().toArray());
      for (dev.knead.core.data.Points g : st.grid()) {
        d.add(g.toArray());
      }
    }
    return d.hex();
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    return new Digest().add(bytes).hex();
  }

  /** A SHA-256 fed with doubles (their IEEE bits), text and bytes. */
  static final class Digest {
    private final MessageDigest md;
    private final ByteBuffer buf = ByteBuffer.allocate(8);

    Digest() {
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    Digest add(double[] v) {
      md.update(buf.putLong(0, v.length).array());
      for (double x : v) {
        md.update(buf.putLong(0, Double.doubleToLongBits(x)).array());
      }
      return this;
    }

    Digest add(String text) {
      return add(text.getBytes(StandardCharsets.UTF_8));
    }

    Digest add(byte[] bytes) {
      md.update(buf.putLong(0, bytes.length).array());
      md.update(bytes);
      return this;
    }

    String hex() {
      return HexFormat.of().formatHex(md.digest());
    }
  }

  static ExperimentConfig config(Example e) {
    TrainConfig t = TrainConfig.defaults(e.hidden()).withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, e.lr())).withEpochs(e.epochs());
    return new ExperimentConfig(new DataSpec(e.data(), Map.of(), 1, 0.2, Optional.empty()), t);
  }
}
