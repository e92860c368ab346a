package dev.knead.core.run;

import dev.knead.core.BadInputException;
import dev.knead.core.data.DataFiles;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the points come from: a built-in generator with its settings, or a file.
 *
 * @param source a generator name (see {@code knead datasets}) or a path to a CSV / NPY / NPZ file
 * @param settings generator parameters as text ({@code --set key=value}); empty for files
 * @param seed the generator's seed
 * @param testShare share of points held out for testing, in [0, 1); 0 keeps every point for
 *     training
 * @param labelColumn for CSV files: the label column's name or 0-based index (default: last)
 * @param labelsFile a separate labels file for a {@code .npy} or IDX file of points
 */
public record DataSpec(String source, Map<String, String> settings, long seed, double testShare, Optional<String> labelColumn,
    Optional<String> labelsFile) {
  /** The share held out when nobody says otherwise (CLI, lab, run files): one definition. */
  public static final double DEFAULT_TEST_SHARE = 0.2;

  /** {@link #DEFAULT_TEST_SHARE} as text, for option annotations. */
  public static final String DEFAULT_TEST_SHARE_TEXT = "0.2";

  public DataSpec {
    settings = Map.copyOf(settings);
    if (labelsFile.isPresent() && labelColumn.isPresent()) {
      throw new BadInputException("give a labels file or a label column, not both");
    }
    if (!(testShare >= 0 && testShare < 1)) {
      throw new BadInputException("test share must be in [0, 1), got " + testShare);
    }
  }

  /** Without a separate labels file. */
  public DataSpec(String source, Map<String, String> settings, long seed, double testShare, Optional<String> labelColumn) {
    this(source, settings, seed, testShare, labelColumn, Optional.empty());
  }

  public static DataSpec of(String source, long seed) {
    return new DataSpec(source, Map.of(), seed, DEFAULT_TEST_SHARE, Optional.empty());
  }

  /** @return whether the source names a built-in generator (otherwise it is a file) */
  public boolean isGenerated() {
    return Datasets.catalogueNames().contains(source);
  }

  /** Makes or loads the data set. */
  public Dataset load() {
    if (isGenerated()) {
      return Datasets.generate(source, settings, seed);
    }
    Path p = Path.of(source);
    if (!Files.exists(p)) {
      throw new BadInputException(
          "data '" + source + "' is neither a built-in data set (" + String.join(", ", Datasets.catalogueNames()) + ") nor a file");
    }
    if (!settings.isEmpty()) {
      throw new BadInputException("--set applies to built-in data sets, not to the file " + source);
    }
    LoadOptions d = LoadOptions.defaults();
    if (DataFiles.isIdx(p)) {
      d = d.withLimits(d.maxBytes(), LoadOptions.IDX_MAX_VALUES);
    }
    return DataFiles.load(p, new LoadOptions(labelColumn, labelsFile.map(Path::of), d.maxBytes(), d.maxValues()));
  }
}
