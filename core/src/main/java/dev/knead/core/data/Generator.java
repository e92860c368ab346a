package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a labelled data set from explicit parameters and an explicit seed: the same
 * parameters and seed give the same bits.
 */
public interface Generator {
  /** @return the name used on the command line, e.g. {@code disk-annulus} */
  String name();

  /** @return one line saying what the data set is and where it comes from */
  String description();

  /** @return the input dimension */
  int dim();

  /** @return every parameter with its default and range */
  List<Param> params();

  /**
   * @param values parameter values by name; missing ones take their defaults, unknown names
   *     or out-of-range values throw {@link dev.knead.core.BadInputException}
   * @param seed the only source of randomness
   */
  Dataset generate(Map<String, Double> values, long seed);

  /** @return where the data comes from, its licence and citation ({@code knead datasets}) */
  default DataOrigin origin() {
    return DataOrigin.generated(Datasets.citation(name()));
  }

  /**
   * @return the train/test split this data set comes with (a real data set's own), or empty: then
   *     the run's {@code --test-share} splits it
   */
  default Optional<Split> fixedSplit(Dataset d) {
    return Optional.empty();
  }
}
