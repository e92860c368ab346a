package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * XOR on [−1, 1]²: class A where x·y &gt; 0 (first and third quadrants), B where x·y &lt; 0. A
 * margin {@code gap} around both axes is left empty, so each class is two separate squares.
 */
public final class Xor implements Generator {
  @Override
  public String name() {
    return "xor";
  }

  @Override
  public String description() {
    return "2-D: A in quadrants 1 and 3, B in quadrants 2 and 4, an empty margin along the axes";
  }

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        250, 0, new Param("gap", 0.1, 0, 0.9, false, "half-width of the empty band along each axis"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double gap = p.get("gap");
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(2, 2 * m);
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < m; i++) {
        double sx = rng.nextBoolean() ? 1 : -1;
        double sy = c == 0 ? sx : -sx;
        double x = sx * (gap + (1 - gap) * rng.nextDouble());
        double y = sy * (gap + (1 - gap) * rng.nextDouble());
        cloud.add(c, x, y);
      }
    }
    GroundTruth truth =
        new GroundTruth(List.of(List.of(2, 0), List.of(2, 0)), List.of(2, 2), List.of(), Optional.empty(), List.of());
    return cloud.build(name(), p, List.of("same-sign", "opposite-sign"), truth, rng);
  }
}
