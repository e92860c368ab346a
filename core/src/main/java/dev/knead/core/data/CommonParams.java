package dev.knead.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The parameters every generator shares: {@code points}, {@code noise}, {@code scale}. */
final class CommonParams {
  /** Largest number of points per class a generator will make; keeps memory bounded. */
  static final int MAX_POINTS = 1_000_000;

  private CommonParams() {}

  /**
   * @param defaultPoints points per class when the user says nothing
   * @param defaultNoise Gaussian noise std added to every coordinate
   * @param own the generator's shape parameters, listed after the common ones
   */
  static List<Param> with(int defaultPoints, double defaultNoise, Param... own) {
    List<Param> all = new ArrayList<>();
    all.add(new Param("points", defaultPoints, 1, MAX_POINTS, true, "points per class"));
    all.addAll(noiseAndScale(defaultNoise));
    all.addAll(List.of(own));
    return List.copyOf(all);
  }

  /** {@code noise} and {@code scale} only, for generators whose size is not a point count. */
  static List<Param> noiseAndScale(double defaultNoise) {
    return List.of(
        new Param("noise", defaultNoise, 0, 10, false, "std of Gaussian noise added to every coordinate"),
        new Param("scale", 1, 1e-6, 1e6, false, "factor applied to every coordinate (after noise)"));
  }

  /** Checks the values against the generator's own list. */
  static ParamValues check(Generator g, Map<String, Double> values) {
    return ParamValues.check(g.name(), g.params(), values);
  }

  /** The random stream of one generate call. */
  static SplittableRandom rng(long seed) {
    return new SplittableRandom(seed);
  }
}
