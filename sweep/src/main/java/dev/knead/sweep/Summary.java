package dev.knead.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Grouped statistics of a sweep's run table: per group of runs (equal values in the group
 * columns), the number of runs, the share that trained well, and per numeric column the median,
 * the quartiles and the best of the group's k runs.
 */
public final class Summary {
  private Summary() {}

  /**
   * One column's numbers over a group.
   *
   * @param n runs with a value (null cells are left out)
   * @param median the middle value
   * @param q1 first quartile
   * @param q3 third quartile
   * @param best the best of the n runs: the highest, or the lowest for a loss
   */
  public record Stats(int n, double median, double q1, double q3, double best) {
    public double iqr() {
      return q3 - q1;
    }
  }

  /**
   * @param group group column → value (as text; "" for null)
   * @param runs runs in the group
   * @param wellTrained runs that trained well, when the table says
   * @param stats per summarised column
   */
  public record Group(Map<String, String> group, int runs, Optional<Integer> wellTrained, Map<String, Stats> stats) {
    public Optional<Double> successRate() {
      return wellTrained.map(w -> runs == 0 ? Double.NaN : w / (double) runs);
    }
  }

  /** The columns grouped by default: the sweep's axes, except seeds (runs over seeds are what a group summarises). */
  public static List<String> defaultGroups(Tables.Meta meta) {
    return meta.axisColumns().stream().filter(c -> !c.equals("seed") && !c.equals("data_seed")).toList();
  }

  /** The columns summarised by default: the measures' numbers that are there. */
  public static List<String> defaultColumns(Tables.Meta meta) {
    List<String> want = List.of("train_accuracy", "test_accuracy", "train_loss", "epochs_run", "output_complexity");
    return want.stream().filter(w -> meta.schema().runs().stream().anyMatch(c -> c.name().equals(w))).toList();
  }

  /** @return one group per distinct combination of the group columns, in order of first appearance */
  public static List<Group> of(List<Map<String, Object>> rows, List<String> groupBy, List<String> columns) {
    Map<Map<String, String>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      Map<String, String> key = new LinkedHashMap<>();
      for (String g : groupBy) {
        key.put(g, Objects.toString(r.get(g), ""));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    List<Group> out = new ArrayList<>();
    groups.forEach((key, rs) -> {
      Optional<Integer> well = rs.get(0).containsKey("well_trained")
          ? Optional.of((int) rs.stream().filter(r -> Boolean.TRUE.equals(r.get("well_trained"))).count())
          : Optional.empty();
      Map<String, Stats> stats = new LinkedHashMap<>();
      for (String c : columns) {
        double[] v = rs.stream().map(r -> r.get(c)).filter(x -> x instanceof Number).mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        if (v.length > 0) {
          stats.put(c, stats(v, c.contains("loss")));
        }
      }
      out.add(new Group(key, rs.size(), well, stats));
    });
    return out;
  }

  static Stats stats(double[] v, boolean lowerIsBetter) {
    double[] s = v.clone();
    Arrays.sort(s);
    return new Stats(s.length, quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75), lowerIsBetter ? s[0] : s[s.length - 1]);
  }

  /** Linear interpolation between the closest ranks of sorted values (R's type 7, NumPy's default). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
