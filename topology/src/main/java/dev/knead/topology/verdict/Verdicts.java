package dev.knead.topology.verdict;

import dev.knead.topology.maps.ActivationTraits;
import dev.knead.topology.maps.Badge;
import dev.knead.topology.maps.LayerMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The width theorems as pure functions from an architecture and what is known about the data
 * to {@link Verdict}s. A verdict is returned only when every hypothesis of its theorem holds;
 * when a hypothesis fails (a hidden layer wider than d, a non-monotone σ such as sin, a
 * non-injective σ such as ReLU where injectivity is needed) the theorem stays silent.
 */
public final class Verdicts {
  private Verdicts() {}

  static final String JOHNSON = "J. Johnson, Deep, Skinny Neural Networks are not Universal Approximators,"
      + " ICLR 2019; H.-P. Beise, S. Dias Da Cruz, U. Schröder, On decision regions of narrow deep"
      + " neural networks, arXiv:1807.01194";
  static final String OLAH = "C. Olah, Neural Networks, Manifolds, and Topology, 2014";
  static final String LINKS = OLAH + "; Ren & Lim 2026";
  static final String NAITZAT = "G. Naitzat, A. Zhitnikov, L.-H. Lim, Topology of Deep Neural Networks, JMLR 21(184), 2020";
  static final String WHITNEY = "H. Whitney, embedding theorem (isotopy form: n ≥ 2k + 2)";
  static final String PARK = "S. Park, C. Yun, J. Lee, J. Shin, Minimum Width for Universal Approximation, ICLR 2021";
  static final String LU = "Z. Lu, H. Pu, F. Wang, Z. Hu, L. Wang, The Expressive Power of Neural Networks: A View"
      + " from the Width, NeurIPS 2017";
  static final String NGUYEN = "Q. Nguyen, M. C. Mukkamala, M. Hein, Neural Networks Should Be Wide Enough to Learn"
      + " Disconnected Decision Regions, ICML 2018";

  /**
   * Verdicts that follow from the architecture and the known topology alone.
   *
   * @param a the network's shape
   * @param t what is known about the data (use {@link KnownTopology#unknown()} when nothing is)
   * @return verdicts in a stable order; empty when no theorem applies
   */
  public static List<Verdict> beforeTraining(NetworkShape a, KnownTopology t) {
    final List<Verdict> out = new ArrayList<>();
    narrow(a, t).ifPresent(out::add);
    monotoneLine(a).ifPresent(out::add);
    homeomorphicLayers(a).ifPresent(out::add);
    linked(a, t).ifPresent(out::add);
    pyramid(a).ifPresent(out::add);
    whitney(a, t).ifPresent(out::add);
    reluWidth(a).ifPresent(out::add);
    wideLayer(a).ifPresent(out::add);
    return List.copyOf(out);
  }

  /**
   * The 1-D monotone verdict with the exact accuracy ceiling on a sample: for d = 1, width-1
   * hidden layers, monotone σ and two classes, no weights do better than the best threshold.
   *
   * @param x n positions (the 1-D inputs)
   * @param y n labels, two distinct values
   * @return the verdict, or empty when the architecture is not of that kind
   */
  public static Optional<Verdict> halfLine(NetworkShape a, double[] x, int[] y) {
    if (!monotoneLineApplies(a) || a.classes() != 2) {
      return Optional.empty();
    }
    final Threshold.Best best = Threshold.best(x, y);
    final String pct = String.format(Locale.ROOT, "%.1f %%", 100 * best.accuracy());
    final List<String> facts = new ArrayList<>(lineFacts(a));
    facts.add(String.format(Locale.ROOT, "best threshold x = %s: label %d at or below, %d above, %d of %d right",
        fmt(best.threshold()), best.below(), best.above(), best.correct(), best.n()));
    if (best.correct() == best.n()) {
      return Optional.of(new Verdict("monotone-1d-half-lines", Verdict.Kind.POSSIBLE,
          "A single threshold classifies this sample perfectly, so a monotone width-1 network can too.",
          "elementary (monotone composition)", Verdict.CAVEAT, facts));
    }
    return Optional.of(new Verdict("monotone-1d-half-lines", Verdict.Kind.IMPOSSIBLE,
        "Every decision region of " + a.label() + " is a half-line, so no weights classify this sample better than "
            + pct + ", the best single threshold; a second unit is needed to cut twice.",
        "elementary (monotone composition); " + OLAH, Verdict.CAVEAT, facts));
  }

