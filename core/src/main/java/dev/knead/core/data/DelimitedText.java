package dev.knead.core.data;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldModifier;
import dev.knead.core.BadInputException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delimited text: CSV as RFC 4180 has it (FastCSV), with the separator a comma, tab or semicolon
 * (the first of them outside quotes on the first data line), or runs of whitespace when none of
 * those appear (the ripser point-cloud format). Blank lines and lines starting with '#' are
 * skipped; unquoted fields are trimmed; a quoted field may hold the separator, doubled quotes ("") and
 * line breaks, and keeps its spaces. Errors name the file, the line (where a record starts), the column and its name.
 */
final class DelimitedText {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** Columns a row may have: far beyond any data set, small enough to stop a runaway line. */
  static final int MAX_FIELDS = 100_000;
  /** How FastCSV names the record it could not read. */
  private static final Pattern STARTED_IN_LINE = Pattern.compile("started in line (\\d+)");

  /** One non-blank line split into fields. */
  private record Row(int line, String[] fields) {}

  private DelimitedText() {}

  /**
   * A labelled data set. The first line is a header when some field of it is not a number
   * while the same field of the next line is (or, in a one-line file, when any field is text).
   */
  static Dataset readLabelled(Path path, LoadOptions options) {
    return readLabelled(path.getFileName().toString(), () -> Files.newInputStream(path), options);
  }

  /** The same from bytes in memory (the fuzz tests; an upload). */
  static Dataset readLabelled(String file, byte[] bytes, LoadOptions options) {
    return readLabelled(file, () -> new ByteArrayInputStream(bytes), options);
  }

  private static Dataset readLabelled(String file, Source path, LoadOptions options) {
    List<Row> rows = rows(path, file, options, 1);
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
    return readCloud(path.getFileName().toString(), () -> Files.newInputStream(path), options);
  }

  static Points readCloud(String file, byte[] bytes, LoadOptions options) {
    return readCloud(file, () -> new ByteArrayInputStream(bytes), options);
  }

  private static Points readCloud(String file, Source path, LoadOptions options) {
    List<Row> rows = rows(path, file, options, 0);
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
  static boolean hasHeader(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    List<Row> rows = rows(() -> Files.newInputStream(path), file, options, 1);
    return !rows.isEmpty() && isHeader(rows);
  }

  /**
   * The file's records. Comma, tab or semicolon separated text is read as RFC 4180 CSV (FastCSV):
   * a quoted field may hold the separator, doubled quotes and line breaks. Values are counted
   * while reading, so an oversized file stops early rather than filling memory.
   *
   * @param labelsPerRow fields per row that are not coordinates (1 for a label column)
   */
  /** Where the text comes from; opened once to find the separator and once to read. */
  private interface Source {
    InputStream open() throws IOException;
  }

  private static List<Row> rows(Source path, String file, LoadOptions options, int labelsPerRow) {
    List<Row> rows = new ArrayList<>();
    try {
      String first = firstDataLine(path);
      if (first == null) {
        throw new BadInputException(file + ": the file is empty");
      }
      char sep = separator(first);
      if (sep == 0) {
        whitespaceRows(path, file, options, labelsPerRow, rows);
      } else {
        csvRows(path, file, sep, options, labelsPerRow, rows);
      }
    } catch (CharacterCodingException e) {
      throw notText(file);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw notText(file);
      }
      throw new BadInputException(file + ": cannot be read (" + e.getCause().getMessage() + ")");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (rows.isEmpty()) {
      throw new BadInputException(file + ": the file is empty");
    }
    return rows;
  }

  private static BadInputException notText(String file) {
    return new BadInputException(file + ": not UTF-8 text (is it a binary file with the wrong extension?)");
  }

  /** Strict UTF-8 (malformed bytes are an error, not U+FFFD), past a byte-order mark. */
  private static BufferedReader open(Source path) throws IOException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader in = new BufferedReader(new InputStreamReader(path.open(), utf8));
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
    return in;
  }

