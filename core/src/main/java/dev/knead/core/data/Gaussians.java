package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two isotropic Gaussians centred on the diagonal y = x, {@code distance} apart and symmetric about
 * the origin, std {@code spread}. Linearly separable up to overlap; each
 * class's support is the whole plane (β = (1, 0)).
 */
public final class Gaussians implements Generator {
  @Override
  public String name() {
    return "gaussians";
  }

  @Override
  public String description() {
    return "2-D: two Gaussian blobs on the diagonal, centres 'distance' apart, std 'spread'";
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
        new Param("distance", 2, 0, 100, false, "distance between the two centres"),
        new Param("spread", 0.5, 1e-6, 100, false, "standard deviation of each blob"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double h = p.get("distance") / (2 * Math.sqrt(2)); // centre offset along x and y
    double s = p.get("spread");
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(2, 2 * m);
    for (int c = 0; c < 2; c++) {
      double centre = c == 0 ? -h : h;
      for (int i = 0; i < m; i++) {
        cloud.add(c, centre + s * Sampling.gaussian(rng), centre + s * Sampling.gaussian(rng));
      }
    }
    GroundTruth truth =
        new GroundTruth(List.of(List.of(1, 0), List.of(1, 0)), List.of(2, 2), List.of(), Optional.empty(), List.of());
    return cloud.build(name(), p, List.of("lower-left", "upper-right"), truth, rng);
  }
}