  /**
   * Verdicts that need the trained weights: which layers keep topology and which may change it.
   *
   * @param hidden the hidden layers' maps, input side first (not the final classifier layer)
   * @return a PRESERVES verdict when every layer is a homeomorphism or embedding, otherwise an
   *     INFO verdict naming the layers where Betti numbers can change
   */
  public static List<Verdict> afterTraining(List<LayerMap> hidden) {
    if (hidden.isEmpty()) {
      return List.of();
    }
    final List<String> facts = new ArrayList<>();
    final List<Integer> changing = new ArrayList<>();
    boolean saturates = false;
    for (int i = 0; i < hidden.size(); i++) {
      final LayerMap m = hidden.get(i);
      facts.add("layer " + (i + 1) + ": " + m.outputs() + "×" + m.inputs() + " rank " + m.rank() + ", "
          + m.activation().name() + ", " + m.badges());
      if (!m.has(Badge.HOMEOMORPHISM) && !m.has(Badge.EMBEDDING)) {
        changing.add(i + 1);
      }
      saturates |= m.has(Badge.SATURATES);
    }
    final String caveat = saturates
        ? Verdict.CAVEAT + " Some layers saturate on this sample, so rounding may already glue points."
        : Verdict.CAVEAT;
    if (changing.isEmpty()) {
      return List.of(new Verdict("homeomorphic-layers", Verdict.Kind.PRESERVES,
          "Every hidden layer is a homeomorphism or an embedding, so every class keeps its components, holes and"
              + " links all the way to the last hidden layer.",
          OLAH + "; embeddings: elementary", caveat, facts));
    }
    final String where = changing.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return List.of(new Verdict("topology-can-change", Verdict.Kind.INFO,
        "Betti numbers can change only at layer" + (changing.size() > 1 ? "s " : " ") + where
            + ", which collapse or fold space; all other layers keep the topology.",
        NAITZAT, caveat, facts));
  }

  // (a) widths ≤ d, continuous monotone σ or ReLU ⇒ every decision-region component unbounded.
  private static Optional<Verdict> narrow(NetworkShape a, KnownTopology t) {
    final int d = a.inputDim();
    final boolean widthsOk = a.hiddenWidths().stream().allMatch(w -> w <= d);
    final boolean sigmaOk = a.activations().stream().allMatch(s -> (s.continuous() && s.monotone()) || s.reluLike());
    // With more than two classes the argmax layer itself has k outputs; the theorem then needs
    // k ≤ d too (a 1-D input with three classes can give the middle class a bounded interval).
    final boolean outputOk = a.classes() == 2 || a.classes() <= d;
    if (a.hiddenWidths().isEmpty() || !widthsOk || !sigmaOk || !outputOk) {
      return Optional.empty();
    }
    final List<String> facts = new ArrayList<>();
    facts.add("input dimension d = " + d);
    facts.add("hidden widths " + a.hiddenWidths() + ", all ≤ d");
    facts.add("activations " + names(a) + " are continuous and monotone (or ReLU)");
    if (a.classes() > 2) {
      facts.add(a.classes() + " classes ≤ d");
    }
    if (t.enclosed().isEmpty()) {
      return Optional.of(new Verdict("narrow-unbounded-regions", Verdict.Kind.INFO,
          "Every connected piece of every decision region of " + a.label() + " reaches infinity: no class can be"
              + " fenced in by a closed boundary.",
          JOHNSON, Verdict.CAVEAT, facts));
    }
    final String classes = t.enclosed().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    facts.add("class " + classes + " is bounded and enclosed by another class");
    if (t.evidence().containsKey(KnownTopology.ENCLOSED)) {
      facts.add(t.evidence().get(KnownTopology.ENCLOSED));
    }
    return Optional.of(new Verdict("narrow-unbounded-regions", Verdict.Kind.IMPOSSIBLE,
        "No network of shape " + a.label() + ", at any depth, separates class " + classes + " exactly: every piece"
            + " of its decision region reaches infinity, so it must tunnel through the class around it. A hidden"
            + " layer of width " + (d + 1) + " removes this obstruction.",
        JOHNSON, Verdict.CAVEAT, facts));
  }

