package dev.knead.core.data.words;

import dev.knead.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Knead's own analogy question set ({@code dev/knead/data/words/analogy-pairs.txt}): categories
 * of word pairs with one relation (capitals, genders, comparatives, tenses). Every ordered pair
 * of distinct pairs (x1, y1), (x2, y2) of a category is one question "x1 is to y1 as x2 is to ?",
 * answered right when {@code y1 − x1 + x2} ranks y2 first, the three question words excluded.
 */
public record AnalogySet(Map<String, List<Pair>> categories) {
  static final String RESOURCE = "/dev/knead/data/words/analogy-pairs.txt";

  public AnalogySet {
    Map<String, List<Pair>> copy = new LinkedHashMap<>();
    categories.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    categories = java.util.Collections.unmodifiableMap(copy);
  }

  /** Two words in one relation, e.g. france → paris. */
  public record Pair(String from, String to) {}

  /** One question: from1 is to to1 as from2 is to ? (answer to2). */
  public record Question(String category, Pair given, Pair asked) {}

  /** One category's score. */
  public record Score(String category, int right, int asked, int skipped, List<Question> wrong) {
    public Score {
      wrong = List.copyOf(wrong);
    }

    public double accuracy() {
      return asked == 0 ? Double.NaN : (double) right / asked;
    }
  }

  /** The question set that ships with Knead. */
  public static AnalogySet shipped() {
    try (InputStream in = AnalogySet.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the pairs format: {@code # comment}, {@code : category}, then {@code x y} lines. */
  public static AnalogySet parse(String text) {
    Map<String, List<Pair>> cats = new LinkedHashMap<>();
    List<Pair> current = null;
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith(":")) {
        current = new ArrayList<>();
        cats.put(l.substring(1).strip(), current);
        continue;
      }
      String[] t = l.split("\\s+");
      if (current == null || t.length != 2) {
        throw new BadInputException("analogy pairs: line " + (i + 1) + ": expected 'x y' after a ': category' line");
      }
      current.add(new Pair(t[0], t[1]));
    }
    return new AnalogySet(cats);
  }

  /** Every question of a category, in pair order. */
  public List<Question> questions(String category) {
    List<Pair> pairs = categories.get(category);
    List<Question> out = new ArrayList<>();
    for (Pair p : pairs) {
      for (Pair q : pairs) {
        if (p != q) {
          out.add(new Question(category, p, q));
        }
      }
    }
    return out;
  }

  /**
   * Asks every question; one whose four words are not all among the vectors is skipped (and
   * counted as such), not scored as wrong.
   */
  public List<Score> score(WordVectors v) {
    List<Score> out = new ArrayList<>();
    for (String c : categories.keySet()) {
      int right = 0;
      int asked = 0;
      int skipped = 0;
      List<Question> wrong = new ArrayList<>();
      for (Question q : questions(c)) {
        if (!(v.contains(q.given().from()) && v.contains(q.given().to()) && v.contains(q.asked().from())
            && v.contains(q.asked().to()))) {
          skipped++;
          continue;
        }
        asked++;
        String best = v.analogy(q.given().to(), q.given().from(), q.asked().from(), 1).best().word();
        if (best.equals(q.asked().to())) {
          right++;
        } else {
          wrong.add(q);
        }
      }
      out.add(new Score(c, right, asked, skipped, wrong));
    }
    return out;
  }
}
