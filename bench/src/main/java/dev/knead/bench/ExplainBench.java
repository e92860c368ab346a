package dev.knead.bench;

import dev.knead.analysis.Analyst;
import dev.knead.analysis.DataFacts;
import dev.knead.analysis.StageMeasure;
import dev.knead.core.data.Dataset;
import dev.knead.core.run.Run;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code knead bench explain RUN}: the time of {@code knead explain}'s parts on a saved run, on
 * the process's CPU clock (every thread, the JIT's and the collector's included) and the wall clock: the data's own topology ({@link DataFacts}), the
 * per-layer measures ({@link Analyst#stageMeasures}: trace of the subsample, Betti numbers per
 * class, separability within its budget, probe, k-NN, gathering, TwoNN at every stage), and the
 * whole analysis. The first repetition includes the JIT's warm-up; the best is reported beside it.
 */
public final class ExplainBench {
  private ExplainBench() {}

  /** the process's CPU clock: the stages are measured on the common pool's threads too */
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * @param part what was timed
   * @param cpuFirst thread CPU seconds of the first repetition
   * @param cpuBest fewest thread CPU seconds over the repetitions
   * @param wallBest shortest wall seconds over the repetitions
   */
  public record Timing(String part, double cpuFirst, double cpuBest, double wallBest) {
    public String describe() {
      return String.format(Locale.ROOT, "  %-20s CPU %6.2f s first, %6.2f s best; wall %6.2f s best", part, cpuFirst, cpuBest, wallBest);
    }
  }

  /**
   * @param timings data topology, per-layer measures, whole analysis
   * @param stages the per-layer measures of the last repetition (to show what was decided)
   */
  public record Result(List<Timing> timings, List<StageMeasure> stages) {}

  public static Result run(Run run, Analyst.Options opt, int repetitions) {
    Dataset data = run.data();
    List<Timing> out = new ArrayList<>();
    DataFacts[] facts = new DataFacts[1];
    out.add(time("data topology", repetitions, () -> facts[0] = DataFacts.of(data, opt.maxPerClass(), opt.seed())));
    @SuppressWarnings("unchecked")
    List<StageMeasure>[] stages = new List[1];
    out.add(time("per-layer measures", repetitions, () -> stages[0] = Analyst.stageMeasures(run.network(), data, opt, facts[0])));
    out.add(time("whole analysis", repetitions, () -> Analyst.analyse(run.network(), data, opt)));
    return new Result(out, stages[0]);
  }

  private static Timing time(String part, int repetitions, Runnable r) {
    double first = 0;
    double best = Double.MAX_VALUE;
    double wall = Double.MAX_VALUE;
    for (int i = 0; i < repetitions; i++) {
      long c0 = CPU.getProcessCpuTime();
      long w0 = System.nanoTime();
      r.run();
      double cpu = (CPU.getProcessCpuTime() - c0) / 1e9;
      wall = Math.min(wall, (System.nanoTime() - w0) / 1e9);
      if (i == 0) {
        first = cpu;
      }
      best = Math.min(best, cpu);
    }
    return new Timing(part, first, best, wall);
  }
}
