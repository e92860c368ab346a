package dev.knead.analysis;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.GroundTruth;
import dev.knead.topology.measure.DataTopology;
import dev.knead.topology.verdict.KnownTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the data's own points say about its topology, measured the same way for a built-in
 * generator and for a user's file, with the generator's ground truth beside it where there is
 * one. The verdicts use the measurement; where the two disagree, the disagreement is stated.
 *
 * @param measured what the points say (per class Betti numbers with the scales they hold at,
 *     core curves, enclosures, linking numbers)
 * @param truth the generator's answer, {@link GroundTruth#unknown()} for a file
 * @param classNames the classes' names
 * @param noise the generator's noise setting (0 for a file): named when it explains a disagreement
 * @param known the measured facts as the verdicts read them
 * @param disagreements one sentence per fact on which measurement and ground truth differ
 */
public record DataFacts(
    DataTopology measured,
    GroundTruth truth,
    List<String> classNames,
    double noise,
    KnownTopology known,
    List<String> disagreements) {

  public DataFacts {
    classNames = List.copyOf(classNames);
    disagreements = List.copyOf(disagreements);
  }

  /** The sentence saying which facts the verdicts rest on. */
  public static final String SOURCE =
      "verdicts use the topology measured on the points; the generator's ground truth is shown beside it, never used";

  /**
   * Measures a data set.
   *
   * @param maxPerClass most points per class (a seeded subsample beyond it); data of 3 or more
   *     dimensions, where the cavities β₂ are measured too, uses half as many
   * @param seed for the subsample
   */
  public static DataFacts of(Dataset data, int maxPerClass, long seed) {
    double[][] pts = Analyst.rows(data.points());
    DataTopology m = DataTopology.infer(pts, data.labels(), data.classes(),
        new DataTopology.Options(Math.max(3, maxPerClass), Math.max(3, maxPerClass / 2), 64, seed));
    double noise = data.params().getOrDefault("noise", 0.0);
    return new DataFacts(m, data.truth(), data.classNames(), noise, Facts.known(m, data.classNames()),
        disagreements(m, data.truth(), data.classNames(), noise));
  }

  /** @return true when the data set came with a generator's answer */
  public boolean hasTruth() {
    return truth.isKnown();
  }

  /** One line per class: its measured Betti numbers and the scales they hold at. */
  public List<String> summary() {
    List<String> out = new ArrayList<>();
    for (DataTopology.ClassShape s : measured.classes()) {
      String name = classNames.get(s.label());
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: β = %s", name, s.betti()));
      if (s.to() > s.from()) {
        b.append(String.format(Locale.ROOT, " at scales %s–%s", num(s.from()), num(s.to())));
        if (!s.next().isEmpty()) {
          b.append(String.format(Locale.ROOT, " (next best: %s at %s–%s)", s.next(), num(s.nextFrom()), num(s.nextTo())));
        }
      }
      b.append(String.format(Locale.ROOT, ", %d points", s.points()));
      if (hasTruth() && s.label() < truth.betti().size()) {
        b.append("; generator says ").append(truth.betti().get(s.label()));
      }
      out.add(b.toString());
    }
    for (DataTopology.Enclosure e : measured.enclosures()) {
      out.add(Facts.enclosureSentence(e, classNames));
    }
    measured.linkingNumber().ifPresent(lk -> out.add(Facts.linkingSentence(measured, classNames)
        + (hasTruth() && truth.linkingNumber().isPresent() ? "; generator says " + truth.linkingNumber().get() + " for its orientation" : "")));
    if (measured.dim() == 3 && measured.linkingNumber().isEmpty() && !measured.links().isEmpty()) {
      out.add("linking number undefined: the core curves come too close, or the Gauss integral is not near a whole number");
    }
    return out;
  }

  static List<String> disagreements(DataTopology m, GroundTruth t, List<String> names, double noise) {
    List<String> out = new ArrayList<>();
    if (!t.isKnown()) {
      return out;
    }
    for (DataTopology.ClassShape s : m.classes()) {
      if (s.label() >= t.betti().size()) {
        continue;
      }
      List<Integer> want = t.betti().get(s.label());
      for (int k = 0; k < s.betti().size(); k++) {
        int g = k < want.size() ? want.get(k) : 0;
        if (s.betti(k) != g) {
          String why = k > 0 && s.betti(k) < g && noise > 0
              ? String.format(Locale.ROOT, " — the noise %s may fill the %s", plain(noise), k == 1 ? "hole" : "cavity")
              : "";
          out.add(String.format(Locale.ROOT, "%s: measured β%d = %d at scales %s–%s, generator says %d%s", names.get(s.label()), k,
              s.betti(k), num(s.from()), num(s.to()), g, why));
        }
      }
    }
    List<Integer> enclosed = m.enclosedClasses();
    List<Integer> said = t.enclosed().stream().sorted().toList();
    if (m.dim() <= 3 && !enclosed.equals(said)) {
      out.add("enclosed classes: measured " + (enclosed.isEmpty() ? "none" : names(enclosed, names)) + ", generator says "
          + (said.isEmpty() ? "none" : names(said, names)));
    }
    Optional<Integer> lk = m.linkingNumber();
    if (t.linkingNumber().isPresent() && m.dim() == 3) {
      int g = t.linkingNumber().get();
      if (lk.isEmpty()) {
        out.add("linking number: not measured (no pair of core curves, or undefined), generator says " + g);
      } else if (Math.abs(lk.get()) != Math.abs(g)) {
        out.add("linking number: measured " + lk.get() + ", generator says " + g);
      }
    }
    return out;
  }

  static String names(List<Integer> classes, List<String> names) {
    return classes.stream().map(c -> c < names.size() ? names.get(c) : String.valueOf(c)).collect(Collectors.joining(", "));
  }

  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static String num(double v) {
    if (v == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
