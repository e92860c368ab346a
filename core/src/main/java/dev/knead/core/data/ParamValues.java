package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Parameter values checked against a generator's {@link Param} list: every name known, every
 * value inside its range, whole numbers where the parameter is an integer. Missing names take
 * their defaults, so {@link #all()} is the complete record of how a data set was made.
 */
public final class ParamValues {
  private final String owner;
  private final Map<String, Double> values;

  private ParamValues(String owner, Map<String, Double> values) {
    this.owner = owner;
    this.values = values;
  }

  /**
   * @param owner the generator's name, for messages
   * @param params the accepted parameters
   * @param given values by name (may be partial)
   * @throws BadInputException for an unknown name, a value out of range or a fraction where a
   *     whole number is needed
   */
  public static ParamValues check(String owner, List<Param> params, Map<String, Double> given) {
    Map<String, Param> byName = new TreeMap<>();
    for (Param p : params) {
      byName.put(p.name(), p);
    }
    for (String key : given.keySet()) {
      if (!byName.containsKey(key)) {
        throw new BadInputException(
            owner + ": unknown parameter '" + key + "'; valid parameters: " + String.join(", ", byName.keySet()));
      }
    }
    Map<String, Double> resolved = new TreeMap<>();
    for (Param p : params) {
      double v = given.getOrDefault(p.name(), p.defaultValue());
      if (Double.isNaN(v) || v < p.min() || v > p.max()) {
        throw new BadInputException(owner + ": " + p.name() + "=" + format(v) + " is outside " + range(p));
      }
      if (p.integer() && v != Math.rint(v)) {
        throw new BadInputException(owner + ": " + p.name() + "=" + format(v) + " must be a whole number in " + range(p));
      }
      resolved.put(p.name(), v);
    }
    return new ParamValues(owner, java.util.Collections.unmodifiableMap(resolved));
  }

  /** @return the value of a parameter the generator declared */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(owner + " declares no parameter " + name);
    }
    return v;
  }

  /** @return an integer parameter */
  public int count(String name) {
    return (int) get(name);
  }

  /** @return every parameter with its value, defaults filled in, sorted by name */
  public Map<String, Double> all() {
    return values;
  }

  /** "[min, max]" with integers printed as integers. */
  public static String range(Param p) {
    return "[" + format(p.min()) + ", " + format(p.max()) + "]" + (p.integer() ? " (whole number)" : "");
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** @return "a, b, c": the names of the parameters, for messages */
  static String names(List<Param> params) {
    return params.stream().map(Param::name).collect(Collectors.joining(", "));
  }
}
