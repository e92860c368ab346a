package dev.knead.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Naitzat et al.'s D-II: nine pairs of linked solid rings. In each pair ring a lies in the
 * xy-plane around the pair centre, ring b in the xz-plane around the centre + (1, 0, 0) (as in
 * {@link HopfRings}); pair centres are the origin and the eight points (±3, ±3, ±3). The whole
 * shape is divided by its largest absolute coordinate, 5 + thickness, so it fits [−1, 1]³
 * (their max-abs scaling, applied to the exact shape so noise does not change it). Each class
 * holds nine solid tori: β = (9, 9, 0). The stored linking number is that of each pair (−1).
 */
public final class NaitzatD2 implements Generator {
  @Override
  public String name() {
    return "naitzat-d2";
  }

  @Override
  public String description() {
    return "3-D: nine pairs of linked rings (Naitzat et al. 2020, D-II)";
  }

  @Override
  public int dim() {
    return 3;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        1800, 0, new Param("thickness", 0.2, 0, 0.45, false, "tube radius of each ring (rings have radius 1)"));
  }

  /** The nine structure centres shared by D-II and D-III: the origin, then (±3, ±3, ±3). */
  static double[][] centres() {
    double[][] c = new double[9][];
    c[0] = new double[] {0, 0, 0};
    for (int k = 0; k < 8; k++) {
      c[k + 1] = new double[] {(k & 1) == 0 ? 3 : -3, (k & 2) == 0 ? 3 : -3, (k & 4) == 0 ? 3 : -3};
    }
    return c;
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double thickness = p.get("thickness");
    double s = 1 / (5 + thickness);
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud unit = new Cloud(3, 2 * m);
    List<Curve> curves = new ArrayList<>();
    double[][] centres = centres();
    for (int k = 0; k < 9; k++) {
      double[] ca = centres[k];
      double[] cb = {ca[0] + 1, ca[1], ca[2]};
      Rings.addSolidRing(unit, 0, Rings.share(m, 9, k), thickness, ca, Rings.X, Rings.Y, Rings.Z, rng);
      Rings.addSolidRing(unit, 1, Rings.share(m, 9, k), thickness, cb, Rings.X, Rings.Z, Rings.MINUS_Y, rng);
      curves.add(Rings.core(0, ca, Rings.X, Rings.Y));
      curves.add(Rings.core(1, cb, Rings.X, Rings.Z));
    }
    int dim = thickness > 0 ? 3 : 1;
    GroundTruth truth =
        new GroundTruth(
            List.of(List.of(9, 9, 0), List.of(9, 9, 0)),
            List.of(dim, dim),
            List.of(),
            Optional.of(HopfRings.LINKING),
            curves);
    return unit.normalise(s).build(name(), p, List.of("rings-a", "rings-b"), truth, rng);
  }
}
