package dev.knead.core.run;

import dev.knead.core.BadInputException;
import dev.knead.core.Version;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Split;
import dev.knead.core.train.ExecutionSettings;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.Trainer;
import java.time.Instant;

/** Runs an experiment from its config: load or make the data, split it, train. */
public final class Runs {
  private Runs() {}

  public static Run execute(ExperimentConfig config, TrainListener listener) {
    return execute(config, listener, ExecutionSettings.DEFAULT);
  }

  /** As {@link #execute(ExperimentConfig, TrainListener)}, executed as {@code exec} says: the same run, bit for bit. */
  public static Run execute(ExperimentConfig config, TrainListener listener, ExecutionSettings exec) {
    Dataset data = config.data().load();
    Split split = split(data, config.data());
    TrainResult result = Trainer.train(split.train(), split.test(), config.train(), listener, exec);
    return new Run(config, data, split, result, Instant.now(), Version.KNEAD);
  }

  /**
   * The split the config asks for; with test share 0 every point trains and none tests. A real
   * data set that comes with its own split (digits, mnist) keeps it at the default share; any
   * other share is refused rather than silently ignored.
   */
  public static Split split(Dataset data, DataSpec spec) {
    if (spec.testShare() == 0) {
      return new Split(data, data.select(new int[0]));
    }
    if (spec.isGenerated()) {
      java.util.Optional<Split> own = Datasets.byName(spec.source()).fixedSplit(data);
      if (own.isPresent()) {
        if (spec.testShare() != DataSpec.DEFAULT_TEST_SHARE) {
          throw new BadInputException(spec.source() + " comes with its own test split (" + own.get().test().size() + " of "
              + data.size() + " points); a test share of " + spec.testShare() + " cannot apply: leave it at its default "
              + DataSpec.DEFAULT_TEST_SHARE + ", or give 0 to train on every point");
        }
        return own.get();
      }
    }
    return Datasets.split(data, spec.testShare(), spec.seed() ^ 0x5eedL);
  }
}
