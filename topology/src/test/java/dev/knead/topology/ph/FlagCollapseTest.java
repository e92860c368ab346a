package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Oracle: the uncollapsed computation — persistence of the whole hop filtration (or of the
 * whole graph at value 1) read at the scale — must give exactly the collapsed Betti numbers.
 */
class FlagCollapseTest {

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void collapsedCloudsKeepTheirBettiNumbers(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    final int shape = (int) (seed % 5);
    double[][] points = switch (shape) {
      case 0 -> Clouds.circle(120 + rng.nextInt(80), 1, 0, 0, 0.03, rng);
      case 1 -> Clouds.concat(Clouds.circle(90, 1, 0, 0, 0.03, rng), Clouds.circle(90, 1, 3, 0, 0.03, rng));
      case 2 -> Clouds.concat(Clouds.circle(100, 1, -1, 0, 0.02, rng), Clouds.circle(100, 1, 1, 0, 0.02, rng));
      case 3 -> Clouds.torus(11 + rng.nextInt(3), rng);
      default -> uniformSquare(150 + rng.nextInt(100), rng);
    };
    final int k = 4 + rng.nextInt(7);
    final int hops = rng.nextInt(4) == 0 ? 1 : 2;
    final int maxDim = shape == 3 || seed % 7 == 0 ? 2 : 1;
    Barcode full = Rips.of(HopGraph.hopLists(SortedKnn.of(points, k), hops)).maxDim(maxDim).cycles(0).compute().barcode();
    List<Integer> expected = new ArrayList<>();
    for (int d = 0; d <= maxDim; d++) expected.add(full.betti(d, hops));
    assertThat(new HopBetti(k, hops + 0.5, maxDim).measure(points).betti()).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void collapsedRandomGraphsKeepTheirBettiNumbers(long seed) {
    SplittableRandom rng = new SplittableRandom(1000 + seed);
    int[][] g = seed % 2 == 0 ? erdosRenyi(18 + rng.nextInt(14), 0.25 + 0.2 * rng.nextDouble(), rng)
        : geometric(80 + rng.nextInt(60), 0.12 + 0.06 * rng.nextDouble(), rng);
    int[] expected = FlagBetti.ofReduced(g, 2);
    assertThat(FlagBetti.of(g, 2)).containsExactly(expected);
    assertThat(FlagBetti.ofReduced(FlagCollapse.reduce(g, false), 2)).containsExactly(expected);
    assertThat(FlagBetti.of(g, 0)).containsExactly(expected[0]);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void knnSelectsLikeSortingEachRow(long seed) {
    SplittableRandom rng = new SplittableRandom(2000 + seed);
    final int n = 1 + rng.nextInt(seed % 4 == 3 ? 600 : 120);
    final int d = 1 + rng.nextInt(5);
    double[][] p = new double[n][d];
    // integer coordinates in a small range: many exactly tied distances and some duplicates
    for (double[] row : p) for (int c = 0; c < d; c++) row[c] = seed % 2 == 0 ? rng.nextInt(4) : rng.nextDouble();
    final int k = 1 + rng.nextInt(12);
    int[][] fast = HopGraph.knn(p, k);
    int[][] slow = SortedKnn.of(p, k);
    for (int i = 0; i < n; i++) assertThat(fast[i]).as("row %d", i).containsExactly(slow[i]);
  }

  @Test
  void knnOfPointsWithoutCoordinatesTakesLowestIndices() {
    double[][] p = new double[20][0];
    int[][] fast = HopGraph.knn(p, 3);
    int[][] slow = SortedKnn.of(p, 3);
    for (int i = 0; i < p.length; i++) assertThat(fast[i]).containsExactly(slow[i]);
  }

  @Test
  void hopAdjacencyMatchesHopLists() {
    int[][] g = HopGraph.knn(uniformSquare(300, new SplittableRandom(5)), 6);
    for (int hops = 1; hops <= 3; hops++) {
      NeighbourLists l = HopGraph.hopLists(g, hops);
      int[][] a = HopGraph.hopAdjacency(g, hops);
      for (int x = 0; x < g.length; x++) {
        assertThat(a[x]).containsExactly(Arrays.copyOfRange(l.neighbours(), l.start()[x], l.start()[x + 1]));
      }
    }
  }

  @Test
  void aFilledGridDiskCollapsesToAPoint() {
    List<double[]> disk = new ArrayList<>();
    for (int i = -20; i <= 20; i++) for (int j = -20; j <= 20; j++) if (i * i + j * j <= 400) disk.add(new double[] {0.1 * i, 0.1 * j});
    int[][] g = HopGraph.hopAdjacency(HopGraph.knn(disk.toArray(new double[0][]), 14), 2);
    assertThat(FlagCollapse.reduce(g, true)).hasDimensions(1, 0);
  }

  /**
   * Naitzat et al.'s D-I built from its definition: grid step 0.19 on [−10, 10]²; nine disks
   * of radius 1.3 (the origin and eight on the circle of radius 7) are class a; the rest of
   * the square minus a 0.5-wide ring around each disk is class b. Known: (9, 0) and (1, 9).
   */
  @Test
  void naitzatD1HasItsKnownBettiNumbers() {
    List<double[]> a = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    double[][] centres = new double[9][];
    centres[0] = new double[] {0, 0};
    for (int c = 0; c < 8; c++) centres[c + 1] = new double[] {7 * Math.cos(Math.PI * c / 4), 7 * Math.sin(Math.PI * c / 4)};
    final int steps = (int) Math.floor(20 / 0.19 + 1e-9);
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j <= steps; j++) {
        final double x = -10 + j * 0.19;
        final double y = -10 + i * 0.19;
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] c : centres) nearest = Math.min(nearest, Math.hypot(x - c[0], y - c[1]));
        if (nearest <= 1.3) a.add(new double[] {x, y});
        else if (nearest > 1.8) b.add(new double[] {x, y});
      }
    }
    HopBetti h = new HopBetti(14, 2.5, 1);
    assertThat(h.measure(a.toArray(new double[0][])).betti()).containsExactly(9, 0);
    assertThat(h.measure(b.toArray(new double[0][])).betti()).containsExactly(1, 9);
  }

  private static double[][] uniformSquare(int n, SplittableRandom rng) {
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) p[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
    return p;
  }

  private static int[][] erdosRenyi(int n, double p, SplittableRandom rng) {
    boolean[][] adj = new boolean[n][n];
    for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (rng.nextDouble() < p) adj[i][j] = adj[j][i] = true;
    return rows(adj);
  }

  private static int[][] geometric(int n, double r, SplittableRandom rng) {
    double[][] p = uniformSquare(n, rng);
    boolean[][] adj = new boolean[n][n];
    for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]) <= r) adj[i][j] = adj[j][i] = true;
    return rows(adj);
  }

  private static int[][] rows(boolean[][] adj) {
    int[][] g = new int[adj.length][];
    for (int i = 0; i < adj.length; i++) {
      final int row = i;
      g[i] = java.util.stream.IntStream.range(0, adj.length).filter(j -> adj[row][j]).toArray();
    }
    return g;
  }
}
