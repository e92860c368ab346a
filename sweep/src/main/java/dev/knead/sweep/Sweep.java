package dev.knead.sweep;

import dev.knead.analysis.Analyst;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A grid of training runs, as a sweep file describes it: fixed settings, the axes that vary, and
 * the measures taken per run. Immutable; {@link #points()} expands the grid (the last axis varies
 * fastest) and every point's config is checked like any other config.
 *
 * @param name the sweep's name
 * @param axes the varied settings in grid order
 * @param measures names of the measures taken per run ({@link Measures})
 * @param analysis the options of the per-stage analysis (subsample size, highest Betti number)
 * @param successAccuracy the training accuracy at which a run counts as well trained
 */
public record Sweep(String name, List<Axis> axes, List<String> measures, Analyst.Options analysis, double successAccuracy,
    Grid grid) {

  public Sweep {
    axes = List.copyOf(axes);
    measures = List.copyOf(measures);
  }

  /**
   * How a combination of axis values becomes a config: the base data and training settings and,
   * per axis, how its value changes them. Built by {@link SweepFile}.
   */
  public record Grid(DataSpec baseData, Map<ConfigField<?>, Object> baseTrain, List<Setter> setters) {
    public Grid {
      baseTrain = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baseTrain));
      setters = List.copyOf(setters);
    }
  }

  /** How one axis' value (by index) changes the draft of a config. */
  public interface Setter extends BiFunction<Draft, Integer, Draft> {}

  /** A config being built from the base settings and the axes' values. */
  public record Draft(DataSpec data, Map<ConfigField<?>, Object> train, Map<String, String> extra) {}

  /** @return the number of runs */
  public int size() {
    long n = 1;
    for (Axis a : axes) {
      n *= a.values().size();
    }
    return (int) n;
  }

  /** @return every run of the grid, in grid order */
  public List<SweepPoint> points() {
    int n = size();
    List<SweepPoint> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(point(i));
    }
    return out;
  }

  /** @return the run at this place in the grid (the last axis varies fastest) */
  public SweepPoint point(int index) {
    int[] at = new int[axes.size()];
    int rest = index;
    for (int a = axes.size() - 1; a >= 0; a--) {
      int k = axes.get(a).values().size();
      at[a] = rest % k;
      rest /= k;
    }
    Draft d = new Draft(grid.baseData(), new LinkedHashMap<>(grid.baseTrain()), new LinkedHashMap<>());
    Map<String, String> values = new LinkedHashMap<>();
    for (int a = 0; a < axes.size(); a++) {
      d = grid.setters().get(a).apply(d, at[a]);
      values.put(axes.get(a).name(), axes.get(a).values().get(at[a]));
    }
    Map<ConfigField<?>, Object> train = new LinkedHashMap<>(d.train());
    if (d.extra().containsKey("width")) {
      // a width × depth grid: depth hidden layers of one width
      int width = Integer.parseInt(d.extra().get("width"));
      int depth = Integer.parseInt(d.extra().get("depth"));
      train.put(TrainSchema.HIDDEN, java.util.Collections.nCopies(depth, width));
    }
    ExperimentConfig c = new ExperimentConfig(d.data(), TrainConfig.of(train));
    return new SweepPoint(index, c, values);
  }
}
