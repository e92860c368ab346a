package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Generator;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Param;
import dev.knead.app.door.DatasetJson;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.data.DataOrigin;
import dev.knead.core.data.ShippedData;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import java.util.List;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code knead datasets}: every built-in data set with its classes, parameters, topology and origin. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
    description = "List the built-in data sets (generated and shipped real data): classes, dimension, parameters (default, range), "
        + "ground-truth topology, source, licence and citation.")
public final class DatasetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode all = Json.array();
      for (Generator g : Datasets.catalogue()) {
        all.add(DatasetJson.describe(g));
      }
      com.fasterxml.jackson.databind.node.ObjectNode doc = Json.object();
      doc.set("datasets", all);
      JsonDocument.print(out, doc, Provenance.versionOnly());
      return KneadCommand.OK;
    }
    for (Generator g : Datasets.catalogue()) {
      // a generator is made once (its ground truth and class names); shipped files are not read
      Dataset d = g instanceof ShippedData ? null : g.generate(Map.of(), 0);
      List<String> classes = d == null ? ((ShippedData) g).classNames() : d.classNames();
      out.printf(Locale.ROOT, "%-15s %s%n", g.name(), g.description());
      out.printf(Locale.ROOT, "%17s %d-D, %d classes: %s%n", "", g.dim(), classes.size(), String.join(", ", classes));
      if (d != null && d.truth().isKnown()) {
        out.printf(Locale.ROOT, "%17s topology: %s%n", "", topology(d));
      }
      DataOrigin o = g.origin();
      out.printf(Locale.ROOT, "%17s source: %s; licence: %s%n", "", o.source(), o.licence());
      if (!o.citation().isEmpty()) {
        out.printf(Locale.ROOT, "%17s cite: %s%n", "", o.citation());
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

  private static String number(double v, boolean integer) {
    return integer || v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
