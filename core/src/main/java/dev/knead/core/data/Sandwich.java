package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Olah's 1-D sandwich: A uniform on [−1/3, 1/3], B uniform on [−1, −2/3] ∪ [2/3, 1]. A net of
 * width-1 layers is monotone in x, so it cannot do better than 75 %.
 */
public final class Sandwich implements Generator {
  @Override
  public String name() {
    return "sandwich";
  }

  @Override
  public String description() {
    return "1-D: A on [-1/3, 1/3] between the two halves of B, [-1, -2/3] and [2/3, 1] (Olah 2014)";
  }

  @Override
  public int dim() {
    return 1;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(200, 0);
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(1, 2 * m);
    for (int i = 0; i < m; i++) {
      cloud.add(0, (2 * rng.nextDouble() - 1) / 3);
    }
    for (int i = 0; i < m; i++) {
      // pick a side, then a point in [2/3, 1] on that side: both halves have equal length
      double side = rng.nextBoolean() ? 1 : -1;
      cloud.add(1, side * (2.0 / 3 + rng.nextDouble() / 3));
    }
    GroundTruth truth =
        new GroundTruth(List.of(List.of(1), List.of(2)), List.of(1, 1), List.of(0), Optional.empty(), List.of());
    return cloud.build(name(), p, List.of("middle", "outside"), truth, rng);
  }
}
