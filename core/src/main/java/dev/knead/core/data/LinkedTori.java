package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two solid tori (major radius 1, tube radius {@code thickness}) around the core circles of
 * {@link HopfRings}: A in the xy-plane around the origin, B in the xz-plane around (1, 0, 0)
 * when {@code linked} = 1 (linking number −1), around (3, 0, 0) when {@code linked} = 0 (linking
 * number 0). Olah: layers of 3 units cannot separate the linked pair.
 */
public final class LinkedTori implements Generator {
  @Override
  public String name() {
    return "linked-tori";
  }

  @Override
  public String description() {
    return "3-D: two solid tori around linked (or, with linked=0, unlinked) core circles";
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
        new Param("thickness", 0.3, 0, 0.45, false, "tube radius (core circles have radius 1)"),
        new Param("linked", 1, 0, 1, true, "1: the cores form a Hopf link; 0: side by side, unlinked"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    return pair(name(), p, p.get("thickness"), p.count("linked") == 1, CommonParams.rng(seed));
  }

  /**
   * Two rings, A in the xy-plane around the origin and B in the xz-plane around (1, 0, 0) or
   * (3, 0, 0). The core circles are at least 1 apart in both placements, so tubes thinner than
   * 0.5 never meet.
   */
  static Dataset pair(String name, ParamValues p, double thickness, boolean linked, SplittableRandom rng) {
    int m = p.count("points");
    Cloud cloud = new Cloud(3, 2 * m);
    double[] o = {0, 0, 0};
    double[] cb = {linked ? 1 : 3, 0, 0};
    Rings.addSolidRing(cloud, 0, m, thickness, o, Rings.X, Rings.Y, Rings.Z, rng);
    Rings.addSolidRing(cloud, 1, m, thickness, cb, Rings.X, Rings.Z, Rings.MINUS_Y, rng);
    List<Curve> curves = List.of(Rings.core(0, o, Rings.X, Rings.Y), Rings.core(1, cb, Rings.X, Rings.Z));
    int dim = thickness > 0 ? 3 : 1;
    GroundTruth truth =
        new GroundTruth(
            List.of(List.of(1, 1, 0), List.of(1, 1, 0)),
            List.of(dim, dim),
            List.of(),
            Optional.of(linked ? HopfRings.LINKING : 0),
            curves);
    return cloud.build(name, p, List.of("ring-a", "ring-b"), truth, rng);
  }
}