  private static boolean monotoneLineApplies(NetworkShape a) {
    return a.inputDim() == 1
        && a.hiddenWidths().stream().allMatch(w -> w == 1)
        && a.activations().stream().allMatch(ActivationTraits::monotone);
  }

  private static List<String> lineFacts(NetworkShape a) {
    return List.of("input dimension d = 1", "hidden widths " + a.hiddenWidths() + ", all 1",
        "activations " + names(a) + " are monotone, so the network's score is monotone in x");
  }

  // (b) d = 1, all widths 1, monotone σ ⇒ decision regions are half-lines (intervals for k > 2).
  private static Optional<Verdict> monotoneLine(NetworkShape a) {
    if (!monotoneLineApplies(a)) {
      return Optional.empty();
    }
    final String statement = a.classes() == 2
        ? "Each decision region of " + a.label() + " is a half-line: the best it can do is the best single"
            + " threshold."
        : "Each class's decision region of " + a.label() + " is one interval, in a fixed order along the line.";
    return Optional.of(new Verdict("monotone-1d-half-lines", Verdict.Kind.INFO, statement,
        "elementary (monotone composition); " + OLAH, Verdict.CAVEAT, lineFacts(a)));
  }

  // (c) square layers with injective σ: homeomorphisms if W stays invertible.
  private static Optional<Verdict> homeomorphicLayers(NetworkShape a) {
    final int d = a.inputDim();
    if (a.hiddenWidths().isEmpty()
        || !a.hiddenWidths().stream().allMatch(w -> w == d)
        || !a.activations().stream().allMatch(ActivationTraits::homeomorphic)) {
      return Optional.empty();
    }
    return Optional.of(new Verdict("homeomorphic-layers", Verdict.Kind.PRESERVES,
        "If every weight matrix stays invertible (det W ≠ 0), every hidden layer is a homeomorphism: each class"
            + " keeps its components, holes and links up to the last hidden layer. Check the trained weights to be"
            + " sure.",
        OLAH, Verdict.CAVEAT,
        List.of("every hidden width equals d = " + d, "activations " + names(a) + " are continuous and one-to-one")));
  }

  // (d) lk ≠ 0, every hidden width ≤ 3, continuous strictly monotone σ ⇒ never linearly separable.
  private static Optional<Verdict> linked(NetworkShape a, KnownTopology t) {
    final Optional<Integer> lk = t.linkingNumber();
    if (lk.isEmpty() || lk.get() == 0 || a.inputDim() != 3 || a.hiddenWidths().isEmpty()
        || !a.hiddenWidths().stream().allMatch(w -> w <= 3)
        || !a.activations().stream().allMatch(ActivationTraits::homeomorphic)) {
      return Optional.empty();
    }
    return Optional.of(new Verdict("linked-classes", Verdict.Kind.IMPOSSIBLE,
        "The classes are linked (linking number " + lk.get() + "); layers at most 3 wide with a one-to-one"
            + " activation can never pull them apart, so they never become linearly separable. A layer of width"
            + " 4 gives room to unlink them.",
        LINKS, Verdict.CAVEAT,
        linkFacts(a, t, lk.get())));
  }

  private static List<String> linkFacts(NetworkShape a, KnownTopology t, int lk) {
    final List<String> facts = new ArrayList<>(List.of("linking number " + lk + " ≠ 0"));
    if (t.evidence().containsKey(KnownTopology.LINKING)) {
      facts.add(t.evidence().get(KnownTopology.LINKING));
    }
    facts.addAll(List.of("input dimension 3", "hidden widths " + a.hiddenWidths() + ", all ≤ 3",
        "activations " + names(a) + " are continuous, monotone and one-to-one"));
    return facts;
  }

