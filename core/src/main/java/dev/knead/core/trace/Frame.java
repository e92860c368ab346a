package dev.knead.core.trace;

import dev.knead.core.data.Points;
import java.util.List;

/**
 * Points, grid and region samples at a position inside a move.
 *
 * @param stage the stage being moved towards
 * @param t position in [0, 1] inside the move
 * @param caption e.g. "layer 2 · rotate (U) · 40 %"
 */
public record Frame(int stage, double t, String caption, Points points, List<Points> grid, Points field) {
  public Frame {
    grid = List.copyOf(grid);
  }

  public int dim() {
    return points.d();
  }
}
