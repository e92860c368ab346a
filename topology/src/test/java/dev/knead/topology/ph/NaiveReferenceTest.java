package dev.knead.topology.ph;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine against the explicit boundary-matrix reduction on small seeded random clouds. */
class NaiveReferenceTest {

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 30).mapToObj(s -> Arguments.of(s, 2 + s % 4));
  }

  private static double[][] cloud(long seed, int dim) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 12 + rng.nextInt(7);
    double[][] p = new double[n][dim];
    for (double[] row : p) for (int c = 0; c < dim; c++) row[c] = rng.nextDouble();
    return p;
  }

  @ParameterizedTest(name = "seed {0}, dim {1}")
  @MethodSource("seeds")
  void fullFiltrationMatchesNaive(int seed, int dim) {
    double[][] p = cloud(seed, dim);
    var expected = NaiveReduction.bars(p, 2, Double.POSITIVE_INFINITY);
    var actual = Rips.of(p).metric(Metric.EUCLIDEAN_RIPSER).maxDim(2).compute().barcode().bars();
    BarcodeAssert.assertSameBars(expected, actual, 2, 0, "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}, dim {1}")
  @MethodSource("seeds")
  void thresholdedMatchesNaive(int seed, int dim) {
    double[][] p = cloud(1000 + seed, dim);
    double t = 0.25 + 0.1 * dim;
    var expected = NaiveReduction.bars(p, 2, t);
    var actual = Rips.of(p).metric(Metric.EUCLIDEAN_RIPSER).maxDim(2).threshold(t).compute().barcode().bars();
    BarcodeAssert.assertSameBars(expected, actual, 2, 0, "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}, dim {1}")
  @MethodSource("seeds")
  void dimensionThreeMatchesNaiveOnTinyClouds(int seed, int dim) {
    if (seed % 3 != 0) return;
    double[][] p = java.util.Arrays.copyOf(cloud(2000 + seed, dim), 11);
    var expected = NaiveReduction.bars(p, 3, Double.POSITIVE_INFINITY);
    var actual = Rips.of(p).metric(Metric.EUCLIDEAN_RIPSER).maxDim(3).compute().barcode().bars();
    BarcodeAssert.assertSameBars(expected, actual, 3, 0, "seed " + seed);
  }
}