  // Nguyen et al.: non-increasing widths ≤ d with leaky-ReLU-type σ ⇒ connected decision regions.
  private static Optional<Verdict> pyramid(NetworkShape a) {
    final List<Integer> w = a.hiddenWidths();
    if (w.isEmpty() || w.get(0) > a.inputDim()
        || !a.activations().stream().allMatch(ActivationTraits::leakyReluType)) {
      return Optional.empty();
    }
    for (int i = 1; i < w.size(); i++) {
      if (w.get(i) > w.get(i - 1)) {
        return Optional.empty();
      }
    }
    return Optional.of(new Verdict("pyramid-connected-regions", Verdict.Kind.INFO,
        "Each class's decision region of " + a.label() + " is connected: a class made of separate pieces must be"
            + " joined through the space between them.",
        NGUYEN, Verdict.CAVEAT + " The theorem assumes full-rank weight matrices (the generic case).",
        List.of("hidden widths " + w + " are non-increasing and ≤ d = " + a.inputDim(),
            "activations " + names(a) + " are continuous, strictly increasing and onto ℝ (leaky-ReLU type)")));
  }

  // (e) some width ≥ 2k + 2 for k-dimensional class manifolds ⇒ no isotopy obstruction.
  private static Optional<Verdict> whitney(NetworkShape a, KnownTopology t) {
    if (t.manifoldDims().isEmpty()) {
      return Optional.empty();
    }
    final int k = t.manifoldDims().values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    final int need = 2 * k + 2;
    if (a.maxWidth() < need) {
      return Optional.empty();
    }
    return Optional.of(new Verdict("whitney-room", Verdict.Kind.POSSIBLE,
        "A hidden layer of width " + a.maxWidth() + " ≥ 2k + 2 = " + need + " has room to untangle any knots or links"
            + " of the " + k + "-dimensional class manifolds: topology is no obstruction there.",
        WHITNEY + "; " + OLAH, Verdict.CAVEAT,
        List.of("class manifolds have dimension ≤ " + k, "widest hidden layer " + a.maxWidth() + " ≥ " + need)));
  }

  // (f) ReLU everywhere with every width ≥ max(d + 1, classes): universal in Lᵖ (Park);
  // every width ≥ d + 4: universal for integrable functions (Lu).
  private static Optional<Verdict> reluWidth(NetworkShape a) {
    final int d = a.inputDim();
    if (a.hiddenWidths().isEmpty() || !a.activations().stream().allMatch(ActivationTraits::reluLike)) {
      return Optional.empty();
    }
    final int park = Math.max(d + 1, a.classes());
    if (a.minWidth() < park) {
      return Optional.empty();
    }
    final boolean lu = a.minWidth() >= d + 4;
    return Optional.of(new Verdict("relu-min-width", Verdict.Kind.POSSIBLE,
        "ReLU networks whose layers are all at least " + park + " wide approximate any Lᵖ function on a bounded"
            + " domain given enough depth: width is no obstruction for " + a.label() + ".",
        lu ? PARK + "; " + LU : PARK,
        Verdict.CAVEAT + " Approximation in Lᵖ allows a small misclassified set; it says nothing about training.",
        List.of("activations are ReLU", "every hidden width ≥ max(d + 1, classes) = " + park)));
  }

  // Some hidden layer wider than d: the narrow-network obstruction (a) does not apply.
  private static Optional<Verdict> wideLayer(NetworkShape a) {
    if (a.maxWidth() <= a.inputDim()) {
      return Optional.empty();
    }
    return Optional.of(new Verdict("wide-layer", Verdict.Kind.INFO,
        "A hidden layer of width " + a.maxWidth() + " > d = " + a.inputDim() + " can lift the data into more room,"
            + " so the narrow-network obstruction does not apply.",
        JOHNSON, Verdict.CAVEAT,
        List.of("widest hidden layer " + a.maxWidth() + " > input dimension " + a.inputDim())));
  }

  private static String names(NetworkShape a) {
    return a.activations().stream().map(ActivationTraits::name).distinct().collect(Collectors.joining("/"));
  }

  private static String fmt(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "+∞" : "−∞") : String.format(Locale.ROOT, "%.4g", v);
  }
}
