package dev.knead.core.trace;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * t-distributed stochastic neighbour embedding (van der Maaten &amp; Hinton 2008), exact: every pair
 * of points is weighed, O(n²) memory and time per iteration, which is why callers cap n (see
 * {@link StageLayouts}). The math only — the calibrated affinities, the gradient, the KL
 * divergence and the optimiser — on flat row-major {@code double[]}; no threads, so a seed gives
 * the same bits everywhere.
 *
 * <p>The optimiser is the paper's (gradient descent with momentum 0.5 then 0.8, per-coordinate
 * gains of Jacobs 1988, early exaggeration of P), with the learning rate of Belkina et al. 2019
 * (n / exaggeration / 4, at least 50), as scikit-learn runs it.
 */
public final class Tsne {
  /** Stop a row's perplexity search when |H − log perplexity| is below this (nats). */
  static final double ENTROPY_TOLERANCE = 1e-10;
  /** The most bisection steps per row. */
  static final int SEARCH_STEPS = 200;
  /** Smallest gain of a coordinate. */
  static final double MIN_GAIN = 0.01;
  /** How often (iterations) the KL divergence is recorded. */
  public static final int KL_EVERY = 50;

  private Tsne() {}

  /**
   * The settings of one embedding.
   *
   * @param perplexity the effective number of neighbours each point's Gaussian covers (5 … 50 in
   *     the paper; must be below n)
   * @param iterations gradient steps in all, early exaggeration included
   * @param exaggeration the factor P is multiplied by during the first {@code exaggerated} steps
   * @param exaggerated steps with exaggerated P (and momentum 0.5)
   * @param learningRate the step size; NaN = max(n / exaggeration / 4, 50)
   * @param dims the embedding's dimension (2 or 3)
   */
  public record Options(double perplexity, int iterations, double exaggeration, int exaggerated, double learningRate,
      int dims) {
    public static final Options DEFAULT = new Options(30, 1000, 12, 250, Double.NaN, 2);

    public Options {
      if (!(perplexity >= 1 && perplexity <= 1000)) {
        throw new IllegalArgumentException("perplexity " + perplexity + " is outside 1 … 1000");
      }
      if (iterations < 1 || iterations > 100_000) {
        throw new IllegalArgumentException("iterations " + iterations + " is outside 1 … 100000");
      }
      if (!(exaggeration >= 1 && exaggeration <= 100)) {
        throw new IllegalArgumentException("early exaggeration " + exaggeration + " is outside 1 … 100");
      }
      if (exaggerated < 0 || exaggerated > iterations) {
        throw new IllegalArgumentException("exaggerated steps " + exaggerated + " is outside 0 … " + iterations);
      }
      if (!(Double.isNaN(learningRate) || learningRate > 0 && Double.isFinite(learningRate))) {
        throw new IllegalArgumentException("learning rate " + learningRate + " must be positive (or NaN for automatic)");
      }
      if (dims < 1 || dims > 3) {
        throw new IllegalArgumentException("embedding dimension " + dims + " is outside 1 … 3");
      }
    }

    public Options withPerplexity(double p) {
      return new Options(p, iterations, exaggeration, exaggerated, learningRate, dims);
    }

    public Options withIterations(int it, int exag) {
      return new Options(perplexity, it, exaggeration, exag, learningRate, dims);
    }

    /** @return the learning rate used for n points */
    public double rate(int n) {
      return Double.isNaN(learningRate) ? Math.max(n / exaggeration / 4, 50) : learningRate;
    }
  }

  /**
   * An embedding and how it got there.
   *
   * @param y n × dims row-major
   * @param kl the KL divergence KL(P ‖ Q) (of the plain, not exaggerated, P) after iteration
   *     0, {@link #KL_EVERY}, 2 · KL_EVERY, … and after the last
   */
  public record Result(double[] y, int n, int dims, double[] kl) {
    public Result {
      y = y.clone();
      kl = kl.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    @Override
    public double[] kl() {
      return kl.clone();
    }

    /** @return the final KL divergence */
    public double finalKl() {
      return kl[kl.length - 1];
    }
  }

