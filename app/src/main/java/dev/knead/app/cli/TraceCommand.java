package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Points;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.core.io.RunFile;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import dev.knead.core.run.Run;
import dev.knead.core.train.Snapshot;
import dev.knead.core.trace.Factors;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead trace}: the stages of a saved run. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Show the stages a run's points pass through: input; per layer rotate (Vᵀ), stretch (Σ), rotate (U), "
        + "shift (+b), bend (σ); output.")
public final class TraceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "A run folder or its run.json.")
  Path run;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "One JSON document: every stage with its points (see docs/cli.md).")
    boolean json;

    @Option(names = "--csv", description = "One row per stage and point: stage,name,point,label,x1,…")
    boolean csv;
  }

  @Option(names = "--stage", paramLabel = "S", description = "Only stage S (0 = input).")
  Integer stage;

  @Option(names = "--snapshot", paramLabel = "EPOCH", description = "Trace the snapshot taken at this epoch instead of the final network.")
  Integer snapshot;

  @Option(names = "--grid", description = "With --json: include the grid polylines.")
  boolean grid;

  @Override
  public Integer call() {
    Run r = RunFile.load(run);
    Network net = r.network();
    if (snapshot != null) {
      net = r.result().snapshots().stream().filter(s -> s.epoch() == snapshot).map(Snapshot::network).findFirst()
          .orElseThrow(() -> new BadInputException("no snapshot at epoch " + snapshot + "; snapshots: "
              + r.result().snapshots().stream().map(Snapshot::epoch).toList()));
    }
    Trace t = r.trace(net);
    if (stage != null && (stage < 0 || stage >= t.size())) {
      throw new BadInputException("--stage " + stage + " is outside 0 … " + (t.size() - 1));
    }
    List<Stage> stages = stage == null ? t.stages() : List.of(t.stage(stage));
    PrintWriter o = spec.commandLine().getOut();
    int[] labels = t.labels();
    if (format.json) {
      ObjectNode doc = Json.object();
      doc.put("run", run.toString());
      doc.put("network", net.describe());
      doc.put("points", labels.length);
      ArrayNode lab = doc.putArray("labels");
      for (int y : labels) {
        lab.add(y);
      }
      ArrayNode classes = doc.putArray("classes");
      r.data().classNames().forEach(classes::add);
      ArrayNode arr = doc.putArray("stages");
      for (Stage s : stages) {
        arr.add(stageJson(s, grid));
      }
      JsonDocument.print(o, doc, Provenance.of(r));
    } else if (format.csv) {
      int maxDim = stages.stream().mapToInt(Stage::dim).max().orElse(0);
      StringBuilder b = new StringBuilder("stage,name,point,label");
      for (int j = 0; j < maxDim; j++) {
        b.append(",x").append(j + 1);
      }
      o.println(b);
      for (Stage s : stages) {
        Points p = s.points();
        for (int i = 0; i < p.n(); i++) {
          b.setLength(0);
          b.append(s.index()).append(",\"").append(s.name()).append("\",").append(i).append(',').append(labels[i]);
          for (int j = 0; j < maxDim; j++) {
            b.append(',');
            if (j < p.d()) {
              b.append(p.get(i, j));
            }
          }
          o.println(b);
        }
      }
    } else {
      o.printf(Locale.ROOT, "%s, %d points, %d stages%n", net.describe(), labels.length, t.size());
      o.printf(Locale.ROOT, "%5s  %-42s %4s  %s%n", "stage", "move", "dim", "extent per axis (max − min)");
      for (Stage s : stages) {
        o.printf(Locale.ROOT, "%5d  %-42s %4d  %s%s%n", s.index(), s.name(), s.dim(), extent(s.points()),
            s.kind() == Stage.Kind.STRETCH ? "  σ = " + fmt(s.factors().orElseThrow().sigma()) : "");
      }
    }
    return KneadCommand.OK;
  }

  static ObjectNode stageJson(Stage s, boolean withGrid) {
    ObjectNode so = Json.object();
    so.put("index", s.index());
    so.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
    so.put("layer", s.layer());
    so.put("name", s.name());
    so.put("dim", s.dim());
    so.set("points", rows(s.points()));
    if (withGrid) {
      ArrayNode g = so.putArray("grid");
      s.grid().forEach(line -> g.add(rows(line)));
    }
    if (s.factors().isPresent()) {
      Factors f = s.factors().get();
      ObjectNode fo = so.putObject("factors");
      fo.set("u", matrix(f.u()));
      fo.set("sigma", Json.nums(f.sigma()));
      fo.set("v", matrix(f.v()));
      fo.put("reflected", f.reflected());
    }
    return so;
  }

  static ArrayNode rows(Points p) {
    ArrayNode a = Json.array();
    for (int i = 0; i < p.n(); i++) {
      a.add(Json.nums(p.row(i)));
    }
    return a;
  }

  static ArrayNode matrix(Matrix m) {
    ArrayNode a = Json.array();
    for (double[] row : m.toRows()) {
      a.add(Json.nums(row));
    }
    return a;
  }

  private static String extent(Points p) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < Math.min(p.d(), 6); j++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < p.n(); i++) {
        lo = Math.min(lo, p.get(i, j));
        hi = Math.max(hi, p.get(i, j));
      }
      b.append(String.format(Locale.ROOT, "%s%.3g", j == 0 ? "" : " ", hi - lo));
    }
    return p.d() > 6 ? b + " …" : b.toString();
  }

  private static String fmt(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(String.format(Locale.ROOT, "%s%.3g", i == 0 ? "" : ", ", v[i]));
    }
    return b.append(']').toString();
  }
}
