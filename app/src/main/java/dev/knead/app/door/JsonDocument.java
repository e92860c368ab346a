package dev.knead.app.door;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import java.io.PrintWriter;

/** The one way a {@code --json} document reaches stdout: one line, with its provenance as the last field. */
public final class JsonDocument {
  private JsonDocument() {}

  public static void print(PrintWriter out, ObjectNode document, Provenance provenance) {
    out.println(Json.writeLine(provenance.addTo(document)));
  }
}
