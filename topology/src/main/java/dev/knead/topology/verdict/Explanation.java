package dev.knead.topology.verdict;

import dev.knead.topology.maps.Badge;
import dev.knead.topology.maps.LayerMap;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes one or two plain sentences per layer from what was measured: how the layer moves
 * space (rotate, stretch, bend), whether it keeps or changes each class's topology, and whether
 * the classes become linearly separable or come unlinked there.
 */
public final class Explanation {
  private Explanation() {}

  /**
   * @param layers the hidden layers' maps, input side first
   * @param stages facts per stage: index 0 is the input, index i the output of layer i, so
   *     layers.size() + 1 entries (missing trailing stages count as unknown)
   * @return one paragraph per layer, in order
   */
  public static List<String> of(List<LayerMap> layers, List<StageFacts> stages) {
    return of(layers, stages, List.of());
  }

  /**
   * @param classNames names to say instead of "class i" (e.g. "disk", "ring"); missing ones
   *     stay "class i"
   */
  public static List<String> of(List<LayerMap> layers, List<StageFacts> stages, List<String> classNames) {
    final List<String> out = new ArrayList<>(layers.size());
    // the width theorem (no hidden layer wider than the input) is what makes a network "too narrow"
    final boolean narrow = !layers.isEmpty() && layers.stream().allMatch(m -> m.outputs() <= layers.get(0).inputs());
    for (int i = 0; i < layers.size(); i++) {
      final StageFacts before = i < stages.size() ? stages.get(i) : StageFacts.unknown();
      final StageFacts after = i + 1 < stages.size() ? stages.get(i + 1) : StageFacts.unknown();
      out.add(layer(i + 1, layers.get(i), before, after, i == layers.size() - 1, narrow, classNames));
    }
    return List.copyOf(out);
  }

  static String layer(int index, LayerMap m, StageFacts before, StageFacts after, boolean last, boolean narrow,
      List<String> names) {
    final StringBuilder s = new StringBuilder("Layer ").append(index).append(' ').append(what(m)).append(": ");
    final List<String> moves = new ArrayList<>();
    if (!Double.isNaN(m.rotationDegrees()) && Math.abs(m.rotationDegrees()) >= 0.5) {
      moves.add("it rotates by " + Math.round(m.rotationDegrees()) + "°");
    } else if (m.reflects()) {
      moves.add("it mirrors space");
    }
    moves.add((moves.isEmpty() ? "it " : "") + "stretches by " + stretches(m.singularValues()));
    // The comma before "and bends" keeps "3.2 and 0.4" from running into the bend.
    s.append(String.join(", ", moves)).append(", and bends with ").append(m.activation().name());
    // a one-to-one continuous layer cannot change topology: a measured change is never an event there
    final boolean oneToOne = m.has(Badge.HOMEOMORPHISM) || m.has(Badge.EMBEDDING);
    final boolean artefact = oneToOne && !before.betti().isEmpty() && !after.betti().isEmpty()
        && !sameBetti(before, after);
    final String topology = artefact ? "" : topologyChange(before, after, names);
    if (!topology.isEmpty()) {
      s.append("; ").append(topology);
    }
    s.append('.');
    if (m.has(Badge.DEAD_UNITS)) {
      s.append(' ').append(m.deadUnits()).append(m.deadUnits() == 1 ? " unit is" : " units are")
          .append(" dead (off for almost every point).");
    }
    if (m.has(Badge.SATURATES)) {
      s.append(' ').append(m.saturatedUnits()).append(m.saturatedUnits() == 1 ? " unit saturates" : " units saturate")
          .append(", which in finite precision can glue points together.");
    }
    if (artefact) {
      // theory and sample disagree: the map cannot tear, so the sample no longer covers the set
      s.append(" The measured Betti numbers change here (").append(changedNumbers(before, after, names))
          .append("), but such a map cannot tear or glue, so the change is a measurement artefact, not a change of"
              + " shape: the layer stretched or squeezed part of a class so much that the sample no longer covers it"
              + " evenly.");
      if (narrow && m.has(Badge.SATURATES)) {
        s.append(" With saturated units in a network no wider than its input, finite precision may really glue points"
            + " there — the \"easy way out\" of a network too narrow for the task.");
      }
    }
    final String link = linking(before, after);
    if (!link.isEmpty()) {
      s.append(' ').append(link);
    }
    final Optional<Boolean> sepBefore = before.separable();
    final Optional<Boolean> sepAfter = after.separable();
    if (sepAfter.isPresent()) {
      if (sepAfter.get() && !sepBefore.orElse(true)) {
        s.append(" The classes become linearly separable here.");
      } else if (!sepAfter.get() && last) {
        s.append(" The classes are not yet linearly separable.");
      } else if (!sepAfter.get() && sepBefore.orElse(false)) {
        s.append(" The classes stop being linearly separable here.");
      }
    }
    return s.toString();
  }

