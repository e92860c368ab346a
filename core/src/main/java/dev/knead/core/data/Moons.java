package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two interleaved half circles (scikit-learn's {@code make_moons}): A = (cos t, sin t), B = (1 −
 * cos t, 1/2 − sin t), t uniform in [0, π]; noisy by default. Each class is an arc, β = (1, 0).
 */
public final class Moons implements Generator {
  @Override
  public String name() {
    return "moons";
  }

  @Override
  public String description() {
    return "2-D: two interleaved half circles with noise";
  }

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(250, 0.1);
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(2, 2 * m);
    for (int i = 0; i < m; i++) {
      double t = Math.PI * rng.nextDouble();
      cloud.add(0, Math.cos(t), Math.sin(t));
    }
    for (int i = 0; i < m; i++) {
      double t = Math.PI * rng.nextDouble();
      cloud.add(1, 1 - Math.cos(t), 0.5 - Math.sin(t));
    }
    GroundTruth truth =
        new GroundTruth(List.of(List.of(1, 0), List.of(1, 0)), List.of(1, 1), List.of(), Optional.empty(), List.of());
    return cloud.build(name(), p, List.of("upper", "lower"), truth, rng);
  }
}
