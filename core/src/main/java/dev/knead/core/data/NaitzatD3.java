package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Naitzat et al.'s D-III: nine nested structures at the D-II centres (origin and (±3, ±3, ±3)).
 * Each is a thin shell at radius 1 (class a) between a shell at radius 2 and a small ball r ≤ 0.5
 * (both class b); shells are {@code thickness} thick. β(a) = (9, 0, 9), β(b) = (18, 0, 9). Class
 * b's points go half to the outer shells, half to the balls, so the small balls are dense enough
 * to be seen. Divided by 5 + thickness/2 so the shape fits [−1, 1]³. Both classes have enclosed
 * parts: a's shells enclose b's balls, b's outer shells enclose a's shells.
 */
public final class NaitzatD3 implements Generator {
  static final double BALL = 0.5;

  @Override
  public String name() {
    return "naitzat-d3";
  }

  @Override
  public String description() {
    return "3-D: nine shells (a) each between an outer shell and a small ball (b) (Naitzat et al. 2020, D-III)";
  }

  @Override
  public int dim() {
    return 3;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        1800, 0, new Param("thickness", 0.1, 0, 0.9, false, "thickness of the shells at radius 1 and 2"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double w = p.get("thickness") / 2;
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    int outer = m - m / 2; // class b: outer shells get the extra point when m is odd
    Cloud cloud = new Cloud(3, 2 * m);
    double[][] centres = NaitzatD2.centres();
    for (int k = 0; k < 9; k++) {
      add(cloud, 0, Rings.share(m, 9, k), centres[k], 1 - w, 1 + w, rng);
      add(cloud, 1, Rings.share(outer, 9, k), centres[k], 2 - w, 2 + w, rng);
      add(cloud, 1, Rings.share(m / 2, 9, k), centres[k], 0, BALL, rng);
    }
    int shellDim = w > 0 ? 3 : 2;
    GroundTruth truth =
        new GroundTruth(
            List.of(List.of(9, 0, 9), List.of(18, 0, 9)), List.of(shellDim, 3), List.of(0, 1), Optional.empty(), List.of());
    return cloud.normalise(1 / (5 + w)).build(name(), p, List.of("middle-shells", "outer-shells-and-balls"), truth, rng);
  }

  private static void add(Cloud cloud, int label, int m, double[] c, double rIn, double rOut, SplittableRandom rng) {
    double[] x = new double[3];
    for (int i = 0; i < m; i++) {
      Radii.closedShell(rng, rIn, rOut, x);
      cloud.add(label, c[0] + x[0], c[1] + x[1], c[2] + x[2]);
    }
  }
}
