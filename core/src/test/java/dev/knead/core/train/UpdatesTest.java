package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Optimiser steps against values worked out by hand from the update rules. */
class UpdatesTest {
  @Test
  void sgdStepsAgainstTheGradient() {
    double[] p = {1, -2};
    Updates.sgd(p, new double[] {0.5, -4}, 0.1);
    assertThat(p).containsExactly(0.95, -1.6);
  }

  @Test
  void momentumAccumulatesVelocity() {
    double[] p = {1};
    double[] v = {0};
    Updates.momentum(p, new double[] {2}, v, 0.1, 0.9, false); // v = 2, p = 1 - 0.2
    assertThat(p[0]).isCloseTo(0.8, within(1e-15));
    Updates.momentum(p, new double[] {1}, v, 0.1, 0.9, false); // v = 1.8 + 1 = 2.8, p = 0.8 - 0.28
    assertThat(v[0]).isCloseTo(2.8, within(1e-15));
    assertThat(p[0]).isCloseTo(0.52, within(1e-15));
  }

  @Test
  void nesterovLooksAhead() {
    double[] p = {1};
    double[] v = {0};
    Updates.momentum(p, new double[] {2}, v, 0.1, 0.9, true); // v = 2, p = 1 - 0.1 (2 + 1.8)
    assertThat(p[0]).isCloseTo(0.62, within(1e-15));
  }

  @Test
  void adamFirstStepHasTheSizeOfTheLearningRate() {
    double[] p = {1, 1};
    double[] m = new double[2];
    double[] v = new double[2];
    Updates.adam(p, new double[] {3, -1e-3}, m, v, 0.01, 0.9, 0.999, 1e-8, 1);
    assertThat(p[0]).isCloseTo(0.99, within(1e-9));
    assertThat(p[1]).isCloseTo(1.01, within(1e-7));
    // second step with the same gradient: m̂ = g, v̂ = g² again
    Updates.adam(p, new double[] {3, -1e-3}, m, v, 0.01, 0.9, 0.999, 1e-8, 2);
    assertThat(p[0]).isCloseTo(0.98, within(1e-9));
  }
}
