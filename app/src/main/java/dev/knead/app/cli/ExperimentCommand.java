package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Datasets;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.experiments.Catalogue;
import dev.knead.experiments.Claim;
import dev.knead.experiments.Experiment;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.ExperimentParam;
import dev.knead.experiments.Pool;
import dev.knead.experiments.ReportWriter;
import dev.knead.experiments.ResultJson;
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

/** {@code knead experiment}: the literature's claims, runnable (see docs/cli.md). */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = "Reproduce the literature's claims: each with its protocol, seeds, verdict and report.",
    subcommands = {ExperimentCommand.ListCommand.class, ExperimentCommand.RunCommand.class})
public final class ExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return KneadCommand.OK;
  }

  /** {@code knead experiment list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "The catalogue of experiments and their parameters.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode doc = Json.object();
        ArrayNode all = doc.putArray("experiments");
        for (Experiment e : Catalogue.all()) {
          ObjectNode o = all.addObject();
          o.put("name", e.name());
          o.put("claim", e.claim());
          o.put("citation", e.citation());
          o.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
          o.put("seeds", e.defaultSeeds(false));
          o.put("quick_seeds", e.defaultSeeds(true));
          ArrayNode ps = o.putArray("params");
          for (ExperimentParam p : e.params()) {
            ps.addObject().put("name", p.name()).put("default", p.full()).put("quick", p.quick())
                .put("description", p.description());
          }
        }
        JsonDocument.print(out, doc, Provenance.versionOnly());
        return KneadCommand.OK;
      }
      for (Experiment e : Catalogue.all()) {
        out.printf(Locale.ROOT, "%-20s %s (%s)%n", e.name(), e.claim(), e.kind().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "%-20s source: %s%n", "", e.citation());
        for (ExperimentParam p : e.params()) {
          out.printf(Locale.ROOT, "%-20s --set %s=%s%s  %s%n", "", p.name(), p.full(),
              p.quick().equals(p.full()) ? "" : " (quick: " + p.quick() + ")", p.description());
        }
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead experiment run NAME|all}. */
  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Run one experiment (or all) and write a report folder: report.md, result.json, per-claim CSV.")
  static final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "An experiment (see: knead experiment list) or 'all'.")
    String name;

    @Option(names = "--seeds", defaultValue = "0", description = "Seeds 1 … K (default: each experiment's own).")
    int seeds;

    @Option(names = "--quick", description = "Fewer seeds and smaller data: a smoke test.")
    boolean quick;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a parameter (one experiment only).")
    List<String> set = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: experiments/NAME[-quick]).")
    Path out;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads; results never depend on it (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "The results as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
      if (seeds < 0 || seeds > 1000) {
        throw new BadInputException("--seeds must be in 1 … 1000");
      }
      if (threads < 1 || threads > 64) {
        throw new BadInputException("--threads must be in 1 … 64");
      }
      Map<String, String> overrides = Datasets.parseSettings(set);
      List<Experiment> chosen = name.equals("all") ? Catalogue.all() : List.of(Catalogue.byName(name));
      if (chosen.size() > 1 && !overrides.isEmpty()) {
        throw new BadInputException("--set needs a single experiment, not 'all'");
      }
      chosen.forEach(e -> dev.knead.experiments.Settings.resolve(e, overrides, quick)); // fail before any work
      Pool.threads(threads);
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter stdout = spec.commandLine().getOut();
      List<ExperimentResult> results = new ArrayList<>();
      for (Experiment e : chosen) {
        long t0 = System.nanoTime();
        ExperimentResult r = Catalogue.run(e, overrides, seeds, quick, (x, m) -> {
          synchronized (err) {
            err.println(x + ": " + m);
          }
        });
        results.add(r);
        if (!json) {
          stdout.printf(Locale.ROOT, "%s (%.1f s)%n", e.name(), (System.nanoTime() - t0) / 1e9);
          for (Claim c : r.claims()) {
            stdout.printf(Locale.ROOT, "  [%s] %s%n      %s%n", c.verdict().name().toLowerCase(Locale.ROOT), c.statement(), c.finding());
          }
        }
      }
      Path dir = out != null ? out : Path.of("experiments", name + (quick ? "-quick" : ""));
      String command = "knead experiment run " + name + (seeds > 0 ? " --seeds " + seeds : "") + (quick ? " --quick" : "")
          + set.stream().map(s -> " --set " + s).reduce("", String::concat);
      ReportWriter.write(dir, results, command);
      if (json) {
        JsonDocument.print(stdout, ResultJson.of(results), Provenance.versionOnly()); // each result names its own settings and seeds
      } else {
        stdout.println("report: " + dir.resolve("report.md"));
      }
      return KneadCommand.OK;
    }
  }
}
