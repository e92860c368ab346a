package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ProbeAndKnnTest {

  @Test
  void probeReadsSeparableBlobsPerfectlyAndIsDeterministic() {
    final int[] y = new int[200];
    final double[][] p = SeparabilityTest.gaussians(100, 6, 11, y);
    final LinearProbe.Result a = LinearProbe.fit(p, y);
    assertThat(a.accuracy()).isEqualTo(1.0);
    assertThat(LinearProbe.fit(p, y)).isEqualTo(a);
  }

  @Test
  void probeCannotReadXor() {
    final double[][] p = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
    assertThat(LinearProbe.accuracy(p, new int[] {0, 0, 1, 1})).isLessThanOrEqualTo(0.75);
  }

  @Test
  void probeHandlesThreeClasses() {
    final double[][] p = {{0, 0}, {0.1, 0}, {5, 0}, {5.1, 0}, {0, 5}, {0, 5.1}};
    assertThat(LinearProbe.accuracy(p, new int[] {0, 0, 1, 1, 2, 2})).isEqualTo(1.0);
  }

  @Test
  void knnOnBlobsAndOnAHandExample() {
    final int[] y = new int[100];
    final double[][] p = SeparabilityTest.gaussians(50, 8, 2, y);
    assertThat(KnnAccuracy.leaveOneOut(p, y, 3)).isEqualTo(1.0);
    // point 2 is equally near 1 and 3: the tie goes to the lower index, label 0, so it is wrong
    final double[][] q = {{0}, {1}, {2}, {3}};
    assertThat(KnnAccuracy.leaveOneOut(q, new int[] {0, 0, 1, 1}, 1)).isEqualTo(0.75);
  }

  @Test
  void blockedProbeMatchesTheRowByRowPassUpToRounding() {
    // The probe's pass reads rows in blocks of four; this is the plain row-by-row Nesterov probe,
    // written independently. Row counts not divisible by four exercise the tail; noisy overlapping
    // classes keep the fit running for many steps, so differences of order would accumulate.
    final SplittableRandom random = new SplittableRandom(16);
    for (final int[] shape : new int[][] {{203, 40, 3}, {98, 130, 10}, {401, 9, 5}}) {
      final int n = shape[0];
      final int d = shape[1];
      final int k = shape[2];
      final double[][] points = new double[n][d];
      final int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = 7 * random.nextInt(k);
        for (int j = 0; j < d; j++) {
          points[i][j] = random.nextGaussian() + (j % k == labels[i] / 7 ? 0.6 : 0);
        }
      }
      final LinearProbe.Result blocked = LinearProbe.fit(points, labels);
      final double[] rowByRow = rowByRow(points, labels, LinearProbe.STEPS);
      assertThat(blocked.steps()).isEqualTo((int) rowByRow[2]);
      assertThat(blocked.accuracy()).isEqualTo(rowByRow[0]);
      assertThat(blocked.loss()).isCloseTo(rowByRow[1], Offset.offset(1e-12));
      assertThat(blocked.steps()).isGreaterThan(LinearProbe.WINDOW);
    }
  }

  /** {accuracy, loss, steps} of the probe with one row at a time and sums in index order. */
  private static double[] rowByRow(double[][] points, int[] labels, int steps) {
    final int n = points.length;
    final int d = points[0].length;
    final int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
    final int k = classes.length;
    final int e = d + 1;
    final double[][] x = new double[n][e];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] point : points) {
        mean += point[j];
      }
      mean /= n;
      double var = 0;
      for (double[] point : points) {
        var += (point[j] - mean) * (point[j] - mean);
      }
      final double sd = Math.sqrt(var / n);
      for (int i = 0; i < n; i++) {
        x[i][j] = sd > 0 ? (points[i][j] - mean) / sd : 0;
      }
    }
    double maxNorm = 0;
    for (double[] row : x) {
      row[d] = 1;
      double s = 0;
      for (double v : row) {
        s += v * v;
      }
      maxNorm = Math.max(maxNorm, s);
    }
    final double step = 2 / (maxNorm + 2 * LinearProbe.L2);
    double[][] w = new double[k][e];
    double[][] prev = new double[k][e];
    final double[] history = new double[steps];
    int taken = 0;
    for (int t = 0; t < steps; t++) {
      final double m = t / (t + 3.0);
      final double[][] look = new double[k][e];
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < e; j++) {
          look[c][j] = w[c][j] + m * (w[c][j] - prev[c][j]);
        }
      }
      final double[][] grad = new double[k][e];
      double loss = 0;
      for (int i = 0; i < n; i++) {
        final double[] q = probabilities(look, x[i]);
        final int yi = Arrays.binarySearch(classes, labels[i]);
        loss -= Math.log(Math.max(q[yi], Double.MIN_NORMAL));
        q[yi] -= 1;
        for (int c = 0; c < k; c++) {
          for (int j = 0; j < e; j++) {
            grad[c][j] += q[c] * x[i][j];
          }
        }
      }
      history[t] = loss / n;
      prev = w;
      w = new double[k][e];
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < e; j++) {
          w[c][j] = look[c][j] - step * (grad[c][j] / n + (j < d ? LinearProbe.L2 * look[c][j] : 0));
        }
      }
      taken = t + 1;
      if (t >= LinearProbe.WINDOW
          && history[t - LinearProbe.WINDOW] - history[t]
              < LinearProbe.TOLERANCE * history[t - LinearProbe.WINDOW]) {
        break;
      }
    }
    int correct = 0;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      final double[] q = probabilities(w, x[i]);
      final int yi = Arrays.binarySearch(classes, labels[i]);
      int best = 0;
      for (int c = 1; c < k; c++) {
        best = q[c] > q[best] ? c : best;
      }
      correct += best == yi ? 1 : 0;
      loss -= Math.log(Math.max(q[yi], Double.MIN_NORMAL));
    }
    return new double[] {correct / (double) n, loss / n, taken};
  }

  private static double[] probabilities(double[][] w, double[] x) {
    final double[] q = new double[w.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < w.length; c++) {
      for (int j = 0; j < x.length; j++) {
        q[c] += w[c][j] * x[j];
      }
      max = Math.max(max, q[c]);
    }
    double sum = 0;
    for (int c = 0; c < w.length; c++) {
      q[c] = Math.exp(q[c] - max);
      sum += q[c];
    }
    for (int c = 0; c < w.length; c++) {
      q[c] /= sum;
    }
    return q;
  }
}
