package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Olah's disk in an annulus: A = {r &lt; r1}, B = {r2 &lt; r &lt; r3}, both uniform in area. No
 * network whose layers are all at most 2 wide separates them exactly; a third unit does.
 */
public final class DiskAnnulus implements Generator {
  /** Vertices of the ring's middle circle (the class-1 core curve). */
  static final int CURVE_VERTICES = 128;

  @Override
  public String name() {
    return "disk-annulus";
  }

  @Override
  public String description() {
    return "2-D: disk r<r1 inside the ring r2<r<r3, uniform in area (Olah 2014)";
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
        new Param("r1", 1.0 / 3, 0.01, 10, false, "radius of the disk (class A)"),
        new Param("r2", 2.0 / 3, 0.01, 10, false, "inner radius of the ring (class B), > r1"),
        new Param("r3", 1, 0.01, 10, false, "outer radius of the ring, > r2"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double r1 = p.get("r1");
    double r2 = p.get("r2");
    double r3 = p.get("r3");
    Radii.requireIncreasing(name(), r1, r2, r3);
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(2, 2 * m);
    double[] x = new double[2];
    for (int i = 0; i < m; i++) {
      Radii.openAnnulus(rng, 0, r1, x);
      cloud.add(0, x);
    }
    for (int i = 0; i < m; i++) {
      Radii.openAnnulus(rng, r2, r3, x);
      cloud.add(1, x);
    }
    Curve middle =
        Sampling.circle(1, CURVE_VERTICES, new double[] {0, 0}, (r2 + r3) / 2, new double[] {1, 0}, new double[] {0, 1});
    GroundTruth truth =
        new GroundTruth(
            List.of(List.of(1, 0), List.of(1, 1)), List.of(2, 2), List.of(0), Optional.empty(), List.of(middle));
    return cloud.build(name(), p, List.of("disk", "ring"), truth, rng);
  }
}
