package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.util.SplittableRandom;

/**
 * A data set cut into a training and a test part, stratified per class.
 *
 * @param train the points a network learns from
 * @param test the held-out points
 */
public record Split(Dataset train, Dataset test) {
  /** @see Datasets#split(Dataset, double, long) */
  public static Split of(Dataset d, double testShare, long seed) {
    if (!(testShare > 0 && testShare < 1)) {
      throw new BadInputException("test share " + testShare + " is outside (0, 1)");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[] inTest = new boolean[d.size()];
    for (int c = 0; c < d.classes(); c++) {
      final int cls = c;
      int[] idx = java.util.stream.IntStream.range(0, d.size()).filter(i -> d.label(i) == cls).toArray();
      for (int i = idx.length - 1; i > 0; i--) { // Fisher–Yates
        int j = rng.nextInt(i + 1);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      int k = (int) Math.min(Math.round(testShare * idx.length), Math.max(0, idx.length - 1));
      for (int i = 0; i < k; i++) {
        inTest[idx[i]] = true;
      }
    }
    int[] test = java.util.stream.IntStream.range(0, d.size()).filter(i -> inTest[i]).toArray();
    int[] train = java.util.stream.IntStream.range(0, d.size()).filter(i -> !inTest[i]).toArray();
    return new Split(d.select(train), d.select(test));
  }

  @Override
  public String toString() {
    return "Split[train " + train.size() + ", test " + test.size() + "]";
  }
}
