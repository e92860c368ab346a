package dev.knead.core.trace;

import dev.knead.core.data.Points;
import java.util.ArrayList;
import java.util.List;

/**
 * The rubber sheet: lines of constant coordinate over the domain, each sampled finely so that
 * bent lines stay smooth, and a lattice of samples whose predicted class paints the regions.
 */
public final class Grid {
  private Grid() {}

  /**
   * @param lines lines per axis (2-D: lines × 2 polylines; 3-D: 3 · lines² polylines; above 3-D
   *     no grid)
   * @param samples points along each line
   * @return polylines, each m × d
   */
  public static List<Points> lines(Domain domain, int lines, int samples) {
    int d = domain.dim();
    double[] lo = domain.lo();
    double[] hi = domain.hi();
    List<Points> out = new ArrayList<>();
    if (d == 1) {
      double[] xs = new double[samples];
      for (int s = 0; s < samples; s++) {
        xs[s] = lerp(lo[0], hi[0], s / (samples - 1.0));
      }
      out.add(Points.of(samples, 1, xs));
      return out;
    }
    if (d > 3) {
      return out;
    }
    for (int axis = 0; axis < d; axis++) {
      int others = d - 1;
      int total = (int) Math.pow(lines, others);
      for (int c = 0; c < total; c++) {
        double[] fixed = new double[d];
        int rest = c;
        for (int j = 0; j < d; j++) {
          if (j == axis) {
            continue;
          }
          int idx = rest % lines;
          rest /= lines;
          fixed[j] = lerp(lo[j], hi[j], idx / (lines - 1.0));
        }
        double[] pts = new double[samples * d];
        for (int s = 0; s < samples; s++) {
          for (int j = 0; j < d; j++) {
            pts[s * d + j] = j == axis ? lerp(lo[j], hi[j], s / (samples - 1.0)) : fixed[j];
          }
        }
        out.add(Points.of(samples, d, pts));
      }
    }
    return out;
  }

  /**
   * A regular lattice of about {@code total} samples over the domain (d ≤ 3; none above).
   *
   * @return points, row-major in axis order (x fastest)
   */
  public static Points lattice(Domain domain, int total) {
    int d = domain.dim();
    if (d > 3) {
      return Points.of(0, d, new double[0]);
    }
    int per = Math.max(2, (int) Math.round(Math.pow(total, 1.0 / d)));
    int count = (int) Math.pow(per, d);
    double[] lo = domain.lo();
    double[] hi = domain.hi();
    double[] pts = new double[count * d];
    for (int c = 0; c < count; c++) {
      int rest = c;
      for (int j = 0; j < d; j++) {
        int idx = rest % per;
        rest /= per;
        pts[c * d + j] = lerp(lo[j], hi[j], (idx + 0.5) / per);
      }
    }
    return Points.of(count, d, pts);
  }

  /** @return samples per axis of a lattice with about {@code total} samples in d dimensions */
  public static int latticeSide(int d, int total) {
    return Math.max(2, (int) Math.round(Math.pow(total, 1.0 / d)));
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }
}
