package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Generator;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Param;
import dev.knead.core.io.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code knead datasets}: every built-in data set with its parameters and topology. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
    description = "List the built-in data sets, their parameters (default, range) and ground-truth topology.")
public final class DatasetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode all = Json.array();
      for (Generator g : Datasets.all()) {
        all.add(describe(g));
      }
      out.println(Json.writeLine(all));
      return KneadCommand.OK;
    }
    for (Generator g : Datasets.all()) {
      Dataset d = g.generate(Map.of(), 0); // made once: its ground truth and class names
      out.printf(Locale.ROOT, "%-15s %s%n", g.name(), g.description());
      if (d.truth().isKnown()) {
        out.printf(Locale.ROOT, "%17s topology: %s%n", "", topology(d));
      }
      for (Param p : g.params()) {
        out.printf(Locale.ROOT, "%17s --set %s=%s  [%s … %s]  %s%n", "", p.name(), number(p.defaultValue(), p.integer()),
            number(p.min(), p.integer()), number(p.max(), p.integer()), p.description());
      }
    }
    return KneadCommand.OK;
  }

  static String topology(Dataset d) {
    GroundTruth t = d.truth();
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < t.betti().size(); c++) {
      if (c > 0) {
        b.append(", ");
      }
      b.append(d.classNames().get(c)).append(" β=").append(t.betti().get(c));
    }
    t.linkingNumber().ifPresent(lk -> b.append(", linking number ").append(lk));
    if (!t.enclosed().isEmpty()) {
      b.append(", enclosed: ").append(t.enclosed().stream().map(d.classNames()::get).toList());
    }
    return b.toString();
  }

  /** One data set as the JSON of {@code knead datasets --json} (the lab serves the same). */
  public static ObjectNode describe(Generator g) {
    Dataset d = g.generate(Map.of(), 0);
    GroundTruth t = d.truth();
    ObjectNode o = Json.object();
    o.put("name", g.name());
    o.put("dim", g.dim());
    o.put("description", g.description());
    ArrayNode ps = o.putArray("params");
    for (Param p : g.params()) {
      ObjectNode po = ps.addObject();
      po.put("name", p.name());
      po.put("default", p.defaultValue());
      po.put("min", p.min());
      po.put("max", p.max());
      po.put("integer", p.integer());
      po.put("description", p.description());
    }
    ArrayNode classes = o.putArray("classes");
    d.classNames().forEach(classes::add);
    ObjectNode top = o.putObject("topology");
    ArrayNode betti = top.putArray("betti");
    for (List<Integer> b : t.betti()) {
      ArrayNode row = betti.addArray();
      b.forEach(row::add);
    }
    ArrayNode dims = top.putArray("manifold_dims");
    t.manifoldDims().forEach(dims::add);
    ArrayNode enclosed = top.putArray("enclosed");
    t.enclosed().forEach(enclosed::add);
    if (t.linkingNumber().isPresent()) {
      top.put("linking_number", t.linkingNumber().get());
    } else {
      top.putNull("linking_number");
    }
    top.put("core_curves", t.coreCurves().size());
    return o;
  }

  private static String number(double v, boolean integer) {
    return integer || v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
