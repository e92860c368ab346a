package dev.knead.analysis;

import dev.knead.core.data.Curve;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Points;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.certificate.SphereCertificate;
import dev.knead.topology.maps.LayerMap;
import dev.knead.topology.verdict.NetworkShape;
import dev.knead.topology.maps.MapAnalysis;
import dev.knead.topology.measure.Gathering;
import dev.knead.topology.measure.IntrinsicDimension;
import dev.knead.topology.measure.LinearProbe;
import dev.knead.topology.measure.Separability;
import dev.knead.topology.measure.SquaredDistances;
import dev.knead.topology.ph.HopBetti;
import dev.knead.topology.verdict.Explanation;
import dev.knead.topology.verdict.StageFacts;
import dev.knead.topology.verdict.Verdict;
import dev.knead.topology.verdict.Verdicts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Analyses every stage of a trace: the step where core's traces meet topology's measures.
 * Algorithms return values; nothing here prints.
 */
public final class Analyst {
  /**
   * @param maxPerClass most points per class for Betti numbers (a seeded subsample beyond it)
   * @param maxDim highest Betti number (0 … 2)
   * @param certificate whether to search for escaping decision regions
   * @param seed for the subsamples
   * @param maxPoints most points per stage for every stage measure (separability, probe, k-NN,
   *     gathering, TwoNN): beyond it one seeded class-stratified subsample, the same points at every
   *     stage, so the CLI, the lab and a sweep read the same numbers off the same weights
   * @param separability most work per pair of classes for the separability decision (a pair not
   *     decided within it is reported as such); a count of multiply-adds, so the same on any machine
   */
  public record Options(int maxPerClass, int maxDim, boolean certificate, long seed, int maxPoints,
      Separability.Budget separability) {
    public static final Options DEFAULT = new Options(400, 2, true, 0, STAGE_POINTS, SEPARABILITY_BUDGET);

    public Options {
      if (maxPerClass < 1 || maxPoints < 2) {
        throw new IllegalArgumentException("need at least 1 point per class and 2 points per stage");
      }
    }

    /** With the default separability budget. */
    public Options(int maxPerClass, int maxDim, boolean certificate, long seed, int maxPoints) {
      this(maxPerClass, maxDim, certificate, seed, maxPoints, SEPARABILITY_BUDGET);
    }

    /** With at most {@link #STAGE_POINTS} points per stage. */
    public Options(int maxPerClass, int maxDim, boolean certificate, long seed) {
      this(maxPerClass, maxDim, certificate, seed, STAGE_POINTS);
    }
  }

  /**
   * Default work per pair of classes for the separability decision: 2·10⁸ multiply-adds (about a
   * tenth of a second). It decided 44 of 45 pairs at MNIST's 10-D logits (2,000 points) and left
   * 64-D stages of 1,000 points a class undecided (docs/benchmarks.md).
   */
  public static final Separability.Budget SEPARABILITY_BUDGET = new Separability.Budget(200_000_000L);

  /**
   * Default most points per stage: every proportion read on them (probe, k-NN) has a standard
   * error of at most 0.5 / √2000 ≈ 1.1 points of a percent, and a stage costs seconds, not minutes.
   */
  public static final int STAGE_POINTS = 2000;

  /**
   * k tried at every stage; the hop scale is fixed. Each stage is read on its own (the Betti
   * numbers that hold over the longest run of these k), never tuned to a known answer.
   */
  static final int[] KS = {5, 6, 8, 10, 12, 14, 17, 20, 25, 30};
  static final double[] SCALES = {1.5, 2.5, 3.5};
  /** neighbours of the k-NN vote and of the gathering's "touching" */
  static final int KNN_K = 5;

  private Analyst() {}

  /**
   * Verdicts that need no training: the architecture against the topology measured on the
   * data's points (built-in or file alike; see {@link DataFacts}).
   */
  public static List<Verdict> before(dev.knead.core.net.Architecture arch, Dataset data) {
    return before(arch, data, DataFacts.of(data, Options.DEFAULT.maxPerClass(), Options.DEFAULT.seed()));
  }

