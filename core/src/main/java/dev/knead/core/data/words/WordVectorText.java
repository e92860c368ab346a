package dev.knead.core.data.words;

import dev.knead.core.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a person's own word vectors in the text format GloVe and word2vec share: one word a line,
 * then its d coordinates, separated by spaces or tabs. word2vec's header line {@code "n d"} (two
 * whole numbers) is optional; when present the file must have n rows of d coordinates. Every row
 * must have as many coordinates as the first, every coordinate must be a finite number, and no
 * word may appear twice; anything else is refused with the line it is on.
 */
public final class WordVectorText {
  /** 200 MB of text: a 100-d file of about 400,000 words. */
  public static final long MAX_BYTES = 200L * 1024 * 1024;

  /** 50 million coordinates. */
  public static final long MAX_VALUES = 50_000_000L;

  private static final Pattern SPACE = Pattern.compile("[ \\t]+");
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

  private WordVectorText() {}

  public static WordVectors read(Path path) {
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (!Files.isRegularFile(path)) {
      throw new BadInputException(path + ": no such file");
    }
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new BadInputException(name + ": larger than the limit of " + MAX_BYTES + " bytes");
      }
      return parse(name, Files.readAllBytes(path), MAX_VALUES);
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * @param name the file name, for messages
   * @param bytes the whole file, UTF-8
   * @param maxValues the largest number of coordinates accepted
   */
  public static WordVectors parse(String name, byte[] bytes, long maxValues) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(name + ": not UTF-8 text");
    }
    String[] lines = text.split("\r?\n", -1);
    int first = 0;
    long headerRows = -1;
    int dim = -1;
    List<String> words = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    double[] values = new double[1024];
    int count = 0;
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] t = SPACE.split(line);
      if (headerRows < 0 && words.isEmpty() && ln == first && t.length == 2 && WHOLE.matcher(t[0]).matches()
          && WHOLE.matcher(t[1]).matches()) {
        headerRows = Long.parseLong(t[0]);
        dim = Integer.parseInt(t[1]);
        if (dim < 1) {
          throw new BadInputException(name + ": line 1: the header says dimension 0");
        }
        if (headerRows * dim > maxValues) {
          throw new BadInputException(name + ": line 1: the header's " + headerRows + " × " + dim
              + " coordinates are over the limit of " + maxValues);
        }
        continue;
      }
      int where = ln + 1;
      if (t.length < 2) {
        throw new BadInputException(name + ": line " + where + ": a word without coordinates");
      }
      if (dim < 0) {
        dim = t.length - 1;
      } else if (t.length - 1 != dim) {
        throw new BadInputException(name + ": line " + where + ": '" + shorten(t[0]) + "' has " + (t.length - 1)
            + " coordinates, expected " + dim + (headerRows >= 0 ? " (as the header says)" : " (as the first row has)"));
      }
      if (!seen.add(t[0])) {
        throw new BadInputException(name + ": line " + where + ": the word '" + shorten(t[0]) + "' appears twice");
      }
      if ((long) count + dim > maxValues) {
        throw new BadInputException(name + ": more than the limit of " + maxValues + " coordinates");
      }
      if (count + dim > values.length) {
        values = java.util.Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(count + dim, 2L * values.length)));
      }
      for (int k = 1; k <= dim; k++) {
        values[count++] = number(t[k], name, where, t[0]);
      }
      words.add(t[0]);
    }
    if (words.isEmpty()) {
      throw new BadInputException(name + ": no word vectors in the file");
    }
    if (headerRows >= 0 && headerRows != words.size()) {
      throw new BadInputException(name + ": the header says " + headerRows + " words, the file has " + words.size());
    }
    return new WordVectors(name, words, dim, java.util.Arrays.copyOf(values, count));
  }

  private static double number(String s, String name, int line, String word) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    // parseDouble also takes "NaN", "Infinity" and hex floats with a 'p'; a vector file has none
    if (!Double.isFinite(v) || s.indexOf('x') >= 0 || s.indexOf('X') >= 0 || s.endsWith("d") || s.endsWith("D")
        || s.endsWith("f") || s.endsWith("F")) {
      throw new BadInputException(name + ": line " + line + ": '" + shorten(s) + "' (a coordinate of '" + shorten(word)
          + "') is not a finite number");
    }
    return v;
  }

  /** A word or number as a message shows it: control characters escaped, at most 40 characters. */
  private static String shorten(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(s.length(), 40); i++) {
      char ch = s.charAt(i);
      b.append(Character.isISOControl(ch) || Character.getType(ch) == Character.LINE_SEPARATOR
          || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch)
          : String.valueOf(ch));
    }
    return s.length() > 40 ? b + "…" : b.toString();
  }
}
