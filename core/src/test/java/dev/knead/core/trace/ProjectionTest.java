package dev.knead.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.data.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The projections of wide stages against known answers. */
class ProjectionTest {

  /** k orthonormal directions of ℝ^d (Gram–Schmidt on Gaussian vectors). */
  static double[][] frame(int k, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] f = new double[k][d];
    for (int a = 0; a < k; a++) {
      for (int j = 0; j < d; j++) {
        f[a][j] = gauss(rng);
      }
      for (int b = 0; b < a; b++) {
        double dot = dot(f[a], f[b]);
        for (int j = 0; j < d; j++) {
          f[a][j] -= dot * f[b][j];
        }
      }
      double norm = Math.sqrt(dot(f[a], f[a]));
      for (int j = 0; j < d; j++) {
        f[a][j] /= norm;
      }
    }
    return f;
  }

  static double gauss(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /** Points on a known plane in 20-D, spread 3 along u and 1 along v: PCA finds u, then v, then nothing. */
  @Test
  void principalAxesOfPointsOnAKnownPlane() {
    int d = 20;
    double[][] uv = frame(2, d, 7);
    SplittableRandom rng = new SplittableRandom(8);
    int n = 500;
    double[] x = new double[n * d];
    double[] offset = new double[d];
    offset[4] = 5;
    for (int i = 0; i < n; i++) {
      double a = 3 * gauss(rng);
      double b = gauss(rng);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = offset[j] + a * uv[0][j] + b * uv[1][j];
      }
    }
    Projection p = Projection.fit(x, n, d);
    double[] axes = p.axes();
    double[] first = java.util.Arrays.copyOfRange(axes, 0, d);
    double[] second = java.util.Arrays.copyOfRange(axes, d, 2 * d);
    double[] third = java.util.Arrays.copyOfRange(axes, 2 * d, 3 * d);
    assertThat(Math.abs(dot(first, uv[0]))).isCloseTo(1, within(1e-3));
    assertThat(Math.abs(dot(second, uv[1]))).isCloseTo(1, within(1e-3));
    assertThat(Math.hypot(dot(third, uv[0]), dot(third, uv[1]))).isLessThan(1e-6);
    assertThat(p.planar()).isTrue();
    // the projection is an isometry of the plane: distances between projected points are the originals'
    double[] y = p.apply(x, n);
    for (int i = 1; i < 20; i++) {
      double orig = 0;
      double shown = 0;
      for (int j = 0; j < d; j++) {
        orig += Math.pow(x[i * d + j] - x[j], 2);
      }
      for (int j = 0; j < 3; j++) {
        shown += Math.pow(y[i * 3 + j] - y[j], 2);
      }
      assertThat(Math.sqrt(shown)).isCloseTo(Math.sqrt(orig), within(1e-9));
    }
  }

  /** The tour's view is orthonormal at every t, across segment ends too. */
  @Test
  void grandTourIsOrthonormalAtEveryTime() {
    for (int d : new int[] {3, 4, 10, 64}) {
      GrandTour g = GrandTour.of(d, 6, 1);
      for (double t = 0; t <= 6; t += 0.037) {
        double[] v = g.view(t);
        for (int a = 0; a < 3; a++) {
          for (int b = 0; b < 3; b++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
              s += v[a * d + j] * v[b * d + j];
            }
            assertThat(s).as("d %d t %.3f (%d,%d)", d, t, a, b).isCloseTo(a == b ? 1 : 0, within(1e-9));
          }
        }
      }
    }
  }

  /** Starts at the first three axes, and no view direction moves faster than π/2 per unit of t. */
  @Test
  void grandTourStartsAtTheAxesAndMovesSmoothly() {
    int d = 30;
    GrandTour g = GrandTour.of(d, 8, 2);
    double[] v0 = g.view(0);
    for (int a = 0; a < 3; a++) {
      assertThat(v0[a * d + a]).isCloseTo(1, within(1e-12));
    }
    double h = 1e-3;
    double[] prev = v0;
    for (double t = h; t <= 8; t += h) {
      double[] v = g.view(t);
      for (int a = 0; a < 3; a++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += Math.pow(v[a * d + j] - prev[a * d + j], 2);
        }
        assertThat(Math.sqrt(s)).as("t %.3f", t).isLessThanOrEqualTo(Math.PI / 2 * h * 1.0001 + 1e-12);
      }
      prev = v;
    }
  }

  /** Every direction is shown, nearly head-on, at some time: axes and random directions in 12-D. */
  @Test
  void grandTourCoversAllDirections() {
    int d = 12;
    GrandTour g = GrandTour.of(d, 400, 3);
    List<double[]> dirs = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      double[] e = new double[d];
      e[j] = 1;
      dirs.add(e);
    }
    double[][] random = frame(10, d, 9);
    dirs.addAll(List.of(random));
    for (double[] u : dirs) {
      double best = 0;
      for (double t = 0; t <= 400; t += 0.05) {
        double[] v = g.view(t);
        double s = 0;
        for (int a = 0; a < 3; a++) {
          double c = 0;
          for (int j = 0; j < d; j++) {
            c += v[a * d + j] * u[j];
          }
          s += c * c;
        }
        best = Math.max(best, Math.sqrt(s));
      }
      // a fixed 3-frame of 12-D shows a typical direction at share √(3/12) = 0.5 (60° off the
      // view); the tour brings every one within 32° (share 0.85) in 400 segments
      assertThat(best).as("largest share of a direction seen").isGreaterThan(0.85);
    }
  }

  @Test
  void grandTourIsSeeded() {
    assertThat(GrandTour.of(50, 3, 5).view(1.7)).isEqualTo(GrandTour.of(50, 3, 5).view(1.7));
    assertThat(GrandTour.of(50, 3, 5).view(1.7)).isNotEqualTo(GrandTour.of(50, 3, 6).view(1.7));
  }

  /**
   * A stage that is a rotation (and a wider embedding) of the one before is placed exactly on it:
   * the motion between them is nothing, because the network did nothing but turn. A stage that
   * stretches one direction moves.
   */
  @Test
  void tourSpaceUndoesRotationsBetweenStages() {
    int n = 200;
    int d = 8;
    SplittableRandom rng = new SplittableRandom(4);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = gauss(rng) * (j + 1);
      }
    }
    double[][] q = frame(d, 12, 5); // d orthonormal rows in 12-D: an isometric embedding
    double[][] turned = new double[n][12];
    double[][] stretched = new double[n][12];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 12; c++) {
        for (int j = 0; j < d; j++) {
          turned[i][c] += x[i][j] * q[j][c];
        }
        stretched[i][c] = turned[i][c] * (c == 0 ? 3 : 1);
      }
    }
    TourSpace ts = TourSpace.of(List.of(Points.of(x), Points.of(turned), Points.of(stretched)));
    assertThat(ts.dim()).isEqualTo(12);
    double[] a = ts.placed(0);
    double[] b = ts.placed(1);
    double[] c = ts.placed(2);
    double moved = 0;
    double stretchMoved = 0;
    for (int i = 0; i < a.length; i++) {
      moved = Math.max(moved, Math.abs(a[i] - b[i]));
      stretchMoved = Math.max(stretchMoved, Math.abs(c[i] - b[i]));
    }
    assertThat(moved).isLessThan(1e-8);
    // a stage shown through a tour view is its placed points times the view's rows
    double[] view = GrandTour.of(12, 4, 1).view(2.3);
    double[] shown = new double[n * 3];
    ts.show(2, view, shown);
    for (int i = 0; i < n; i += 17) {
      for (int r = 0; r < 3; r++) {
        double want = 0;
        for (int j = 0; j < 12; j++) {
          want += c[i * 12 + j] * view[r * 12 + j];
        }
        assertThat(shown[i * 3 + r]).isCloseTo(want, within(1e-12));
      }
    }
    assertThat(stretchMoved).isGreaterThan(1);
    // placing is an isometry of each stage: pairwise distances kept
    double[] s = ts.placed(2);
    for (int i = 1; i < 30; i++) {
      double orig = 0;
      double now = 0;
      for (int j = 0; j < 12; j++) {
        orig += Math.pow(stretched[i][j] - stretched[0][j], 2);
        now += Math.pow(s[i * 12 + j] - s[j], 2);
      }
      assertThat(Math.sqrt(now)).isCloseTo(Math.sqrt(orig), within(1e-8));
    }
  }
}
