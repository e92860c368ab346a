package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Dupont, Doucet &amp; Teh's nested spheres: an inner ball r ≤ r1 (class A) inside a shell
 * r2 ≤ r ≤ r3 (class B), uniform in volume, in 3-D by default or in 2-D with {@code dim} = 2
 * (then a disk in an annulus). A neural ODE, a homeomorphism, cannot map A and B to opposite
 * sides of a plane. {@link #dim()} is the default dimension, 3.
 */
public final class NestedSpheres implements Generator {
  @Override
  public String name() {
    return "nested-spheres";
  }

  @Override
  public String description() {
    return "3-D (or 2-D): a ball r<=r1 inside a shell r2<=r<=r3 (Dupont et al. 2019)";
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
        new Param("dim", 3, 2, 3, true, "dimension: 3 for balls and shells, 2 for disk and annulus"),
        new Param("r1", 0.5, 0.01, 10, false, "radius of the inner ball (class A)"),
        new Param("r2", 1.0, 0.01, 10, false, "inner radius of the shell (class B), > r1"),
        new Param("r3", 1.5, 0.01, 10, false, "outer radius of the shell, > r2"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    int d = p.count("dim");
    double r1 = p.get("r1");
    double r2 = p.get("r2");
    double r3 = p.get("r3");
    Radii.requireIncreasing(name(), r1, r2, r3);
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(d, 2 * m);
    double[] x = new double[3];
    for (int c = 0; c < 2; c++) {
      double rIn = c == 0 ? 0 : r2;
      double rOut = c == 0 ? r1 : r3;
      for (int i = 0; i < m; i++) {
        if (d == 2) {
          Sampling.annulus(rng, rIn, rOut, x);
        } else {
          Radii.closedShell(rng, rIn, rOut, x);
        }
        cloud.add(c, x);
      }
    }
    GroundTruth truth;
    if (d == 2) {
      Curve middle =
          Sampling.circle(1, DiskAnnulus.CURVE_VERTICES, new double[] {0, 0}, (r2 + r3) / 2, new double[] {1, 0}, new double[] {0, 1});
      truth = new GroundTruth(List.of(List.of(1, 0), List.of(1, 1)), List.of(2, 2), List.of(0), Optional.empty(), List.of(middle));
    } else {
      truth = new GroundTruth(List.of(List.of(1, 0, 0), List.of(1, 0, 1)), List.of(3, 3), List.of(0), Optional.empty(), List.of());
    }
    return cloud.build(name(), p, List.of("ball", "shell"), truth, rng);
  }
}
