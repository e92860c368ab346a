package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A swiss roll cut in two along its length: the sheet (t cos t, h, t sin t) / tMax for t in
 * [1.5π, 1.5π + 2π·turns], h in [−width/2, width/2], uniform in area. The inner half of the
 * roll (small t) is class A, the outer half class B, with a {@code gap} (fraction of the t range)
 * left empty between them. Each class is a rolled-up rectangle: β = (1, 0, 0), dimension 2.
 */
public final class SwissRoll implements Generator {
  static final double T_START = 1.5 * Math.PI;

  @Override
  public String name() {
    return "swiss-roll";
  }

  @Override
  public String description() {
    return "3-D: a swiss roll, inner half class A, outer half class B";
  }

  @Override
  public int dim() {
    return 3;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        500,
        0,
        new Param("turns", 1.5, 0.5, 5, false, "turns of the roll"),
        new Param("width", 1, 0.01, 10, false, "extent of the sheet along y"),
        new Param("gap", 0.05, 0, 0.5, false, "empty fraction of the roll between the classes"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double tEnd = T_START + 2 * Math.PI * p.get("turns");
    double width = p.get("width");
    double gap = p.get("gap") * (tEnd - T_START);
    double mid = (T_START + tEnd) / 2;
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(3, 2 * m);
    for (int c = 0; c < 2; c++) {
      double lo = c == 0 ? T_START : mid + gap / 2;
      double hi = c == 0 ? mid - gap / 2 : tEnd;
      double maxSpeed = Math.sqrt(1 + hi * hi);
      for (int i = 0; i < m; i++) {
        double t;
        do { // arc length grows like sqrt(1 + t²): accept t in proportion to it
          t = lo + (hi - lo) * rng.nextDouble();
        } while (rng.nextDouble() * maxSpeed > Math.sqrt(1 + t * t));
        double h = width * (rng.nextDouble() - 0.5);
        cloud.add(c, t * Math.cos(t) / tEnd, h, t * Math.sin(t) / tEnd);
      }
    }
    GroundTruth truth =
        new GroundTruth(List.of(List.of(1, 0, 0), List.of(1, 0, 0)), List.of(2, 2), List.of(), Optional.empty(), List.of());
    return cloud.build(name(), p, List.of("inner", "outer"), truth, rng);
  }
}
