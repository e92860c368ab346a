package dev.knead.sweep;

/**
 * One column of a sweep table (docs/sweeps.md lists them all).
 *
 * @param name lower_snake_case, valid in Spark SQL without quoting
 * @param type the value's type; every column may hold null (not measured, or not defined)
 * @param description one line for the schema
 */
public record Column(String name, Type type, String description) {
  /** What a cell holds: Long, Double (finite; NaN is written as null), String or Boolean. */
  public enum Type {
    LONG,
    DOUBLE,
    STRING,
    BOOLEAN
  }

  public Column {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are lower_snake_case: " + name);
    }
  }

  public static Column of(String name, Type type, String description) {
    return new Column(name, type, description);
  }

  /** @return the value as this column holds it: NaN and infinities become null */
  public Object cell(Object v) {
    if (v == null) {
      return null;
    }
    Object x = switch (type) {
      case LONG -> v instanceof Number n ? (Object) n.longValue() : null;
      case DOUBLE -> v instanceof Number n && Double.isFinite(n.doubleValue()) ? (Object) n.doubleValue() : null;
      case STRING -> v.toString();
      case BOOLEAN -> v instanceof Boolean ? v : null;
    };
    if (x == null && !(v instanceof Double d && !Double.isFinite(d))) {
      throw new IllegalArgumentException(name + " holds " + type + ", not " + v.getClass().getSimpleName());
    }
    return x;
  }
}
