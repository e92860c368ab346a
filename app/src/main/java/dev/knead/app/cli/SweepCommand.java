package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.Json;
import dev.knead.sweep.Journal;
import dev.knead.sweep.LocalSweep;
import dev.knead.sweep.Measure;
import dev.knead.sweep.Measures;
import dev.knead.sweep.RunRecord;
import dev.knead.sweep.Summary;
import dev.knead.sweep.Sweep;
import dev.knead.sweep.SweepFile;
import dev.knead.sweep.SweepListener;
import dev.knead.sweep.SweepPlots;
import dev.knead.sweep.Tables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead sweep}: a grid of runs from a sweep file, resumable, one table (docs/sweeps.md). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Train every network of a sweep file's grid (YAML or JSON; docs/sweeps.md) in a bounded pool, with a"
        + " progress bar; a killed sweep resumes where it stopped when run again on the same --out. Writes runs.csv/.jsonl"
        + " (one row per run) and stages.csv/.jsonl (one per run × stage); Parquet via knead-spark.jar (docs/sweeps.md).",
    subcommands = {SweepCommand.SummaryCommand.class, SweepCommand.PlotCommand.class, SweepCommand.MeasuresCommand.class})
public final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The sweep file (.yaml, .yml or .json).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "The sweep's folder (default: sweep-out/NAME).")
  Path out;

  @Option(names = "--threads", defaultValue = "2", description = "Runs trained at once; results never depend on it (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N new runs (the rest wait for the next call).")
  Integer limit;

  @Option(names = "--dry-run", description = "Check the file and print the grid's size and axes; train nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    if (file == null) {
      spec.commandLine().usage(o);
      return KneadCommand.OK;
    }
    if (threads < 1 || threads > 256) {
      throw new BadInputException("--threads must be in 1 … 256, got " + threads);
    }
    if (limit != null && limit < 0) {
      throw new BadInputException("--limit must be ≥ 0, got " + limit);
    }
    Sweep sweep = SweepFile.read(file);
    Path dir = out != null ? out : Path.of("sweep-out", sweep.name());
    if (dryRun) {
      if (json) {
        o.println(Json.writeLine(Tables.meta(sweep, dev.knead.sweep.Schema.of(sweep))));
      } else {
        o.printf(Locale.ROOT, "%s: %d runs%n", sweep.name(), sweep.size());
        sweep.axes().forEach(a -> o.printf(Locale.ROOT, "  %-24s %d values: %s%n", a.name(), a.values().size(), String.join(" | ", a.values())));
        o.println("  measures: " + String.join(", ", sweep.measures()));
      }
      return KneadCommand.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress bar = new Progress(err, System.console() != null && !json);
    long t0 = System.nanoTime();
    LocalSweep.Outcome r = LocalSweep.run(sweep, dir, threads, limit == null ? Integer.MAX_VALUE : limit, bar);
    bar.end();
    double seconds = (System.nanoTime() - t0) / 1e9;
    boolean complete = r.records().size() == r.total();
    if (json) {
      ObjectNode doc = Json.object();
      doc.put("sweep", sweep.name());
      doc.put("out", dir.toString());
      doc.put("runs", r.total());
      doc.put("resumed", r.resumed());
      doc.put("ran", r.ran());
      doc.put("complete", complete);
      doc.put("seconds", seconds);
      doc.put("networks_per_minute", r.ran() == 0 ? 0 : r.ran() / seconds * 60);
      ArrayNode t = doc.putArray("tables");
      r.tables().forEach(p -> t.add(p.toString()));
      o.println(Json.writeLine(doc));
    } else {
      o.printf(Locale.ROOT, "%s: %d of %d runs done (%d resumed, %d now in %.1f s, %.0f networks/min)%s%n", sweep.name(), r.records().size(),
          r.total(), r.resumed(), r.ran(), seconds, r.ran() == 0 ? 0.0 : r.ran() / seconds * 60,
          complete ? "" : "; run the same command again to continue");
      r.tables().forEach(p -> o.println("  " + p));
    }
    return KneadCommand.OK;
  }

  /** A one-line progress bar with an ETA on stderr (redrawn on a terminal, a line per tenth otherwise). */
  static final class Progress implements SweepListener {
    private final PrintWriter err;
    private final boolean terminal;
    private long start;
    private int resumed;
    private int lastTenth = -1;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    @Override
    public synchronized void started(int total, int done) {
      start = System.nanoTime();
      resumed = done;
      if (done > 0) {
        err.printf(Locale.ROOT, "resuming: %d of %d runs already done%n", done, total);
      }
      draw(done, total);
    }

    @Override
    public synchronized void finished(RunRecord r, int done, int total) {
      draw(done, total);
    }

    private void draw(int done, int total) {
      double elapsed = (System.nanoTime() - start) / 1e9;
      int now = done - resumed;
      String eta = now == 0 ? "--:--" : clock(elapsed / now * (total - done));
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) done * width / total);
      String line = String.format(Locale.ROOT, "[%s%s] %d/%d runs  %s elapsed  ETA %s", "#".repeat(filled), " ".repeat(width - filled),
          done, total, clock(elapsed), eta);
      if (terminal) {
        err.print("\r" + line);
        err.flush();
        drawn = true;
      } else {
        int tenth = total == 0 ? 10 : (int) ((long) done * 10 / total);
        if (tenth != lastTenth) {
          lastTenth = tenth;
          err.println(line);
        }
      }
    }

    void end() {
      if (drawn) {
        err.println();
      }
    }

    private static String clock(double s) {
      long t = Math.round(s);
      return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
          : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
  }

  /** Reads the finished runs of a sweep folder (a sweep still running or stopped half-way included). */
  static List<RunRecord> records(Path dir, Tables.Meta meta) {
    return Tables.ordered(Journal.read(dir, meta.schema()));
  }

  /** {@code knead sweep summary DIR}. */
  @Command(name = "summary", mixinStandardHelpOptions = true,
      description = "Grouped statistics of a sweep's runs: per group, runs, success rate (well trained), and per measure the median,"
          + " IQR and best of the group's k runs.")
  static final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's folder.")
    Path dir;

    @Option(names = "--by", split = ",", paramLabel = "COLUMN", description = "Group by these run columns (default: every axis but the seeds).")
    List<String> by;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN", description = "Summarise these numeric columns (default: accuracies, loss, epochs, complexity).")
    List<String> columns;

    @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
      Tables.Meta meta = Tables.readMeta(dir);
      List<String> groupBy = by != null ? by : Summary.defaultGroups(meta);
      List<String> cols = columns != null ? columns : Summary.defaultColumns(meta);
      List<String> known = meta.schema().runs().stream().map(dev.knead.sweep.Column::name).toList();
      for (String c : concat(groupBy, cols)) {
        if (!known.contains(c)) {
          throw new BadInputException("no run column '" + c + "'; columns: " + String.join(", ", known));
        }
      }
      List<RunRecord> recs = records(dir, meta);
      List<Summary.Group> groups = Summary.of(recs.stream().map(RunRecord::run).toList(), groupBy, cols);
      PrintWriter o = spec.commandLine().getOut();
      if (json) {
        ObjectNode doc = Json.object();
        doc.put("sweep", meta.name());
        doc.put("runs", meta.runs());
        doc.put("finished", recs.size());
        doc.put("success_accuracy", meta.successAccuracy());
        ArrayNode gs = doc.putArray("groups");
        for (Summary.Group g : groups) {
          ObjectNode go = gs.addObject();
          ObjectNode key = go.putObject("group");
          g.group().forEach(key::put);
          go.put("runs", g.runs());
          g.wellTrained().ifPresent(w -> go.put("well_trained", w));
          g.successRate().ifPresent(s -> go.set("success_rate", Json.num(s)));
          ObjectNode st = go.putObject("stats");
          g.stats().forEach((c, s) -> {
            ObjectNode so = st.putObject(c);
            so.put("n", s.n());
            so.set("median", Json.num(s.median()));
            so.set("q1", Json.num(s.q1()));
            so.set("q3", Json.num(s.q3()));
            so.set("iqr", Json.num(s.iqr()));
            so.set("best", Json.num(s.best()));
          });
        }
        o.println(Json.writeLine(doc));
        return KneadCommand.OK;
      }
      o.printf(Locale.ROOT, "%s: %d of %d runs finished; well trained = train accuracy ≥ %s%n", meta.name(), recs.size(), meta.runs(),
          meta.successAccuracy());
      for (Summary.Group g : groups) {
        List<String> parts = new ArrayList<>();
        g.group().forEach((k, v) -> parts.add(k + "=" + v));
        o.printf(Locale.ROOT, "%s%n  runs %d%s%n", parts.isEmpty() ? "(all runs)" : String.join("  ", parts), g.runs(),
            g.successRate().map(s -> String.format(Locale.ROOT, ", well trained %d (%.0f%%)", g.wellTrained().get(), 100 * s)).orElse(""));
        g.stats().forEach((c, s) -> o.printf(Locale.ROOT, "  %-18s median %-10s IQR %-10s [%s … %s]  best of %d %s%n", c, num(s.median()),
            num(s.iqr()), num(s.q1()), num(s.q3()), s.n(), num(s.best())));
      }
      return KneadCommand.OK;
    }
  }

  private static String num(double v) {
    return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** {@code knead sweep plot DIR}. */
  @Command(name = "plot", mixinStandardHelpOptions = true,
      description = "Figures of a sweep: a measure against width (a line per depth) and depth (a line per width), and the width ×"
          + " depth heat map; one panel per combination of the other axes. Medians over seeds with quartile bars.")
  static final class PlotCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's folder.")
    Path dir;

    @Option(names = "--measure", split = ",", paramLabel = "COLUMN",
        description = "Numeric run columns to draw (default: train_accuracy, and output_complexity when measured).")
    List<String> measures;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the PNGs go (default: DIR/figures).")
    Path out;

    @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
      Tables.Meta meta = Tables.readMeta(dir);
      List<String> known = meta.schema().runs().stream().filter(c -> c.type() == dev.knead.sweep.Column.Type.DOUBLE
          || c.type() == dev.knead.sweep.Column.Type.LONG).map(dev.knead.sweep.Column::name).toList();
      List<String> ms = measures;
      if (ms == null) {
        ms = new ArrayList<>(List.of("train_accuracy"));
        if (known.contains("output_complexity")) {
          ms.add("output_complexity");
        }
      }
      for (String m : ms) {
        if (!known.contains(m)) {
          throw new BadInputException("--measure: no numeric run column '" + m + "'; numeric columns: " + String.join(", ", known));
        }
      }
      List<Map<String, Object>> rows = records(dir, meta).stream().map(RunRecord::run).toList();
      if (rows.isEmpty()) {
        throw new BadInputException(dir + ": no finished runs to plot yet");
      }
      Path to = out != null ? out : dir.resolve("figures");
      List<Path> written = new ArrayList<>();
      for (String m : ms) {
        String label = m.replace('_', ' ');
        for (SweepPlots.Plot p : SweepPlots.widthDepth(rows, SweepPlots.panelAxes(meta), m, label)) {
          Path f = to.resolve(p.name() + ".png");
          AtomicFiles.write(f, p.png());
          written.add(f);
        }
      }
      PrintWriter o = spec.commandLine().getOut();
      if (json) {
        ObjectNode doc = Json.object();
        ArrayNode fs = doc.putArray("figures");
        written.forEach(f -> fs.add(f.toString()));
        o.println(Json.writeLine(doc));
      } else {
        written.forEach(f -> o.println(f));
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead sweep measures}. */
  @Command(name = "measures", mixinStandardHelpOptions = true, description = "The measures a sweep file may name, with their columns.")
  static final class MeasuresCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON array on stdout.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      ArrayNode all = Json.array();
      for (Measure m : Measures.all()) {
        if (json) {
          ObjectNode mo = all.addObject();
          mo.put("name", m.name());
          mo.put("description", m.description());
          ArrayNode rc = mo.putArray("run_columns");
          m.runColumns().forEach(c -> rc.add(c.name()));
          ArrayNode sc = mo.putArray("stage_columns");
          m.stageColumns().forEach(c -> sc.add(c.name()));
        } else {
          o.printf(Locale.ROOT, "%-20s %s%n", m.name(), m.description());
          List<String> cs = new ArrayList<>();
          m.runColumns().forEach(c -> cs.add(c.name()));
          m.stageColumns().forEach(c -> cs.add(c.name() + " (per stage)"));
          o.printf(Locale.ROOT, "%20s columns: %s%n", "", String.join(", ", cs));
        }
      }
      if (json) {
        o.println(Json.writeLine(all));
      }
      return KneadCommand.OK;
    }
  }
}
