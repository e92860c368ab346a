package dev.knead.core.train;

import dev.knead.core.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of training, described once: its key, type, default, range, unit and a line
 * saying what it does. The CLI's flags and help, the lab's request parsing, the page's
 * controls and the run file are all derived from the table of these ({@link TrainSchema}).
 *
 * <p>Values are read by value, never by spelling: "5001", " 5001", "5001.0" and "5.001e3" are
 * the same whole number, and a value outside the range is refused before anything is built.
 *
 * @param <T> the value's Java type ({@code Optional} for a setting that may be "none")
 */
public final class ConfigField<T> {
  /** What a value looks like in JSON and on the page. */
  public enum Kind {
    INTEGER,
    NUMBER,
    CHOICE,
    LIST
  }

  /** Which panel of the page the setting belongs to (and, in the lab's request, which object). */
  public enum Group {
    NETWORK,
    TRAIN
  }

  /** Allowed values of a number: min and max, each open or closed; infinite ends mean unbounded. */
  public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
    public static Range closed(double min, double max) {
      return new Range(min, false, max, false);
    }

    public static Range atLeast(double min) {
      return new Range(min, false, Double.POSITIVE_INFINITY, true);
    }

    public boolean contains(double v) {
      return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
    }

    /** @return e.g. "in (0, 100]" or "≥ 0" */
    public String describe() {
      if (Double.isInfinite(max)) {
        return (minOpen ? "> " : "≥ ") + show(min);
      }
      return "in " + (minOpen ? "(" : "[") + show(min) + ", " + show(max) + (maxOpen ? ")" : "]");
    }