  /**
   * The same for a built network whatever its blocks: a flow or a coupling is a homeomorphism of
   * its width, so the verdict must come from the blocks, not from dense widths the layers replace.
   */
  public static List<Verdict> before(Network net, Dataset data) {
    return before(Facts.architecture(net), data, DataFacts.of(data, Options.DEFAULT.maxPerClass(), Options.DEFAULT.seed()));
  }

  /** The same, with the data's facts already measured. */
  public static List<Verdict> before(dev.knead.core.net.Architecture arch, Dataset data, DataFacts facts) {
    return before(Facts.architecture(arch), data, facts);
  }

  /** The same for a network's shape as the theory reads it (blocks that are not dense layers included). */
  static List<Verdict> before(NetworkShape shape, Dataset data, DataFacts facts) {
    List<Verdict> v = new ArrayList<>(Verdicts.beforeTraining(shape, facts.known()));
    if (data.dim() == 1 && data.classes() == 2) {
      double[] x = new double[data.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = data.points().get(i, 0);
      }
      Verdicts.halfLine(shape, x, data.labels()).ifPresent(v::add);
    }
    return v;
  }

  public static Report analyse(Network net, Dataset data, Options opt) {
    DataFacts dataFacts = DataFacts.of(data, opt.maxPerClass(), opt.seed());
    List<Verdict> before = before(Facts.architecture(net), data, dataFacts);
    // one seeded class-stratified subsample for every stage: the trace, maps and measures read only it
    int[] kept = stratified(data.labels(), data.classes(), opt.maxPoints(), opt.seed());
    Dataset seen = kept.length == data.size() ? data : data.select(kept);
    Trace trace = Tracer.trace(net, seen.points(), seen.labels(), Tracer.Options.POINTS_ONLY); // points are all it reads
    List<Stage> analysed = analysedStages(trace);

    List<LayerMap> maps = new ArrayList<>();
    int[] ends = Trace.layerEnds(net);
    for (int l = 0; l < net.blocks().size(); l++) {
      // a dense layer is read off its W and σ; another block at its mean Jacobian on its inputs
      maps.add(net.block(l) instanceof dev.knead.core.net.Layer ? layerMap(trace, l)
          : BlockMaps.of(net.block(l), rows(trace.stageAt(ends[l]).points())));
    }

    List<StageMeasure> measures = measure(net, analysed, seen.labels(), data.classes(), opt, dataFacts);
    List<StageFacts> facts = new ArrayList<>();
    for (StageMeasure m : measures) {
      Map<Integer, List<Integer>> betti = new HashMap<>();
      for (int c = 0; c < m.betti().size(); c++) {
        betti.put(c, m.betti().get(c));
      }
      StageFacts f = StageFacts.unknown().withBetti(betti);
      // a "yes" resting on pairs of at most d + 1 points holds for any labels: not a fact about the classes
      if (m.separableIfDecided().isPresent() && !(m.separable() && !m.trivial().isEmpty())) {
        f = f.withSeparable(m.separable());
      }
      if (m.linkingNumber().isPresent()) {
        f = f.withLinkingNumber(m.linkingNumber().get());
      }
      facts.add(f);
    }
    List<Certificate> certs = new ArrayList<>();
    List<SphereCertificate> spheres = new ArrayList<>();
    if (opt.certificate() && (data.dim() == 2 || data.dim() == 3)) {
      double[] centre = centroid(data.points());
      double radius = radius(data.points(), centre);
      List<Integer> enclosed = dataFacts.measured().enclosedClasses();
      List<Integer> classes = enclosed.isEmpty() ? allClasses(data.classes()) : enclosed;
      for (int c : classes) {
        if (data.dim() == 2) {
          certs.add(Certificates.plane(net, data, c, centre, radius).named(className(data, c)));
        } else {
          spheres.add(Certificates.space(net, data, c, centre, radius).named(className(data, c)));
        }
      }
    }
    List<Verdict> after = Verdicts.afterTraining(maps.subList(0, maps.size() - 1));
    // the account pairs each hidden layer with the stage after it: drop the logits stage
    List<String> account =
        Explanation.of(maps.subList(0, maps.size() - 1), facts.subList(0, facts.size() - 1), data.classNames());
    return new Report(net.describe(), data.name(), dataFacts, before, maps, measures, new BettiProcedure(KS, SCALES),
        opt.maxPerClass(), seen.size(), data.size(), certs, spheres, after, account, Narration.of(measures, data.classNames()),
        opt.separability().work());
  }

