package dev.knead.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;

/**
 * Reading and writing the JSON tree: explicit fields only (nothing is bound to Java types by
 * reflection), NaN written as null, every missing or mistyped field reported by name.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** @return a number node, or null for NaN and infinities (JSON has no such numbers) */
  public static JsonNode num(double v) {
    return Double.isFinite(v) ? NODES.numberNode(v) : NODES.nullNode();
  }

  public static ArrayNode nums(double[] v) {
    ArrayNode a = array();
    for (double x : v) {
      a.add(num(x));
    }
    return a;
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact, one line: for --json output on stdout. */
  public static String writeLine(JsonNode node) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode parse(String text, String source) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadInputException(source + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
          + e.getOriginalMessage());
    }
  }

  /** @return the field, or a BadInputException naming it */
  public static JsonNode field(JsonNode node, String name, String where) {
    JsonNode f = node == null ? null : node.get(name);
    if (f == null || f.isMissingNode()) {
      throw new BadInputException(where + ": missing field '" + name + "'");
    }
    return f;
  }

  public static double number(JsonNode node, String name, String where) {
    JsonNode f = field(node, name, where);
    if (f.isNull()) {
      return Double.NaN;
    }
    if (!f.isNumber()) {
      throw new BadInputException(where + ": field '" + name + "' must be a number");
    }
    return f.asDouble();
  }

  public static long integer(JsonNode node, String name, String where) {
    JsonNode f = field(node, name, where);
    if (!f.isIntegralNumber()) {
      throw new BadInputException(where + ": field '" + name + "' must be a whole number");
    }
    return f.asLong();
  }

  public static String text(JsonNode node, String name, String where) {
    JsonNode f = field(node, name, where);
    if (!f.isTextual()) {
      throw new BadInputException(where + ": field '" + name + "' must be a string");
    }
    return f.asText();
  }

  public static double[] numbers(JsonNode node, String name, String where) {
    JsonNode f = field(node, name, where);
    if (!f.isArray()) {
      throw new BadInputException(where + ": field '" + name + "' must be an array of numbers");
    }
    double[] v = new double[f.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode e = f.get(i);
      if (e.isNull()) {
        v[i] = Double.NaN;
      } else if (e.isNumber()) {
        v[i] = e.asDouble();
      } else {
        throw new BadInputException(where + ": " + name + "[" + i + "] is not a number");
      }
    }
    return v;
  }
}
