package dev.knead.core.train;

/**
 * One optimiser step on a flat parameter block, in place. State arrays belong to the caller.
 */
final class Updates {
  private Updates() {}

  /** θ ← θ − η g. */
  static void sgd(double[] p, double[] g, double lr) {
    for (int i = 0; i < p.length; i++) {
      p[i] -= lr * g[i];
    }
  }

  /**
   * Heavy-ball momentum as PyTorch writes it: v ← μ v + g; θ ← θ − η v. Nesterov: θ ← θ − η (g +
   * μ v).
   */
  static void momentum(double[] p, double[] g, double[] v, double lr, double mu, boolean nesterov) {
    for (int i = 0; i < p.length; i++) {
      double vi = mu * v[i] + g[i];
      v[i] = vi;
      p[i] -= lr * (nesterov ? g[i] + mu * vi : vi);
    }
  }

  /**
   * Adam (Kingma &amp; Ba 2015) with bias correction; t is the 1-based step count.
   */
  static void adam(double[] p, double[] g, double[] m, double[] v, double lr, double b1, double b2, double eps, long t) {
    final double c1 = 1 - Math.pow(b1, t);
    final double c2 = 1 - Math.pow(b2, t);
    final double stepSize = lr / c1;
    final double sqrtC2 = Math.sqrt(c2);
    for (int i = 0; i < p.length; i++) {
      double gi = g[i];
      double mi = b1 * m[i] + (1 - b1) * gi;
      double vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] -= stepSize * mi / (Math.sqrt(vi) / sqrtC2 + eps);
    }
  }
}
