package dev.knead.core.train;

import dev.knead.core.BadInputException;
import java.util.Locale;

/** What training minimises, read from the k logits of the output layer. */
public enum Loss {
  /** −log softmax(z)_y, the usual multi-class loss. */
  SOFTMAX_CROSS_ENTROPY("softmax-ce"),
  /** Σ_j BCE(sigmoid(z_j), [j = y]): one sigmoid per class against the one-hot target. */
  BINARY_CROSS_ENTROPY("binary-ce"),
  /** ½ Σ_j (z_j − [j = y])²: the logits regress the one-hot target. */
  SQUARED_ERROR("squared");

  private final String label;

  Loss(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Loss parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Loss l : values()) {
      if (l.label.equals(s)) {
        return l;
      }
    }
    return switch (s) {
      case "ce", "cross-entropy", "softmax" -> SOFTMAX_CROSS_ENTROPY;
      case "bce" -> BINARY_CROSS_ENTROPY;
      case "mse", "squared-error", "l2" -> SQUARED_ERROR;
      default -> throw new BadInputException("unknown loss '" + text + "'; use softmax-ce, binary-ce or squared");
    };
  }

  /**
   * Mean loss over n points and its gradient with respect to the logits.
   *
   * @param z n × k logits
   * @param y n labels
   * @param grad n × k output: ∂(mean loss)/∂z
   * @param correct output slot: correct[0] receives the number of points whose largest logit is
   *     their label
   * @return the mean loss
   */
  public double lossAndGradient(double[] z, int n, int k, int[] y, double[] grad, int[] correct) {
    return lossAndGradient(z, n, k, y, grad, correct, 1.0 / n, new double[1]);
  }

  /**
   * As above for one chunk of a larger set, the sum of the losses carried in {@code carried[0]}
   * (zero before the first chunk): chunks taken in order give the bits of one pass.
   *
   * @param inv 1 / (points in all chunks)
   * @return the mean loss of the chunks so far, over all points
   */
  double lossAndGradient(double[] z, int n, int k, int[] y, double[] grad, int[] correct, double inv, double[] carried) {
    double total = carried[0];
    int right = 0;
    for (int i = 0; i < n; i++) {
      final int o = i * k;
      int arg = 0;
      double max = z[o];
      for (int j = 1; j < k; j++) {
        if (z[o + j] > max) {
          max = z[o + j];
          arg = j;
        }
      }
      if (arg == y[i]) {
        right++;
      }
      switch (this) {
        case SOFTMAX_CROSS_ENTROPY -> {
          double sum = 0;
          for (int j = 0; j < k; j++) {
            double e = Math.exp(z[o + j] - max);
            grad[o + j] = e;
            sum += e;
          }
          total += Math.log(sum) - (z[o + y[i]] - max);
          final double s = inv / sum;
          for (int j = 0; j < k; j++) {
            grad[o + j] *= s;
          }
          grad[o + y[i]] -= inv;
        }
        case BINARY_CROSS_ENTROPY -> {
          for (int j = 0; j < k; j++) {
            double zj = z[o + j];
            boolean target = j == y[i];
            // log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z)
            total += target ? softplus(-zj) : softplus(zj);
            grad[o + j] = (sigmoid(zj) - (target ? 1 : 0)) * inv;
          }
        }
        case SQUARED_ERROR -> {
          for (int j = 0; j < k; j++) {
            double r = z[o + j] - (j == y[i] ? 1 : 0);
            total += 0.5 * r * r;
            grad[o + j] = r * inv;
          }
        }
      }
    }
    correct[0] = right;
    carried[0] = total;
    return total * inv;
  }

  /** @return class probabilities for one point's logits (softmax, or per-class sigmoid for BCE) */
  public double[] probabilities(double[] logits) {
    double[] p = new double[logits.length];
    if (this == BINARY_CROSS_ENTROPY) {
      for (int j = 0; j < p.length; j++) {
        p[j] = sigmoid(logits[j]);
      }
      return p;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int j = 0; j < p.length; j++) {
      p[j] = Math.exp(logits[j] - max);
      sum += p[j];
    }
    for (int j = 0; j < p.length; j++) {
      p[j] /= sum;
    }
    return p;
  }

  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  private static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }
}