  private static String what(LayerMap m) {
    if (m.has(Badge.HOMEOMORPHISM)) {
      return "is a homeomorphism";
    }
    if (m.has(Badge.EMBEDDING)) {
      return "embeds the data into " + m.outputs() + " dimensions";
    }
    if (m.has(Badge.COLLAPSES)) {
      return "collapses " + m.inputs() + " dimensions onto " + Math.min(m.rank(), m.liveRank());
    }
    if (m.has(Badge.FOLDS)) {
      return "folds space";
    }
    return "maps " + m.inputs() + " to " + m.outputs() + " dimensions";
  }

  private static String stretches(double[] sv) {
    if (sv.length <= 3) {
      final List<String> parts = new ArrayList<>();
      for (double v : sv) {
        parts.add(number(v));
      }
      return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
          + " and " + parts.get(parts.size() - 1);
    }
    return "between " + number(sv[sv.length - 1]) + " and " + number(sv[0]);
  }

  private static String name(int c, List<String> names) {
    return c < names.size() ? "the " + names.get(c) + " class" : "class " + c;
  }

  static String topologyChange(StageFacts before, StageFacts after, List<String> names) {
    if (before.betti().isEmpty() || after.betti().isEmpty()) {
      return "";
    }
    final List<String> changes = new ArrayList<>();
    boolean allKnown = true;
    for (int c : new TreeSet<>(before.betti().keySet())) {
      final List<Integer> b = before.betti().get(c);
      final List<Integer> a = after.betti().get(c);
      if (a == null) {
        allKnown = false;
        continue;
      }
      final int b0 = at(b, 0);
      final int a0 = at(a, 0);
      if (a0 > b0) {
        changes.add(name(c, names) + " splits into " + a0 + " pieces");
      } else if (a0 < b0) {
        changes.add(name(c, names) + (a0 == 1 ? " merges into one piece" : " merges into " + a0 + " pieces"));
      }
      for (int k = 1; k < Math.max(a.size(), b.size()); k++) {
        final int diff = at(a, k) - at(b, k);
        final String feature = k == 1 ? "hole" : k == 2 ? "cavity" : k + "-dimensional hole";
        final String features = k == 2 ? "cavities" : feature + "s";
        if (diff < 0) {
          changes.add(name(c, names) + " loses " + plural(-diff, feature, features));
        } else if (diff > 0) {
          changes.add(name(c, names) + " gains " + plural(diff, feature, features));
        }
      }
    }
    if (changes.isEmpty() && allKnown) {
      final int n = before.betti().size();
      return n == 2 ? "both classes keep their components and holes"
          : n == 1 ? "the class keeps its components and holes" : "every class keeps its components and holes";
    }
    return join(changes);
  }

  /** Same Betti numbers for every class, a missing trailing number counting as 0. */
  private static boolean sameBetti(StageFacts before, StageFacts after) {
    if (!before.betti().keySet().equals(after.betti().keySet())) {
      return false;
    }
    for (int c : before.betti().keySet()) {
      final List<Integer> b = before.betti().get(c);
      final List<Integer> a = after.betti().get(c);
      for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
        if (at(a, k) != at(b, k)) {
          return false;
        }
      }
    }
    return true;
  }

  /** "the ring class β (1, 1) → (1, 0)" for every class whose numbers differ. */
  private static String changedNumbers(StageFacts before, StageFacts after, List<String> names) {
    final List<String> parts = new ArrayList<>();
    for (int c : new TreeSet<>(before.betti().keySet())) {
      final List<Integer> b = before.betti().get(c);
      final List<Integer> a = after.betti().getOrDefault(c, List.of());
      final int n = Math.max(a.size(), b.size());
      boolean differ = false;
      for (int k = 0; k < n; k++) {
        differ |= at(a, k) != at(b, k);
      }
      if (differ) {
        parts.add(name(c, names) + " β " + tuple(b, n) + " → " + tuple(a, n));
      }
    }
    return join(parts);
  }

  private static String tuple(List<Integer> betti, int n) {
    final List<String> v = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      v.add(String.valueOf(at(betti, k)));
    }
    return "(" + String.join(", ", v) + ")";
  }

  private static String linking(StageFacts before, StageFacts after) {
    if (after.linkingNumber().isEmpty()) {
      return "";
    }
    final long now = Math.round(after.linkingNumber().get());
    final Optional<Long> was = before.linkingNumber().map(Math::round);
    if (now == 0 && was.isPresent() && was.get() != 0) {
      return "The classes come unlinked here.";
    }
    if (now != 0) {
      return "The classes are still linked (linking number " + now + ").";
    }
    return "";
  }

  private static int at(List<Integer> betti, int k) {
    return k < betti.size() ? betti.get(k) : 0;
  }

  private static String plural(int n, String noun, String nouns) {
    return n == 1 ? "a " + noun : n + " " + nouns;
  }

  private static String join(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** Two significant digits, no trailing zeros: 3.2, 0.4, 12. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }
}
