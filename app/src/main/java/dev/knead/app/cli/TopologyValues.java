package dev.knead.app.cli;

import dev.knead.analysis.Analyst;
import dev.knead.analysis.Report;
import dev.knead.analysis.StageMeasure;
import dev.knead.core.data.Points;
import dev.knead.core.run.Run;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.render.topo.BettiTable;
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
    Stage s = t.stage(stage);
    int[] labels = t.labels();
    List<String> names = run.data().classNames();
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

  /** Betti numbers per class at the input, after every hidden layer and at the logits (the analysis module's procedure). */
  static BettiTable betti(Run run, String description) {
    Report r = Analyst.analyse(run.network(), run.data(), new Analyst.Options(200, 1, false, 0));
    List<String> names = new ArrayList<>();
    List<List<List<Integer>>> rows = new ArrayList<>();
    for (StageMeasure m : r.stages()) {
      names.add(m.name());
      rows.add(m.betti());
    }
    return new BettiTable(description, names, run.data().classNames(), rows, 1);
  }
}
