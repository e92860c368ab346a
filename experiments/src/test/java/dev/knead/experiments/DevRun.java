package dev.knead.experiments;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Development aid: -Dknead.dev=NAME runs one experiment quick and prints its report. */
class DevRun {
  @Test
  @EnabledIfSystemProperty(named = "knead.dev", matches = ".+")
  void run() {
    long t0 = System.nanoTime();
    ExperimentResult r = Catalogue.run(Catalogue.byName(System.getProperty("knead.dev")), Map.of(),
        Integer.getInteger("knead.seeds", 0), !Boolean.getBoolean("knead.full"), (e, m) -> System.err.println(m));
    System.out.println(ReportWriter.markdown(r, "dev"));
    System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
  }
}
