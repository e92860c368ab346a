package dev.knead.topology.ph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Finds ../shared/bench/ph beside the repository root and reads its clouds. */
final class SharedBench {
  private SharedBench() {}

  /** The ph folder, or null when it is not there. */
  static Path phDir() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw"))) {
        Path ph = d.resolveSibling("shared").resolve("bench").resolve("ph");
        return Files.isDirectory(ph) ? ph : null;
      }
    }
    return null;
  }

  static double[][] readCloud(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv);
      return lines.stream().filter(s -> !s.isBlank())
          .map(s -> Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray())
          .toArray(double[][]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** t_thr of a cloud from meta.tsv. */
  static double threshold(Path ph, String cloudFile) {
    try {
      for (String line : Files.readAllLines(ph.resolve("clouds").resolve("meta.tsv"))) {
        String[] f = line.split("\t");
        if (f[0].equals(cloudFile)) return Double.parseDouble(f[4]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no meta row for " + cloudFile);
  }
}
