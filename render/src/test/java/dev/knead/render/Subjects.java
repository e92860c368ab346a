package dev.knead.render;

import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import dev.knead.core.trace.Tracer;
import java.util.List;
import java.util.SplittableRandom;

/** Small hand-made subjects for figure tests: fixed weights, seeded points. */
public final class Subjects {
  private Subjects() {}

  /** A 2-3-2 tanh network with fixed weights. */
  public static Network net232() {
    Layer hidden = new Layer(Matrix.of(new double[][] {{1.5, 0.3}, {-0.4, 1.2}, {0.8, -1.1}}), new double[] {0.1, -0.2, 0.3},
        Activation.TANH);
    Layer out = new Layer(Matrix.of(new double[][] {{1.0, -0.5, 0.7}, {-0.8, 0.6, -0.4}}), new double[] {0.05, -0.05},
        Activation.IDENTITY);
    return new Network(List.of(hidden, out));
  }

  /** A 2-2-2 tanh network with fixed weights (every stage 2-D). */
  public static Network net222() {
    Layer hidden = new Layer(Matrix.of(new double[][] {{1.2, 0.5}, {-0.3, 0.9}}), new double[] {0.1, -0.1}, Activation.TANH);
    Layer out = new Layer(Matrix.of(new double[][] {{1.1, -0.7}, {-0.6, 0.8}}), new double[] {0.0, 0.1}, Activation.IDENTITY);
    return new Network(List.of(hidden, out));
  }

  /** Two well-separated blobs of n/2 points each: class 0 around (−1, −1), class 1 around (1, 1). */
  public static Points blobs(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] xy = new double[n * 2];
    for (int i = 0; i < n; i++) {
      double c = i < n / 2 ? -1 : 1;
      xy[i * 2] = c + 0.15 * (r.nextDouble() - 0.5);
      xy[i * 2 + 1] = c + 0.15 * (r.nextDouble() - 0.5);
    }
    return Points.of(n, 2, xy);
  }

  public static int[] blobLabels(int n) {
    int[] y = new int[n];
    for (int i = n / 2; i < n; i++) {
      y[i] = 1;
    }
    return y;
  }

  public static Subject subject(Network net, int n) {
    return new Subject(Tracer.trace(net, blobs(n, 3), blobLabels(n)), List.of("left <low>", "right & high"),
        net.describe() + " on blobs");
  }
}
