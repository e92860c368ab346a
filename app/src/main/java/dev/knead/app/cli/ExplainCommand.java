package dev.knead.app.cli;

import dev.knead.analysis.Analyst;
import dev.knead.analysis.DataFacts;
import dev.knead.analysis.Report;
import dev.knead.analysis.StageMeasure;
import dev.knead.app.door.JsonDocument;
import dev.knead.app.door.DataFactsJson;
import dev.knead.app.door.ReportJson;
import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.core.io.RunFile;
import dev.knead.core.net.Architecture;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.TrainListener;
import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.certificate.SphereCertificate;
import dev.knead.topology.maps.Badge;
import dev.knead.topology.maps.LayerMap;
import dev.knead.topology.verdict.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead explain}: what theory decides, and what every layer did. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Verdicts from theory, per-layer badges, Betti numbers per class per stage, linking/winding numbers, "
        + "linear separability, the decision-region certificate and a plain-language account.",
        "Give a saved RUN, or --data/--hidden (and any train flags) to train first; --before prints only what theory "
            + "decides before training."})
public final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "RUN", description = "A run folder or its run.json.")
  Path run;

  @Mixin TrainOptions train;

  @Option(names = "--before", description = "Only the verdicts that hold before training (no training, no run needed).")
  boolean before;

  @Option(names = "--max-points", defaultValue = "400", description = "Most points per class for Betti numbers (default: ${DEFAULT-VALUE}).")
  int maxPoints;

  @Option(names = "--points", defaultValue = "2000", description = "Most points per stage for every stage measure: "
      + "beyond it one seeded class-stratified subsample, the same at every stage (default: ${DEFAULT-VALUE}).")
  int points;

  @Option(names = "--no-certificate", description = "Skip the search for escaping decision regions.")
  boolean noCertificate;

  @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    if ((run == null) != train.given()) {
      throw new BadInputException("give a RUN or --data … --hidden …, not " + (run == null ? "neither" : "both"));
    }
    if (maxPoints < 10 || maxPoints > 5000) {
      throw new BadInputException("--max-points must be in 10 … 5000");
    }
    // the stage measures share an n × n distance matrix: 10,000 points is 800 MB of it
    if (points < 100 || points > 10_000) {
      throw new BadInputException("--points must be in 100 … 10000");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (before) {
      ExperimentConfig c = run != null ? RunFile.load(run).config() : train.config();
      Dataset data = c.data().load();
      Architecture arch = c.train().architecture(data.dim(), data.classes());
      DataFacts facts = DataFacts.of(data, maxPoints, c.data().seed());
      List<Verdict> vs = Analyst.before(arch, data, facts);
      if (json) {
        com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
        o.put("data", data.name());
        o.set("data_topology", DataFactsJson.write(facts));
        o.set("verdicts_before", ReportJson.verdicts(vs));
        JsonDocument.print(out, o, Provenance.of(c, data));
      } else {
        printDataFacts(out, facts);
        printVerdicts(out, "What theory decides before training", vs);
      }
      return KneadCommand.OK;
    }
    Run r = run != null ? RunFile.load(run) : Runs.execute(train.config(), TrainListener.NONE);
    Report report = Analyst.analyse(r.network(), r.data(),
        new Analyst.Options(maxPoints, Analyst.Options.DEFAULT.maxDim(), !noCertificate, r.config().data().seed(), points));
    if (json) {
      JsonDocument.print(out, ReportJson.write(report), Provenance.of(r));
      return KneadCommand.OK;
    }
    out.printf(Locale.ROOT, "%s on %s: train accuracy %.1f %%%s%n%n", report.network(), report.data(),
        100 * r.result().trainAccuracy(),
        r.split().test().size() > 0 ? String.format(Locale.ROOT, ", test %.1f %%", 100 * r.result().testAccuracy()) : "");
    printDataFacts(out, report.dataFacts());
    printVerdicts(out, "What theory decides before training", report.before());
    out.println("Layers");
    for (int l = 0; l < report.layers().size(); l++) {
      LayerMap m = report.layers().get(l);
      out.printf(Locale.ROOT, "  %s %d→%d %s: rank %d, σ = %s%s%n", l == report.layers().size() - 1 ? "output" : "layer " + (l + 1),
          m.inputs(), m.outputs(), m.activation().name(), m.rank(), values(m.singularValues()),
          m.badges().isEmpty() ? "" : "  [" + String.join(", ", m.badges().stream().map(b -> b.name().toLowerCase(Locale.ROOT)).toList()) + "]");
    }
    out.println();
    out.println(sampleLine(report));
    out.println("Stages (Betti numbers β₀,β₁,… per class, each stage read on its own: the k-NN hop numbers that hold"
        + " over the longest run of k, shown after them)");
    for (StageMeasure s : report.stages()) {
      out.printf(Locale.ROOT, "  %-32s %dD  β %-22s %-14s separable %-9s probe %5.1f %%  kNN %5.1f %%  silhouette %5.2f  within/between %4.2f  dim≈%.1f%s%s%n",
          s.name(), s.dim(),
          s.betti().toString().replace(" ", ""), kRanges(s), separable(s), 100 * s.probeAccuracy(), 100 * s.knnAccuracy(),
          s.gathering().silhouette(), s.gathering().ratio(), s.intrinsicDimension(),
          s.linkingNumber().map(v -> String.format(Locale.ROOT, "  link %.2f", v))
              .orElse(s.linkingUndefined().isPresent() ? "  link undefined (the carried curves touch)" : ""),
          s.windingNumber().map(v -> String.format(Locale.ROOT, "  winding %.2f", v)).orElse(""));
    }
    separabilityNotes(report).forEach(out::println);
    out.println();
    for (Certificate c : report.certificates()) {
      out.println("Certificate [" + c.outcome().label() + "]: " + c.sentence());
    }
    for (SphereCertificate c : report.sphereCertificates()) {
      out.println("Certificate [" + c.outcome().label() + "]: " + c.sentence());
    }
    if (!report.certificates().isEmpty() || !report.sphereCertificates().isEmpty()) {
      out.println();
    }
    printVerdicts(out, "What the trained weights show", report.after());
    out.println("What each layer did");
    for (String line : report.account()) {
      out.println("  " + line);
    }
    if (!report.narration().isEmpty()) {
      out.println();
      out.println("What each layer does to the classes (from the stage measures above; " + pointsRead(report) + ", k = 5)");
      report.narration().forEach(n -> out.println("  " + n.text()));
    }
    List<Badge> seen = java.util.Arrays.stream(Badge.values())
        .filter(b -> report.layers().stream().anyMatch(m -> m.has(b))).toList();
    if (!seen.isEmpty()) {
      out.println();
      out.println("Badges");
      seen.forEach(b -> out.println("  " + b.name().toLowerCase(Locale.ROOT) + ": " + b.explanation()));
    }
    return KneadCommand.OK;
  }

  private static void printDataFacts(PrintWriter out, DataFacts f) {
    out.println("What the data shows (measured on its points: Rips persistence per class, scale from the barcode)");
    f.summary().forEach(line -> out.println("  " + line));
    if (f.hasTruth()) {
      if (f.disagreements().isEmpty()) {
        out.println("  measurement and the generator's ground truth agree");
      } else {
        f.disagreements().forEach(line -> out.println("  ≠ " + line));
        out.println("  the verdicts below use the measurement, not the generator's answer");
      }
    }
    out.println();
  }

  /** Which points the stage measures read: all of them, or the seeded class-stratified subsample. */
  static String sampleLine(Report r) {
    return r.stagePoints() == r.totalPoints()
        ? String.format(Locale.ROOT, "Every stage measure reads all %,d points; Betti numbers at most %d points per class.",
            r.totalPoints(), r.sampledPerClass())
        : String.format(Locale.ROOT, "Every stage measure reads the same %,d of the %,d points (a seeded class-stratified subsample;"
            + " --points); Betti numbers at most %d points per class of them.", r.stagePoints(), r.totalPoints(),
            r.sampledPerClass());
  }

  private static String pointsRead(Report r) {
    return r.stagePoints() == r.totalPoints() ? "all points"
        : String.format(Locale.ROOT, "%,d of %,d points", r.stagePoints(), r.totalPoints());
  }

  /** What "yes*" and "undecided" in the stage table mean, when they appear. */
  static List<String> separabilityNotes(Report r) {
    List<String> notes = new java.util.ArrayList<>();
    for (StageMeasure s : r.stages()) {
      if (!s.trivial().isEmpty()) {
        notes.add(String.format(Locale.ROOT, "  yes* at %s: %d pairs of classes have at most %d points in %d dimensions, in general"
            + " position, separable whatever their labels (a known answer that says nothing about the classes)", s.name(),
            s.trivial().size(), s.dim() + 1, s.dim()));
      }
      if (!s.undecided().isEmpty()) {
        notes.add(String.format(Locale.ROOT, "  undecided at %s: %d pair%s of classes not decided within the budget of %,d"
            + " multiply-adds per pair (neither a separator nor a proof that none exists was found): %s",
            s.name(), s.undecided().size(), s.undecided().size() == 1 ? "" : "s", r.separabilityWork(),
            s.undecided().toString().replace(" ", "")));
      }
    }
    return notes;
  }

  /** yes, no, or "undecided" (some pair not decided within the budget, none proved not), "yes*" when some pair is trivially so. */
  static String separable(StageMeasure s) {
    return switch (s.separability()) {
      case SEPARABLE -> s.trivial().isEmpty() ? "yes" : "yes*";
      case NOT_SEPARABLE -> "no";
      case UNDECIDED -> "undecided";
    };
  }

  /** "k 5–20,8–14": per class, the run of k over which its Betti numbers hold. */
  private static String kRanges(StageMeasure s) {
    return "k " + String.join(",", s.plateaus().stream().map(p -> p.kFrom() == p.kTo() ? String.valueOf(p.kFrom())
        : p.kFrom() + "–" + p.kTo()).toList());
  }

  private static void printVerdicts(PrintWriter out, String title, List<Verdict> vs) {
    out.println(title);
    if (vs.isEmpty()) {
      out.println("  (no theorem applies)");
    }
    for (Verdict v : vs) {
      out.printf(Locale.ROOT, "  [%s] %s%n      %s%n      caveat: %s%n", v.kind().name().toLowerCase(Locale.ROOT), v.statement(),
          v.citation(), v.caveat());
    }
    out.println();
  }

  private static String values(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(String.format(Locale.ROOT, "%s%.3g", i == 0 ? "" : ", ", v[i]));
    }
    return b.append(']').toString();
  }
}
