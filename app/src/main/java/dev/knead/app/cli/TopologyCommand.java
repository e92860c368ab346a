package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.door.BarcodeJson;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.BadInputException;
import dev.knead.core.data.DataFiles;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.LoadOptions;
import dev.knead.core.data.Points;
import dev.knead.core.io.Provenance;
import dev.knead.core.io.RunFile;
import dev.knead.core.run.Run;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.topology.ph.Metric;
import dev.knead.topology.ph.PersistenceResult;
import dev.knead.topology.ph.RipserFormat;
import dev.knead.topology.ph.Rips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead topology}: persistent homology of a point cloud or of a stage of a run. */
@Command(name = "topology", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Vietoris–Rips persistent homology (Z/2) of a point-cloud file or of one stage and class of a run.",
        "The text output is ripser's (same bars, same format); --format json adds the stable scale, its Betti numbers "
            + "and representative cycles of the longest H1 bars."})
public final class TopologyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|RUN", description = "A point-cloud file (ripser's: one point per line, comma or space "
      + "separated; or CSV/NPY/NPZ; a CSV with a header is read as train reads it, label column left out) or a run folder / run.json.")
  Path input;

  @Option(names = "--stage", paramLabel = "S", description = "For a run: the stage (default 0, the input; see knead trace).")
  Integer stage;

  @Option(names = "--class", paramLabel = "C", description = "Only the points of class C (index or name), for a run or a labelled data file.")
  String cls;

  @Option(names = "--label-column", paramLabel = "NAME|INDEX",
      description = "Read the file as a labelled data set, as train does, with this label column (default: the last). "
          + "A file with a header line is read so anyway.")
  String labelColumn;

  @Option(names = "--dim", defaultValue = "1", paramLabel = "K", description = "Highest homology dimension, 0 … 3 (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(names = "--threshold", paramLabel = "T", description = "Only edges of length ≤ T (sparse and much faster).")
  Double threshold;

  @Option(names = "--format", defaultValue = "ripser", description = "ripser (text) or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--metric", defaultValue = "ripser",
      description = "ripser (float arithmetic, bit-identical to ripser) or euclidean (double, then float) (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--cycles", defaultValue = "3", description = "JSON: representative cycles for this many longest H1 bars (default: ${DEFAULT-VALUE}).")
  int cycles;

  @Override
  public Integer call() {
    if (dim < 0 || dim > 3) {
      throw new BadInputException("--dim must be 0 … 3, got " + dim);
    }
    if (threshold != null && !(threshold > 0)) {
      throw new BadInputException("--threshold must be positive, got " + threshold);
    }
    if (!format.equals("ripser") && !format.equals("json")) {
      throw new BadInputException("--format must be ripser or json, got '" + format + "'");
    }
    Metric m = switch (metric.toLowerCase(Locale.ROOT)) {
      case "ripser" -> Metric.EUCLIDEAN_RIPSER;
      case "euclidean" -> Metric.EUCLIDEAN;
      default -> throw new BadInputException("--metric must be ripser or euclidean, got '" + metric + "'");
    };
    if (cycles < 0 || cycles > 100) {
      throw new BadInputException("--cycles must be 0 … 100");
    }
    Points points = points();
    if (points.n() < 1) {
      throw new BadInputException("no points to analyse");
    }
    if (points.n() > 20_000 && threshold == null) {
      throw new BadInputException(points.n() + " points without --threshold would need "
          + String.format(Locale.ROOT, "%.1f", points.n() * (double) points.n() * 2e-9) + " GB of distances; give --threshold");
    }
    Rips rips = Rips.of(points.toArray(), points.n(), points.d()).maxDim(dim).metric(m).cycles(format.equals("json") ? cycles : 0);
    if (threshold != null) {
      rips = rips.threshold(threshold);
    }
    PersistenceResult result = rips.compute();
    if (format.equals("ripser")) {
      spec.commandLine().getOut().print(RipserFormat.write(result));
      spec.commandLine().getOut().flush();
      return KneadCommand.OK;
    }
    ObjectNode o = BarcodeJson.write(result, points.n(), points.d(), dim, threshold, metric.toLowerCase(Locale.ROOT));
    JsonDocument.print(spec.commandLine().getOut(), o, provenance);
    return KneadCommand.OK;
  }

  /** What the points came from: set by {@link #points()}. */
  private Provenance provenance;

  private Points points() {
    boolean isRun = Files.isDirectory(input) || input.getFileName().toString().equals(RunFile.NAME);
    if (!isRun) {
      if (stage != null) {
        throw new BadInputException("--stage applies to runs; " + input + " is a data file");
      }
      LoadOptions options = labelColumn == null ? LoadOptions.defaults() : LoadOptions.defaults().withLabelColumn(labelColumn);
      // one reader with train: a table with a header (or a named label column, or a class to
      // pick) is a labelled data set whose label column is not a coordinate; otherwise every
      // column is one (ripser's point-cloud format)
      if (labelColumn == null && cls == null && !DataFiles.hasHeader(input, options)) {
        Points cloud = DataFiles.loadCloud(input, options);
        provenance = Provenance.of(cloud);
        return cloud;
      }
      Dataset data = DataFiles.load(input, options);
      provenance = Provenance.of(data.points());
      return cls == null ? data.points() : ofClass(data.points(), data.labels(), data.classNames());
    }
    if (labelColumn != null) {
      throw new BadInputException("--label-column applies to data files; " + input + " is a run");
    }
    Run run = RunFile.load(input);
    provenance = Provenance.of(run);
    // the points are all persistence reads: no grid lines or region samples
    Trace t = Tracer.trace(run.network(), run.data().points(), run.data().labels(), Tracer.Options.POINTS_ONLY);
    int s = stage == null ? 0 : stage;
    if (s < 0 || s >= t.size()) {
      throw new BadInputException("--stage " + s + " is outside 0 … " + (t.size() - 1));
    }
    Stage st = t.stage(s);
    if (cls == null) {
      return st.points();
    }
    return ofClass(st.points(), t.labels(), run.data().classNames());
  }

  /** The points whose label is the class named by --class (a name or an index). */
  private Points ofClass(Points points, int[] labels, java.util.List<String> classNames) {
    int c = classNames.indexOf(cls);
    if (c < 0) {
      try {
        c = Integer.parseInt(cls);
      } catch (NumberFormatException e) {
        c = -1;
      }
    }
    if (c < 0 || c >= classNames.size()) {
      throw new BadInputException("--class " + cls + " is not one of " + classNames + " (or 0 … "
          + (classNames.size() - 1) + ")");
    }
    final int cc = c;
    return points.select(java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cc).toArray());
  }
}
