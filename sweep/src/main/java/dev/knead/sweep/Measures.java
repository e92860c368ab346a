package dev.knead.sweep;

import dev.knead.analysis.Report;
import dev.knead.analysis.StageMeasure;
import dev.knead.sweep.Column.Type;
import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.certificate.SphereCertificate;
import dev.knead.topology.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The measures a sweep can take, by name. The run's final numbers come from training; the
 * per-stage ones from the analysis {@code knead explain} makes (one analysis per run, shared).
 * Another module adds its own with {@link #register}; the tables' columns follow.
 */
public final class Measures {
  private Measures() {}

  /** What a sweep takes when its file names no measures: the cheap final numbers. */
  public static final List<String> DEFAULT = List.of("accuracy", "loss");

  /** A measure made of its parts. */
  private record Simple(String name, String description, List<Column> runColumns, List<Column> stageColumns,
      BiConsumer<Measured, Map<String, Object>> onRun, StageFill onStage) implements Measure {
    @Override
    public void run(Measured m, Map<String, Object> row) {
      onRun.accept(m, row);
    }

    @Override
    public void stage(Measured m, int stage, Map<String, Object> row) {
      onStage.fill(m, stage, row);
    }
  }

  private interface StageFill {
    void fill(Measured m, int stage, Map<String, Object> row);
  }

  private static StageMeasure at(Measured m, int stage) {
    return m.report().stages().get(stage);
  }

  private static final List<Measure> ALL = new CopyOnWriteArrayList<>(List.of(
      new Simple("accuracy", "training and test accuracy of the final network; whether it counts as well trained",
          List.of(Column.of("train_accuracy", Type.DOUBLE, "share of training points labelled right"),
              Column.of("test_accuracy", Type.DOUBLE, "share of test points labelled right (null without test points)"),
              Column.of("well_trained", Type.BOOLEAN, "train_accuracy ≥ the sweep's success_accuracy")),
          List.of(),
          (m, row) -> {
            row.put("train_accuracy", m.result().trainAccuracy());
            row.put("test_accuracy", m.result().testAccuracy());
            row.put("well_trained", m.result().trainAccuracy() >= m.successAccuracy());
          }, (m, s, row) -> {}),
      new Simple("loss", "training and test loss of the final network, epochs run and why training stopped",
          List.of(Column.of("train_loss", Type.DOUBLE, "loss on the training points (without penalties)"),
              Column.of("test_loss", Type.DOUBLE, "loss on the test points (null without test points)"),
              Column.of("epochs_run", Type.LONG, "epochs actually run (fewer when a target stopped training)"),
              Column.of("status", Type.STRING, "completed, target_reached or diverged")),
          List.of(),
          (m, row) -> {
            row.put("train_loss", m.result().trainLoss());
            row.put("test_loss", m.result().testLoss());
            row.put("epochs_run", (long) m.result().epochs());
            row.put("status", m.result().status().name().toLowerCase(java.util.Locale.ROOT));
          }, (m, s, row) -> {}),
      new Simple("verdict", "what theory decides before and after training (verdict ids and kinds)",
          List.of(Column.of("verdicts_before", Type.STRING, "id:kind of every verdict from the architecture and the data, ';'-separated"),
              Column.of("verdicts_after", Type.STRING, "id:kind of every verdict that needs the trained weights"),
              Column.of("impossible", Type.BOOLEAN, "whether a verdict says no network of this shape can separate the data")),
          List.of(),
          (m, row) -> {
            Report r = m.report();
            row.put("verdicts_before", verdicts(r.before()));
            row.put("verdicts_after", verdicts(r.after()));
            row.put("impossible", r.before().stream().anyMatch(v -> v.kind() == Verdict.Kind.IMPOSSIBLE));
          }, (m, s, row) -> {}),
      new Simple("certificate", "for 2-D and 3-D inputs: whether each checked class's decision region is bounded",
          List.of(Column.of("certificate", Type.STRING,
              "class:outcome per checked class (bounded, unbounded, not found at this resolution, empty), ';'-separated; null for other dimensions")),
          List.of(),
          (m, row) -> {
            Report r = m.report();
            List<String> parts = new ArrayList<>();
            for (Certificate c : r.certificates()) {
              parts.add(c.classIndex() + ":" + c.outcome().label());
            }
            for (SphereCertificate c : r.sphereCertificates()) {
              parts.add(c.classIndex() + ":" + c.outcome().label());
            }
            row.put("certificate", parts.isEmpty() ? null : String.join(";", parts));
          }, (m, s, row) -> {}),
      new Simple("betti", "per class Betti numbers at every stage (k-NN hop procedure), their sums and Naitzat's complexity",
          List.of(Column.of("output_complexity", Type.LONG, "β₀+β₁+β₂ summed over classes at the last hidden stage")),
          List.of(Column.of("betti", Type.STRING, "per class β₀ … β_k, e.g. '1,1;1,0' (classes ';'-separated)"),
              Column.of("betti0", Type.LONG, "β₀ summed over classes"),
              Column.of("betti1", Type.LONG, "β₁ summed over classes (null at 1-D stages)"),
              Column.of("betti2", Type.LONG, "β₂ summed over classes (null below 3-D or when not asked)"),
              Column.of("complexity", Type.LONG, "β₀+β₁+β₂ summed over classes (Naitzat et al.)")),
          (m, row) -> {
            List<StageMeasure> st = m.report().stages();
            row.put("output_complexity", (long) st.get(Math.max(0, st.size() - 2)).complexity());
          }, (m, s, row) -> {
            StageMeasure sm = at(m, s);
            row.put("betti", sm.betti().stream()
                .map(b -> b.stream().map(String::valueOf).collect(Collectors.joining(","))).collect(Collectors.joining(";")));
            for (int k = 0; k <= 2; k++) {
              final int kk = k;
              boolean all = sm.betti().stream().allMatch(b -> b.size() > kk);
              row.put("betti" + k, all ? (Object) (long) sm.betti().stream().mapToInt(b -> b.get(kk)).sum() : null);
            }
            row.put("complexity", (long) sm.complexity());
          }),
      new Simple("separability", "whether the classes are linearly separable at each stage, and a linear probe's accuracy",
          List.of(),
          List.of(Column.of("separable", Type.BOOLEAN,
              "every pair of classes exactly linearly separable here; empty when not decided within the work budget"),
              Column.of("probe_accuracy", Type.DOUBLE, "training accuracy of a linear probe (logistic regression)")),
          (m, row) -> {}, (m, s, row) -> {
            // null when some pair was not decided within the work budget (and none proved not)
            row.put("separable", at(m, s).separableIfDecided().orElse(null));
            row.put("probe_accuracy", at(m, s).probeAccuracy());
          }),
      new Simple("knn", "leave-one-out 5-nearest-neighbour accuracy at each stage",
          List.of(), List.of(Column.of("knn_accuracy", Type.DOUBLE, "leave-one-out 5-NN accuracy")),
          (m, row) -> {}, (m, s, row) -> row.put("knn_accuracy", at(m, s).knnAccuracy())),
      new Simple("intrinsic_dimension", "TwoNN intrinsic dimension of all points at each stage",
          List.of(), List.of(Column.of("intrinsic_dimension", Type.DOUBLE, "TwoNN estimate over all points")),
          (m, row) -> {}, (m, s, row) -> row.put("intrinsic_dimension", at(m, s).intrinsicDimension())),
      new Simple("linking", "linking number (3-D stages of linked data) and winding number (2-D stages of enclosed data)",
          List.of(),
          List.of(Column.of("linking_number", Type.DOUBLE, "linking number of the classes' carried core curves; null where undefined"),
              Column.of("winding_number", Type.DOUBLE, "winding number of the enclosing class's curve around the enclosed class")),
          (m, row) -> {}, (m, s, row) -> {
            row.put("linking_number", at(m, s).linkingNumber().orElse(null));
            row.put("winding_number", at(m, s).windingNumber().orElse(null));
          })));

  private static String verdicts(List<Verdict> vs) {
    return vs.stream().map(v -> v.id() + ":" + v.kind().name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(";"));
  }

  /** @return every measure, built-in first */
  public static List<Measure> all() {
    return List.copyOf(ALL);
  }

  public static List<String> names() {
    return ALL.stream().map(Measure::name).toList();
  }

  public static Optional<Measure> byName(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * Adds a measure (a module's own per-layer measure, say).
   *
   * @throws IllegalArgumentException if the name or one of its columns is taken
   */
  public static synchronized void register(Measure m) {
    if (byName(m.name()).isPresent()) {
      throw new IllegalArgumentException("a measure named '" + m.name() + "' exists");
    }
    ALL.add(m);
  }

  /** @return whether any of these measures reads the per-stage analysis */
  public static boolean needsStages(List<String> names) {
    return names.stream().map(n -> byName(n).orElseThrow()).anyMatch(m -> !m.stageColumns().isEmpty());
  }
}
