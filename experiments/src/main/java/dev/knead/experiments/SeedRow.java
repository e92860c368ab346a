package dev.knead.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers one seed produced for one claim.
 *
 * @param seed the seed every random choice of this row came from
 * @param label which network or setting, e.g. "width 2, depth 3"
 * @param numbers named values in a fixed order; booleans as 1 / 0
 */
public record SeedRow(long seed, String label, Map<String, Double> numbers) {
  public SeedRow {
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }

  /** @return the value, or NaN when the row does not have it */
  public double get(String key) {
    Double v = numbers.get(key);
    return v == null ? Double.NaN : v;
  }

  /** @return whether the value is present and not zero (booleans are stored as 1 / 0) */
  public boolean is(String key) {
    double v = get(key);
    return !Double.isNaN(v) && v != 0;
  }

  /** Builds rows in a readable way: {@code SeedRow.of(seed, "w2").put("acc", a).build()}. */
  public static Builder of(long seed, String label) {
    return new Builder(seed, label);
  }

  /** Collects a row's numbers in order. */
  public static final class Builder {
    private final long seed;
    private final String label;
    private final Map<String, Double> numbers = new LinkedHashMap<>();

    private Builder(long seed, String label) {
      this.seed = seed;
      this.label = label;
    }

    public Builder put(String key, double value) {
      numbers.put(key, value);
      return this;
    }

    public Builder put(String key, boolean value) {
      numbers.put(key, value ? 1.0 : 0.0);
      return this;
    }

    public SeedRow build() {
      return new SeedRow(seed, label, numbers);
    }
  }
}
