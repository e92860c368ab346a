package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two concentric circles (scikit-learn's {@code make_circles}): inner radius {@code factor},
 * outer radius 1, points uniform in angle, noisy by default. Each class is a circle, β = (1, 1);
 * the inner circle is enclosed by the outer one.
 */
public final class Circles implements Generator {
  @Override
  public String name() {
    return "circles";
  }

  @Override
  public String description() {
    return "2-D: two concentric circles, radius factor and 1, with noise";
  }

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        250, 0.05, new Param("factor", 0.5, 0.01, 0.99, false, "radius of the inner circle (outer is 1)"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double factor = p.get("factor");
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(2, 2 * m);
    double[] radius = {factor, 1};
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < m; i++) {
        double a = 2 * Math.PI * rng.nextDouble();
        cloud.add(c, radius[c] * Math.cos(a), radius[c] * Math.sin(a));
      }
    }
    double[] o = {0, 0};
    double[] ex = {1, 0};
    double[] ey = {0, 1};
    List<Curve> curves =
        List.of(
            Sampling.circle(0, DiskAnnulus.CURVE_VERTICES, o, factor, ex, ey),
            Sampling.circle(1, DiskAnnulus.CURVE_VERTICES, o, 1, ex, ey));
    GroundTruth truth =
        new GroundTruth(List.of(List.of(1, 1), List.of(1, 1)), List.of(1, 1), List.of(0), Optional.empty(), curves);
    return cloud.build(name(), p, List.of("inner", "outer"), truth, rng);
  }
}
