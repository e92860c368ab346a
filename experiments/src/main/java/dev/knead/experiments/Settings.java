package dev.knead.experiments;

import dev.knead.core.BadInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's parameters after the {@code --set} overrides, parsed once at the edge.
 *
 * @param experiment the experiment's name (for messages)
 * @param values every parameter, in declaration order
 */
public record Settings(String experiment, Map<String, String> values) {
  public Settings {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * @throws BadInputException for a key the experiment does not have
   */
  public static Settings resolve(Experiment e, Map<String, String> overrides, boolean quick) {
    Map<String, String> v = new LinkedHashMap<>();
    for (ExperimentParam p : e.params()) {
      v.put(p.name(), quick ? p.quick() : p.full());
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (!v.containsKey(o.getKey())) {
        throw new BadInputException(e.name() + ": unknown parameter '" + o.getKey() + "'; valid parameters: "
            + String.join(", ", v.keySet()));
      }
      v.put(o.getKey(), o.getValue().trim());
    }
    return new Settings(e.name(), v);
  }

  public String text(String key) {
    String s = values.get(key);
    if (s == null) {
      throw new IllegalArgumentException(experiment + ": no parameter '" + key + "'");
    }
    return s;
  }

  public double number(String key) {
    try {
      return Double.parseDouble(text(key));
    } catch (NumberFormatException ex) {
      throw new BadInputException(experiment + ": " + key + "='" + text(key) + "' is not a number");
    }
  }

  public int whole(String key) {
    double d = number(key);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new BadInputException(experiment + ": " + key + "='" + text(key) + "' is not a whole number");
    }
    return (int) d;
  }

  /** A comma-separated list of numbers, e.g. {@code 1,2,3}. */
  public List<Double> numbers(String key) {
    List<Double> out = new ArrayList<>();
    for (String part : text(key).split(",")) {
      try {
        out.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException ex) {
        throw new BadInputException(experiment + ": " + key + "='" + text(key) + "' is not a comma-separated list of numbers");
      }
    }
    return List.copyOf(out);
  }

  /** A comma-separated list of whole numbers. */
  public List<Integer> wholes(String key) {
    List<Integer> out = new ArrayList<>();
    for (double d : numbers(key)) {
      if (d != Math.rint(d)) {
        throw new BadInputException(experiment + ": " + key + "='" + text(key) + "' must list whole numbers");
      }
      out.add((int) d);
    }
    return List.copyOf(out);
  }

  /** A comma-separated list of words, e.g. {@code tanh,relu}. */
  public List<String> words(String key) {
    return List.of(text(key).split("\\s*,\\s*"));
  }
}
