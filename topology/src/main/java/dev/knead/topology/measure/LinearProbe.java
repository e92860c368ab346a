package dev.knead.topology.measure;

import java.util.Arrays;

/**
 * A linear probe: multinomial logistic regression on a point cloud, trained by deterministic
 * full-batch gradient descent from zero weights (no randomness, same bits every run).
 *
 * <p>Features are standardised first. The step 2 / max‖x̃‖² (x̃ = standardised point with a
 * 1 appended) is below 1 / L for the softmax cross-entropy, whose Hessian is bounded by
 * ½ · max‖x̃‖², so the step is at most 1 / L. A small L2 penalty keeps the weights finite on
 * separable data. The probe answers "how linearly readable are the classes at this stage".
 */
public final class LinearProbe {
  private LinearProbe() {}

  /** Default most gradient steps (accelerated; most probes stop earlier, see {@link #TOLERANCE}). */
  public static final int STEPS = 300;

  /** Steps over which the loss must still fall by {@link #TOLERANCE} (relative) to go on. */
  public static final int WINDOW = 20;

  /** Relative fall of the mean loss over {@link #WINDOW} steps below which the probe stops. */
  public static final double TOLERANCE = 1e-3;

  /** L2 penalty on the weights (not the biases). */
  public static final double L2 = 1e-4;

  /**
   * @param accuracy training accuracy in [0, 1]
   * @param loss final mean cross-entropy (without the penalty)
   * @param steps gradient steps taken
   */
  public record Result(double accuracy, double loss, int steps) {}

  /** @see #fit(double[][], int[], int) with {@link #STEPS} steps */
  public static Result fit(double[][] points, int[] labels) {
    return fit(points, labels, STEPS);
  }

