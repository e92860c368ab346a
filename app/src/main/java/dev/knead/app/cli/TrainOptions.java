package dev.knead.app.cli;

import dev.knead.core.BadInputException;
import dev.knead.core.data.Datasets;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The flags that describe an experiment, shared by every command that trains or explains: they
 * become one {@link ExperimentConfig}. The data flags are here; the training flags come from
 * {@link TrainSchema} ({@link Flags}).
 */
@Command(modelTransformer = TrainOptions.Flags.class)
public final class TrainOptions {
  @Option(names = "--data", paramLabel = "NAME|FILE",
      description = "A built-in data set (see: knead datasets) or a CSV/NPY/NPZ/IDX file.")
  String data;

  @Option(names = "--labels", paramLabel = "FILE",
      description = "The labels of a .npy or IDX file of points, in their own file (e.g. train-labels-idx1-ubyte.gz).")
  String labels;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A data-set parameter, e.g. --set points=300 --set noise=0.05.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--label-column", paramLabel = "NAME|INDEX", description = "CSV only: the label column (default: the last).")
  String labelColumn;

  @Option(names = "--test-share", defaultValue = DataSpec.DEFAULT_TEST_SHARE_TEXT, description = "Share of points held out for testing, in [0, 1) (default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--data-seed", description = "Seed of the generated data and the split (default: the --seed value).")
  Long dataSeed;

  /** The training flags as typed, by setting; read through the schema in {@link #config}. */
  private final Map<ConfigField<?>, String> given = new LinkedHashMap<>();

  /** @return whether any flag of the experiment was given (explain: train first instead of reading a RUN) */
  public boolean given() {
    return data != null || !given.isEmpty() || !settings.isEmpty() || labelColumn != null || labels != null || dataSeed != null;
  }

  /** Builds the experiment these flags describe; bad values give one clear line. */
  public ExperimentConfig config() {
    if (data == null) {
      throw new BadInputException("--data is required: a built-in data set (see: knead datasets) or a CSV/NPY/NPZ file");
    }
    Map<ConfigField<?>, Object> values = new LinkedHashMap<>();
    given.forEach((f, text) -> values.put(f, f.read(text, f.flag())));
    TrainConfig train = TrainConfig.of(values);
    DataSpec spec = new DataSpec(data, Datasets.parseSettings(settings), dataSeed == null ? train.seed() : dataSeed, testShare,
        Optional.ofNullable(labelColumn), Optional.ofNullable(labels));
    return new ExperimentConfig(spec, train);
  }

  /**
   * Adds one option per setting of {@link TrainSchema}, its help line and label taken from the
   * table, so a new setting needs no code here. Runs when picocli builds this mixin's model.
   */
  public static final class Flags implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      // picocli may hand over the mixin's own model or the command it is mixed into
      TrainOptions target = spec.userObject() instanceof TrainOptions t ? t : spec.mixins().values().stream()
          .map(CommandSpec::userObject).filter(TrainOptions.class::isInstance).map(TrainOptions.class::cast).findFirst().orElse(null);
      if (target == null) {
        return spec;
      }
      for (ConfigField<?> f : TrainSchema.FIELDS) {
        if (spec.findOption(f.flag()) != null) {
          continue;
        }
        List<String> names = new ArrayList<>();
        names.add(f.flag());
        names.addAll(f.aliases());
        spec.addOption(OptionSpec.builder(names.toArray(String[]::new))
            .type(String.class)
            .paramLabel(label(f))
            .description(f.help())
            .setter(new CommandLine.Model.ISetter() {
              @Override
              public <T> T set(T value) {
                if (value != null) {
                  target.given.put(f, (String) value);
                }
                return null;
              }
            })
            .build());
      }
      return spec;
    }

    private static String label(ConfigField<?> f) {
      return switch (f.kind()) {
        case INTEGER -> "N";
        case NUMBER -> "X";
        case CHOICE -> "NAME";
        case LIST -> "A,B,…";
      };
    }
  }
}
