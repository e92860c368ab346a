package dev.knead.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.io.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table row as a JSON object and back, cell by cell as its column holds it; doubles keep every bit. */
public final class RowJson {
  private RowJson() {}

  public static ObjectNode toJson(Map<String, Object> row) {
    ObjectNode o = Json.object();
    row.forEach((k, v) -> {
      if (v == null) {
        o.putNull(k);
      } else if (v instanceof Long l) {
        o.put(k, l);
      } else if (v instanceof Double d) {
        o.put(k, d); // Jackson writes the shortest text that reads back to the same double
      } else if (v instanceof Boolean b) {
        o.put(k, b);
      } else {
        o.put(k, v.toString());
      }
    });
    return o;
  }

  public static Map<String, Object> fromJson(JsonNode o, List<Column> columns, String where) {
    if (o == null || !o.isObject()) {
      throw new BadInputException(where + ": must be an object");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column c : columns) {
      JsonNode n = o.get(c.name());
      if (n == null || n.isNull()) {
        row.put(c.name(), null);
        continue;
      }
      Object v = switch (c.type()) {
        case LONG -> n.canConvertToExactIntegral() && n.canConvertToLong() ? (Object) n.asLong() : null;
        case DOUBLE -> n.isNumber() ? (Object) n.asDouble() : null;
        case STRING -> n.isTextual() ? n.asText() : null;
        case BOOLEAN -> n.isBoolean() ? (Object) n.asBoolean() : null;
      };
      if (v == null) {
        throw new BadInputException(where + ": column '" + c.name() + "' must be " + c.type().name().toLowerCase(java.util.Locale.ROOT));
      }
      row.put(c.name(), v);
    }
    return row;
  }
}
