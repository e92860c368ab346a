package dev.knead.app.cli;

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
import dev.knead.topology.certificate.DecisionRegionCertificate;
import dev.knead.render.topo.ClassBarcodes;
import dev.knead.topology.ph.Barcode;
import dev.knead.topology.ph.Rips;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The topology values the figure commands draw: per-class barcodes at a stage, Betti numbers across stages. */
final class TopologyValues {
  /** Points per class for a barcode (a seeded subsample above this). */
  static final int MAX_PER_CLASS = 250;

  private TopologyValues() {}

  /** Vietoris–Rips barcodes (H₀, H₁) of each class's points at one stage. */
  static ClassBarcodes barcodes(Run run, Trace t, int stage, String description, long seed) {
    return barcodes(run.data().classNames(), t, stage, description, seed);
  }

  /** @param names the data set's class names */
  static ClassBarcodes barcodes(List<String> names, Trace t, int stage, String description, long seed) {
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
      SplittableRandom rng = new SplittableRandom(seed + k);
      for (int i = idx.size() - 1; i > 0; i--) { // Fisher–Yates, seeded
        int j = rng.nextInt(i + 1);
        Integer tmp = idx.get(i);
        idx.set(i, idx.get(j));
        idx.set(j, tmp);
      }
      int m = Math.min(MAX_PER_CLASS, idx.size());
      int[] pick = idx.subList(0, m).stream().mapToInt(Integer::intValue).sorted().toArray();
      Points p = s.points().select(pick);
      codes.add(m == 0 ? new Barcode(List.of()) : Rips.of(p.toArray(), p.n(), p.d()).maxDim(1).compute().barcode());
    }
    return new ClassBarcodes(description + " · stage " + stage + " · " + s.name(), names, codes, 1);
  }

  /** The decision-region certificate of every class (2-D inputs), around the data's centroid. */
  static CertificateFigure certificates(Run run, Subject subject, FigureOptions opt) {
    return certificates(run.network(), run.data(), subject, opt);
  }

  static CertificateFigure certificates(Network net, Dataset data, Subject subject, FigureOptions opt) {
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
      certs.add(DecisionRegionCertificate.search(net::predict, c, centre, radius));
    }
    return new CertificateFigure(subject.description(), certs, data.classNames(), p, data.labels(), centre, radius, opt);
  }

  /** Betti numbers per class at the input, after every hidden layer and at the logits (the analysis module's procedure). */
  static BettiTable betti(Run run, String description) {
    return betti(run.network(), run.data(), description);
  }

  static BettiTable betti(Network net, Dataset data, String description) {
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
