package dev.knead.core.data.words;

import dev.knead.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words as points of a d-dimensional space: each word's vector as given, and its unit vector for
 * cosines. Immutable; arrays are copied in and out.
 *
 * <p>Word arithmetic follows the standard analogy protocol (Mikolov et al. 2013; "3CosAdd" in
 * Levy &amp; Goldberg 2014): for {@code a − b + c} the answer is the word whose unit vector has
 * the largest cosine with {@code â − b̂ + ĉ}, the three question words excluded.
 */
public final class WordVectors {
  private final String source;
  private final List<String> words;
  private final Map<String, Integer> index;
  private final int dim;
  private final double[] raw; // n × d, row-major
  private final double[] unit; // n × d, each row of length 1

  /**
   * @param source where the vectors came from, for messages and provenance
   * @param words the words, each once, in the file's order (frequency order for GloVe)
   * @param vectors n × d, row-major; no row may be all zeros
   */
  public WordVectors(String source, List<String> words, int dim, double[] vectors) {
    if (dim < 1 || vectors.length != (long) words.size() * dim) {
      throw new IllegalArgumentException("vectors must be " + words.size() + " × " + dim);
    }
    this.source = source;
    this.words = List.copyOf(words);
    this.dim = dim;
    this.raw = vectors.clone();
    this.index = new HashMap<>();
    for (int i = 0; i < this.words.size(); i++) {
      if (index.put(this.words.get(i), i) != null) {
        throw new IllegalArgumentException("word '" + this.words.get(i) + "' is given twice");
      }
    }
    this.unit = new double[raw.length];
    for (int i = 0; i < this.words.size(); i++) {
      double s = 0;
      for (int k = 0; k < dim; k++) {
        s += raw[i * dim + k] * raw[i * dim + k];
      }
      double norm = Math.sqrt(s);
      for (int k = 0; k < dim; k++) {
        // a zero vector has no direction: its cosines are 0 with everything
        unit[i * dim + k] = norm > 0 ? raw[i * dim + k] / norm : 0;
      }
    }
  }

  /** The GloVe 6B 100-d subset that ships with Knead ({@link ShippedWords}). */
  public static WordVectors shipped() {
    return ShippedWords.load();
  }

  public String source() {
    return source;
  }

  public int size() {
    return words.size();
  }

  public int dim() {
    return dim;
  }

  public List<String> words() {
    return words;
  }

  public boolean contains(String word) {
    return index.containsKey(word);
  }

  /** @throws BadInputException naming the word and the vectors when it is not among them */
  public int indexOf(String word) {
    Integer i = index.get(word);
    if (i == null) {
      Integer lower = index.get(word.toLowerCase(Locale.ROOT));
      throw new BadInputException("'" + word + "' is not among the " + words.size() + " words of " + source
          + (lower != null ? " (but '" + word.toLowerCase(Locale.ROOT) + "' is)" : ""));
    }
    return i;
  }

  /** @return the word's vector as given, length d */
  public double[] vector(String word) {
    int i = indexOf(word);
    return Arrays.copyOfRange(raw, i * dim, (i + 1) * dim);
  }

  /** @return the word's unit vector, length d */
  public double[] unitVector(String word) {
    int i = indexOf(word);
    return Arrays.copyOfRange(unit, i * dim, (i + 1) * dim);
  }

  /**
   * SHA-256 (hex) of the words and their vectors as given (each word's UTF-8 bytes and a zero
   * byte, then its coordinates as IEEE doubles): the data hash of a word-vector artefact.
   */
  public String hash() {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
      for (int i = 0; i < words.size(); i++) {
        md.update(words.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        for (int k = 0; k < dim; k++) {
          md.update(buf.putLong(0, Double.doubleToLongBits(raw[i * dim + k])).array());
        }
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Cosine of two words' vectors. */
  public double cosine(String a, String b) {
    int i = indexOf(a);
    int j = indexOf(b);
    double s = 0;
    for (int k = 0; k < dim; k++) {
      s += unit[i * dim + k] * unit[j * dim + k];
    }
    return s;
  }

  /** One word found near a query, with its cosine and its rank (1 = nearest). */
  public record Neighbour(String word, double cosine, int rank) {}

  /**
   * The k words whose unit vectors have the largest cosine with {@code query}, ties broken by
   * the words' order, the excluded words left out.
   *
   * @param query length d, not all zeros
   */
  public List<Neighbour> nearest(double[] query, int k, Set<String> exclude) {
    if (query.length != dim) {
      throw new IllegalArgumentException("query has " + query.length + " coordinates, vectors " + dim);
    }
    if (k < 1) {
      throw new BadInputException("-k must be at least 1, got " + k);
    }
    double[] cos = cosines(query);
    Integer[] order = new Integer[words.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> cos[x] != cos[y] ? Double.compare(cos[y], cos[x]) : Integer.compare(x, y));
    List<Neighbour> out = new ArrayList<>();
    for (int i : order) {
      if (out.size() == k) {
        break;
      }
      if (!exclude.contains(words.get(i))) {
        out.add(new Neighbour(words.get(i), cos[i], out.size() + 1));
      }
    }
    return out;
  }

  /** The k nearest words to a word, the word itself left out. */
  public List<Neighbour> nearest(String word, int k) {
    return nearest(unitVector(word), k, Set.of(word));
  }

  /** Cosine of {@code query} with every word's unit vector, in word order. */
  public double[] cosines(double[] query) {
    double qq = 0;
    for (double v : query) {
      qq += v * v;
    }
    double qn = Math.sqrt(qq);
    double[] cos = new double[words.size()];
    for (int i = 0; i < cos.length; i++) {
      double s = 0;
      for (int k = 0; k < dim; k++) {
        s += unit[i * dim + k] * query[k];
      }
      cos[i] = qn > 0 ? s / qn : 0;
    }
    return cos;
  }

  /** {@code â − b̂ + ĉ}: the query of the analogy "a is to b as ? is to c". */
  public double[] offset(String a, String b, String c) {
    double[] x = unitVector(a);
    double[] y = unitVector(b);
    double[] z = unitVector(c);
    double[] q = new double[dim];
    for (int k = 0; k < dim; k++) {
      q[k] = x[k] - y[k] + z[k];
    }
    return q;
  }

  /**
   * Word arithmetic {@code a − b + c} by the standard protocol: the k best answers with the three
   * question words excluded.
   */
  public Analogy analogy(String a, String b, String c, int k) {
    List<Neighbour> best = nearest(offset(a, b, c), k, Set.of(a, b, c));
    return new Analogy(a, b, c, best);
  }

  /**
   * The rank (1 = first) of {@code word} among the answers to {@code a − b + c}, question words
   * excluded, and its cosine.
   */
  public Neighbour rankOf(String word, String a, String b, String c) {
    int w = indexOf(word);
    double[] cos = cosines(offset(a, b, c));
    Set<String> asked = Set.of(a, b, c);
    int rank = 1;
    for (int i = 0; i < cos.length; i++) {
      if (i != w && !asked.contains(words.get(i)) && (cos[i] > cos[w] || cos[i] == cos[w] && i < w)) {
        rank++;
      }
    }
    return new Neighbour(word, cos[w], rank);
  }

  /**
   * An answer to {@code a − b + c}.
   *
   * @param answers the best words, best first, the question words excluded
   */
  public record Analogy(String a, String b, String c, List<Neighbour> answers) {
    public Analogy {
      answers = List.copyOf(answers);
    }

    public Neighbour best() {
      return answers.get(0);
    }
  }
}
