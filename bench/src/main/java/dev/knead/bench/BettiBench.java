package dev.knead.bench;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.Trainer;
import dev.knead.topology.ph.HopBetti;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Naitzat et al.'s measurement at full size: Betti numbers of both classes of D-I at the
 * output of every layer of a trained 10-layer network (2-15×10-2 tanh), with their procedure
 * (k = 14, hop scale 2.5). They report up to 30 minutes per Betti number.
 */
public final class BettiBench {
  /**
   * @param points points per class measured
   * @param stages layer outputs measured (input included)
   * @param betti per measured stage, per class, β₀ β₁
   * @param seconds wall time of all Betti numbers (training and tracing excluded)
   * @param trainAccuracy how well the network separated the classes
   */
  public record Result(int[] points, int stages, List<List<List<Integer>>> betti, double seconds, double trainAccuracy) {}

  private BettiBench() {}

  public static Result run(int epochs, long seed) {
    Dataset d = Datasets.generate("naitzat-d1", Map.of(), seed);
    TrainConfig c = TrainConfig.defaults(Collections.nCopies(10, 15)).withEpochs(epochs).withSeed(seed);
    c = c.withHidden(c.hidden(), Collections.nCopies(10, Activation.TANH));
    TrainResult r = Trainer.train(d, d.select(new int[0]), c, TrainListener.NONE);
    Network net = r.network();
    Trace t = Tracer.trace(net, d.points(), d.labels(), Tracer.Options.POINTS_ONLY);
    List<Stage> measured = new ArrayList<>();
    measured.add(t.stage(0));
    for (Stage s : t.stages()) {
      if (s.kind() == Stage.Kind.BEND) {
        measured.add(s);
      }
    }
    int[] labels = d.labels();
    int[] counts = d.classCounts();
    HopBetti procedure = new HopBetti(14, 2.5, 1);
    long start = System.nanoTime();
    List<List<List<Integer>>> betti = new ArrayList<>();
    for (Stage s : measured) {
      List<List<Integer>> perClass = new ArrayList<>();
      for (int cls = 0; cls < d.classes(); cls++) {
        perClass.add(procedure.measure(rows(s.points(), labels, cls)).betti());
      }
      betti.add(perClass);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(counts, measured.size(), betti, seconds, r.trainAccuracy());
  }

  private static double[][] rows(Points p, int[] labels, int cls) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < p.n(); i++) {
      if (labels[i] == cls) {
        out.add(p.row(i));
      }
    }
    return out.toArray(new double[0][]);
  }
}
