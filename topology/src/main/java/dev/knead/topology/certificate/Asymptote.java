package dev.knead.topology.certificate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The behaviour at infinity of a 2-D network whose first layer saturates (tanh, sigmoid): along
 * a ray x = centre + r·u every first-layer unit with w·u ≠ 0 tends to σ(±∞), so the network
 * tends to a class that is constant on each open sector between the critical directions
 * (w·u = 0). Along a critical direction the units with w·u = 0 keep the value σ(w·x + b) set by
 * the offset across the ray: there the class at infinity depends on that offset, and a class
 * that holds only for some offsets escapes through a strip of constant width. Sectors and strips
 * are every route to infinity of such a network, so they are where a search for one starts.
 *
 * @param weights first-layer weights, one row per unit, each of length 2
 * @param bias first-layer biases
 * @param sigma the first layer's activation
 * @param inverse σ⁻¹ on (σ(−∞), σ(+∞))
 * @param low σ(−∞)
 * @param high σ(+∞)
 * @param rest the rest of the network: the first layer's output to a class
 */
public record Asymptote(double[][] weights, double[] bias, DoubleUnaryOperator sigma, DoubleUnaryOperator inverse,
    double low, double high, Classifier rest) {

  /** Pre-activations beyond this are saturated in double precision for tanh and sigmoid. */
  private static final double SATURATED = 40;
  /** Offsets sampled per free unit: evenly in the unit's output σ, which is what the rest of the network sees. */
  private static final int PROFILE_SAMPLES = 1 << 16;

  public Asymptote {
    weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    bias = bias.clone();
    if (weights.length != bias.length || Arrays.stream(weights).anyMatch(w -> w.length != 2)
        || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("asymptote: needs a 2-D first layer with finite limits");
    }
  }

  @Override
  public double[][] weights() {
    return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
  }

  @Override
  public double[] bias() {
    return bias.clone();
  }

  /**
   * A route to infinity of a class.
   *
   * @param direction unit vector u along which it goes
   * @param offset displacement across u (along u rotated by +90°) from the centre's ray
   * @param strip true for a strip along a critical direction, false for an open sector
   * @param widthDegrees the sector's angular width (NaN for a strip)
   */
  public record Route(double[] direction, double offset, boolean strip, double widthDegrees) {
    public Route {
      direction = direction.clone();
    }

    @Override
    public double[] direction() {
      return direction.clone();
    }

    /** @return the point of the route at distance r along it */
    public double[] at(double[] centre, double r) {
      return new double[] {centre[0] + r * direction[0] - offset * direction[1],
          centre[1] + r * direction[1] + offset * direction[0]};
    }
  }

  /** @return the class the network tends to along centre + r·u, u off every critical direction */
  public int limitClass(double[] u) {
    final double[] h = new double[bias.length];
    for (int k = 0; k < h.length; k++) {
      final double s = weights[k][0] * u[0] + weights[k][1] * u[1];
      h[k] = s > 0 ? high : s < 0 ? low : sigma.applyAsDouble(bias[k]);
    }
    return rest.classify(h);
  }

  /**
   * @return every route by which class c reaches infinity: one per sector whose limit is c, one
   *     per run of offsets along a critical direction where the limit is c (offsets sampled
   *     so that each free unit's output steps evenly through its range, 65,536 steps)
   */
  public List<Route> routes(int c, double[] centre) {
    final List<Double> critical = new ArrayList<>();
    for (double[] w : weights) {
      if (w[0] != 0 || w[1] != 0) {
        final double a = Math.atan2(w[0], -w[1]); // u ⊥ w
        critical.add(Geometry.wrap(a));
        critical.add(Geometry.wrap(a + Math.PI));
      }
    }
    critical.sort(null);
    final List<Route> out = new ArrayList<>();
    if (critical.isEmpty()) {
      if (limitClass(new double[] {1, 0}) == c) {
        out.add(new Route(new double[] {1, 0}, 0, false, 360));
      }
      return out;
    }
    for (int k = 0; k < critical.size(); k++) {
      final double a = critical.get(k);
      final double b = k + 1 < critical.size() ? critical.get(k + 1) : critical.get(0) + 2 * Math.PI;
      if (b - a > 1e-15) {
        final double m = (a + b) / 2;
        final double[] u = {Math.cos(m), Math.sin(m)};
        if (limitClass(u) == c) {
          out.add(new Route(u, 0, false, Math.toDegrees(b - a)));
        }
      }
      if (k == 0 || a - critical.get(k - 1) > 1e-15) {
        out.addAll(strips(c, centre, a));
      }
    }
    return out;
  }

  /** Runs of offsets t along the critical direction at angle a where the limit class is c. */
  private List<Route> strips(int c, double[] centre, double a) {
    final double[] u = {Math.cos(a), Math.sin(a)};
    final double[] v = {-u[1], u[0]};
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    final boolean[] free = new boolean[bias.length];
    for (int k = 0; k < bias.length; k++) {
      final double[] w = weights[k];
      final double norm = Math.hypot(w[0], w[1]);
      if (norm > 0 && Math.abs(w[0] * u[0] + w[1] * u[1]) <= 1e-12 * norm) {
        free[k] = true;
        final double slope = w[0] * v[0] + w[1] * v[1];
        final double base = w[0] * centre[0] + w[1] * centre[1] + bias[k];
        lo = Math.min(lo, Math.min((-SATURATED - base) / slope, (SATURATED - base) / slope));
        hi = Math.max(hi, Math.max((-SATURATED - base) / slope, (SATURATED - base) / slope));
      }
    }
    final List<Route> out = new ArrayList<>();
    if (!(lo < hi)) {
      return out;
    }
    // offsets where each free unit's output steps evenly from σ(−∞) to σ(+∞)
    final List<Double> ts = new ArrayList<>();
    for (int k = 0; k < bias.length; k++) {
      if (free[k]) {
        final double[] w = weights[k];
        final double slope = w[0] * v[0] + w[1] * v[1];
        final double base = w[0] * centre[0] + w[1] * centre[1] + bias[k];
        for (int i = 0; i < PROFILE_SAMPLES; i++) {
          final double z = inverse.applyAsDouble(low + (high - low) * (i + 0.5) / PROFILE_SAMPLES);
          if (Double.isFinite(z)) {
            ts.add((z - base) / slope);
          }
        }
      }
    }
    ts.sort(null);
    int runStart = -1;
    for (int i = 0; i <= ts.size(); i++) {
      final boolean in = i < ts.size() && profile(u, v, free, centre, ts.get(i)) == c;
      if (in && runStart < 0) {
        runStart = i;
      } else if (!in && runStart >= 0) {
        out.add(new Route(u, (ts.get(runStart) + ts.get(i - 1)) / 2, true, Double.NaN));
        runStart = -1;
      }
    }
    return out;
  }

  private int profile(double[] u, double[] v, boolean[] free, double[] centre, double t) {
    final double[] h = new double[bias.length];
    for (int k = 0; k < h.length; k++) {
      final double[] w = weights[k];
      if (free[k]) {
        h[k] = sigma.applyAsDouble(w[0] * (centre[0] + t * v[0]) + w[1] * (centre[1] + t * v[1]) + bias[k]);
      } else {
        final double s = w[0] * u[0] + w[1] * u[1];
        h[k] = s > 0 ? high : s < 0 ? low : sigma.applyAsDouble(bias[k]);
      }
    }
    return rest.classify(h);
  }

  /**
   * @return a radius beyond which, along the route, every unit that saturates in the limit has
   *     |pre-activation| &gt; 40 (its limit value in double precision)
   */
  public double saturationRadius(Route route, double[] centre) {
    double r = 0;
    final double[] u = route.direction();
    for (int k = 0; k < bias.length; k++) {
      final double[] w = weights[k];
      final double s = w[0] * u[0] + w[1] * u[1];
      final double norm = Math.hypot(w[0], w[1]);
      if (norm > 0 && Math.abs(s) > 1e-12 * norm) {
        final double[] p0 = route.at(centre, 0);
        final double base = Math.abs(w[0] * p0[0] + w[1] * p0[1] + bias[k]);
        r = Math.max(r, (SATURATED + base) / Math.abs(s));
      }
    }
    return r;
  }
}
