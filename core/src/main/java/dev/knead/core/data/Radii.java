package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.util.SplittableRandom;

/** Checks and samplers for the nested-radius data sets (disk-annulus, nested-spheres). */
final class Radii {
  private Radii() {}

  /** The shapes only nest when r1 &lt; r2 &lt; r3. */
  static void requireIncreasing(String owner, double r1, double r2, double r3) {
    if (!(r1 < r2 && r2 < r3)) {
      throw new BadInputException(
          owner + ": radii must satisfy r1 < r2 < r3, got r1=" + r1 + ", r2=" + r2 + ", r3=" + r3);
    }
  }

  /**
   * Uniform in area on the open annulus rIn &lt; r &lt; rOut: resamples the measure-zero edge so
   * the strict inequalities of the definition hold exactly in floating point.
   */
  static void openAnnulus(SplittableRandom rng, double rIn, double rOut, double[] out) {
    double r;
    do {
      Sampling.annulus(rng, rIn, rOut, out);
      r = Math.hypot(out[0], out[1]);
    } while (!(r > rIn || rIn == 0) || !(r < rOut));
  }

  /**
   * Uniform in volume on the shell rIn ≤ r ≤ rOut in ℝ³, edges resampled like above; a shell of
   * zero thickness is a sphere, accepted as rounding leaves it.
   */
  static void closedShell(SplittableRandom rng, double rIn, double rOut, double[] out) {
    if (rOut - rIn <= 1e-9 * rOut) {
      Sampling.shell(rng, rIn, rOut, out);
      return;
    }
    double r;
    do {
      Sampling.shell(rng, rIn, rOut, out);
      r = Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]);
    } while (r < rIn || r > rOut);
  }
}
