package dev.knead.app.cli;

import dev.knead.core.io.ConfigJson;
import dev.knead.core.io.Json;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainSchema;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code knead schema}: every training setting, its default, range and meaning (the one table). */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "List every training setting: flag, default, range, unit and meaning. The same table drives the train flags, "
        + "the lab's controls and the run file.")
public final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "The schema as JSON (the document the lab serves at GET /api/schema; see docs/formats.md).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.writeLine(ConfigJson.schema()));
      return KneadCommand.OK;
    }
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      out.printf(Locale.ROOT, "%-20s %s%n", f.flag(), f.help());
    }
    return KneadCommand.OK;
  }
}
