package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** H0 deaths are exactly the minimum spanning tree's edge lengths (Prim, O(n²)). */
class DimensionZeroTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void deathsAreMinimumSpanningTreeEdges(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 200;
    int d = 1 + seed;
    double[][] p = new double[n][d];
    for (double[] row : p) for (int c = 0; c < d; c++) row[c] = rng.nextDouble();
    DistanceMatrix m = DistanceMatrix.of(p, Metric.EUCLIDEAN);
    double[] best = new double[n];
    boolean[] in = new boolean[n];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    List<Double> mst = new ArrayList<>();
    for (int step = 0; step < n; step++) {
      int x = -1;
      for (int y = 0; y < n; y++) if (!in[y] && (x == -1 || best[y] < best[x])) x = y;
      in[x] = true;
      if (step > 0) mst.add(best[x]);
      for (int y = 0; y < n; y++) if (!in[y]) best[y] = Math.min(best[y], m.get(x, y));
    }
    Barcode b = Rips.of(p).maxDim(0).compute().barcode();
    double[] deaths = b.bars(0).stream().filter(x -> !x.isEssential()).mapToDouble(Bar::death).sorted().toArray();
    double[] expected = mst.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertThat(deaths).containsExactly(expected);
    assertThat(b.bars(0).stream().filter(Bar::isEssential).count()).isEqualTo(1);
  }
}