  private static boolean skipped(String stripped) {
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  /** @return the first line that is neither blank nor a comment, or null */
  private static String firstDataLine(Source path) throws IOException {
    try (BufferedReader in = open(path)) {
      String s;
      while ((s = in.readLine()) != null) {
        if (!skipped(s.strip())) {
          return s.strip();
        }
      }
      return null;
    }
  }

  private static void csvRows(Source path, String file, char sep, LoadOptions options, int labelsPerRow, List<Row> rows)
      throws IOException {
    CsvReader.CsvReaderBuilder builder = CsvReader.builder()
        .fieldSeparator(sep)
        .quoteCharacter('"')
        .commentStrategy(CommentStrategy.SKIP)
        .commentCharacter('#')
        .skipEmptyLines(true)
        .allowExtraFields(true) // rows of unequal length get Knead's own message
        .allowMissingFields(true)
        .trimWhitespacesAroundQuotes(true);
    // unquoted fields are trimmed; a quoted field is kept as written
    FieldModifier trim = new FieldModifier() {
      @Override
      public String modify(long line, int index, boolean quoted, String field) {
        return quoted ? field : field.strip();
      }
    };
    CsvRecordHandler handler = CsvRecordHandler.of(b -> b.maxFields(MAX_FIELDS).fieldModifier(trim));
    long values = 0;
    long lastLine = 0;
    QuoteWatch watch = new QuoteWatch(open(path), sep);
    try (CsvReader<CsvRecord> csv = builder.build(handler, watch)) {
      for (CsvRecord r : csv) {
        lastLine = r.getStartingLineNumber();
        String[] f = r.getFields().toArray(new String[0]);
        if (f.length == 1 && f[0].isEmpty()) {
          continue; // a line of spaces
        }
        if (!rows.isEmpty()) {
          values += Math.max(0, f.length - labelsPerRow);
          checkRunning(file, values, lastLine, options);
        }
        rows.add(new Row(line(lastLine), f));
      }
    } catch (CsvParseException e) {
      Matcher m = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
      String where = m.find() ? "line " + m.group(1) : "line " + line(lastLine + 1) + " or after";
      throw new BadInputException(file + ": " + where + ": not valid CSV (" + reason(e) + ")");
    }
    if (watch.openQuoteLine() > 0) {
      throw new BadInputException(file + ": line " + watch.openQuoteLine() + ": a quoted field opens and is never closed");
    }
  }

  private static void whitespaceRows(Source path, String file, LoadOptions options, int labelsPerRow, List<Row> rows)
      throws IOException {
    long values = 0;
    try (BufferedReader in = open(path)) {
      String s;
      int line = 0;
      while ((s = in.readLine()) != null) {
        line++;
        String t = s.strip();
        if (skipped(t)) {
          continue;
        }
        String[] f = WHITESPACE.split(t, -1);
        if (!rows.isEmpty()) {
          values += Math.max(0, f.length - labelsPerRow);
          checkRunning(file, values, line, options);
        }
        rows.add(new Row(line, f));
      }
    }
  }

  private static int line(long line) {
    return (int) Math.min(Integer.MAX_VALUE, line);
  }

  /** The parser's own words, without its stack of causes. */
  private static String reason(CsvParseException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  private static void checkRunning(String file, long values, long line, LoadOptions options) {
    if (values > options.maxValues()) {
      throw new BadInputException(file + ": line " + line + " passes the limit of " + options.maxValues()
          + " values (raise it with the size-limit option)");
    }
  }

  /** @return the first of comma, tab, semicolon outside double quotes, or 0 for runs of whitespace */
  private static char separator(String firstLine) {
    for (char c : new char[] {',', '\t', ';'}) {
      boolean quoted = false;
      for (int i = 0; i < firstLine.length(); i++) {
        char x = firstLine.charAt(i);
        if (x == '"') {
          quoted = !quoted;
        } else if (x == c && !quoted) {
          return c;
        }
      }
    }
    return 0;
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
