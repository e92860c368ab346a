package dev.knead.experiments;

import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a report folder: {@code report.md} and {@code result.json} at the top (every
 * experiment), and per experiment a folder with its own {@code report.md}, {@code result.json}
 * and one CSV of per-seed numbers per claim ({@code claim-1.csv}, …).
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * @param command the command line that produced the results, for the record
   * @return the files written
   */
  public static List<Path> write(Path dir, List<ExperimentResult> results, String command) {
    List<Path> files = new ArrayList<>();
    StringBuilder index = new StringBuilder("# Knead experiments\n\n");
    index.append("Produced by `").append(command).append("`.\n\n");
    index.append("| experiment | claim | kind | verdict | finding |\n|---|---|---|---|---|\n");
    for (ExperimentResult r : results) {
      Path sub = dir.resolve(r.name());
      for (int i = 0; i < r.claims().size(); i++) {
        Claim c = r.claims().get(i);
        Path csv = sub.resolve("claim-" + (i + 1) + ".csv");
        AtomicFiles.write(csv, csv(c));
        files.add(csv);
        index.append(String.format(Locale.ROOT, "| [%s](%s/report.md) | %s | %s | **%s** | %s |%n", r.name(), r.name(),
            cell(c.statement()), lower(c.kind()), lower(c.verdict()), cell(c.finding())));
      }
      Path md = sub.resolve("report.md");
      AtomicFiles.write(md, markdown(r, command));
      Path json = sub.resolve("result.json");
      AtomicFiles.write(json, Json.write(ResultJson.of(r)));
      files.add(md);
      files.add(json);
    }
    Path md = dir.resolve("report.md");
    AtomicFiles.write(md, index.toString());
    Path json = dir.resolve("result.json");
    AtomicFiles.write(json, Json.write(ResultJson.of(results)));
    files.add(md);
    files.add(json);
    return files;
  }

  /** One experiment as Markdown: claim, citation, settings, and per claim its verdict and table. */
  public static String markdown(ExperimentResult r, String command) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(r.name()).append("\n\n");
    b.append("> ").append(r.claim()).append("\n\n");
    b.append("Source: ").append(r.citation()).append(".  \n");
    b.append("Command: `").append(command).append("`  \n");
    b.append("Seeds: ").append(r.seeds()).append(r.quick() ? " (quick run)" : "").append("  \n");
    b.append("Settings: ");
    r.settings().values().forEach((k, v) -> b.append('`').append(k).append('=').append(v).append("` "));
    b.append("\n\n");
    for (int i = 0; i < r.claims().size(); i++) {
      Claim c = r.claims().get(i);
      b.append("## Claim ").append(i + 1).append(": ").append(c.statement()).append("\n\n");
      b.append("**Verdict: ").append(lower(c.verdict())).append("** (").append(lower(c.kind())).append(") — ")
          .append(c.finding()).append("\n\n");
      b.append("Protocol: ").append(c.protocol()).append("\n\n");
      c.test().ifPresent(t -> b.append(String.format(Locale.ROOT, "Test: %s, statistic %.4g, p = %.4g (α = %.2f; %s)%n%n",
          t.name(), t.statistic(), t.pValue(), t.alpha(), t.sizes())));
      b.append(table(c)).append('\n');
      b.append("Per-seed numbers: [claim-").append(i + 1).append(".csv](claim-").append(i + 1).append(".csv)\n\n");
    }
    return b.toString();
  }

  /** The claim's rows as a Markdown table. */
  static String table(Claim c) {
    if (c.rows().isEmpty()) {
      return "(no rows)\n";
    }
    List<String> cols = columns(c);
    StringBuilder b = new StringBuilder("| seed | network |");
    cols.forEach(k -> b.append(' ').append(k).append(" |"));
    b.append("\n|---|---|").append("---|".repeat(cols.size())).append('\n');
    for (SeedRow r : c.rows()) {
      b.append("| ").append(r.seed()).append(" | ").append(r.label()).append(" |");
      cols.forEach(k -> b.append(' ').append(format(r.get(k))).append(" |"));
      b.append('\n');
    }
    return b.toString();
  }

  static String csv(Claim c) {
    List<String> cols = columns(c);
    StringBuilder b = new StringBuilder("seed,label");
    cols.forEach(k -> b.append(',').append(k));
    b.append('\n');
    for (SeedRow r : c.rows()) {
      b.append(r.seed()).append(",\"").append(r.label().replace("\"", "\"\"")).append('"');
      cols.forEach(k -> b.append(',').append(Double.isNaN(r.get(k)) ? "" : Double.toString(r.get(k))));
      b.append('\n');
    }
    return b.toString();
  }

  private static List<String> columns(Claim c) {
    Set<String> cols = new LinkedHashSet<>();
    c.rows().forEach(r -> cols.addAll(r.numbers().keySet()));
    return List.copyOf(cols);
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
