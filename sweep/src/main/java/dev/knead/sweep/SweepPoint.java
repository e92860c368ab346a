package dev.knead.sweep;

import dev.knead.core.io.Provenance;
import dev.knead.core.run.ExperimentConfig;
import java.util.Map;

/**
 * One run of a sweep: its place in the grid, its whole config, and the axis values that made it.
 *
 * @param index the run's place in the grid (the last axis varies fastest)
 * @param config data and training settings
 * @param axes axis name → value text, in axis order
 */
public record SweepPoint(int index, ExperimentConfig config, Map<String, String> axes) {
  public SweepPoint {
    axes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(axes));
  }

  /** @return the run's key: the SHA-256 of its config, the same on any machine and in any order */
  public String key() {
    return Provenance.configHash(config);
  }
}
