package dev.knead.experiments.catalogue;

import dev.knead.analysis.Certificates;
import dev.knead.core.data.Dataset;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Network;
import dev.knead.core.train.TrainResult;
import dev.knead.experiments.Nets;
import dev.knead.experiments.SeedRow;
import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.measure.Separability;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurements shared by the disk-in-annulus and the 2-D nested spheres: a class 0 disk of
 * radius r1 inside a class 1 ring r2 &lt; r &lt; r3, both centred at the origin.
 */
final class EnclosedDisk {
  static final int ANGLES = 1440;
  static final int RADII = 12;

  private EnclosedDisk() {}

  /**
   * One width-2 (or any) network: the certificate that the piece of the inner class's region
   * holding its data is unbounded (three states: unbounded, bounded, not found at this resolution),
   * the share of a dense polar grid of the true sets it gets wrong, and the input-gradient norm
   * of the logit difference along the tunnel versus elsewhere on the ring.
   */
  static SeedRow narrow(long seed, long trainSeed, String label, Dataset data, List<Integer> hidden, Activation act, Nets.Recipe recipe,
      double r1, double r2, double r3) {
    TrainResult r = Nets.train(data, hidden, act, recipe, trainSeed);
    return narrow(seed, label, r.network(), data, r.trainAccuracy(), r1, r2, r3);
  }

  /** {@link #narrow} for a given network: the measurements and the certificate, no training. */
  static SeedRow narrow(long seed, String label, Network net, Dataset data, double trainAccuracy, double r1, double r2, double r3) {
    Certificate c = Certificates.plane(net, data, 0, new double[] {0, 0}, r3);
    Grid g = grid(net, r1, r2, r3);
    return SeedRow.of(seed, label)
        .put("train_accuracy", trainAccuracy)
        .put("inner_region_unbounded", unbounded(c))
        .put("inner_region_empty", c.outcome() == Certificate.Outcome.EMPTY)
        .put("tunnel_angle_deg", c.angleDegrees())
        .put("tunnel_arc_at_data_radius", c.arcLengthAtDataRadius())
        .put("dense_error", g.error())
        .put("dense_ring_points_inner", g.ringWrong())
        .put("grad_tunnel_p95", g.gradTunnel())
        .put("grad_elsewhere_p95", g.gradElsewhere())
        .put("grad_ratio", g.gradTunnel() / g.gradElsewhere())
        // Johnson (2019): every component of a decision region of a width ≤ d net is unbounded, so
        // the inner class escapes; the escape must cross the ring, so part of the ring is wrong. An
        // empty inner region separates nothing either; a route not found leaves the run undecided.
        .put("certified", certified(c, g.ringWrong()))
        .build();
  }

  /** 1 certified (unbounded and the ring is crossed, or no inner region), 0 refuted, NaN undecided (not found). */
  static double certified(Certificate c, int ringWrong) {
    return switch (c.outcome()) {
      case UNBOUNDED -> ringWrong > 0 ? 1 : 0;
      case EMPTY -> 1;
      case BOUNDED -> 0;
      case NOT_FOUND -> Double.NaN;
    };
  }

  /** The certificate of the inner class's data piece as 1 unbounded, 0 bounded or empty, NaN not found at this resolution. */
  static double unbounded(Certificate c) {
    return switch (c.outcome()) {
      case UNBOUNDED -> 1;
      case BOUNDED, EMPTY -> 0;
      case NOT_FOUND -> Double.NaN;
    };
  }

  /** A network with a wider layer: separated exactly, and its hidden codes linearly separable. */
  static SeedRow wide(long seed, long trainSeed, String label, Dataset data, List<Integer> hidden, Activation act, Nets.Recipe recipe,
      double r1, double r2, double r3) {
    TrainResult r = Nets.train(data, hidden, act, recipe, trainSeed);
    return wide(seed, label, r.network(), data, r.trainAccuracy(), r1, r2, r3);
  }

  /** {@link #wide} for a given network: the measurements, no training. */
  static SeedRow wide(long seed, String label, Network net, Dataset data, double trainAccuracy, double r1, double r2, double r3) {
    List<double[][]> stages = Nets.stages(net, data.points());
    boolean sep = Separability.linear(stages.get(stages.size() - 2), data.labels()).separable();
    Certificate c = Certificates.plane(net, data, 0, new double[] {0, 0}, r3);
    Grid g = grid(net, r1, r2, r3);
    return SeedRow.of(seed, label)
        .put("train_accuracy", trainAccuracy)
        .put("dense_error", g.error())
        .put("inner_region_unbounded", unbounded(c))
        .put("hidden_codes_separable", sep)
        .build();
  }

  /**
   * @param error share of the dense grid (disk and ring) misclassified
   * @param ringWrong ring grid points labelled as the inner class
   * @param gradTunnel 95th percentile of |∇(logit₀ − logit₁)| on ring points at angles where the ring is
   *     crossed by the inner class's region (NaN without a tunnel)
   * @param gradElsewhere the same percentile at the other angles
   */
  record Grid(double error, int ringWrong, double gradTunnel, double gradElsewhere) {}

  static Grid grid(Network net, double r1, double r2, double r3) {
    int wrong = 0;
    int total = 0;
    int ringWrong = 0;
    boolean[] tunnel = new boolean[ANGLES];
    for (int a = 0; a < ANGLES; a++) {
      double th = 2 * Math.PI * (a + 0.5) / ANGLES;
      for (int k = 0; k < RADII; k++) {
        double f = (k + 0.5) / RADII;
        double rd = r1 * Math.sqrt(f);
        double rr = Math.sqrt(r2 * r2 + f * (r3 * r3 - r2 * r2));
        wrong += net.predict(new double[] {rd * Math.cos(th), rd * Math.sin(th)}) != 0 ? 1 : 0;
        boolean ringBad = net.predict(new double[] {rr * Math.cos(th), rr * Math.sin(th)}) != 1;
        wrong += ringBad ? 1 : 0;
        ringWrong += ringBad ? 1 : 0;
        tunnel[a] |= ringBad;
        total += 2;
      }
    }
    List<Double> in = new ArrayList<>();
    List<Double> out = new ArrayList<>();
    double h = 1e-5 * r3;
    for (int a = 0; a < ANGLES; a++) {
      double th = 2 * Math.PI * (a + 0.5) / ANGLES;
      for (int k = 0; k < RADII; k += 3) {
        double f = (k + 0.5) / RADII;
        double rr = Math.sqrt(r2 * r2 + f * (r3 * r3 - r2 * r2));
        double x = rr * Math.cos(th);
        double y = rr * Math.sin(th);
        double gx = (diff(net, x + h, y) - diff(net, x - h, y)) / (2 * h);
        double gy = (diff(net, x, y + h) - diff(net, x, y - h)) / (2 * h);
        (tunnel[a] ? in : out).add(Math.hypot(gx, gy));
      }
    }
    return new Grid(wrong / (double) total, ringWrong, upper(in), upper(out));
  }

  private static double diff(Network net, double x, double y) {
    double[] z = net.logits(new double[] {x, y});
    return z[0] - z[1];
  }

  /** The 95th percentile: the steep places, not the typical slope. NaN for no values. */
  private static double upper(List<Double> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s[(int) Math.floor(0.95 * (s.length - 1))];
  }
}
