package dev.knead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The house rules a file scan can check (../shared/STYLE.md): arrows point one way, library
 * code never prints and never uses a global or unseeded random generator.
 */
class CodeStandardsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Which of Knead's own packages each module may import. */
  static final Map<String, List<String>> ALLOWED = Map.of(
      "core", List.of("core"),
      "topology", List.of("topology"),
      "analysis", List.of("analysis", "core", "topology"),
      "render", List.of("render", "core", "topology", "analysis"));

  static List<Path> sources(String module) throws IOException {
    Path dir = ROOT.resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "topology", "analysis", "render"})
  void arrowsPointOneWay(String module) throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path f : sources(module)) {
      for (String line : Files.readAllLines(f)) {
        String t = line.trim();
        if (t.startsWith("import dev.knead.") || t.startsWith("import static dev.knead.")) {
          String pkg = t.replace("import static ", "import ").substring("import dev.knead.".length()).split("\\.")[0];
          if (!ALLOWED.get(module).contains(pkg)) {
            bad.add(ROOT.relativize(f) + ": " + t);
          }
        }
      }
    }
    assertThat(bad).as("imports against the arrows").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "topology", "analysis", "render"})
  void libraryCodeNeitherPrintsNorUsesGlobalRandomness(String module) throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path f : sources(module)) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        String t = lines.get(i);
        if (t.contains("System.out.print") || t.contains("System.err.print") || t.contains("printStackTrace")
            || t.contains("Math.random(") || t.contains("new Random()") || t.contains("ThreadLocalRandom")) {
          bad.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + t.trim());
        }
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void noVagueClassNames() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String m : List.of("core", "topology", "analysis", "render", "app")) {
      for (Path f : sources(m)) {
        String name = f.getFileName().toString();
        if (name.matches(".*(Util|Utils|Helper|Manager)\\.java")) {
          bad.add(ROOT.relativize(f).toString());
        }
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void theScanSeesTheSources() throws IOException {
    assertThat(sources("core")).hasSizeGreaterThan(20);
    assertThat(sources("topology")).hasSizeGreaterThan(20);
  }
}
