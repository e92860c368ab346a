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
    for (int i = 0; i < layers.size(); i++) {
      final StageFacts before = i < stages.size() ? stages.get(i) : StageFacts.unknown();
      final StageFacts after = i + 1 < stages.size() ? stages.get(i + 1) : StageFacts.unknown();
      out.add(layer(i + 1, layers.get(i), before, after, i == layers.size() - 1, classNames));
    }
    return List.copyOf(out);
  }

  static String layer(int index, LayerMap m, StageFacts before, StageFacts after, boolean last, List<String> names) {
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
    final String topology = topologyChange(before, after, names);
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
    if ((m.has(Badge.HOMEOMORPHISM) || m.has(Badge.EMBEDDING)) && !before.betti().isEmpty() && !after.betti().isEmpty()
        && !before.betti().equals(after.betti())) {
      // theory and sample disagree: the map cannot tear, so the sample no longer covers the set
      s.append(" Such a map cannot tear or glue, so the change in the measured Betti numbers means the layer stretched or"
          + " squeezed part of a class so thin (or saturated it) that the sample no longer covers it at the measuring"
          + " scale — the \"easy way out\" of a network too narrow for the task.");
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

  private static String topologyChange(StageFacts before, StageFacts after, List<String> names) {
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
        if (diff < 0) {
          changes.add(name(c, names) + " loses " + plural(-diff, feature));
        } else if (diff > 0) {
          changes.add(name(c, names) + " gains " + plural(diff, feature));
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

  private static String plural(int n, String noun) {
    return (n == 1 ? "a " + noun : n + " " + noun + "s");
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
