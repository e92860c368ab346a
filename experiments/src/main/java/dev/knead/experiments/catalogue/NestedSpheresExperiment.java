package dev.knead.experiments.catalogue;

import dev.knead.experiments.Experiment;
import dev.knead.experiments.ExperimentListener;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.ExperimentParam;
import dev.knead.experiments.Protocol;
import dev.knead.experiments.Settings;
import java.util.List;
import java.util.Map;

/**
 * Dupont et al.'s nested spheres in 2-D: width-2 tanh networks (square invertible layers, like a
 * flow) cannot separate them; one more dimension (width 3, an augmented state) does.
 */
public final class NestedSpheresExperiment implements Experiment {
  @Override
  public String name() {
    return "nested-spheres";
  }

  @Override
  public String claim() {
    return "Homeomorphic flows of the plane cannot pull a disk (r ≤ 0.5) out of the annulus around it (1 ≤ r ≤ 1.5): with"
        + " width-2 tanh layers the disk's decision region escapes to infinity through the annulus; augmenting by one"
        + " dimension (width 3) separates them.";
  }

  @Override
  public String citation() {
    return "E. Dupont, A. Doucet, Y. W. Teh, Augmented Neural ODEs (NeurIPS 2019)";
  }

  @Override
  public Protocol kind() {
    return Protocol.IMPOSSIBILITY;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        new ExperimentParam("points", "400", "120", "points per class"),
        ExperimentParam.of("r1", "0.5", "radius of the inner disk"),
        ExperimentParam.of("r2", "1.0", "inner radius of the annulus"),
        ExperimentParam.of("r3", "1.5", "outer radius of the annulus"),
        new ExperimentParam("depths", "1,2,3", "1,3", "depths of the width-2 networks"),
        new ExperimentParam("epochs", "2000", "600", "training epochs"),
        ExperimentParam.of("lr", "0.03", "Adam learning rate"),
        ExperimentParam.of("activation", "tanh", "hidden activation"));
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    return DiskAnnulusExperiment.run(this, "nested-spheres", Map.of("dim", "2", "points", s.text("points"), "r1", s.text("r1"),
        "r2", s.text("r2"), "r3", s.text("r3")), s, seeds, quick, listener,
        "a neural ODE squeezes through a gap in the same way");
  }
}
