package dev.knead.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Naitzat, Zhitnikov &amp; Lim's D-I (JMLR 2020): a grid on [−10, 10]² with step {@code step};
 * nine disks of radius 1.3 (eight centred on the circle of radius 7, one at the origin) are class
 * a, the rest of the square is class b, and a ring 0.5 wide around every disk is removed.
 * β(a) = (9, 0), β(b) = (1, 9). The grid step replaces the {@code points} parameter; with
 * noise = 0 the data set is the same for every seed.
 */
public final class NaitzatD1 implements Generator {
  static final double HALF_SIDE = 10;
  static final double DISK = 1.3;
  static final double MARGIN = 0.5;
  static final double CENTRE_CIRCLE = 7;

  @Override
  public String name() {
    return "naitzat-d1";
  }

  @Override
  public String description() {
    return "2-D: nine disks (a) in a square with nine holes (b), a grid (Naitzat et al. 2020, D-I)";
  }

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public List<Param> params() {
    List<Param> all = new ArrayList<>();
    all.add(new Param("step", 0.19, 0.05, 2, false, "grid step (replaces 'points'; 0.19 gives 11,236 points)"));
    all.addAll(CommonParams.noiseAndScale(0));
    return List.copyOf(all);
  }

  /** The nine disk centres: the origin first, then eight on the circle of radius 7. */
  static double[][] centres() {
    double[][] c = new double[9][];
    c[0] = new double[] {0, 0};
    for (int k = 0; k < 8; k++) {
      double a = 2 * Math.PI * k / 8;
      c[k + 1] = new double[] {CENTRE_CIRCLE * Math.cos(a), CENTRE_CIRCLE * Math.sin(a)};
    }
    return c;
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    double step = p.get("step");
    int steps = (int) Math.floor(2 * HALF_SIDE / step + 1e-9); // grid lines at −10 + i·step ≤ 10
    double[][] centres = centres();
    Cloud cloud = new Cloud(2, (steps + 1) * (steps + 1));
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j <= steps; j++) {
        double x = -HALF_SIDE + j * step;
        double y = -HALF_SIDE + i * step;
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] c : centres) {
          nearest = Math.min(nearest, Math.hypot(x - c[0], y - c[1]));
        }
        if (nearest <= DISK) {
          cloud.add(0, x, y);
        } else if (nearest > DISK + MARGIN) {
          cloud.add(1, x, y);
        }
      }
    }
    GroundTruth truth =
        new GroundTruth(List.of(List.of(9, 0), List.of(1, 9)), List.of(2, 2), List.of(0), Optional.empty(), List.of());
    return cloud.build(name(), p, List.of("disks", "holed-square"), truth, CommonParams.rng(seed));
  }
}
