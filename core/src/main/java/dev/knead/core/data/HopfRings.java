package dev.knead.core.data;

import java.util.List;
import java.util.Map;

/**
 * Two thin linked rings (a Hopf link): ring A is the unit circle in the xy-plane around the
 * origin, ring B the unit circle in the xz-plane around (1, 0, 0); both thickened to solid tori
 * of tube radius {@code thickness} (0 gives bare circles). With A oriented (cos t, sin t, 0) and
 * B oriented (1 + cos t, 0, sin t), B passes through A's disk at the origin going in the −z
 * direction, against A's right-hand normal +z: linking number −1.
 */
public final class HopfRings implements Generator {
  /** Linking number of the two core curves as oriented above. */
  static final int LINKING = -1;

  @Override
  public String name() {
    return "hopf-rings";
  }

  @Override
  public String description() {
    return "3-D: two thin linked rings, a Hopf link (linking number -1)";
  }

  @Override
  public int dim() {
    return 3;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        500, 0, new Param("thickness", 0.1, 0, 0.45, false, "tube radius of each ring (rings have radius 1)"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    return LinkedTori.pair(this.name(), p, p.get("thickness"), true, CommonParams.rng(seed));
  }
}
