package dev.knead.core.train;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Points;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small labelled clouds made here, so training tests do not depend on the generators. */
final class Fixtures {
  private Fixtures() {}

  /** Disk (class 0, r &lt; 1/3) inside a ring (class 1, 2/3 &lt; r &lt; 1), uniform in area. */
  static Dataset diskInRing(int perClass, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] xy = new double[4 * perClass];
    int[] y = new int[2 * perClass];
    for (int i = 0; i < 2 * perClass; i++) {
      boolean disk = i < perClass;
      double lo = disk ? 0 : 2.0 / 3;
      double hi = disk ? 1.0 / 3 : 1;
      double r = Math.sqrt(rng.nextDouble(lo * lo, hi * hi));
      double a = rng.nextDouble(0, 2 * Math.PI);
      xy[2 * i] = r * Math.cos(a);
      xy[2 * i + 1] = r * Math.sin(a);
      y[i] = disk ? 0 : 1;
    }
    return new Dataset("disk-in-ring", Map.of(), Points.of(2 * perClass, 2, xy), y, List.of("disk", "ring"), GroundTruth.unknown());
  }

  /** n random points in d dimensions with k random labels. */
  static Dataset random(int n, int d, int k, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = rng.doubles((long) n * d, -1, 1).toArray();
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < k ? i : rng.nextInt(k);
    }
    List<String> names = java.util.stream.IntStream.range(0, k).mapToObj(c -> "c" + c).toList();
    return new Dataset("random", Map.of(), Points.of(n, d, x), y, names, GroundTruth.unknown());
  }

  static Dataset empty(int d, int k) {
    List<String> names = java.util.stream.IntStream.range(0, k).mapToObj(c -> "c" + c).toList();
    return new Dataset("empty", Map.of(), Points.of(0, d, new double[0]), new int[0], names, GroundTruth.unknown());
  }
}