    private static String show(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /** How a value is read from text and written back. */
  interface Codec<T> {
    T read(String text, String as);

    /** @return the value as JSON sees it: Long, Double, String, a List of those, or null for none */
    Object json(T value);
  }

  private final String key;
  private final Group group;
  private final Kind kind;
  private final T defaultValue;
  private final Range range;
  private final String none;
  private final String unit;
  private final String description;
  private final List<String> choices;
  private final String runPath;
  private final List<String> aliases;
  private final Codec<T> codec;

  private ConfigField(String key, Group group, Kind kind, T defaultValue, Range range, String none, String unit, String description,
      List<String> choices, String runPath, List<String> aliases, Codec<T> codec) {
    this.key = key;
    this.group = group;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.range = range;
    this.none = none;
    this.unit = unit;
    this.description = description;
    this.choices = List.copyOf(choices);
    this.runPath = runPath;
    this.aliases = List.copyOf(aliases);
    this.codec = codec;
  }

  // ---- the kinds of field ----

  /** A whole number in a range. */
  public static ConfigField<Long> integer(String key, long def, long min, long max, String unit, String description) {
    Range r = Range.closed(min, max);
    return new ConfigField<>(key, Group.TRAIN, Kind.INTEGER, def, r, null, unit, description, List.of(), key, List.of(),
        new Codec<>() {
          @Override
          public Long read(String text, String as) {
            return whole(text, min, max, as);
          }

          @Override
          public Object json(Long v) {
            return v;
          }
        });
  }

  /** A finite number in a range. */
  public static ConfigField<Double> number(String key, double def, Range range, String unit, String description) {
    return new ConfigField<>(key, Group.TRAIN, Kind.NUMBER, def, range, null, unit, description, List.of(), key, List.of(),
        new Codec<>() {
          @Override
          public Double read(String text, String as) {
            return real(text, range, as);
          }

          @Override
          public Object json(Double v) {
            return v;
          }
        });
  }

  /** A number in a range, or none (the word {@code none}, an absent flag, JSON null). */
  public static ConfigField<Optional<Double>> optionalNumber(String key, Range range, String none, String unit, String description) {
    return new ConfigField<>(key, Group.TRAIN, Kind.NUMBER, Optional.empty(), range, none, unit, description, List.of(), key, List.of(),
        new Codec<>() {
          @Override
          public Optional<Double> read(String text, String as) {
            return text.trim().equals("none") ? Optional.empty() : Optional.of(real(text, range, as));
          }

          @Override
          public Object json(Optional<Double> v) {
            return v.orElse(null);
          }
        });
  }

  /** One of a set of named values (some with parameters, e.g. {@code step:200:0.5}). */
  public static <E> ConfigField<E> choice(String key, E def, List<String> choices, Function<String, E> parse, Function<E, String> label,
      String description) {
    return new ConfigField<>(key, Group.TRAIN, Kind.CHOICE, def, null, null, "", description, choices, key, List.of(),
        namedItem(parse, label));
  }

  /** A comma-separated list, each item read by {@code item}; {@code none} or nothing is the empty list. */
  public static <E> ConfigField<List<E>> list(String key, List<E> def, int maxItems, Codec<E> item, Range itemRange, String unit,
      String description, List<String> choices) {
    return new ConfigField<>(key, Group.TRAIN, Kind.LIST, List.copyOf(def), itemRange, null, unit, description, choices, key, List.of(),
        new Codec<>() {
          @Override
          public List<E> read(String text, String as) {
            String t = text.trim();
            List<E> out = new ArrayList<>();
            if (t.isEmpty() || t.equals("none")) {
              return out;
            }
            String[] parts = t.split(itemRange != null ? "[,x×]" : ",", -1);
            if (parts.length > maxItems) {
              throw new BadInputException(as + ": at most " + maxItems + " items, got " + parts.length);
            }
            for (int i = 0; i < parts.length; i++) {
              out.add(item.read(parts[i], as + "[" + i + "]"));
            }
            return List.copyOf(out);
          }

          @Override
          public Object json(List<E> v) {
            return v.stream().map(item::json).toList();
          }
        });
  }

  /** @return a copy in the page's network panel */
  public ConfigField<T> inNetwork() {
    return new ConfigField<>(key, Group.NETWORK, kind, defaultValue, range, none, unit, description, choices, runPath, aliases, codec);
  }

  /** @return a copy stored under another path in run.json (dots for nested objects) */
  public ConfigField<T> storedAt(String path) {
    return new ConfigField<>(key, group, kind, defaultValue, range, none, unit, description, choices, path, aliases, codec);
  }

  /** @return a copy that also answers to these CLI flags */
  public ConfigField<T> alsoFlags(String... flags) {
    return new ConfigField<>(key, group, kind, defaultValue, range, none, unit, description, choices, runPath, List.of(flags), codec);
  }

  // ---- reading and writing ----

  /**
   * Reads a value from text (a flag, a URL, a JSON string or number as text).
   *
   * @param as how the user named the setting, for the message: "--epochs", "train.epochs"
   */
  public T read(String text, String as) {
    if (text == null) {
      throw new BadInputException(as + ": a value is required");
    }
    if (text.length() > 4096) {
      throw new BadInputException(as + ": value too long (" + text.length() + " characters)");
    }
    return codec.read(text, as);
  }

  /** @return the value as JSON sees it (Long, Double, String, List, or null for none) */
  public Object toJson(T value) {
    return codec.json(value);
  }

  /** @return this setting's value in c as JSON sees it */
  public Object toJson(TrainConfig c) {
    return codec.json(c.get(this));
  }

  /** @return the default as JSON sees it */
  public Object defaultJson() {
    return codec.json(defaultValue);
  }

  /** @return the default as the CLI would take it ("none" for none) */
  public String defaultText() {
    return toText(defaultValue);
  }

  /** @return the value as the CLI would take it back */
  public String toText(T value) {
    Object j = codec.json(value);
    if (j == null) {
      return "none";
    }
    if (j instanceof List<?> l) {
      return l.isEmpty() ? "none" : String.join(",", l.stream().map(String::valueOf).toList());
    }
    return String.valueOf(j);
  }

  @SuppressWarnings("unchecked")
  public T cast(Object v) {
    return (T) v;
  }

  // ---- what the table says ----

  public String key() {
    return key;
  }

  /** @return the CLI flag, {@code --} and the key with '-' for '_' */
  public String flag() {
    return "--" + key.replace('_', '-');
  }

  public List<String> aliases() {
    return aliases;
  }

  public Group group() {
    return group;
  }

  public Kind kind() {
    return kind;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /** @return the allowed numbers (of every item, for a list of numbers); empty for choices */
  public Optional<Range> range() {
    return Optional.ofNullable(range);
  }

  /** @return what "none" means for this setting, when it may be none */
  public Optional<String> none() {
    return Optional.ofNullable(none);
  }

  public String unit() {
    return unit;
  }

  public String description() {
    return description;
  }

  /** @return the named values (for a choice) or item names (for a list of choices); may be examples */
  public List<String> choices() {
    return choices;
  }

  /** @return where the value sits in run.json's config.train, dot-separated */
  public String runPath() {
    return runPath;
  }

  /** @return one line for --help: what it does, its range and unit, what none means, the default */
  public String help() {
    List<String> notes = new ArrayList<>();
    if (range != null) {
      notes.add((kind == Kind.LIST ? "each " : "") + range.describe() + (unit.isEmpty() ? "" : " " + unit));
    }
    if (none != null) {
      notes.add("none = " + none);
    }
    notes.add("default: " + defaultText());
    return description + " (" + String.join("; ", notes) + ")";
  }

  @Override
  public String toString() {
    return key;
  }

  // ---- numbers by value ----

  private static BigDecimal decimal(String text, String as) {
    String t = text.trim();
    try {
      if (t.length() > 64) {
        throw new NumberFormatException();
      }
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new BadInputException(as + ": '" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "' is not a number");
    }
  }

  /** A whole number by value; refused cheaply (by its digit count) when far out of range. */
  static long whole(String text, long min, long max, String as) {
    BigDecimal v = decimal(text, as);
    String range = "a whole number in " + min + " … " + max;
    if (v.signum() != 0 && v.precision() - v.scale() > 19) {
      throw new BadInputException(as + " must be " + range + ", got " + text.trim());
    }
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() > 0) {
      throw new BadInputException(as + " must be " + range + ", got " + text.trim());
    }
    if (s.compareTo(BigDecimal.valueOf(min)) < 0 || s.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new BadInputException(as + " must be " + range + ", got " + text.trim());
    }
    return s.longValueExact();
  }

  static double real(String text, Range range, String as) {
    BigDecimal v = decimal(text, as);
    double d = v.signum() != 0 && v.precision() - v.scale() > 400 ? Double.POSITIVE_INFINITY * v.signum() : v.doubleValue();
    if (!Double.isFinite(d) || !range.contains(d)) {
      throw new BadInputException(as + " must be a number " + range.describe() + ", got " + text.trim());
    }
    return d;
  }

  /** Item codecs for lists. */
  static Codec<Integer> wholeItem(int min, int max) {
    return new Codec<>() {
      @Override
      public Integer read(String text, String as) {
        return (int) whole(text, min, max, as);
      }

      @Override
      public Object json(Integer v) {
        return (long) v;
      }
    };
  }

  static <E> Codec<E> namedItem(Function<String, E> parse, Function<E, String> label) {
    return new Codec<>() {
      @Override
      public E read(String text, String as) {
        try {
          return parse.apply(text.trim());
        } catch (BadInputException | IllegalArgumentException e) {
          throw new BadInputException(as + ": " + e.getMessage());
        }
      }

      @Override
      public Object json(E v) {
        return label.apply(v);
      }
    };
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
