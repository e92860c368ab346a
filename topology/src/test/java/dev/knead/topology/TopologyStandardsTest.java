package dev.knead.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module's house rules, checked by scanning its main sources. */
class TopologyStandardsTest {

  static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void neverImportsCoreAndNeverPrints() throws IOException {
    for (Path p : sources()) {
      final String text = Files.readString(p);
      assertThat(text).as("%s imports core", p).doesNotContain("import dev.knead.core");
      assertThat(text).as("%s prints", p).doesNotContain("System.out").doesNotContain("System.err")
          .doesNotContain("printStackTrace");
      assertThat(text).as("%s uses a global random generator", p).doesNotContain("Math.random(");
    }
  }
}