  /**
   * The per-layer measures alone (Betti numbers per class, separability, probe, k-NN, gathering,
   * TwoNN, carried curves) at the input, every layer's end and the logits, on the same seeded
   * class-stratified subsample as {@link #analyse}: what {@code knead bench explain} times.
   */
  public static List<StageMeasure> stageMeasures(Network net, Dataset data, Options opt, DataFacts dataFacts) {
    int[] kept = stratified(data.labels(), data.classes(), opt.maxPoints(), opt.seed());
    Dataset seen = kept.length == data.size() ? data : data.select(kept);
    Trace trace = Tracer.trace(net, seen.points(), seen.labels(), Tracer.Options.POINTS_ONLY);
    return measure(net, analysedStages(trace), seen.labels(), data.classes(), opt, dataFacts);
  }

  private static List<StageMeasure> measure(Network net, List<Stage> analysed, int[] labels, int classes, Options opt,
      DataFacts dataFacts) {
    int[][] sample = subsample(labels, classes, opt);
    Carried carried = Carried.of(net, dataFacts.measured());
    // stages are measured independently (pure functions of their points, nothing shared is written):
    // on the common pool they run side by side, in stage order in the result, the same numbers as one by one
    return analysed.parallelStream()
        .map(s -> measure(s, labels, sample, opt.maxDim(), carried, classes, opt.separability()))
        .toList();
  }

  private static String className(Dataset data, int c) {
    return "the " + data.classNames().get(c) + " class";
  }

  /** Input, the output of every hidden layer (its bend), and the logits: the trace's layer ends. */
  static List<Stage> analysedStages(Trace t) {
    return t.layerEnds();
  }

  static LayerMap layerMap(Trace t, int layer) {
    Stage shift = null;
    Stage last = null;
    for (Stage s : t.stages()) {
      if (s.layer() == layer) {
        if (s.kind() == Stage.Kind.SHIFT) {
          shift = s;
        }
        last = s;
      }
    }
    double[][] pre = rows(shift.points());
    double[][] post = rows(last.points());
    return MapAnalysis.of(t.network().layer(layer).weights().toRows(), Facts.traits(t.network().layer(layer).activation()),
        pre, post);
  }

