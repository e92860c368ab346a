package dev.knead.topology.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two-partner sums that the distance matrix and the Gram matrix use are the one-pair sums, bit for bit. */
class PairedSumsTest {

  @Test
  void twoPartnersGiveTheOnePairBits() {
    final SplittableRandom random = new SplittableRandom(7);
    for (final int d : new int[] {1, 3, 4, 7, 10, 13, 784}) {
      final double[][] p = new double[9][d];
      for (double[] row : p) {
        for (int j = 0; j < d; j++) {
          row[j] = random.nextGaussian() * Math.exp(3 * random.nextGaussian());
        }
      }
      final SquaredDistances all = SquaredDistances.of(p);
      final double[] two = new double[2];
      for (int i = 0; i < p.length; i++) {
        for (int j = 0; j < p.length; j++) {
          final double one = i == j ? 0 : SquaredDistances.squared(p[i], p[j]);
          assertThat(Double.doubleToRawLongBits(all.get(i, j))).isEqualTo(Double.doubleToRawLongBits(one));
          final int k = (j + 1) % p.length;
          SquaredDistances.squaredTwo(p[i], p[j], p[k], two);
          assertThat(two[0]).isEqualTo(SquaredDistances.squared(p[i], p[j]));
          assertThat(two[1]).isEqualTo(SquaredDistances.squared(p[i], p[k]));
          Separability.dotTwo(p[i], p[j], p[k], two);
          assertThat(Double.doubleToRawLongBits(two[0])).isEqualTo(Double.doubleToRawLongBits(Separability.dot(p[i], p[j])));
          assertThat(Double.doubleToRawLongBits(two[1])).isEqualTo(Double.doubleToRawLongBits(Separability.dot(p[i], p[k])));
        }
      }
    }
  }
}
