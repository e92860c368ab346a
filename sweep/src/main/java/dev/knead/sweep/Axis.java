package dev.knead.sweep;

import java.util.List;

/**
 * One varied setting of a sweep: its name as the tables show it ({@code data.source},
 * {@code data.settings.noise}, {@code train.lr}, or {@code train.width} / {@code train.depth} for
 * a width × depth grid) and its values as text, in the order the sweep file gives them.
 *
 * @param name the column name in the tables
 * @param values each value as the CLI would take it back (e.g. "8,8" for hidden widths)
 */
public record Axis(String name, List<String> values) {
  public Axis {
    values = List.copyOf(values);
  }
}
