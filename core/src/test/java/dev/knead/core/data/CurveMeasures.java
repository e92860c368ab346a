package dev.knead.core.data;

/** Test oracles: linking and winding numbers of closed polylines, written from their definitions. */
final class CurveMeasures {
  private CurveMeasures() {}

  /**
   * Gauss linking integral (1/4π) ∮∮ (a − b)·(da × db) / |a − b|³, by the midpoint rule over
   * every pair of segments. Accurate to far better than ±0.5 when the curves are well apart.
   */
  static double linking(Curve a, Curve b) {
    Points p = a.vertices();
    Points q = b.vertices();
    double sum = 0;
    for (int i = 0; i < p.n(); i++) {
      double[] a0 = p.row(i);
      double[] a1 = p.row((i + 1) % p.n());
      for (int j = 0; j < q.n(); j++) {
        double[] b0 = q.row(j);
        double[] b1 = q.row((j + 1) % q.n());
        double[] r = new double[3];
        double[] da = new double[3];
        double[] db = new double[3];
        for (int k = 0; k < 3; k++) {
          r[k] = (a0[k] + a1[k]) / 2 - (b0[k] + b1[k]) / 2;
          da[k] = a1[k] - a0[k];
          db[k] = b1[k] - b0[k];
        }
        double cx = da[1] * db[2] - da[2] * db[1];
        double cy = da[2] * db[0] - da[0] * db[2];
        double cz = da[0] * db[1] - da[1] * db[0];
        double len = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        sum += (r[0] * cx + r[1] * cy + r[2] * cz) / (len * len * len);
      }
    }
    return sum / (4 * Math.PI);
  }

  /** Winding number of a closed planar polyline around (x, y): signed turning angles / 2π. */
  static double winding(Curve c, double x, double y) {
    Points p = c.vertices();
    double total = 0;
    for (int i = 0; i < p.n(); i++) {
      int j = (i + 1) % p.n();
      double a0 = Math.atan2(p.get(i, 1) - y, p.get(i, 0) - x);
      double a1 = Math.atan2(p.get(j, 1) - y, p.get(j, 0) - x);
      double d = a1 - a0;
      if (d > Math.PI) {
        d -= 2 * Math.PI;
      } else if (d < -Math.PI) {
        d += 2 * Math.PI;
      }
      total += d;
    }
    return total / (2 * Math.PI);
  }
}
