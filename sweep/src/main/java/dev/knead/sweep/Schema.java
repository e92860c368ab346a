package dev.knead.sweep;

import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainSchema;
import dev.knead.sweep.Column.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a sweep's two tables: one row per run, one per run × stage. The run table's
 * config columns are read off {@link TrainSchema} (one column per training setting, named by its
 * key), so a new setting is a new column with nothing to add here.
 *
 * @param runs the run table's columns
 * @param stages the run × stage table's columns (none when no measure reads stages)
 */
public record Schema(List<Column> runs, List<Column> stages) {
  public Schema {
    runs = List.copyOf(runs);
    stages = List.copyOf(stages);
    unique(runs);
    unique(stages);
  }

  private static void unique(List<Column> cs) {
    Set<String> seen = new LinkedHashSet<>();
    for (Column c : cs) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("two columns named " + c.name());
      }
    }
  }

  /** @return the column name of an axis (data.settings.noise → data_noise, train.lr → lr) */
  public static String column(String axis) {
    if (axis.startsWith("data.settings.")) {
      return "data_" + axis.substring("data.settings.".length());
    }
    if (axis.startsWith("train.")) {
      return axis.substring("train.".length());
    }
    return switch (axis) {
      case "data.source" -> "data_source";
      case "data.seed" -> "data_seed";
      case "data.test_share" -> "test_share";
      default -> throw new IllegalArgumentException("no column for axis " + axis);
    };
  }

  public static Schema of(Sweep sweep) {
    List<Column> runs = new ArrayList<>(List.of(
        Column.of("key", Type.STRING, "the run's key: SHA-256 of its config (provenance config_sha256)"),
        Column.of("run_index", Type.LONG, "the run's place in the grid (the last axis varies fastest)"),
        Column.of("sweep", Type.STRING, "the sweep's name"),
        Column.of("knead_version", Type.STRING, "Knead's version that made the run"),
        Column.of("data_source", Type.STRING, "the data set's name or file"),
        Column.of("data_settings", Type.STRING, "the generator's settings given, 'k=v;…' sorted by name"),
        Column.of("data_seed", Type.LONG, "the data generator's seed (and the split's)"),
        Column.of("test_share", Type.DOUBLE, "share of points held out for testing"),
        Column.of("data_sha256", Type.STRING, "SHA-256 of the data set's points and labels")));
    for (Axis a : sweep.axes()) {
      if (a.name().startsWith("data.settings.")) {
        runs.add(Column.of(column(a.name()), Type.DOUBLE, "the data setting this axis varies"));
      }
    }
    runs.add(Column.of("width", Type.LONG, "the widest hidden layer (0 without hidden layers)"));
    runs.add(Column.of("depth", Type.LONG, "the number of hidden layers"));
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      Type t = switch (f.kind()) {
        case INTEGER -> Type.LONG;
        case NUMBER -> Type.DOUBLE;
        default -> Type.STRING;
      };
      runs.add(Column.of(f.key(), t, f.description()));
    }
    List<Column> stages = new ArrayList<>();
    boolean anyStage = false;
    for (String n : sweep.measures()) {
      Measure m = Measures.byName(n).orElseThrow();
      runs.addAll(m.runColumns());
      anyStage |= !m.stageColumns().isEmpty();
    }
    if (anyStage) {
      stages.add(Column.of("key", Type.STRING, "the run's key (joins the run table)"));
      stages.add(Column.of("run_index", Type.LONG, "the run's place in the grid"));
      stages.add(Column.of("stage", Type.LONG, "the stage's index in the trace (input 0, each hidden layer's end, logits)"));
      stages.add(Column.of("stage_name", Type.STRING, "the stage's caption"));
      stages.add(Column.of("stage_dim", Type.LONG, "dimension of the points at this stage"));
      stages.add(Column.of("layer", Type.LONG, "0 at the input, l after hidden layer l, depth + 1 at the logits"));
      for (String n : sweep.measures()) {
        stages.addAll(Measures.byName(n).orElseThrow().stageColumns());
      }
    }
    return new Schema(runs, stages);
  }
}
