package dev.knead.core.trace;

import java.util.Arrays;
import java.util.Locale;

/**
 * The ways a stage wider than 3-D is shown — the one list the CLI's {@code --projection} options
 * and the figures read.
 */
public enum ProjectionKind {
  /** Each stage on its own first principal axes ({@link Projection}), turned onto the previous stage by Procrustes. */
  PCA("principal axes of each stage (linear; Procrustes-aligned from stage to stage)"),
  /** Every stage in one space through one grand-tour frame ({@link TourSpace}, {@link GrandTour}). */
  TOUR("one grand-tour view of a space shared by all stages (linear; the basis carried layer to layer)"),
  /** A t-SNE layout of each stage ({@link StageLayouts}). */
  TSNE("a t-SNE layout of each stage (non-linear; independent per stage, each started from the previous one's layout)");

  private final String description;

  ProjectionKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** @return the name used on the command line */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the kind named (any case, "t-sne" too), or null */
  public static ProjectionKind named(String s) {
    String k = s.trim().toUpperCase(Locale.ROOT).replace("-", "");
    for (ProjectionKind p : values()) {
      if (p.name().equals(k)) {
        return p;
      }
    }
    return null;
  }

  /** @return every kind's label, comma separated */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(ProjectionKind::label).toList());
  }
}
