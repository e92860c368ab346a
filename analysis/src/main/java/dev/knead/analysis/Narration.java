package dev.knead.analysis;

import dev.knead.topology.measure.Gathering;
import dev.knead.topology.measure.Separability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences about what each layer does to the classes, derived from the per-stage measures and
 * only from them: every number a sentence says is one of its {@link Cite}s, read from a
 * {@link StageMeasure}, and every verb follows from the sign of the change it describes. The
 * stages are compared in order, each with the one before it.
 */
public final class Narration {
  /** Pairs named by name in one sentence before the rest are counted. */
  static final int NAMED = 3;

  private Narration() {}

  /** What a sentence is about. */
  public enum Kind {
    /** silhouette and within/between ratio, stage against the stage before */
    GATHERING,
    /** pairs of classes that become (or stop being) exactly linearly separable */
    SEPARATES,
    /** the pair whose touching points fell the most */
    PULLS_APART,
    /** the pair the k-NN vote still confuses most */
    STILL_OVERLAP,
    /** pairs whose separability was not decided within the work budget */
    UNDECIDED
  }

  /**
   * One number a sentence says.
   *
   * @param measure "silhouette", "ratio", "touching" (points of a or b with the other among their
   *     k nearest), "confused" (points of a or b voted into the other), "separable" (1 or 0),
   *     "trivial" (1: separable only because the pair has at most dim + 1 points in general
   *     position) or "undecided" (1: not decided within the work budget)
   * @param stage the stage index it was measured at
   * @param a first class (−1 when the number is about all classes)
   * @param b second class (−1 when about all classes)
   * @param value the number
   */
  public record Cite(String measure, int stage, int a, int b, double value) {}

  /**
   * @param stage the stage the sentence describes (the one reached)
   * @param kind what it is about
   * @param text the sentence
   * @param cites every number it rests on
   */
  public record Sentence(int stage, Kind kind, String text, List<Cite> cites) {
    public Sentence {
      cites = List.copyOf(cites);
    }
  }

  /** The sentences for every stage after the input, in stage order. */
  public static List<Sentence> of(List<StageMeasure> stages, List<String> classNames) {
    List<Sentence> out = new ArrayList<>();
    for (int i = 1; i < stages.size(); i++) {
      StageMeasure was = stages.get(i - 1);
      StageMeasure now = stages.get(i);
      String who = capital(actor(now));
      gathering(was, now, who).ifPresent(out::add);
      separates(was, now, who, classNames).ifPresent(out::add);
      undecided(now, classNames).ifPresent(out::add);
      pullsApart(was, now, who, classNames).ifPresent(out::add);
      stillOverlap(now, classNames).ifPresent(out::add);
    }
    return out;
  }

  private static java.util.Optional<Sentence> gathering(StageMeasure was, StageMeasure now, String who) {
    double s0 = was.gathering().silhouette();
    double s1 = now.gathering().silhouette();
    double r0 = was.gathering().ratio();
    double r1 = now.gathering().ratio();
    if (!Double.isFinite(s0 + s1 + r0 + r1)) {
      return java.util.Optional.empty();
    }
    String verb;
    if (round(s1) > round(s0) && round(r1) < round(r0)) {
      verb = "gathers the classes";
    } else if (round(s1) < round(s0) && round(r1) > round(r0)) {
      verb = "loosens the classes";
    } else if (round(s1) == round(s0) && round(r1) == round(r0)) {
      verb = "keeps the classes as gathered as they were";
    } else {
      verb = "leaves the gathering mixed";
    }
    String text = String.format(Locale.ROOT, "%s %s: silhouette %s → %s, within/between distance ratio %s → %s.", who,
        verb, num(s0), num(s1), num(r0), num(r1));
    return java.util.Optional.of(new Sentence(now.stage(), Kind.GATHERING, text,
        List.of(new Cite("silhouette", was.stage(), -1, -1, s0), new Cite("silhouette", now.stage(), -1, -1, s1),
            new Cite("ratio", was.stage(), -1, -1, r0), new Cite("ratio", now.stage(), -1, -1, r1))));
  }

