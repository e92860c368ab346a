package dev.knead.experiments;

import dev.knead.core.BadInputException;
import dev.knead.experiments.catalogue.DiskAnnulusExperiment;
import dev.knead.experiments.catalogue.GatheringExperiment;
import dev.knead.experiments.catalogue.Homeomorphisms;
import dev.knead.experiments.catalogue.HopfLink;
import dev.knead.experiments.catalogue.WordAnalogyExperiment;
import dev.knead.experiments.catalogue.IntrinsicDimensionExperiment;
import dev.knead.experiments.catalogue.NaitzatBetti;
import dev.knead.experiments.catalogue.NaitzatDepth;
import dev.knead.experiments.catalogue.NestedSpheresExperiment;
import dev.knead.experiments.catalogue.SandwichExperiment;
import dev.knead.experiments.catalogue.SpiralsExperiment;
import java.util.List;

/** Every experiment, in the order of issue 6. */
public final class Catalogue {
  private static final List<Experiment> ALL = List.of(
      new SandwichExperiment(),
      new DiskAnnulusExperiment(),
      new SpiralsExperiment(),
      new HopfLink(),
      new Homeomorphisms(),
      new NaitzatBetti(),
      new NaitzatDepth(),
      new NestedSpheresExperiment(),
      new IntrinsicDimensionExperiment(),
      new WordAnalogyExperiment(),
      new GatheringExperiment());

  private Catalogue() {}

  public static List<Experiment> all() {
    return ALL;
  }

  public static List<String> names() {
    return ALL.stream().map(Experiment::name).toList();
  }

  /** @throws BadInputException for an unknown name, listing the known ones */
  public static Experiment byName(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new BadInputException(
        "unknown experiment '" + name + "'; known: " + String.join(", ", names()) + ", all"));
  }

  /** Runs one experiment: resolves its settings and seeds 1 … k (k = its default when 0). */
  public static ExperimentResult run(Experiment e, java.util.Map<String, String> overrides, int seeds, boolean quick,
      ExperimentListener listener) {
    Settings s = Settings.resolve(e, overrides, quick);
    int k = seeds > 0 ? seeds : e.defaultSeeds(quick);
    List<Long> list = java.util.stream.LongStream.rangeClosed(1, k).boxed().toList();
    return e.run(s, list, quick, listener);
  }
}
