package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The built-in data sets by name, in a fixed order: first by dimension (1-D, 2-D, 3-D), and
 * within a dimension from the plainest to the most entangled, Naitzat's sets last. Also the
 * parsing of {@code --set key=value} overrides and the stratified train/test split.
 */
public final class Datasets {
  private static final List<Generator> ALL =
      List.of(
          new Sandwich(),
          new DiskAnnulus(),
          new Circles(),
          new Xor(),
          new Gaussians(),
          new Spirals(),
          new Moons(),
          new Checkerboard(),
          new NaitzatD1(),
          new Colours(),
          new HopfRings(),
          new LinkedTori(),
          new NestedSpheres(),
          new SwissRoll(),
          new NaitzatD2(),
          new NaitzatD3(),
          new WordPoints());

  /** The real data sets that ship (module data), after the generators in the catalogue. */
  private static final List<ShippedData> SHIPPED = List.of(new Digits(), new Mnist());

  /** What each generated set's construction follows (docs/datasets.md, Sources). */
  private static final Map<String, String> CITATIONS = Map.ofEntries(
      Map.entry("sandwich", "C. Olah, Neural Networks, Manifolds, and Topology, 2014"),
      Map.entry("disk-annulus", "C. Olah, Neural Networks, Manifolds, and Topology, 2014"),
      Map.entry("linked-tori", "C. Olah, Neural Networks, Manifolds, and Topology, 2014"),
      Map.entry("circles", "as scikit-learn's make_circles (Pedregosa et al., JMLR 12, 2011)"),
      Map.entry("moons", "as scikit-learn's make_moons (Pedregosa et al., JMLR 12, 2011)"),
      Map.entry("swiss-roll", "as scikit-learn's make_swiss_roll (Pedregosa et al., JMLR 12, 2011)"),
      Map.entry("xor", "TensorFlow Playground (Smilkov, Carter et al., 2016)"),
      Map.entry("gaussians", "TensorFlow Playground (Smilkov, Carter et al., 2016)"),
      Map.entry("spirals", "TensorFlow Playground (Smilkov, Carter et al., 2016)"),
      Map.entry("naitzat-d1", "G. Naitzat, A. Zhitnikov, L.-H. Lim, Topology of Deep Neural Networks, JMLR 21(184), 2020 (D-I)"),
      Map.entry("naitzat-d2", "G. Naitzat, A. Zhitnikov, L.-H. Lim, Topology of Deep Neural Networks, JMLR 21(184), 2020 (D-II)"),
      Map.entry("naitzat-d3", "G. Naitzat, A. Zhitnikov, L.-H. Lim, Topology of Deep Neural Networks, JMLR 21(184), 2020 (D-III)"),
      Map.entry("nested-spheres", "E. Dupont, A. Doucet, Y. W. Teh, Augmented Neural ODEs, NeurIPS 2019"),
      Map.entry("colours", "IEC 61966-2-1:1999 (sRGB); CIE 15:2004 (CIELAB, D65 white)"));

  private Datasets() {}

  /** @return the real data sets that ship with Knead (digits, mnist), in catalogue order */
  public static List<ShippedData> shipped() {
    return SHIPPED;
  }

  /** @return every data set {@code --data NAME} accepts: the generators, then the shipped real data */
  public static List<Generator> catalogue() {
    List<Generator> all = new java.util.ArrayList<>(ALL);
    all.addAll(SHIPPED);
    return List.copyOf(all);
  }

  /** @return the names {@code --data} accepts, in catalogue order */
  public static List<String> catalogueNames() {
    return catalogue().stream().map(Generator::name).toList();
  }

  /** @return the reference a generated set's construction follows, "" if none */
  static String citation(String name) {
    return CITATIONS.getOrDefault(name, "");
  }

  /** @return every generator, in the documented order (see docs/datasets.md) */
  public static List<Generator> all() {
    return ALL;
  }

  /** @return the names of all generators, in order */
  public static List<String> names() {
    return ALL.stream().map(Generator::name).toList();
  }

  /** @throws BadInputException for an unknown name, listing the known ones */
  public static Generator byName(String name) {
    for (Generator g : catalogue()) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new BadInputException("unknown data set '" + name + "'; known: " + String.join(", ", catalogueNames()));
  }

  /**
   * Makes a built-in data set from text overrides, as the CLI's {@code --set} and the web form
   * give them.
   *
   * @param overrides parameter name to value text, e.g. {@code r1 → "0.3"}
   * @throws BadInputException naming the data set and parameter for an unknown name, a value
   *     that is not a number, out of its range, or not whole where it must be
   */
  public static Dataset generate(String name, Map<String, String> overrides, long seed) {
    Generator g = byName(name);
    Map<String, Param> params = new TreeMap<>();
    g.params().forEach(p -> params.put(p.name(), p));
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      Param p = params.get(e.getKey());
      if (p == null) {
        throw new BadInputException(
            name + ": unknown parameter '" + e.getKey() + "'; valid parameters: " + String.join(", ", params.keySet()));
      }
      String text = e.getValue().trim();
      if (!NumberText.isNumber(text)) {
        throw new BadInputException(
            name + ": " + p.name() + "='" + e.getValue() + "' is not a number; expected " + ParamValues.range(p));
      }
      values.put(p.name(), Double.parseDouble(text));
    }
    return g.generate(values, seed);
  }

  /**
   * Turns {@code --set} arguments into a map.
   *
   * @param settings strings of the form {@code key=value}
   * @throws BadInputException for a string without '=' or a key given twice
   */
  public static Map<String, String> parseSettings(List<String> settings) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException("--set '" + s + "' is not of the form key=value");
      }
      String key = s.substring(0, eq).trim();
      if (out.put(key, s.substring(eq + 1)) != null) {
        throw new BadInputException("--set " + key + " is given more than once");
      }
    }
    return out;
  }

  /**
   * Stratified train/test split: within every class the points are shuffled with {@code
   * SplittableRandom(seed)} and round(share · count) go to the test set, but every class keeps
   * at least one training point. Both halves keep data-set order.
   *
   * @param testShare fraction in (0, 1)
   */
  public static Split split(Dataset d, double testShare, long seed) {
    return Split.of(d, testShare, seed);
  }

  /** "name: description" lines, for a listing. */
  static String describe() {
    return ALL.stream().map(g -> g.name() + ": " + g.description()).collect(Collectors.joining("\n"));
  }
}
