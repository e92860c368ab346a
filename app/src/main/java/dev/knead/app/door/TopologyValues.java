package dev.knead.app.door;

import dev.knead.analysis.Analyst;
import dev.knead.analysis.Report;
import dev.knead.analysis.StageMeasure;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Points;
import dev.knead.core.net.Network;
import dev.knead.core.run.Run;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.BadInputException;
import dev.knead.render.FigureOptions;
import dev.knead.render.Subject;
import dev.knead.render.topo.BettiTable;
import dev.knead.render.topo.CertificateFigure;
import dev.knead.topology.certificate.Certificate;
import dev.knead.render.topo.ClassBarcodes;
import dev.knead.render.topo.LinksFigure;
import dev.knead.render.topo.LoopFigure;
import dev.knead.analysis.Curves;
import dev.knead.core.data.Curve;
import dev.knead.topology.ph.PersistenceResult;
import java.util.Locale;
import java.util.function.UnaryOperator;
import dev.knead.topology.ph.Barcode;
import dev.knead.topology.ph.Rips;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The topology values the figure commands draw: per-class barcodes at a stage, Betti numbers across stages. */
public final class TopologyValues {
  /** Points per class for a barcode (a seeded subsample above this). */
  static final int MAX_PER_CLASS = 250;

  private TopologyValues() {}

  /** Vietoris–Rips barcodes (H₀, H₁) of each class's points at one stage. */
  public static ClassBarcodes barcodes(Run run, Trace t, int stage, String description, long seed) {
    return barcodes(run.data().classNames(), t, stage, description, seed);
  }

