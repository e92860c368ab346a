package dev.knead.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * k interleaved Archimedean spiral arms, one class each: arm c is r = t, θ = 2π·turns·t + 2πc/k
 * for t in [0.1, 1]. More turns entangle the arms more. Each arm is an arc: β = (1, 0), and the
 * arms never meet, because r alone fixes t.
 */
public final class Spirals implements Generator {
  /** Where the arms start: away from the origin, where they would all meet. */
  static final double T0 = 0.1;

  @Override
  public String name() {
    return "spirals";
  }

  @Override
  public String description() {
    return "2-D: k interleaved spiral arms (one class each); 'turns' sets how entangled they are";
  }

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        250,
        0,
        new Param("arms", 2, 2, 8, true, "number of arms = number of classes"),
        new Param("turns", 1.5, 0.1, 10, false, "turns of each arm around the origin"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    int k = p.count("arms");
    double turns = p.get("turns");
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(2, k * m);
    List<String> names = new ArrayList<>();
    List<List<Integer>> betti = new ArrayList<>();
    List<Integer> dims = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < m; i++) {
        double t = T0 + (1 - T0) * rng.nextDouble();
        double a = 2 * Math.PI * (turns * t + (double) c / k);
        cloud.add(c, t * Math.cos(a), t * Math.sin(a));
      }
      names.add("arm-" + (c + 1));
      betti.add(List.of(1, 0));
      dims.add(1);
    }
    GroundTruth truth = new GroundTruth(betti, dims, List.of(), Optional.empty(), List.of());
    return cloud.build(name(), p, names, truth, rng);
  }
}
