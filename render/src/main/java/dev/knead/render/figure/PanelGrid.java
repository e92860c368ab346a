package dev.knead.render.figure;

/**
 * Small multiples laid out on a figure: k panels in the columns × rows that keep each panel
 * closest to the figure's aspect, the fewest columns for that many rows, below a title band of
 * {@code top} and above a legend band of {@code bottom} (8 px margins left and right).
 */
record PanelGrid(int cols, int rows, double cellWidth, double cellHeight) {
  static PanelGrid of(int k, double w, double h, double top, double bottom) {
    double aspect = w / Math.max(1, h - top - bottom);
    int cols = Math.max(1, (int) Math.ceil(Math.sqrt(k * aspect)));
    int rows = (int) Math.ceil(k / (double) cols);
    while (cols > 1 && (int) Math.ceil(k / (double) (cols - 1)) == rows) {
      cols--;
    }
    return new PanelGrid(cols, rows, (w - 16) / cols, (h - top - bottom) / rows);
  }
}
