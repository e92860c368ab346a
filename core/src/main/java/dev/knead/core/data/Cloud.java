package dev.knead.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Collects labelled points while a generator runs, then adds the common noise and scale once,
 * so every generator treats {@code noise} and {@code scale} the same way.
 */
final class Cloud {
  private final int d;
  private double[] coords;
  private int[] labels;
  private int n;
  private double shapeFactor = 1;

  Cloud(int d, int expected) {
    this.d = d;
    this.coords = new double[Math.max(1, expected) * d];
    this.labels = new int[Math.max(1, expected)];
  }

  /** Appends one point (the first d values of {@code x}) with its class. */
  void add(int label, double... x) {
    if (n == labels.length) {
      labels = Arrays.copyOf(labels, 2 * n);
      coords = Arrays.copyOf(coords, 2 * n * d);
    }
    System.arraycopy(x, 0, coords, n * d, d);
    labels[n++] = label;
  }

  int size() {
    return n;
  }

  /**
   * Multiplies the exact shape (points and core curves) by s before noise is added: for data
   * sets defined as "max-abs scaled", so the scaling does not depend on the noise drawn.
   */
  Cloud normalise(double s) {
    shapeFactor = s;
    return this;
  }

  /**
   * Applies {@link #normalise}, adds N(0, noise²) to every coordinate, multiplies every coordinate (and every curve) by
   * {@code scale}, and builds the data set. Noise is drawn after all shapes, from the same
   * stream, so noise = 0 and noise &gt; 0 sample the same underlying shape.
   */
  Dataset build(
      String name,
      ParamValues params,
      List<String> classNames,
      GroundTruth truth,
      SplittableRandom rng) {
    double noise = params.get("noise");
    double scale = params.get("scale");
    double[] a = Arrays.copyOf(coords, n * d);
    for (int k = 0; k < a.length; k++) {
      double e = noise > 0 ? noise * Sampling.gaussian(rng) : 0;
      a[k] = (a[k] * shapeFactor + e) * scale;
    }
    List<Curve> curves = new ArrayList<>();
    for (Curve c : truth.coreCurves()) {
      double[] v = c.vertices().toArray();
      for (int k = 0; k < v.length; k++) {
        v[k] *= shapeFactor * scale;
      }
      curves.add(new Curve(c.classIndex(), Points.of(c.vertices().n(), c.vertices().d(), v), c.closed()));
    }
    GroundTruth scaled =
        new GroundTruth(truth.betti(), truth.manifoldDims(), truth.enclosed(), truth.linkingNumber(), curves);
    Map<String, Double> p = params.all();
    return new Dataset(name, p, Points.of(n, d, a), Arrays.copyOf(labels, n), classNames, scaled);
  }
}
