package dev.knead.core.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to read a user's data file.
 *
 * @param labelColumn the column holding labels: a header name, or an index counted from 0 (a
 *     negative index counts from the end, −1 is the last); empty means the last column. Ignored
 *     when labels come from their own array.
 * @param labelsFile a separate {@code .npy} of labels for a {@code .npy} of points
 * @param maxBytes largest file (or inflated {@code .npz} content) accepted
 * @param maxValues largest number of coordinates (n · d) accepted
 */
public record LoadOptions(Optional<String> labelColumn, Optional<Path> labelsFile, long maxBytes, long maxValues) {
  /** 200 MB: generous for point clouds, small enough to fail fast on a wrong file. */
  public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

  /** 5 million coordinates, e.g. a million 5-D points; raise it for image data sets. */
  public static final long DEFAULT_MAX_VALUES = 5_000_000L;

  /** 60 million values for IDX images: all 60,000 of MNIST's 28 × 28 training images (47 million). */
  public static final long IDX_MAX_VALUES = 60_000_000L;

  public LoadOptions {
    if (maxBytes <= 0 || maxValues <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Last column is the label, default limits. */
  public static LoadOptions defaults() {
    return new LoadOptions(Optional.empty(), Optional.empty(), DEFAULT_MAX_BYTES, DEFAULT_MAX_VALUES);
  }

  public LoadOptions withLabelColumn(String column) {
    return new LoadOptions(Optional.of(column), labelsFile, maxBytes, maxValues);
  }

  public LoadOptions withLabelsFile(Path file) {
    return new LoadOptions(labelColumn, Optional.of(file), maxBytes, maxValues);
  }

  public LoadOptions withLimits(long bytes, long values) {
    return new LoadOptions(labelColumn, labelsFile, bytes, values);
  }
}
