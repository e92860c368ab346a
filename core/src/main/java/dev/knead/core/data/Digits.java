package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UCI 8×8 handwritten digits (1,797 images, 64 pixels of 0–16 each, scaled to [0, 1]), as
 * scikit-learn ships them. Its split is fixed: stratified, 20 % of every class held out, chosen
 * with {@code SplittableRandom(0)} ({@link Split#of}), the same whatever the run's seeds.
 */
public final class Digits extends ShippedData {
  /** Share of every class held out for testing. */
  static final double TEST_SHARE = 0.2;

  /** Seed of the fixed split: documented, never the run's. */
  static final long SPLIT_SEED = 0;

  @Override
  public String name() {
    return "digits";
  }

  @Override
  public String description() {
    return "64-D: 1,797 handwritten digits 0-9 as 8x8 images, pixels 0-16 scaled to [0, 1] (UCI, Alpaydin & Kaynak 1998)";
  }

  @Override
  public int dim() {
    return 64;
  }

  @Override
  public List<Param> params() {
    return List.of();
  }

  @Override
  public List<String> classNames() {
    return digitNames();
  }

  @Override
  public DataOrigin origin() {
    return new DataOrigin(
        "Debian python3-sklearn 1.2.1: sklearn/datasets/data/digits.csv.gz (the UCI test set), as IDX in knead-data.jar (dev/knead/data/digits)",
        "CC BY 4.0",
        "E. Alpaydin, C. Kaynak, Optical Recognition of Handwritten Digits, UCI Machine Learning Repository, 1998, doi:10.24432/C50P49");
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues.check(name(), params(), values);
    Part all = read("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz", 1797, 16);
    return dataset(Map.of(), all, new Part(new double[0], new int[0], all.dim()));
  }

  @Override
  public Optional<Split> fixedSplit(Dataset d) {
    return Optional.of(Split.of(d, TEST_SHARE, SPLIT_SEED));
  }
}
