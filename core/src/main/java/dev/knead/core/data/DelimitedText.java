package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV-like text: comma, tab or semicolon separated (detected from the first line), or runs of
 * whitespace when none of those appear (the ripser point-cloud format). Blank lines and lines
 * starting with '#' are skipped; fields are trimmed and may be wrapped in double quotes.
 */
final class DelimitedText {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** One non-blank line split into fields. */
  private record Row(int line, String[] fields) {}

  private DelimitedText() {}

  /**
   * A labelled data set. The first line is a header when some field of it is not a number
   * while the same field of the next line is (or, in a one-line file, when any field is text).
   */
  static Dataset readLabelled(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    List<Row> rows = rows(path, file);
    String[] header = null;
    if (isHeader(rows)) {
      header = rows.remove(0).fields();
    }
    if (rows.isEmpty()) {
      throw new BadInputException(file + ": no data rows");
    }
    int width = header != null ? header.length : rows.get(0).fields().length;
    if (width < 2) {
      throw new BadInputException(file + ": " + width + " column; needs at least one coordinate column and a label column");
    }
    int labelCol = labelColumn(file, options, header, width);
    int d = width - 1;
    checkValues(file, (long) rows.size() * d, options);
    double[] a = new double[rows.size() * d];
    String[] raw = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      requireWidth(file, r, width);
      for (int j = 0, k = 0; j < width; j++) {
        if (j == labelCol) {
          raw[i] = r.fields()[j];
        } else {
          a[i * d + k++] = number(file, r, j, header);
        }
      }
    }
    ClassLabels y = ClassLabels.fromText(file, raw, i -> "line " + rows.get(i).line());
    return new Dataset(file, java.util.Map.of(), Points.of(rows.size(), d, a), y.labels(), y.names(), GroundTruth.unknown());
  }

  /** An unlabelled point cloud: every field a coordinate, no header. */
  static Points readCloud(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    List<Row> rows = rows(path, file);
    if (rows.isEmpty()) {
      throw new BadInputException(file + ": no data rows");
    }
    int d = rows.get(0).fields().length;
    checkValues(file, (long) rows.size() * d, options);
    double[] a = new double[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      requireWidth(file, r, d);
      for (int j = 0; j < d; j++) {
        a[i * d + j] = number(file, r, j, null);
      }
    }
    return Points.of(rows.size(), d, a);
  }

  /** Whether the file's first line is a header, by the rule {@link #readLabelled} reads it with. */
  static boolean hasHeader(Path path) {
    return isHeader(rows(path, path.getFileName().toString(), 2));
  }

  private static List<Row> rows(Path path, String file) {
    return rows(path, file, Integer.MAX_VALUE);
  }

  /** The first {@code limit} non-blank, non-comment rows. */
  private static List<Row> rows(Path path, String file, int limit) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String s;
      int line = 0;
      Pattern sep = null;
      while (rows.size() < limit && (s = in.readLine()) != null) {
        line++;
        if (line == 1 && s.startsWith("\uFEFF")) {
          s = s.substring(1); // byte-order mark
        }
        String t = s.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (sep == null) {
          sep = separator(t);
        }
        String[] f = sep.split(t, -1);
        for (int j = 0; j < f.length; j++) {
          f[j] = unquote(f[j].strip());
        }
        rows.add(new Row(line, f));
      }
    } catch (CharacterCodingException e) {
      throw new BadInputException(file + ": not UTF-8 text (is it a binary file with the wrong extension?)");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (rows.isEmpty()) {
      throw new BadInputException(file + ": the file is empty");
    }
    return rows;
  }

  private static Pattern separator(String firstLine) {
    for (String c : new String[] {",", "\t", ";"}) {
      if (firstLine.contains(c)) {
        return Pattern.compile(Pattern.quote(c));
      }
    }
    return WHITESPACE;
  }

  private static String unquote(String f) {
    return f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"") ? f.substring(1, f.length() - 1).strip() : f;
  }

  private static boolean isHeader(List<Row> rows) {
    String[] first = rows.get(0).fields();
    if (rows.size() == 1) {
      return Arrays.stream(first).anyMatch(f -> !numeric(f));
    }
    String[] second = rows.get(1).fields();
    for (int j = 0; j < Math.min(first.length, second.length); j++) {
      if (!numeric(first[j]) && numeric(second[j])) {
        return true;
      }
    }
    return false;
  }

  /** NaN and infinities count as numbers here, so a bad first row is reported, not taken as a header. */
  private static boolean numeric(String f) {
    return NumberText.isNumber(f) || NumberText.isNonFinite(f);
  }

  private static int labelColumn(String file, LoadOptions options, String[] header, int width) {
    if (options.labelColumn().isEmpty()) {
      return width - 1;
    }
    String c = options.labelColumn().get().strip();
    if (NumberText.isWhole(c)) {
      long k = Long.parseLong(c);
      long j = k < 0 ? width + k : k;
      if (j < 0 || j >= width) {
        throw new BadInputException(file + ": label column " + c + " does not exist; columns are 0 to " + (width - 1));
      }
      return (int) j;
    }
    if (header == null) {
      throw new BadInputException(file + ": label column '" + c + "' named, but the file has no header line");
    }
    int j = Arrays.asList(header).indexOf(c);
    if (j < 0) {
      throw new BadInputException(file + ": no column named '" + c + "'; columns: " + String.join(", ", header));
    }
    return j;
  }

  private static void requireWidth(String file, Row r, int width) {
    if (r.fields().length != width) {
      throw new BadInputException(
          file + ": line " + r.line() + ": " + r.fields().length + " fields, expected " + width + " (rows of unequal length)");
    }
  }

  private static double number(String file, Row r, int j, String[] header) {
    String f = r.fields()[j];
    String col = "column " + (j + 1) + (header != null ? " ('" + header[j] + "')" : "");
    if (NumberText.isNonFinite(f)) {
      throw new BadInputException(file + ": line " + r.line() + ", " + col + ": '" + f + "' is not a finite number");
    }
    if (!NumberText.isNumber(f)) {
      throw new BadInputException(file + ": line " + r.line() + ", " + col + ": '" + f + "' is not a number");
    }
    double v = Double.parseDouble(f);
    if (!Double.isFinite(v)) {
      throw new BadInputException(file + ": line " + r.line() + ", " + col + ": '" + f + "' overflows a double");
    }
    return v;
  }

  static void checkValues(String file, long values, LoadOptions options) {
    if (values > options.maxValues()) {
      throw new BadInputException(
          file + ": " + values + " values, over the limit of " + options.maxValues() + " (raise it with the size-limit option)");
    }
  }
}