  /** @param names the data set's class names */
  public static ClassBarcodes barcodes(List<String> names, Trace t, int stage, String description, long seed) {
    Stage s = t.stage(stage);
    int[] labels = t.labels();
    List<Barcode> codes = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == k) {
          idx.add(i);
        }
      }
      int[] pick = subsample(idx, seed + k);
      Points p = s.points().select(pick);
      codes.add(pick.length == 0 ? new Barcode(List.of()) : Rips.of(p.toArray(), p.n(), p.d()).maxDim(1).compute().barcode());
    }
    return new ClassBarcodes(description + " · stage " + stage + " · " + s.name(), names, codes, 1);
  }

  /** @return at most {@link #MAX_PER_CLASS} of the rows, a seeded choice, sorted */
  private static int[] subsample(List<Integer> rows, long seed) {
    List<Integer> idx = new ArrayList<>(rows);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = idx.size() - 1; i > 0; i--) { // Fisher–Yates, seeded
      int j = rng.nextInt(i + 1);
      Integer tmp = idx.get(i);
      idx.set(i, idx.get(j));
      idx.set(j, tmp);
    }
    int m = Math.min(MAX_PER_CLASS, idx.size());
    return idx.subList(0, m).stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Loops drawn per class: the most persistent H₁ bar's, and the next ones at least half as long. */
  static final int LOOPS = 3;

  /**
   * The loop figure: representative loops of the most persistent H₁ bars of one class's points
   * at a stage (Vietoris–Rips, the same seeded subsample as the barcode).
   *
   * @param cls the class, or null: the first class (in order) whose most persistent H₁ bar is at
   *     least a quarter as long as the longest of any class — the first with a real loop, not noise
   */
  public static LoopFigure loop(List<String> names, Subject subject, int stage, Integer cls, FigureOptions opt, long seed) {
    Trace t = subject.trace();
    int classes = Math.max(names.size(), t.network().classes());
    if (cls != null && (cls < 0 || cls >= classes)) {
      throw new BadInputException("--class " + cls + " is outside 0 … " + (classes - 1));
    }
    Stage s = t.stage(stage);
    int[] labels = t.labels();
    int[][] rows = new int[classes][];
    PersistenceResult[] res = new PersistenceResult[classes];
    double longest = 0;
    for (int k = 0; k < classes; k++) {
      if (cls != null && k != cls) {
        continue;
      }
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == k) {
          idx.add(i);
        }
      }
      rows[k] = subsample(idx, seed + k);
      if (rows[k].length < 3) {
        continue;
      }
      Points p = s.points().select(rows[k]);
      res[k] = Rips.of(p.toArray(), p.n(), p.d()).maxDim(1).cycles(LOOPS).compute();
      if (!res[k].cycles().isEmpty()) {
        longest = Math.max(longest, res[k].cycles().get(0).bar().persistence());
      }
    }
    for (int k = 0; k < classes; k++) {
      if (res[k] == null || res[k].cycles().isEmpty() || res[k].cycles().get(0).bar().persistence() < 0.25 * longest) {
        continue;
      }
      double top = res[k].cycles().get(0).bar().persistence();
      List<PersistenceResult.Cycle> keep = res[k].cycles().stream().filter(c -> c.bar().persistence() >= 0.5 * top).toList();
      return new LoopFigure(subject, stage, k, rows[k], keep, opt);
    }
    throw new BadInputException((cls != null ? "class " + cls + " (" + subject.className(cls) + ")" : "no class")
        + " has an H1 bar at stage " + stage + " (" + s.name() + "); nothing to draw");
  }

  /** The loops measured on the points whose linking number is the data's (see DataFacts). */
  static List<Curve> measuredCurves(Dataset data) {
    dev.knead.topology.measure.DataTopology m = dev.knead.analysis.DataFacts.of(data, 400, 0).measured();
    List<Curve> out = new ArrayList<>();
    m.links().stream().filter(l -> l.number().isPresent() && l.number().map(Math::abs).equals(m.linkingNumber()))
        .findFirst().ifPresent(l -> {
          out.add(new Curve(l.a(), Points.of(m.classes().get(l.a()).curves().get(l.curveA()).vertices()), true));
          out.add(new Curve(l.b(), Points.of(m.classes().get(l.b()).curves().get(l.curveB()).vertices()), true));
        });
    return out;
  }

  /** Each edge of a closed polygon split into this many (in input space) before it is carried to the stage. */
  static final int SUBDIVIDE = 8;

  /**
   * The links figure: the data set's closed core curves carried to a 3-D stage — the input or a
   * layer's output (its bend) — with their linking number, computed on polygons refined where
   * the layers stretch them ({@link Curves#linking}).
   *
   * @param stage the stage, or null: the input if 3-D, else the first 3-wide layer output
   */
  public static LinksFigure links(Network net, Dataset data, Subject subject, Integer stage, FigureOptions opt) {
    List<Curve> curves = data.truth().coreCurves().stream().filter(Curve::closed).toList();
    if (curves.size() < 2) { // a file (or a set without curves): the core curves measured on its points
      curves = measuredCurves(data);
    }
    if (curves.size() < 2) {
      throw new BadInputException("--kind links: data set " + data.name() + " has no core curves to link");
    }
    Trace t = subject.trace();
    int at = -1;
    if (stage != null) {
      Stage s = t.stage(stage);
      if (s.dim() != 3 || !(s.kind() == Stage.Kind.INPUT || s.kind() == Stage.Kind.BEND)) {
        throw new BadInputException("--stage " + stage + " (" + s.name() + ", " + s.dim()
            + "-D): --kind links draws a 3-D stage that is the input or a layer's output (bend)");
      }
      at = stage;
    } else {
      for (int i = 0; i < t.size() && at < 0; i++) {
        Stage s = t.stage(i);
        if (s.dim() == 3 && (s.kind() == Stage.Kind.INPUT || s.kind() == Stage.Kind.BEND)) {
          at = i;
        }
      }
      if (at < 0) {
        throw new BadInputException("--kind links: this network has no 3-D stage (the input or a 3-wide layer's output)");
      }
    }
    Stage s = t.stage(at);
    int layersDone = s.kind() == Stage.Kind.INPUT ? 0 : s.layer() + 1;
    UnaryOperator<double[]> f = Curves.prefix(net, layersDone);
    // linking numbers of the pairs of curves of different classes; two curves are named, many summarised
    java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
    int pairs = 0;
    String only = null;
    for (int i = 0; i < curves.size(); i++) {
      for (int j = i + 1; j < curves.size(); j++) {
        if (curves.size() > 2 && curves.get(i).classIndex() == curves.get(j).classIndex()) {
          continue;
        }
        Curves.Link link = Curves.link(f, curves.get(i).vertices(), curves.get(j).vertices());
        double lk = link.number();
        long r = Math.round(lk);
        String v = !link.defined() ? "undefined (the curves touch)"
            : Math.abs(lk - r) < 0.05 ? String.format(Locale.ROOT, r == 0 ? "%d" : "%+d", r)
            : String.format(Locale.ROOT, "%+.2f", lk);
        only = v.replace('-', '\u2212');
        counts.merge(only, 1, Integer::sum);
        pairs++;
      }
    }
    List<LinksFigure.Loop3> loops = new ArrayList<>();
    for (int i = 0; i < curves.size(); i++) {
      Points dense = subdivide(curves.get(i).vertices(), SUBDIVIDE);
      Points other = subdivide(curves.get((i + 1) % curves.size()).vertices(), SUBDIVIDE);
      Points img = Curves.refinedImages(f, dense, other).get(0);
      loops.add(new LinksFigure.Loop3(curves.get(i).classIndex(), img.toArray()));
    }
    String caption;
    if (pairs == 1) {
      caption = "linking number " + only;
    } else {
      List<String> parts = new ArrayList<>();
      counts.forEach((v, c) -> parts.add(v + " \u00d7" + c));
      caption = "linking numbers of " + pairs + " pairs of curves of different classes: " + String.join(", ", parts);
    }
    return new LinksFigure(subject, at, loops, caption, opt);
  }

  /** @return the closed polygon with each edge split into {@code k} equal parts */
  static Points subdivide(Points p, int k) {
    int m = p.n();
    int d = p.d();
    double[] out = new double[m * k * d];
    for (int i = 0; i < m; i++) {
      int next = (i + 1) % m;
      for (int s = 0; s < k; s++) {
        double u = (double) s / k;
        for (int j = 0; j < d; j++) {
          out[(i * k + s) * d + j] = (1 - u) * p.get(i, j) + u * p.get(next, j);
        }
      }
    }
    return Points.of(m * k, d, out);
  }

  /** The decision-region certificate of every class (2-D inputs), around the data's centroid. */
  public static CertificateFigure certificates(Run run, Subject subject, FigureOptions opt) {
    return certificates(run.network(), run.data(), subject, opt);
  }

  public static CertificateFigure certificates(Network net, Dataset data, Subject subject, FigureOptions opt) {
    Points p = data.points();
    if (p.d() != 2) {
      throw new BadInputException("--kind certificate draws 2-D inputs; this run's input is " + p.d() + "-D");
    }
    double[] centre = new double[2];
    for (int i = 0; i < p.n(); i++) {
      centre[0] += p.get(i, 0) / p.n();
      centre[1] += p.get(i, 1) / p.n();
    }
    double radius = 0;
    for (int i = 0; i < p.n(); i++) {
      radius = Math.max(radius, Math.hypot(p.get(i, 0) - centre[0], p.get(i, 1) - centre[1]));
    }
    List<Certificate> certs = new ArrayList<>();
    for (int c = 0; c < net.classes(); c++) {
      // named as explain names it, so the caption reads "the disk class's data …", not "class 0's"
      certs.add(dev.knead.analysis.Certificates.plane(net, data, c, centre, radius).named("the " + data.classNames().get(c) + " class"));
    }
    return new CertificateFigure(subject.description(), certs, data.classNames(), p, data.labels(), centre, radius, opt);
  }

  /** Betti numbers per class at the input, after every hidden layer and at the logits (the analysis module's procedure). */
  public static BettiTable betti(Run run, String description) {
    return betti(run.network(), run.data(), description);
  }

  public static BettiTable betti(Network net, Dataset data, String description) {
    Report r = Analyst.analyse(net, data, new Analyst.Options(200, 1, false, 0));
    List<String> names = new ArrayList<>();
    List<List<List<Integer>>> rows = new ArrayList<>();
    for (StageMeasure m : r.stages()) {
      names.add(m.name());
      rows.add(m.betti());
    }
    return new BettiTable(description, names, data.classNames(), rows, 1);
  }
}