  /**
   * @param points n × d points
   * @param labels n labels (any ints; mapped to classes in increasing order)
   * @param steps most full-batch gradient steps
   * @return training accuracy and loss of the fitted probe
   */
  public static Result fit(double[][] points, int[] labels, int steps) {
    final int d = Rows.dimension(points, "linear probe");
    Rows.checkLabels(points, labels, "linear probe");
    final int n = points.length;
    final int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
    final int k = distinct.length;
    final int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = Arrays.binarySearch(distinct, labels[i]);
    }
    if (k == 1) {
      return new Result(1, 0, 0);
    }
    // Standardised features with a trailing 1 for the bias: n × (d + 1).
    final int e = d + 1;
    final double[][] x = new double[n][e];
    double maxNorm = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += points[i][j];
      }
      mean /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        var += (points[i][j] - mean) * (points[i][j] - mean);
      }
      final double sd = Math.sqrt(var / n);
      for (int i = 0; i < n; i++) {
        x[i][j] = sd > 0 ? (points[i][j] - mean) / sd : 0;
      }
    }
    for (int i = 0; i < n; i++) {
      x[i][d] = 1;
      double s = 0;
      for (int j = 0; j < e; j++) {
        s += x[i][j] * x[i][j];
      }
      maxNorm = Math.max(maxNorm, s);
    }
    final double step = 2 / (maxNorm + 2 * L2);
    // Nesterov's accelerated gradient (the loss is convex and step ≤ 1 / L, so the loss gap falls
    // as 1/t² rather than 1/t): far fewer full passes for the same fit. It stops once the mean
    // loss has fallen by less than TOLERANCE (relative) over WINDOW steps.
    final double[][] w = new double[k][e];
    final double[][] prev = new double[k][e];
    final double[][] look = new double[k][e];
    final double[][] grad = new double[k][e];
    final double[] p = new double[k];
    final double[][] z = new double[ROWS][k];
    final double[] history = new double[steps + 1];
    int taken = 0;
    for (int t = 0; t < steps; t++) {
      final double momentum = t / (t + 3.0);
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < e; j++) {
          look[c][j] = w[c][j] + momentum * (w[c][j] - prev[c][j]);
        }
      }
      for (double[] g : grad) {
        Arrays.fill(g, 0);
      }
      final double lossAtLook = pass(look, x, y, grad, z);
      history[t] = lossAtLook / n;
      for (int c = 0; c < k; c++) {
        System.arraycopy(w[c], 0, prev[c], 0, e);
        for (int j = 0; j < e; j++) {
          final double penalty = j < d ? L2 * look[c][j] : 0;
          w[c][j] = look[c][j] - step * (grad[c][j] / n + penalty);
        }
      }
      taken = t + 1;
      if (t >= WINDOW && history[t - WINDOW] - history[t] < TOLERANCE * history[t - WINDOW]) {
        break;
      }
    }
    int correct = 0;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      softmax(w, x[i], p);
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      correct += best == y[i] ? 1 : 0;
      loss -= Math.log(Math.max(p[y[i]], Double.MIN_NORMAL));
    }
    return new Result(correct / (double) n, loss / n, taken);
  }

  /** @see #fit(double[][], int[]) with flat row-major n × d points */
  public static Result fit(double[] flat, int n, int d, int[] labels) {
    return fit(Rows.fromFlat(flat, n, d), labels);
  }

  /** @return training accuracy of the default probe */
  public static double accuracy(double[][] points, int[] labels) {
    return fit(points, labels).accuracy();
  }

  /** Rows read together in {@link #pass}: each class's weights and gradient cross the cache once per block. */
  private static final int ROWS = 4;

  /**
   * One full-batch pass: adds X^T·(P − Y) to {@code grad} and returns the summed cross-entropy.
   * Blocked over {@link #ROWS} rows, so the k × e weights and gradient (too big for the L1 cache
   * at 784-D) are streamed once per block rather than once per row; only the order of the sums
   * changes (ProbeAndKnnTest bounds the difference from the row-by-row pass).
   */
  private static double pass(double[][] w, double[][] x, int[] y, double[][] grad, double[][] z) {
    final int n = x.length;
    final int k = w.length;
    final int e = x[0].length;
    double loss = 0;
    int i0 = 0;
    for (; i0 + ROWS <= n; i0 += ROWS) {
      final double[] x0 = x[i0];
      final double[] x1 = x[i0 + 1];
      final double[] x2 = x[i0 + 2];
      final double[] x3 = x[i0 + 3];
      int c = 0;
      // two classes at a time: eight independent sums hide the adds' latency
      for (; c + 1 < k; c += 2) {
        final double[] wa = w[c];
        final double[] wb = w[c + 1];
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        for (int j = 0; j < e; j++) {
          final double u = wa[j];
          final double v = wb[j];
          final double q0 = x0[j];
          final double q1 = x1[j];
          final double q2 = x2[j];
          final double q3 = x3[j];
          a0 += u * q0;
          a1 += u * q1;
          a2 += u * q2;
          a3 += u * q3;
          b0 += v * q0;
          b1 += v * q1;
          b2 += v * q2;
          b3 += v * q3;
        }
        z[0][c] = a0;
        z[1][c] = a1;
        z[2][c] = a2;
        z[3][c] = a3;
        z[0][c + 1] = b0;
        z[1][c + 1] = b1;
        z[2][c + 1] = b2;
        z[3][c + 1] = b3;
      }
      for (; c < k; c++) {
        final double[] wc = w[c];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int j = 0; j < e; j++) {
          final double wj = wc[j];
          s0 += wj * x0[j];
          s1 += wj * x1[j];
          s2 += wj * x2[j];
          s3 += wj * x3[j];
        }
        z[0][c] = s0;
        z[1][c] = s1;
        z[2][c] = s2;
        z[3][c] = s3;
      }
      for (int r = 0; r < ROWS; r++) {
        loss += residual(z[r], y[i0 + r]);
      }
      for (c = 0; c < k; c++) {
        final double[] gc = grad[c];
        final double p0 = z[0][c];
        final double p1 = z[1][c];
        final double p2 = z[2][c];
        final double p3 = z[3][c];
        for (int j = 0; j < e; j++) {
          gc[j] += (p0 * x0[j] + p1 * x1[j]) + (p2 * x2[j] + p3 * x3[j]);
        }
      }
    }
    for (int i = i0; i < n; i++) {
      final double[] xi = x[i];
      final double[] zi = z[0];
      for (int c = 0; c < k; c++) {
        zi[c] = dot(w[c], xi);
      }
      loss += residual(zi, y[i]);
      for (int c = 0; c < k; c++) {
        final double pc = zi[c];
        final double[] gc = grad[c];
        for (int j = 0; j < e; j++) {
          gc[j] += pc * xi[j];
        }
      }
    }
    return loss;
  }

  /** Turns logits into softmax probabilities minus the one-hot label; returns the cross-entropy. */
  private static double residual(double[] logits, int label) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : logits) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      logits[c] = Math.exp(logits[c] - max);
      sum += logits[c];
    }
    for (int c = 0; c < logits.length; c++) {
      logits[c] /= sum;
    }
    final double loss = -Math.log(Math.max(logits[label], Double.MIN_NORMAL));
    logits[label] -= 1;
    return loss;
  }

  /** w·x in four interleaved sums: independent chains the CPU overlaps (a single sum waits on each add). */
  static double dot(double[] w, double[] x) {
    final int n = x.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += w[j] * x[j];
      s1 += w[j + 1] * x[j + 1];
      s2 += w[j + 2] * x[j + 2];
      s3 += w[j + 3] * x[j + 3];
    }
    for (; j < n; j++) {
      s0 += w[j] * x[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static void softmax(double[][] w, double[] x, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < w.length; c++) {
      final double s = dot(w[c], x);
      out[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < w.length; c++) {
      out[c] = Math.exp(out[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < w.length; c++) {
      out[c] /= sum;
    }
  }
}
