package dev.knead.topology.measure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The 3-D enclosure test of {@link DataTopology}: is a piece of one class inside a shell of another? */
final class Shell {
  private Shell() {}

  /**
   * The 3-D shell test: thicken the outer class's points into balls of radius r and ask whether
   * the piece can reach infinity without entering one. On a grid, cells count as covered only
   * when they lie wholly inside a ball, and the flood from the box's edge moves to all 26
   * neighbours, so the flood over-approximates the outside: an enclosure found is sound, one
   * missed may be a grid too coarse ("not found at this resolution"). Larger balls only close
   * more, so the smallest enclosing radius below the gap is found by bisection.
   *
   * @return the smallest thickening radius (to the grid's resolution) from which the piece is
   *     enclosed, or empty when it is not enclosed even just below the gap
   */
  static Optional<Double> shell(List<double[]> piece, double[][] outer, int grid, double gap) {
    for (int j = 0; j < 3; j++) { // a piece outside the outer class's box is never enclosed
      final int axis = j;
      final double lo = Arrays.stream(outer).mapToDouble(p -> p[axis]).min().orElseThrow();
      final double hi = Arrays.stream(outer).mapToDouble(p -> p[axis]).max().orElseThrow();
      if (piece.stream().anyMatch(p -> p[axis] <= lo || p[axis] >= hi)) return Optional.empty();
    }
    final Grid g = new Grid(outer, piece, grid, gap);
    double hi = gap * (1 - 1e-9);
    if (!g.encloses(piece, outer, hi)) return Optional.empty();
    double lo = 0;
    for (int it = 0; it < 10 && hi - lo > g.h / 4; it++) {
      final double mid = 0.5 * (lo + hi);
      if (g.encloses(piece, outer, mid)) hi = mid; else lo = mid;
    }
    return Optional.of(hi);
  }

  /** A voxel box around both clouds with room for balls up to the gap. */
  private static final class Grid {
    final double h;
    final double[] origin = new double[3];
    final int[] size = new int[3];

    Grid(double[][] outer, List<double[]> piece, int cells, double gap) {
      final double[] lo = new double[3];
      final double[] hi = new double[3];
      Arrays.fill(lo, Double.POSITIVE_INFINITY);
      Arrays.fill(hi, Double.NEGATIVE_INFINITY);
      final List<double[]> all = new ArrayList<>(Arrays.asList(outer));
      all.addAll(piece);
      for (double[] p : all) {
        for (int j = 0; j < 3; j++) {
          lo[j] = Math.min(lo[j], p[j]);
          hi[j] = Math.max(hi[j], p[j]);
        }
      }
      double extent = 0;
      for (int j = 0; j < 3; j++) extent = Math.max(extent, hi[j] - lo[j]);
      // room for balls up to the gap, but never more than 2 × cells along an axis (coarser is
      // still sound: it can only miss an enclosure)
      h = extent > 0 ? Math.max(extent / cells, (extent + 2 * gap) / (2.0 * cells)) : 1;
      final int pad = (int) Math.ceil(gap / h) + 2;
      for (int j = 0; j < 3; j++) {
        origin[j] = lo[j] - pad * h;
        size[j] = (int) Math.ceil((hi[j] - lo[j]) / h) + 2 * pad + 1;
      }
    }

    int cell(double[] p) {
      final int[] at = new int[3];
      for (int j = 0; j < 3; j++) {
        at[j] = (int) Math.floor((p[j] - origin[j]) / h);
        if (at[j] < 0 || at[j] >= size[j]) return -1;
      }
      return (at[0] * size[1] + at[1]) * size[2] + at[2];
    }

    boolean encloses(List<double[]> piece, double[][] outer, double r) {
      final double covered = r - h * Math.sqrt(3) / 2; // a cell whose centre is this close lies inside the ball
      final boolean[] blocked = new boolean[size[0] * size[1] * size[2]];
      if (covered > 0) {
        final int reach = (int) Math.ceil(covered / h) + 1;
        final double c2 = covered * covered;
        for (double[] p : outer) {
          final int[] at = new int[3];
          for (int j = 0; j < 3; j++) at[j] = (int) Math.floor((p[j] - origin[j]) / h);
          for (int x = Math.max(0, at[0] - reach); x <= Math.min(size[0] - 1, at[0] + reach); x++) {
            for (int y = Math.max(0, at[1] - reach); y <= Math.min(size[1] - 1, at[1] + reach); y++) {
              for (int z = Math.max(0, at[2] - reach); z <= Math.min(size[2] - 1, at[2] + reach); z++) {
                final double dx = origin[0] + (x + 0.5) * h - p[0];
                final double dy = origin[1] + (y + 0.5) * h - p[1];
                final double dz = origin[2] + (z + 0.5) * h - p[2];
                if (dx * dx + dy * dy + dz * dz <= c2) blocked[(x * size[1] + y) * size[2] + z] = true;
              }
            }
          }
        }
      }
      final boolean[] seen = new boolean[blocked.length];
      final ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int x = 0; x < size[0]; x++) {
        for (int y = 0; y < size[1]; y++) {
          for (int z = 0; z < size[2]; z++) {
            final boolean edge = x == 0 || y == 0 || z == 0 || x == size[0] - 1 || y == size[1] - 1 || z == size[2] - 1;
            final int i = (x * size[1] + y) * size[2] + z;
            if (edge && !blocked[i]) {
              seen[i] = true;
              queue.add(i);
            }
          }
        }
      }
      while (!queue.isEmpty()) {
        final int i = queue.poll();
        final int x = i / (size[1] * size[2]);
        final int y = (i / size[2]) % size[1];
        final int z = i % size[2];
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            for (int dz = -1; dz <= 1; dz++) {
              final int a = x + dx;
              final int b = y + dy;
              final int c = z + dz;
              if (a < 0 || b < 0 || c < 0 || a >= size[0] || b >= size[1] || c >= size[2]) continue;
              final int j = (a * size[1] + b) * size[2] + c;
              if (!seen[j] && !blocked[j]) {
                seen[j] = true;
                queue.add(j);
              }
            }
          }
        }
      }
      for (double[] p : piece) {
        final int i = cell(p);
        if (i < 0 || seen[i]) return false;
      }
      return true;
    }
  }
}
