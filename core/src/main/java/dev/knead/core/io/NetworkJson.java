package dev.knead.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A network as JSON: {@code {"input_dim": 2, "layers": [{"in": 2, "out": 3, "activation":
 * "tanh", "weights": [[…], …], "bias": […]}, …]}}. Doubles are written in their shortest exact
 * form, so a network survives the round trip bit for bit.
 */
public final class NetworkJson {
  private NetworkJson() {}

  public static ObjectNode write(Network net) {
    ObjectNode o = Json.object();
    o.put("input_dim", net.inputDim());
    ArrayNode layers = o.putArray("layers");
    for (Layer l : net.layers()) {
      ObjectNode lo = layers.addObject();
      lo.put("in", l.in());
      lo.put("out", l.out());
      lo.put("activation", l.activation().label());
      ArrayNode w = lo.putArray("weights");
      for (double[] row : l.weights().toRows()) {
        w.add(Json.nums(row));
      }
      lo.set("bias", Json.nums(l.bias()));
    }
    return o;
  }

  public static Network read(JsonNode node, String where) {
    JsonNode layers = Json.field(node, "layers", where);
    if (!layers.isArray() || layers.isEmpty()) {
      throw new BadInputException(where + ": 'layers' must be a non-empty array");
    }
    List<Layer> out = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      String at = where + " layer " + (l + 1);
      JsonNode lo = layers.get(l);
      long inGiven = Json.integer(lo, "in", at);
      long unitsGiven = Json.integer(lo, "out", at);
      if (inGiven < 1 || unitsGiven < 1 || inGiven > Integer.MAX_VALUE || unitsGiven > Integer.MAX_VALUE
          || inGiven * unitsGiven > Integer.MAX_VALUE - 8) {
        throw new BadInputException(at + ": 'in' and 'out' must be at least 1 and fit one weight matrix");
      }
      int in = (int) inGiven;
      int units = (int) unitsGiven;
      JsonNode rows = Json.field(lo, "weights", at);
      if (!rows.isArray() || rows.size() != units) {
        throw new BadInputException(at + ": 'weights' must have " + units + " rows");
      }
      // every row's length checked before the matrix is allocated, so its size is what the file holds
      for (int i = 0; i < units; i++) {
        JsonNode row = rows.get(i);
        if (!row.isArray() || row.size() != in) {
          throw new BadInputException(at + ": weights row " + (i + 1) + " must have " + in + " numbers");
        }
      }
      double[] w = new double[units * in];
      for (int i = 0; i < units; i++) {
        JsonNode row = rows.get(i);
        for (int j = 0; j < in; j++) {
          if (!row.get(j).isNumber()) {
            throw new BadInputException(at + ": weights[" + i + "][" + j + "] is not a finite number");
          }
          w[i * in + j] = row.get(j).asDouble();
        }
      }
      double[] b = Json.numbers(lo, "bias", at);
      if (b.length != units) {
        throw new BadInputException(at + ": 'bias' must have " + units + " numbers");
      }
      for (double v : b) {
        if (!Double.isFinite(v)) {
          throw new BadInputException(at + ": bias holds a non-finite value");
        }
      }
      out.add(new Layer(Matrix.of(units, in, w), b, Activation.parse(Json.text(lo, "activation", at))));
    }
    try {
      return new Network(out);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where + ": " + e.getMessage());
    }
  }
}
