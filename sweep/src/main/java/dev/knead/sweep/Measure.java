package dev.knead.sweep;

import java.util.List;
import java.util.Map;

/**
 * Something taken from every run of a sweep, by name: columns of the run table, of the run ×
 * stage table, or both. New measures join {@link Measures}' list; the tables' schema follows.
 */
public interface Measure {
  /** @return the name a sweep file uses in {@code measures:} */
  String name();

  /** @return one line for {@code knead sweep --help} and docs/sweeps.md */
  String description();

  /** @return the columns this measure adds to the run table */
  default List<Column> runColumns() {
    return List.of();
  }

  /** @return the columns this measure adds to the run × stage table */
  default List<Column> stageColumns() {
    return List.of();
  }

  /** Puts this measure's run columns into {@code row}. */
  default void run(Measured m, Map<String, Object> row) {}

  /** Puts this measure's columns for stage {@code stage} (an index into the report's stages) into {@code row}. */
  default void stage(Measured m, int stage, Map<String, Object> row) {}
}
