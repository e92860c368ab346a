package dev.knead.analysis;

import dev.knead.core.net.Block;
import dev.knead.core.net.Flow;
import dev.knead.core.net.Prototypes;
import dev.knead.topology.maps.ActivationTraits;
import dev.knead.topology.maps.LayerMap;
import dev.knead.topology.maps.MapAnalysis;

/**
 * The map of a block that is not a dense layer, as the badges read it: its mean Jacobian over
 * the sample (central differences) stands where W stands, and what the block is by construction
 * stands where σ stands — a flow, a coupling or a residual block with Lipschitz constant below 1
 * is a homeomorphism (a one-to-one, continuous map with a continuous inverse), a k-NN read-out
 * is not one-to-one (it reads a label from distances, so it folds).
 */
final class BlockMaps {
  /** Points the mean Jacobian is averaged over. */
  static final int SAMPLE = 200;
  /** Step of the central differences. */
  static final double STEP = 1e-5;

  /** A homeomorphic block: continuous, one-to-one, unbounded; the theory reads it as a homeomorphism of ℝ^d (onto its image when augmented). */
  static ActivationTraits traits(Block b) {
    if (b instanceof Prototypes) {
      return new ActivationTraits("k-NN read-out", true, false, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }
    String name = b instanceof Flow f && f.augmented() > 0 ? "augmented flow" : b.label().split(" ")[0];
    return new ActivationTraits(name, true, true, true, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
  }

  private BlockMaps() {}

  /** @param inputs where the block's inputs are, n × in */
  static LayerMap of(Block b, double[][] inputs) {
    final int in = b.in();
    final int out = b.out();
    final int n = Math.min(SAMPLE, inputs.length);
    final int stride = Math.max(1, inputs.length / Math.max(1, n));
    double[][] w = new double[out][in];
    int used = 0;
    for (int i = 0; i < inputs.length && used < n; i += stride, used++) {
      for (int j = 0; j < in; j++) {
        double[] up = inputs[i].clone();
        double[] down = inputs[i].clone();
        up[j] += STEP;
        down[j] -= STEP;
        double[] yu = b.apply(up);
        double[] yd = b.apply(down);
        for (int o = 0; o < out; o++) {
          w[o][j] += (yu[o] - yd[o]) / (2 * STEP);
        }
      }
    }
    for (double[] row : w) {
      for (int j = 0; j < in; j++) {
        row[j] /= Math.max(1, used);
      }
    }
    return MapAnalysis.of(w, traits(b));
  }
}