  /** @return n × n squared Euclidean distances of n points of dimension d */
  public static double[] squaredDistances(double[] x, int n, int d) {
    double[] out = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          double t = x[i * d + k] - x[j * d + k];
          s += t * t;
        }
        out[i * n + j] = s;
        out[j * n + i] = s;
      }
    }
    return out;
  }

  /**
   * The conditional affinities p(j | i) ∝ exp(−β_i ‖x_i − x_j‖²), p(i | i) = 0, each row's β_i
   * found by bisection so that the row's entropy (nats) is log(perplexity).
   *
   * @param dist n × n squared distances
   * @return n × n row-major, every row summing to 1
   */
  public static double[] conditional(double[] dist, int n, double perplexity) {
    if (!(perplexity < n)) {
      throw new IllegalArgumentException("perplexity " + perplexity + " must be below the number of points " + n);
    }
    double target = Math.log(perplexity);
    double[] p = new double[n * n];
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      // distances relative to the nearest neighbour: the same row after normalising, without underflow
      double near = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          near = Math.min(near, dist[i * n + j]);
        }
      }
      double beta = 1;
      double lo = 0;
      double hi = Double.POSITIVE_INFINITY;
      for (int step = 0; step < SEARCH_STEPS; step++) {
        double h = rowEntropy(dist, n, i, near, beta, row);
        double gap = h - target;
        if (Math.abs(gap) < ENTROPY_TOLERANCE) {
          break;
        }
        if (gap > 0) { // too flat: narrow the Gaussian
          lo = beta;
          beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
        } else {
          hi = beta;
          beta = (beta + lo) / 2;
        }
      }
      rowEntropy(dist, n, i, near, beta, row);
      System.arraycopy(row, 0, p, i * n, n);
    }
    return p;
  }

  /** Fills row with p(· | i) for β and returns its entropy in nats. */
  private static double rowEntropy(double[] dist, int n, int i, double near, double beta, double[] row) {
    double sum = 0;
    for (int j = 0; j < n; j++) {
      double v = j == i ? 0 : Math.exp(-beta * (dist[i * n + j] - near));
      row[j] = v;
      sum += v;
    }
    // H = log Σ + β Σ p d' with d' the shifted distances
    double mean = 0;
    for (int j = 0; j < n; j++) {
      row[j] /= sum;
      if (j != i) {
        mean += row[j] * (dist[i * n + j] - near);
      }
    }
    return Math.log(sum) + beta * mean;
  }

  /** @return the joint affinities p_ij = (p(j | i) + p(i | j)) / 2n, n × n, summing to 1 */
  public static double[] joint(double[] conditional, int n) {
    double[] p = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        p[i * n + j] = (conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n);
      }
    }
    return p;
  }

  /** @return the joint affinities of n points of dimension d at the given perplexity */
  public static double[] affinities(double[] x, int n, int d, double perplexity) {
    return joint(conditional(squaredDistances(x, n, d), n, perplexity), n);
  }

  /**
   * One pass over all pairs: the gradient of KL(αP ‖ Q) with respect to y (written into grad) and
   * the cross entropy −Σ p log q of the plain P (returned when {@code withKl}, else NaN; KL(P ‖ Q)
   * is that plus {@link #plogp}).
   *
   * @param p joint affinities, n × n
   * @param alpha the exaggeration (1 = none)
   */
  public static double gradient(double[] p, double[] y, int n, int dims, double alpha, double[] grad, boolean withKl) {
    // ∂C/∂y_i = 4 Σ_j (α p_ij − w_ij / Z) w_ij (y_i − y_j), w_ij = 1 / (1 + ‖y_i − y_j‖²), Z = Σ_{k≠l} w_kl,
    // gathered as 4 (α A_i − B_i / Z) with A_i = Σ p w (y_i − y_j), B_i = Σ w² (y_i − y_j)
    double[] a = new double[n * dims];
    double[] b = new double[n * dims];
    double z = 0;
    double plogw = 0;
    if (dims == 2) {
      double[] zl = new double[2];
      pairs2(p, y, n, a, b, zl, withKl);
      z = zl[0];
      plogw = zl[1];
    } else {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int k = 0; k < dims; k++) {
          double t = y[i * dims + k] - y[j * dims + k];
          s += t * t;
        }
        double w = 1 / (1 + s);
        double pij = p[i * n + j];
        z += 2 * w;
        if (withKl && pij > 0) {
          plogw += 2 * pij * Math.log(w);
        }
        double pw = pij * w;
        double ww = w * w;
        for (int k = 0; k < dims; k++) {
          double t = y[i * dims + k] - y[j * dims + k];
          a[i * dims + k] += pw * t;
          a[j * dims + k] -= pw * t;
          b[i * dims + k] += ww * t;
          b[j * dims + k] -= ww * t;
        }
      }
    }
    }
    for (int i = 0; i < n * dims; i++) {
      grad[i] = 4 * (alpha * a[i] - b[i] / z);
    }
    // the cross entropy −Σ p log q, with log q_ij = log w_ij − log Z and Σ p = 1
    return withKl ? -plogw + Math.log(z) : Double.NaN;
  }

  /** @return Σ p log p over the pairs with p &gt; 0 (KL = this + the cross entropy) */
  static double plogp(double[] p) {
    double s = 0;
    for (double v : p) {
      if (v > 0) {
        s += v * Math.log(v);
      }
    }
    return s;
  }

  /** The pair loop for a plane embedding, row i's sums kept in registers (the common case, ~2× faster). */
  private static void pairs2(double[] p, double[] y, int n, double[] a, double[] b, double[] zl, boolean withKl) {
    double z = 0;
    double plogw = 0;
    for (int i = 0; i < n; i++) {
      double yi0 = y[2 * i];
      double yi1 = y[2 * i + 1];
      double a0 = 0;
      double a1 = 0;
      double b0 = 0;
      double b1 = 0;
      double zi = 0;
      int row = i * n;
      for (int j = i + 1; j < n; j++) {
        double t0 = yi0 - y[2 * j];
        double t1 = yi1 - y[2 * j + 1];
        double w = 1 / (1 + t0 * t0 + t1 * t1);
        double pij = p[row + j];
        zi += w;
        if (withKl && pij > 0) {
          plogw += pij * Math.log(w);
        }
        double pw = pij * w;
        double ww = w * w;
        a0 += pw * t0;
        a1 += pw * t1;
        b0 += ww * t0;
        b1 += ww * t1;
        a[2 * j] -= pw * t0;
        a[2 * j + 1] -= pw * t1;
        b[2 * j] -= ww * t0;
        b[2 * j + 1] -= ww * t1;
      }
      a[2 * i] += a0;
      a[2 * i + 1] += a1;
      b[2 * i] += b0;
      b[2 * i + 1] += b1;
      z += 2 * zi;
    }
    zl[0] = z;
    zl[1] = 2 * plogw;
  }

  /** @return KL(P ‖ Q) of the embedding y */
  public static double kl(double[] p, double[] y, int n, int dims) {
    return plogp(p) + gradient(p, y, n, dims, 1, new double[n * dims], true);
  }

  /**
   * Embeds n points given their joint affinities, starting from {@code init}.
   *
   * @param p joint affinities, n × n ({@link #affinities})
   * @param init n × dims start (e.g. a small PCA or the previous stage's layout)
   */
  public static Result embed(double[] p, int n, double[] init, Options o) {
    int dims = o.dims();
    if (init.length != n * dims) {
      throw new IllegalArgumentException("the start has " + init.length + " numbers, not " + n + " × " + dims);
    }
    double[] y = init.clone();
    double[] grad = new double[n * dims];
    double[] update = new double[n * dims];
    double[] gains = new double[n * dims];
    Arrays.fill(gains, 1);
    double rate = o.rate(n);
    double entropy = plogp(p);
    double[] kl = new double[o.iterations() / KL_EVERY + 2];
    int recorded = 0;
    for (int it = 0; it < o.iterations(); it++) {
      boolean early = it < o.exaggerated();
      boolean record = it % KL_EVERY == 0;
      double alpha = early ? o.exaggeration() : 1;
      double momentum = early ? 0.5 : 0.8;
      double k = gradient(p, y, n, dims, alpha, grad, record);
      if (record) {
        kl[recorded++] = entropy + k;
      }
      for (int i = 0; i < y.length; i++) {
        // a coordinate whose gradient keeps its sign speeds up; one that flips slows down
        boolean same = update[i] * grad[i] < 0;
        gains[i] = Math.max(MIN_GAIN, same ? gains[i] + 0.2 : gains[i] * 0.8);
        update[i] = momentum * update[i] - rate * gains[i] * grad[i];
        y[i] += update[i];
      }
    }
    kl[recorded++] = entropy + gradient(p, y, n, dims, 1, grad, true);
    return new Result(y, n, dims, Arrays.copyOf(kl, recorded));
  }

  /**
   * A start from the points' principal axes, scaled so that the first coordinate's standard
   * deviation is 1e-4 (as scikit-learn's "pca" start: tiny, so early exaggeration forms clusters
   * before the layout spreads, but not random).
   */
  public static double[] pcaStart(double[] x, int n, int d, int dims) {
    Projection proj = Projection.fit(x, n, d);
    double[] shown = proj.apply(x, n);
    int k = proj.shown();
    double[] y = new double[n * dims];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < Math.min(k, dims); c++) {
        y[i * dims + c] = shown[i * k + c];
      }
    }
    return scaled(y, n, dims, 1e-4);
  }

  /** @return n × dims small Gaussian noise (standard deviation 1e-4), the paper's start */
  public static double[] randomStart(int n, int dims, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n * dims];
    for (int i = 0; i < y.length; i++) {
      y[i] = 1e-4 * gaussian(r);
    }
    return y;
  }

  /**
   * y centred and scaled so that its first coordinate's standard deviation is {@code sd}; when
   * that coordinate does not vary, the largest-spread one sets the scale; when nothing varies,
   * zeros.
   */
  public static double[] scaled(double[] y, int n, int dims, double sd) {
    double[] mean = new double[dims];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < dims; c++) {
        mean[c] += y[i * dims + c] / n;
      }
    }
    double[] var = new double[dims];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < dims; c++) {
        double t = y[i * dims + c] - mean[c];
        var[c] += t * t / n;
      }
    }
    double s = var[0] > 0 ? Math.sqrt(var[0]) : Math.sqrt(Arrays.stream(var).max().orElse(0));
    double[] out = new double[n * dims];
    if (s > 0) {
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < dims; c++) {
          out[i * dims + c] = (y[i * dims + c] - mean[c]) / s * sd;
        }
      }
    }
    return out;
  }

  private static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
