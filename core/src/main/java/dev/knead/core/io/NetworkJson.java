package dev.knead.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Block;
import dev.knead.core.net.Coupling;
import dev.knead.core.net.Flow;
import dev.knead.core.net.Layer;
import dev.knead.core.net.LayerSpec;
import dev.knead.core.net.Mlp;
import dev.knead.core.net.Prototypes;
import dev.knead.core.net.Residual;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A network as JSON: {@code {"input_dim": 2, "layers": [{"in": 2, "out": 3, "activation":
 * "tanh", "weights": [[…], …], "bias": […]}, …]}}. Doubles are written in their shortest exact
 * form, so a network survives the round trip bit for bit. A network with other blocks names each
 * entry's {@code kind} (dense, ode, coupling, residual, knn) and writes a block's parameters as
 * one flat {@code parameters} array in the block's own layout (docs/layers.md); an entry without
 * a kind is a dense layer, so every older file still loads.
 */
public final class NetworkJson {
  private NetworkJson() {}

  public static ObjectNode write(Network net) {
    ObjectNode o = Json.object();
    o.put("input_dim", net.inputDim());
    ArrayNode layers = o.putArray("layers");
    for (Block b : net.blocks()) {
      ObjectNode lo = layers.addObject();
      if (!net.isDense()) {
        lo.put("kind", LayerSpec.of(b).kind().label());
      }
      if (!(b instanceof Layer l)) {
        writeBlock(b, lo);
        continue;
      }
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

  private static void writeBlock(Block b, ObjectNode lo) {
    lo.put("in", b.in());
    lo.put("out", b.out());
    if (b instanceof Flow f) {
      lo.put("hidden", f.field().hidden());
      lo.put("solver", f.solver().label());
      lo.put("steps", f.steps());
    } else if (b instanceof Coupling c) {
      lo.put("hidden", c.net().hidden());
      lo.put("odd", c.odd());
      lo.put("affine", c.affine());
    } else if (b instanceof Residual r) {
      lo.put("hidden", r.raw().hidden());
    } else if (b instanceof Prototypes p) {
      lo.put("prototypes", p.count());
      lo.put("tau", p.temperature());
    }
    double[] params = new double[b.parameterCount()];
    b.copyParameters(params, 0);
    lo.set("parameters", Json.nums(params));
  }

  private static Block readBlock(JsonNode lo, String kind, String at) {
    int in = (int) Json.integer(lo, "in", at);
    int out = (int) Json.integer(lo, "out", at);
    if (in < 1 || out < 1 || in > Architecture.MAX_WIDTH || out > Architecture.MAX_WIDTH) {
      throw new BadInputException(at + ": 'in' and 'out' must be 1 … " + Architecture.MAX_WIDTH);
    }
    double[] p = Json.numbers(lo, "parameters", at);
    for (double v : p) {
      if (!Double.isFinite(v)) {
        throw new BadInputException(at + ": parameters hold a non-finite value");
      }
    }
    int hidden = kind.equals("knn") ? 0 : (int) Json.integer(lo, "hidden", at);
    if (!kind.equals("knn") && (hidden < 1 || hidden > 1024)) {
      throw new BadInputException(at + ": 'hidden' must be 1 … 1024");
    }
    try {
      return switch (kind) {
        case "ode" -> {
          String solver = Json.text(lo, "solver", at);
          if (!solver.equals("rk4") && !solver.equals("dopri")) {
            throw new BadInputException(at + ": solver must be rk4 or dopri, got '" + solver + "'");
          }
          int count = Mlp.count(out, hidden, out, true);
          check(p, count, at);
          yield new Flow(in, out, (int) Json.integer(lo, "steps", at), solver.equals("rk4") ? Flow.Solver.RK4 : Flow.Solver.DOPRI,
              new Mlp(out, hidden, out, true, p));
        }
        case "coupling" -> {
          boolean odd = Json.field(lo, "odd", at).asBoolean();
          boolean affine = Json.field(lo, "affine", at).asBoolean();
          int held = Coupling.heldCount(in, odd);
          check(p, Mlp.count(held, hidden, (affine ? 2 : 1) * (in - held), false), at);
          yield new Coupling(in, odd, affine, new Mlp(held, hidden, (affine ? 2 : 1) * (in - held), false, p));
        }
        case "residual" -> {
          check(p, Mlp.count(in, hidden, in, false), at);
          yield new Residual(in, new Mlp(in, hidden, in, false, p));
        }
        case "knn" -> {
          int m = (int) Json.integer(lo, "prototypes", at);
          if (m < 1 || m > 100_000) {
            throw new BadInputException(at + ": 'prototypes' must be 1 … 100000");
          }
          check(p, m * (in + out), at);
          yield new Prototypes(in, out, m, Json.number(lo, "tau", at), java.util.Arrays.copyOfRange(p, 0, m * in),
              java.util.Arrays.copyOfRange(p, m * in, p.length));
        }
        default -> throw new BadInputException(at + ": unknown kind '" + kind + "'; known: dense, ode, coupling, residual, knn");
      };
    } catch (IllegalArgumentException e) {
      throw new BadInputException(at + ": " + e.getMessage());
    }
  }

  private static void check(double[] p, int count, String at) {
    if (p.length != count) {
      throw new BadInputException(at + ": 'parameters' must have " + count + " numbers, got " + p.length);
    }
  }

  public static Network read(JsonNode node, String where) {
    JsonNode layers = Json.field(node, "layers", where);
    if (!layers.isArray() || layers.isEmpty()) {
      throw new BadInputException(where + ": 'layers' must be a non-empty array");
    }
    List<Block> out = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      String at = where + " layer " + (l + 1);
      JsonNode lo = layers.get(l);
      String kind = lo.has("kind") ? Json.text(lo, "kind", at) : "dense";
      if (!kind.equals("dense")) {
        out.add(readBlock(lo, kind, at));
        continue;
      }
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
