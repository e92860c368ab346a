package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.knead.core.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code files} list of the figure commands' --json: each file written, with its size. */
final class Written {
  private Written() {}

  static ArrayNode files(Path... paths) {
    ArrayNode a = Json.array();
    for (Path p : paths) {
      try {
        a.addObject().put("path", p.toString()).put("bytes", Files.size(p));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
      }
    }
    return a;
  }
}
