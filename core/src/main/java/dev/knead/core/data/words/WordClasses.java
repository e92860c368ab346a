package dev.knead.core.data.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists of the {@code words} data set ({@code dev/knead/data/words/word-classes.txt},
 * written for Knead): class name → its words, in file order.
 */
public record WordClasses(Map<String, List<String>> classes) {
  static final String RESOURCE = "/dev/knead/data/words/word-classes.txt";

  public WordClasses {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    classes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    classes = Collections.unmodifiableMap(copy);
  }

  public static WordClasses shipped() {
    try (InputStream in = WordClasses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      Map<String, List<String>> out = new LinkedHashMap<>();
      List<String> current = null;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith(":")) {
          current = new ArrayList<>();
          out.put(l.substring(1).strip(), current);
        } else if (current != null) {
          current.addAll(List.of(l.split("\\s+")));
        }
      }
      return new WordClasses(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
