package dev.knead.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.data.Points;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** t-SNE against its published properties and brute-force references; pure Java, runs everywhere. */
class TsneTest {

  /** k Gaussian clusters of m points in d dimensions, centres 20 apart on the axes, unit spread. */
  static double[] clusters(int k, int m, int d, long seed, int[] labels) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[k * m * d];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < m; i++) {
        int p = c * m + i;
        labels[p] = c;
        for (int j = 0; j < d; j++) {
          x[p * d + j] = ProjectionTest.gauss(r) + (j == c ? 20 : 0);
        }
      }
    }
    return x;
  }

  static double[] cloud(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = ProjectionTest.gauss(r) * (1 + (i % d));
    }
    return x;
  }

  /** Brute force: σ_i by bisection on log σ, entropy as −Σ p log p, exp of the raw distances. */
  static double[] bruteConditional(double[] x, int n, int d, double perplexity) {
    double[] p = new double[n * n];
    for (int i = 0; i < n; i++) {
      double lo = Math.log(1e-3);
      double hi = Math.log(1e3);
      double[] row = new double[n];
      for (int step = 0; step < 300; step++) {
        double mid = (lo + hi) / 2;
        double sigma = Math.exp(mid);
        double h = 0;
        double sum = 0;
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int k = 0; k < d; k++) {
            s += (x[i * d + k] - x[j * d + k]) * (x[i * d + k] - x[j * d + k]);
          }
          row[j] = j == i ? 0 : Math.exp(-s / (2 * sigma * sigma));
          sum += row[j];
        }
        for (int j = 0; j < n; j++) {
          row[j] /= sum;
          if (row[j] > 0) {
            h -= row[j] * Math.log(row[j]);
          }
        }
        if (h > Math.log(perplexity)) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      System.arraycopy(row, 0, p, i * n, n);
    }
    return p;
  }

  /** KL(P ‖ Q) straight from the definitions. */
  static double bruteKl(double[] p, double[] y, int n, int dims) {
    double[] q = new double[n * n];
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double s = 0;
          for (int k = 0; k < dims; k++) {
            s += Math.pow(y[i * dims + k] - y[j * dims + k], 2);
          }
          q[i * n + j] = 1 / (1 + s);
          z += q[i * n + j];
        }
      }
    }
    double kl = 0;
    for (int i = 0; i < n * n; i++) {
      if (p[i] > 0) {
        kl += p[i] * Math.log(p[i] / (q[i] / z));
      }
    }
    return kl;
  }

  static double knnAccuracy(double[] y, int n, int dims, int[] labels, int k) {
    int right = 0;
    for (int i = 0; i < n; i++) {
      Integer[] order = new Integer[n];
      double[] dist = new double[n];
      for (int j = 0; j < n; j++) {
        order[j] = j;
        for (int c = 0; c < dims; c++) {
          dist[j] += Math.pow(y[i * dims + c] - y[j * dims + c], 2);
        }
      }
      Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
      int[] votes = new int[labels.length];
      for (int t = 1; t <= k; t++) {
        votes[labels[order[t]]]++;
      }
      int best = 0;
      for (int c = 0; c < votes.length; c++) {
        if (votes[c] > votes[best]) {
          best = c;
        }
      }
      right += best == labels[i] ? 1 : 0;
    }
    return right / (double) n;
  }

  @Test
  void everyRowIsADistributionWithTheAskedPerplexity() {
    int n = 120;
    int d = 7;
    double[] x = cloud(n, d, 3);
    for (double perplexity : new double[] {5, 30, 60}) {
      double[] p = Tsne.conditional(Tsne.squaredDistances(x, n, d), n, perplexity);
      for (int i = 0; i < n; i++) {
        double sum = 0;
        double h = 0;
        for (int j = 0; j < n; j++) {
          double v = p[i * n + j];
          sum += v;
          if (v > 0) {
            h -= v * Math.log(v);
          }
        }
        assertThat(p[i * n + i]).isZero();
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(h).as("row %d entropy at perplexity %s", i, perplexity).isCloseTo(Math.log(perplexity), within(1e-8));
      }
    }
  }

  @Test
  void conditionalAffinitiesMatchABruteForceSearchOnSigma() {
    int n = 80;
    int d = 5;
    double[] x = cloud(n, d, 11);
    double[] mine = Tsne.conditional(Tsne.squaredDistances(x, n, d), n, 20);
    double[] brute = bruteConditional(x, n, d, 20);
    double worst = 0;
    for (int i = 0; i < mine.length; i++) {
      worst = Math.max(worst, Math.abs(mine[i] - brute[i]));
    }
    assertThat(worst).isLessThan(1e-6);
  }

  @Test
  void jointAffinitiesAreSymmetricAndSumToOne() {
    int n = 60;
    double[] p = Tsne.affinities(cloud(n, 4, 5), n, 4, 15);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(p[i * n + j]).isEqualTo(p[j * n + i]);
        sum += p[i * n + j];
      }
    }
    assertThat(sum).isCloseTo(1, within(1e-12));
  }

  @Test
  void klAndGradientMatchTheDefinitionAndFiniteDifferences() {
    int n = 30;
    int dims = 2;
    double[] p = Tsne.affinities(cloud(n, 6, 8), n, 6, 8);
    double[] y = cloud(n, dims, 9);
    assertThat(Tsne.kl(p, y, n, dims)).isCloseTo(bruteKl(p, y, n, dims), within(1e-12));
    double[] grad = new double[n * dims];
    Tsne.gradient(p, y, n, dims, 1, grad, false);
    double[] grad3 = new double[n * 3];
    double[] y3 = cloud(n, 3, 10);
    Tsne.gradient(p, y3, n, 3, 1, grad3, false);
    assertThat(Tsne.kl(p, y3, n, 3)).isCloseTo(bruteKl(p, y3, n, 3), within(1e-12));
    double h = 1e-6;
    for (int i = 0; i < n * dims; i++) {
      double[] up = y.clone();
      double[] down = y.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (bruteKl(p, up, n, dims) - bruteKl(p, down, n, dims)) / (2 * h);
      assertThat(grad[i]).as("coordinate %d", i).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
    }
  }

  @Test
  void separatedGaussianClustersStaySeparatedAndKlFalls() {
    int k = 4;
    int m = 40;
    int d = 10;
    int[] labels = new int[k * m];
    double[] x = clusters(k, m, d, 21, labels);
    int n = k * m;
    Tsne.Options o = Tsne.Options.DEFAULT.withIterations(500, 125);
    Tsne.Result r = Tsne.embed(Tsne.affinities(x, n, d, o.perplexity()), n, Tsne.randomStart(n, 2, 4), o);
    assertThat(knnAccuracy(r.y(), n, 2, labels, 5)).isEqualTo(1.0);
    double[] kl = r.kl();
    // after the exaggerated steps (the record at 150 onwards) KL falls, and ends below the start
    int after = 150 / Tsne.KL_EVERY;
    assertThat(r.finalKl()).isLessThan(kl[after]).isLessThan(0.5 * kl[0]);
    for (int i = after + 1; i < kl.length; i++) {
      assertThat(kl[i]).isLessThanOrEqualTo(kl[i - 1] + 1e-3);
    }
  }

  @Test
  void theSameSeedGivesTheSameBits() {
    int n = 50;
    double[] x = cloud(n, 5, 2);
    Tsne.Options o = Tsne.Options.DEFAULT.withPerplexity(10).withIterations(200, 50);
    double[] p = Tsne.affinities(x, n, 5, 10);
    Tsne.Result a = Tsne.embed(p, n, Tsne.randomStart(n, 2, 7), o);
    Tsne.Result b = Tsne.embed(p, n, Tsne.randomStart(n, 2, 7), o);
    Tsne.Result c = Tsne.embed(p, n, Tsne.randomStart(n, 2, 8), o);
    assertThat(a.y()).isEqualTo(b.y());
    assertThat(a.y()).isNotEqualTo(c.y());
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> Tsne.Options.DEFAULT.withPerplexity(0)).hasMessageContaining("perplexity");
    assertThatThrownBy(() -> Tsne.conditional(new double[16], 4, 4)).hasMessageContaining("below the number of points");
    assertThatThrownBy(() -> Tsne.Options.DEFAULT.withIterations(100, 200)).hasMessageContaining("exaggerated");
  }

  @Test
  void subsampleIsCappedSortedDistinctAndSeeded() {
    int[] a = StageLayouts.subsample(5000, 2000, 16);
    assertThat(a).hasSize(2000).isSorted().doesNotHaveDuplicates();
    assertThat(a[a.length - 1]).isLessThan(5000);
    assertThat(StageLayouts.subsample(5000, 2000, 16)).isEqualTo(a);
    assertThat(StageLayouts.subsample(5000, 2000, 17)).isNotEqualTo(a);
    assertThat(StageLayouts.subsample(300, 2000, 16)).hasSize(300).startsWith(0, 1, 2);
  }

  @Test
  void procrustesTurnsAReflectedRotatedCopyBack() {
    int n = 40;
    double[] y = cloud(n, 2, 1);
    double[] turned = new double[n * 2];
    double c = Math.cos(1.1);
    double s = Math.sin(1.1);
    for (int i = 0; i < n; i++) { // rotate, reflect, shift
      turned[i * 2] = c * y[i * 2] - s * y[i * 2 + 1] + 3;
      turned[i * 2 + 1] = -(s * y[i * 2] + c * y[i * 2 + 1]) - 2;
    }
    StageLayouts.turnOnto(turned, y, n, 2);
    for (int i = 0; i < 2 * n; i++) {
      assertThat(turned[i]).isCloseTo(y[i], within(1e-9));
    }
  }

  @Test
  void stageLayoutsKeepClustersAtEveryStageAndStartEachFromThePrevious() {
    int k = 3;
    int m = 30;
    int d = 6;
    int[] labels = new int[k * m];
    int n = k * m;
    double[] x = clusters(k, m, d, 5, labels);
    // stage 2: the same points scaled by 3 (same neighbours; t-SNE's P changes only through σ)
    double[] x3 = Arrays.stream(x).map(v -> 3 * v).toArray();
    Tsne.Options o = Tsne.Options.DEFAULT.withPerplexity(10);
    StageLayouts l = StageLayouts.of(List.of(Points.of(n, d, x), Points.of(n, d, x3)), o, 2000, 1);
    assertThat(l.size()).isEqualTo(2);
    assertThat(l.n()).isEqualTo(n);
    // a fresh embedding of the same P from random starts: starting from the previous stage costs no quality
    double[] p = Tsne.affinities(x3, n, d, 10);
    double fresh = Double.POSITIVE_INFINITY;
    for (long seed = 0; seed < 3; seed++) {
      fresh = Math.min(fresh, Tsne.embed(p, n, Tsne.randomStart(n, 2, seed), o).finalKl());
    }
    for (int s = 0; s < 2; s++) {
      assertThat(knnAccuracy(l.layout(s), n, 2, labels, 5)).isEqualTo(1.0);
      assertThat(l.kl(s)).isLessThan(1.1 * fresh);
    }
    assertThat(Tsne.kl(p, l.layout(1), n, 2)).isCloseTo(l.kl(1), within(1e-9));
    // capped: a subsample of the stated size, the same points at each stage
    StageLayouts small = StageLayouts.of(List.of(Points.of(n, d, x)), o, 40, 1);
    assertThat(small.indices()).isEqualTo(StageLayouts.subsample(n, 40, 1));
    assertThat(small.layout(0)).hasSize(80);
    assertThat(small.perplexity()).isEqualTo(10);
    // too few points for the asked perplexity: a third of them, and said so
    StageLayouts tiny = StageLayouts.of(List.of(Points.of(n, d, x)), o.withPerplexity(30), 25, 1);
    assertThat(tiny.perplexity()).isEqualTo(8);
  }
}
