package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The oracle is the JDK's fdlibm: every value must carry the same bits as StrictMath's. */
class FastMathTest {
  private static void same(double x) {
    assertThat(Double.doubleToRawLongBits(FastMath.tanh(x)))
        .as("tanh(%s)", x).isEqualTo(Double.doubleToRawLongBits(StrictMath.tanh(x)));
  }

  @Test
  void tanhMatchesStrictMathOnSpecialAndBoundaryValues() {
    double[] xs = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 0x1p-55, 0x1p-54, 0x1p-28,
        0.5 * Math.log(2), Math.log(2), 1.5 * Math.log(2), 1.0, -1.0, Math.nextDown(1.0), Math.nextUp(1.0), 19.0, 20.0, 21.99,
        22.0, 22.01, 28.0, 40.0, 709.0, 710.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
    for (double x : xs) {
      same(x);
      same(-x);
      same(Math.nextUp(x));
      same(Math.nextDown(x));
    }
  }

  @Test
  void tanhMatchesStrictMathOnMillionsOfSeededValues() {
    SplittableRandom rng = new SplittableRandom(17);
    for (int i = 0; i < 2_000_000; i++) {
      same(rng.nextDouble(-6, 6)); // where training lives
      same(rng.nextDouble(-30, 30));
      same(Math.scalb(rng.nextDouble(-1, 1), rng.nextInt(-60, 6))); // every binade near zero
      same(Double.longBitsToDouble(rng.nextLong())); // any bit pattern
    }
  }
}
