package dev.knead.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished run of a sweep: its row of the run table and its rows of the run × stage table,
 * each cell already as its {@link Column} holds it.
 *
 * @param key the run's config hash
 * @param index the run's place in the grid
 * @param run column → value
 * @param stages one column → value map per stage, input first
 */
public record RunRecord(String key, int index, Map<String, Object> run, List<Map<String, Object>> stages) {
  public RunRecord {
    run = Collections.unmodifiableMap(new LinkedHashMap<>(run));
    stages = stages.stream().map(s -> Collections.unmodifiableMap(new LinkedHashMap<>(s))).toList();
  }
}
