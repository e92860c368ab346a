package dev.knead.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A cells × cells checkerboard on [−1, 1]²: cell (i, j) is class (i + j) mod 2. A margin of
 * {@code gap} (a fraction of the cell side) is left empty inside every cell edge, so squares of
 * one colour never touch at corners and each class has one component per cell.
 */
public final class Checkerboard implements Generator {
  @Override
  public String name() {
    return "checkerboard";
  }

  @Override
  public String description() {
    return "2-D: a cells x cells checkerboard on [-1, 1]^2, one class per colour";
  }

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(
        250,
        0,
        new Param("cells", 4, 2, 16, true, "cells along each side"),
        new Param("gap", 0.1, 0, 0.45, false, "empty margin inside each cell edge, fraction of the side"));
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    int cells = p.count("cells");
    double gap = p.get("gap");
    double side = 2.0 / cells;
    int[] count = {(cells * cells + 1) / 2, cells * cells / 2}; // class 0 owns cell (0, 0)
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    Cloud cloud = new Cloud(2, 2 * m);
    for (int c = 0; c < 2; c++) {
      for (int k = 0; k < m; k++) {
        // the q-th cell of colour c in row-major order, chosen uniformly
        int q = rng.nextInt(count[c]);
        int cell = nthCell(cells, c, q);
        int i = cell / cells;
        int j = cell % cells;
        double x = -1 + side * (j + gap + (1 - 2 * gap) * rng.nextDouble());
        double y = -1 + side * (i + gap + (1 - 2 * gap) * rng.nextDouble());
        cloud.add(c, x, y);
      }
    }
    GroundTruth truth =
        new GroundTruth(
            List.of(List.of(count[0], 0), List.of(count[1], 0)), List.of(2, 2), List.of(), Optional.empty(), List.of());
    return cloud.build(name(), p, List.of("even", "odd"), truth, rng);
  }

  /** Row-major index of the q-th cell whose colour (i + j) mod 2 is c. */
  static int nthCell(int cells, int c, int q) {
    int seen = 0;
    for (int cell = 0; cell < cells * cells; cell++) {
      if ((cell / cells + cell % cells) % 2 == c && seen++ == q) {
        return cell;
      }
    }
    throw new IllegalArgumentException("no cell " + q + " of colour " + c);
  }
}