  private static StageMeasure measure(Stage s, int[] labels, int[][] sample, int maxDim, Carried carried, int k,
      Separability.Budget budget) {
    double[][] pts = rows(s.points());
    List<HopBetti.Plateau> betti = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double[][] cls = new double[sample[c].length][];
      for (int i = 0; i < cls.length; i++) {
        cls[i] = pts[sample[c][i]];
      }
      betti.add(stageBetti(cls, s.dim(), maxDim));
    }
    Separability.Report sep = Separability.linear(pts, labels, budget);
    double probe = LinearProbe.fit(pts, labels).accuracy();
    // one pass over the distances gives the k-NN vote (same rule as KnnAccuracy) and the gathering
    SquaredDistances dist = SquaredDistances.of(pts); // once, for the gathering and TwoNN
    Gathering gathering = Gathering.of(dist, labels, KNN_K);
    double id = pts.length > 10 ? IntrinsicDimension.twoNN(dist) : Double.NaN;
    int layersDone = s.kind() == Stage.Kind.INPUT ? 0 : s.layer() + 1;
    return new StageMeasure(s.index(), s.name(), s.dim(), betti, sep.outcome(), probe, gathering.knnAccuracy(), gathering,
        pairs(sep.inseparable()), pairs(sep.undecided()), pairs(sep.trivial()), id, carried.linking(layersDone), carried.winding(s.index()));
  }

  private static List<List<Integer>> pairs(List<Separability.Pair> ps) {
    return ps.stream().map(p -> List.of(Math.min(p.classA(), p.classB()), Math.max(p.classA(), p.classB()))).toList();
  }

  /**
   * Betti numbers of one class at one stage, read from that stage's points alone: the numbers
   * that hold over the longest run of k (see {@link HopBetti#plateau}), k at most a tenth of the
   * class's points. β_k for k at or above
   * the stage's dimension is not measured: no set in the plane has a cavity, and a flag complex
   * built on planar points can still show one.
   */
  public static HopBetti.Plateau stageBetti(double[][] cls, int stageDim, int maxDim) {
    int top = Math.max(0, Math.min(maxDim, stageDim - 1));
    if (cls.length < 3) {
      return new HopBetti.Plateau(List.of(cls.length), 1, 1, SCALES[0], true);
    }
    // a neighbourhood of more than a tenth of the class's points is no longer local: it joins parts
    // that lie apart (nine disks of 15 points each merge at k = 15), so such k are not tried
    int[] ks = java.util.Arrays.stream(KS).filter(k -> k <= Math.max(KS[0], cls.length / 10)).toArray();
    return HopBetti.plateau(cls, top, ks, SCALES);
  }

  /**
   * At most {@code max} indices, sorted, drawn without replacement within each class in
   * proportion to the class's size (largest remainders; every non-empty class keeps at least one
   * point); all indices when there are no more than {@code max}. Deterministic for a seed.
   */
  static int[] stratified(int[] labels, int classes, int max, long seed) {
    int n = labels.length;
    if (n <= max) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] size = new int[classes];
    for (int l : labels) {
      size[l]++;
    }
    int[] quota = new int[classes];
    double[] rest = new double[classes];
    int given = 0;
    for (int c = 0; c < classes; c++) {
      double share = (double) max * size[c] / n;
      quota[c] = size[c] == 0 ? 0 : Math.max(1, (int) Math.floor(share));
      rest[c] = share - Math.floor(share);
      given += quota[c];
    }
    while (given < max) { // hand the remaining points to the largest remainders (lowest class on ties)
      int best = -1;
      for (int c = 0; c < classes; c++) {
        if (quota[c] < size[c] && (best < 0 || rest[c] > rest[best])) {
          best = c;
        }
      }
      quota[best]++;
      rest[best] = -1;
      given++;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] out = new int[Math.min(given, n)];
    int at = 0;
    for (int c = 0; c < classes; c++) {
      final int cls = c;
      int[] idx = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] == cls).toArray();
      for (int i = 0; i < quota[c]; i++) { // partial Fisher–Yates
        int j = i + rng.nextInt(idx.length - i);
        int tmp = idx[i];
        idx[i] = idx[j];
        idx[j] = tmp;
      }
      System.arraycopy(idx, 0, out, at, quota[c]);
      at += quota[c];
    }
    int[] sorted = java.util.Arrays.copyOf(out, at);
    java.util.Arrays.sort(sorted);
    return sorted;
  }

  private static int[][] subsample(int[] labels, int k, Options opt) {
    int[][] out = new int[k][];
    SplittableRandom rng = new SplittableRandom(opt.seed());
    for (int c = 0; c < k; c++) {
      final int cls = c;
      int[] idx = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
      if (idx.length > opt.maxPerClass()) {
        for (int i = 0; i < opt.maxPerClass(); i++) { // partial Fisher–Yates
          int j = i + rng.nextInt(idx.length - i);
          int tmp = idx[i];
          idx[i] = idx[j];
          idx[j] = tmp;
        }
        idx = java.util.Arrays.copyOf(idx, opt.maxPerClass());
        java.util.Arrays.sort(idx);
      }
      out[c] = idx;
    }
    return out;
  }

  static double[][] rows(Points p) {
    double[][] r = new double[p.n()][];
    for (int i = 0; i < p.n(); i++) {
      r[i] = p.row(i);
    }
    return r;
  }

  private static double[] centroid(Points p) {
    double[] c = new double[p.d()];
    for (int i = 0; i < p.n(); i++) {
      for (int j = 0; j < p.d(); j++) {
        c[j] += p.get(i, j) / p.n();
      }
    }
    return c;
  }

  private static double radius(Points p, double[] c) {
    double r = 0;
    for (int i = 0; i < p.n(); i++) {
      double s = 0;
      for (int j = 0; j < p.d(); j++) {
        s += (p.get(i, j) - c[j]) * (p.get(i, j) - c[j]);
      }
      r = Math.max(r, Math.sqrt(s));
    }
    return r;
  }

  private static List<Integer> allClasses(int k) {
    return java.util.stream.IntStream.range(0, k).boxed().toList();
  }

}