  private static java.util.Optional<Sentence> separates(StageMeasure was, StageMeasure now, String who,
      List<String> names) {
    List<int[]> gained = new ArrayList<>();
    List<int[]> lost = new ArrayList<>();
    List<int[]> onlyByCount = new ArrayList<>();
    int k = now.gathering().classes();
    // only decided pairs are compared: an undecided pair neither gains nor loses anything
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        Separability.Outcome o0 = was.pairOutcome(a, b);
        Separability.Outcome o1 = now.pairOutcome(a, b);
        if (o1 == Separability.Outcome.SEPARABLE && o0 == Separability.Outcome.NOT_SEPARABLE) {
          gained.add(new int[] {a, b});
        } else if (o1 == Separability.Outcome.NOT_SEPARABLE && o0 == Separability.Outcome.SEPARABLE) {
          // separable before only because the pair had at most dim + 1 points: nothing was lost
          (was.triviallySeparates(a, b) ? onlyByCount : lost).add(new int[] {a, b});
        }
      }
    }
    if (gained.isEmpty() && lost.isEmpty() && onlyByCount.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<Cite> cites = new ArrayList<>();
    StringBuilder text = new StringBuilder(who);
    if (!gained.isEmpty()) {
      text.append(" makes ").append(pairs(gained, names, now.stage(), 1, cites)).append(" linearly separable");
    }
    if (!lost.isEmpty()) {
      text.append(gained.isEmpty() ? " leaves " : "; it leaves ").append(pairs(lost, names, now.stage(), 0, cites))
          .append(" no longer linearly separable");
    }
    if (!onlyByCount.isEmpty()) {
      text.append(gained.isEmpty() && lost.isEmpty() ? " leaves " : "; it leaves ")
          .append(pairs(onlyByCount, names, now.stage(), 0, cites))
          .append(String.format(Locale.ROOT, " not linearly separable; %s they were separable only because each such"
              + " pair had at most %d points in %d dimensions, and such points are separable whatever their labels",
              actor(was).equals("the input") ? "at the input" : "after " + actor(was), was.dim() + 1, was.dim()));
      for (int i = 0; i < Math.min(NAMED, onlyByCount.size()); i++) {
        cites.add(new Cite("trivial", was.stage(), onlyByCount.get(i)[0], onlyByCount.get(i)[1], 1));
      }
    }
    return java.util.Optional.of(new Sentence(now.stage(), Kind.SEPARATES, text.append('.').toString(), cites));
  }

  private static java.util.Optional<Sentence> undecided(StageMeasure now, List<String> names) {
    if (now.undecided().isEmpty()) {
      return java.util.Optional.empty();
    }
    List<int[]> ps = now.undecided().stream().map(p -> new int[] {p.get(0), p.get(1)}).toList();
    List<Cite> cites = new ArrayList<>();
    String list = pairs(ps, names, now.stage(), 1, cites);
    List<Cite> marked = cites.stream().map(c -> new Cite("undecided", c.stage(), c.a(), c.b(), 1)).toList();
    String text = String.format(Locale.ROOT, "After %s, whether %s %s linearly separable was not decided within the work budget.",
        actor(now), list, "are");
    return java.util.Optional.of(new Sentence(now.stage(), Kind.UNDECIDED, text, marked));
  }

  private static String pairs(List<int[]> ps, List<String> names, int stage, int value, List<Cite> cites) {
    List<String> said = new ArrayList<>();
    for (int i = 0; i < Math.min(NAMED, ps.size()); i++) {
      int[] p = ps.get(i);
      said.add(pair(p[0], p[1], names));
      cites.add(new Cite("separable", stage, p[0], p[1], value));
    }
    String list = String.join(", ", said);
    if (ps.size() > NAMED) {
      return ps.size() + " pairs of classes (" + list + " and " + (ps.size() - NAMED) + " more)";
    }
    return ps.size() == 1 ? list : list.replaceFirst(", ([^,]*)$", " and $1");
  }

  private static java.util.Optional<Sentence> pullsApart(StageMeasure was, StageMeasure now, String who,
      List<String> names) {
    Gathering g0 = was.gathering();
    Gathering g1 = now.gathering();
    int k = g1.classes();
    int bestA = -1;
    int bestB = -1;
    int bestDrop = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        int drop = g0.touchingPair(a, b) - g1.touchingPair(a, b);
        if (drop > bestDrop) {
          bestDrop = drop;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0) {
      return java.util.Optional.empty();
    }
    int before = g0.touchingPair(bestA, bestB);
    int after = g1.touchingPair(bestA, bestB);
    String tail = after == 0 ? "they no longer touch" : "they still touch";
    String text = String.format(Locale.ROOT,
        "%s pulls %s apart the most: %d → %d of their points have the other class among their %d nearest neighbours; %s.",
        who, pair(bestA, bestB, names), before, after, g1.k(), tail);
    return java.util.Optional.of(new Sentence(now.stage(), Kind.PULLS_APART, text,
        List.of(new Cite("touching", was.stage(), bestA, bestB, before), new Cite("touching", now.stage(), bestA, bestB, after))));
  }

  private static java.util.Optional<Sentence> stillOverlap(StageMeasure now, List<String> names) {
    Gathering g = now.gathering();
    int k = g.classes();
    int bestA = -1;
    int bestB = -1;
    int most = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        if (g.confusedPair(a, b) > most) {
          most = g.confusedPair(a, b);
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0) {
      return java.util.Optional.empty();
    }
    String text = String.format(Locale.ROOT, "After %s, %s still overlap most: the %d-NN vote puts %d of their points in the other class.",
        actor(now), pair(bestA, bestB, names), g.k(), most);
    return java.util.Optional.of(new Sentence(now.stage(), Kind.STILL_OVERLAP, text,
        List.of(new Cite("confused", now.stage(), bestA, bestB, most))));
  }

  /** "layer 2" from "layer 2 · bend (relu)"; "the output layer" from "output layer · shift (+b)". */
  static String actor(StageMeasure s) {
    String head = s.name().split(" · ")[0].trim();
    return head.startsWith("layer") ? head : "the " + head;
  }

  /** "the 3s and the 8s" for digit-like names, "the disk class and the ring class" otherwise. */
  static String pair(int a, int b, List<String> names) {
    return className(a, names) + " and " + className(b, names);
  }

  static String className(int c, List<String> names) {
    String n = c < names.size() ? names.get(c) : String.valueOf(c);
    return n.matches("\\d+") ? "the " + n + "s" : "the " + n + " class";
  }

  /** Two decimals: what the sentence shows and what its verb compares. */
  static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static long round(double v) {
    return Math.round(v * 100);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
