package dev.knead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The house rules a file scan can check (../shared/STYLE.md): the module arrows are the ones
 * docs/ARCHITECTURE.md draws and the poms declare, no two packages use each other, library code
 * never prints and never uses a global or unseeded random generator.
 */
class CodeStandardsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /**
   * The module arrows, as docs/ARCHITECTURE.md draws them: which of Knead's modules each module
   * may use (besides itself). One definition; the tests below check the sources, the poms and
   * the document against it.
   */
  static final Map<String, List<String>> ARROWS = new LinkedHashMap<>();
  static {
    ARROWS.put("data", List.of());
    ARROWS.put("core", List.of("data"));
    ARROWS.put("topology", List.of());
    ARROWS.put("analysis", List.of("core", "topology"));
    ARROWS.put("render", List.of("core", "topology"));
    ARROWS.put("experiments", List.of("sweep", "analysis", "core", "topology"));
    ARROWS.put("sweep", List.of("analysis", "core", "topology"));
    ARROWS.put("app", List.of("sweep", "experiments", "render", "analysis", "core", "topology"));
    ARROWS.put("bench", List.of("app", "sweep", "experiments", "render", "analysis", "core", "topology"));
    ARROWS.put("spark", List.of("sweep", "analysis", "core", "topology"));
  }

  /**
   * Package cycles known and not yet broken (experiments' catalogue names its protocols, which
   * name the catalogue); a new cycle fails the test, and breaking this one makes the entry stale.
   */
  static final Set<Set<String>> KNOWN_CYCLES = Set.of(Set.of("dev.knead.experiments", "dev.knead.experiments.catalogue"));

  /** A reference to a Knead package: an import or a qualified name {@code dev.knead.x.y.Type}. */
  static final Pattern REFERENCE = Pattern.compile("\\bdev\\.knead((?:\\.[a-z][a-z0-9_]*)+)\\.[A-Z]");

  static List<Path> sources(String module) throws IOException {
    Path dir = ROOT.resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** @return the Knead packages a source file names, outside comments, besides its own */
  static Set<String> references(Path f) throws IOException {
    Set<String> out = new TreeSet<>();
    String own = null;
    for (String line : Files.readAllLines(f)) {
      String t = line.trim();
      if (t.startsWith("//") || t.startsWith("*") || t.startsWith("/*")) {
        continue;
      }
      if (t.startsWith("package ")) {
        own = t.substring("package ".length(), t.length() - 1);
        continue;
      }
      Matcher m = REFERENCE.matcher(t);
      while (m.find()) {
        out.add("dev.knead" + m.group(1));
      }
    }
    out.remove(own);
    return out;
  }

  static String moduleOf(String pkg) {
    return pkg.split("\\.")[2];
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "topology", "analysis", "render", "experiments", "sweep", "app", "bench", "spark"})
  void arrowsPointOneWay(String module) throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path f : sources(module)) {
      for (String pkg : references(f)) {
        String to = moduleOf(pkg);
        if (!to.equals(module) && !ARROWS.get(module).contains(to)) {
          bad.add(ROOT.relativize(f) + " uses " + pkg + " (" + module + " → " + to + " is not an arrow)");
        }
      }
    }
    assertThat(bad).as("references against the arrows").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "topology", "analysis", "render", "experiments", "sweep", "app", "bench", "spark"})
  void pomsDeclareOnlyTheArrows(String module) throws IOException {
    String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
    Matcher m = Pattern.compile("<artifactId>knead-([a-z]+)</artifactId>").matcher(pom);
    List<String> bad = new ArrayList<>();
    while (m.find()) {
      String to = m.group(1);
      if (!to.equals(module) && !to.equals("parent") && !ARROWS.get(module).contains(to)) {
        bad.add(module + "/pom.xml depends on knead-" + to);
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void theArchitectureDocumentDrawsTheseArrows() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/ARCHITECTURE.md"));
    Matcher block = Pattern.compile("(?s)<!-- arrows: CodeStandardsTest -->\\s*```\\s*(.*?)```").matcher(doc);
    assertThat(block.find()).as("docs/ARCHITECTURE.md keeps the arrows list CodeStandardsTest reads").isTrue();
    Map<String, List<String>> drawn = new LinkedHashMap<>();
    for (String line : block.group(1).split("\n")) {
      String[] parts = line.split("─►|→", 2);
      if (parts.length == 2) {
        String to = parts[1].replaceAll("\\(.*", "").trim();
        drawn.put(parts[0].trim(), to.equals("nothing") ? List.of()
            : List.of(to.replace(",", " ").trim().split("\\s+")));
      }
    }
    assertThat(drawn.keySet()).containsExactlyInAnyOrderElementsOf(ARROWS.keySet());
    ARROWS.forEach((from, to) -> assertThat(drawn.get(from)).as(from).containsExactlyInAnyOrderElementsOf(to));
  }

  @Test
  void noCycleBetweenPackages() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (String module : ARROWS.keySet()) {
      for (Path f : sources(module)) {
        String pkg = ROOT.resolve(module).resolve("src/main/java").relativize(f.getParent()).toString()
            .replace(f.getFileSystem().getSeparator(), ".");
        uses.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(references(f));
      }
    }
    Set<Set<String>> cycles = new HashSet<>();
    for (String a : uses.keySet()) {
      Set<String> cycle = new TreeSet<>();
      for (String b : uses.keySet()) {
        if (!a.equals(b) && reaches(uses, a, b) && reaches(uses, b, a)) {
          cycle.add(b);
        }
      }
      if (!cycle.isEmpty()) {
        cycle.add(a);
        cycles.add(cycle);
      }
    }
    assertThat(cycles).as("packages that use each other, directly or through others").isSubsetOf(KNOWN_CYCLES);
    assertThat(KNOWN_CYCLES).as("a known cycle that is gone: remove it from KNOWN_CYCLES").isSubsetOf(cycles);
  }

  /** Depth-first search over the package graph. */
  static boolean reaches(Map<String, Set<String>> uses, String from, String to) {
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String p = todo.pop();
      for (String q : uses.getOrDefault(p, Set.of())) {
        if (q.equals(to)) {
          return true;
        }
        if (seen.add(q)) {
          todo.push(q);
        }
      }
    }
    return false;
  }

  @Test
  void theCycleCheckSeesACycle() {
    Map<String, Set<String>> uses = Map.of("a.cli", Set.of("a.bench"), "a.bench", Set.of("a.lab"), "a.lab", Set.of("a.cli"),
        "a.door", Set.of("a.cli"));
    assertThat(reaches(uses, "a.cli", "a.lab")).isTrue();
    assertThat(reaches(uses, "a.lab", "a.cli")).isTrue();
    assertThat(reaches(uses, "a.cli", "a.door")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "topology", "analysis", "render", "experiments", "sweep"})
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
    for (String m : List.of("core", "topology", "analysis", "render", "experiments", "sweep", "spark", "app")) {
      for (Path f : sources(m)) {
        String name = f.getFileName().toString();
        if (name.matches(".*(Util|Utils|Helper|Manager)\\.java")) {
          bad.add(ROOT.relativize(f).toString());
        }
      }
    }
    assertThat(bad).isEmpty();
  }

  /** A class name means one thing: no two main classes of Knead's modules share a simple name. */
  @Test
  void noTwoClassesShareAName() throws IOException {
    Map<String, List<String>> byName = new java.util.TreeMap<>();
    for (String module : ARROWS.keySet()) {
      for (Path f : sources(module)) {
        String name = f.getFileName().toString();
        if (!name.equals("package-info.java")) {
          byName.computeIfAbsent(name.substring(0, name.length() - 5), k -> new java.util.ArrayList<>())
              .add(ROOT.relativize(f).toString());
        }
      }
    }
    assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString).toList()).isEmpty();
  }

  @Test
  void theScanSeesTheSources() throws IOException {
    assertThat(sources("core")).hasSizeGreaterThan(20);
    assertThat(sources("topology")).hasSizeGreaterThan(20);
  }
}
