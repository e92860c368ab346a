package dev.knead.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Transcendentals against the JDK's correctly-rounded-or-nearly functions, measured in ulps. */
class FastMathTest {
  /** Distance in ulps of the reference. */
  static double ulps(double got, double want) {
    if (got == want) {
      return 0;
    }
    return Math.abs(got - want) / Math.ulp(want);
  }

  /** Seeded sample: uniform on several scales, so tiny, medium and saturated arguments all occur. */
  static double[] sample(long seed, int count) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      double scale = Math.pow(10, rng.nextInt(-12, 3)); // 1e-12 … 100
      x[i] = rng.nextDouble(-scale, scale);
    }
    return x;
  }

  @Test
  void tanhIsWithinThreeUlpsOfMathTanh() {
    double worst = 0;
    double at = 0;
    for (double x : sample(11, 2_000_000)) {
      double e = ulps(Transcendentals.tanh(x), Math.tanh(x));
      if (e > worst) {
        worst = e;
        at = x;
      }
    }
    // dense around the switch between the two formulas and in the range training sees
    SplittableRandom rng = new SplittableRandom(12);
    for (int i = 0; i < 1_000_000; i++) {
      double x = rng.nextDouble(-3, 3);
      double e = ulps(Transcendentals.tanh(x), Math.tanh(x));
      if (e > worst) {
        worst = e;
        at = x;
      }
    }
    assertThat(worst).as("max ulp error, at x = %s", at).isLessThanOrEqualTo(3);
  }

  @Test
  void tanhIsOddBoundedAndExactAtTheEnds() {
    for (double x : sample(13, 200_000)) {
      double t = Transcendentals.tanh(x);
      assertThat(Transcendentals.tanh(-x)).isEqualTo(-t);
      assertThat(Math.abs(t)).isLessThanOrEqualTo(1);
    }
    assertThat(Transcendentals.tanh(0.0)).isEqualTo(0.0);
    assertThat(1 / Transcendentals.tanh(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Transcendentals.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Transcendentals.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    assertThat(Transcendentals.tanh(Double.NaN)).isNaN();
    assertThat(Transcendentals.tanh(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    assertThat(Transcendentals.tanh(25)).isEqualTo(Math.tanh(25));
  }

  @Test
  void tanhIsMonotone() {
    double[] x = sample(14, 1_000_000);
    java.util.Arrays.sort(x);
    for (int i = 1; i < x.length; i++) {
      assertThat(Transcendentals.tanh(x[i])).as("tanh at %s after %s", x[i], x[i - 1]).isGreaterThanOrEqualTo(Transcendentals.tanh(x[i - 1]));
    }
    // every double next to the points where the reduction k or the clamp changes, where a glitch would sit
    for (double c : new double[] {0.625, 0.5 * Math.log(2) * 0.5, 20.0}) {
      double prev = Transcendentals.tanh(c);
      double d = c;
      for (int i = 0; i < 200_000; i++) {
        d = Math.nextDown(d);
        double t = Transcendentals.tanh(d);
        assertThat(t).as("tanh at %s", d).isLessThanOrEqualTo(prev);
        prev = t;
      }
      prev = Transcendentals.tanh(c);
      d = c;
      for (int i = 0; i < 200_000; i++) {
        d = Math.nextUp(d);
        double t = Transcendentals.tanh(d);
        assertThat(t).as("tanh at %s", d).isGreaterThanOrEqualTo(prev);
        prev = t;
      }
    }
  }

  private static final double SATURATION = 19.5;

  @Test
  void batchExpIsWithinOneUlpOfMathExp() {
    SplittableRandom rng = new SplittableRandom(16);
    int len = 100_000;
    double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = i % 2 == 0 ? rng.nextDouble(-40, 0) : rng.nextDouble(-700, 0);
    }
    x[0] = 0;
    x[1] = -0.0;
    double[] out = new double[len];
    Transcendentals.expNonPositive(x, out, new double[len], len);
    for (int i = 0; i < len; i++) {
      assertThat(ulps(out[i], Math.exp(x[i]))).as("e^%s", x[i]).isLessThanOrEqualTo(1);
    }
    assertThat(out[0]).isEqualTo(1.0);
    double[] far = {-800, Double.NEGATIVE_INFINITY, Double.NaN};
    Transcendentals.expNonPositive(far, far, new double[3], 3);
    assertThat(far[0]).isLessThan(1e-303).isPositive();
    assertThat(far[1]).isLessThan(1e-303).isPositive();
    assertThat(far[2]).isNaN();
  }
}
