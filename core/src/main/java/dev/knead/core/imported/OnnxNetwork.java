package dev.knead.core.imported;

import dev.knead.core.BadInputException;
import dev.knead.core.imported.Protobuf.Field;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feed-forward network read from an ONNX model (the subset an MLP needs): one chain from the
 * graph's input to its output of {@code Gemm} (transA = 0; transB either way; alpha and beta
 * folded into the weights), or {@code MatMul} followed by an {@code Add} of a bias, each
 * optionally followed by an activation Knead has ({@code Relu}, {@code Tanh}, {@code Sigmoid},
 * {@code LeakyRelu}, {@code Elu}, {@code Softplus}, {@code Sin}); {@code Identity},
 * {@code Dropout} and {@code Flatten} pass through, and a final {@code Softmax} or
 * {@code LogSoftmax} is left out (Knead's output layer gives the logits; the predicted class is
 * the same). Weights are float or double tensors stored in the file. Anything else is refused
 * with one line naming what was found.
 *
 * <p>Read with a wire-format reader of its own ({@link Protobuf}) rather than classes generated
 * from onnx.proto: the subset is five messages, and a reader that checks every length itself is
 * easier to fuzz and keeps protobuf-java and a protoc download out of the build.
 */
public final class OnnxNetwork {
  /** 200 MB. */
  public static final long MAX_BYTES = 200L * 1024 * 1024;

  /** 50 million weights. */
  public static final long MAX_VALUES = 50_000_000L;

  private static final Set<String> PASS = Set.of("Identity", "Dropout", "Flatten");
  private static final Set<String> LAST = Set.of("Softmax", "LogSoftmax");

  private OnnxNetwork() {}

  record Node(String op, List<String> inputs, List<String> outputs, Map<String, Field> attributes) {}

  record Tensor(long[] dims, double[] values) {}

  /** Reads a whole {@code .onnx} file's bytes; {@code name} is used in messages. */
  public static Network parse(String name, byte[] bytes) {
    if (bytes.length == 0) {
      throw new BadInputException(name + ": the file is empty");
    }
    List<Field> model = Protobuf.parse(bytes, 0, bytes.length, name);
    Field graphField = model.stream().filter(f -> f.number() == 7 && f.wire() == Protobuf.BYTES).findFirst()
        .orElseThrow(() -> new BadInputException(name + ": not an ONNX model (it has no graph)"));
    List<Field> graph = graphField.message(name);
    Map<String, Tensor> init = new HashMap<>();
    long[] budget = {MAX_VALUES};
    List<Node> nodes = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    Set<String> outputs = new HashSet<>();
    for (Field f : graph) {
      switch (f.number()) {
        case 1 -> nodes.add(node(f.message(name), name));
        case 5 -> {
          List<Field> t = f.message(name);
          String tn = text(t, 8, name);
          init.put(tn, tensor(t, name + ": tensor '" + shown(tn) + "'", budget));
        }
        case 11 -> inputs.add(text(f.message(name), 1, name));
        case 12 -> outputs.add(text(f.message(name), 1, name));
        default -> { }
      }
    }
    String current = inputs.stream().filter(i -> !init.containsKey(i)).findFirst()
        .orElseThrow(() -> new BadInputException(name + ": the graph has no input besides its weights"));
    if (outputs.size() != 1) {
      throw new BadInputException(name + ": the graph has " + outputs.size() + " outputs; Knead imports a network with one");
    }
    List<Layer> layers = new ArrayList<>();
    double[][] w = null; // the affine map waiting for its activation: out × in
    double[] b = null;
    Set<Node> used = new HashSet<>();
    boolean ended = false;
    while (!outputs.contains(current)) {
      final String x = current;
      List<Node> next = nodes.stream().filter(n -> n.inputs().contains(x)).toList();
      if (next.size() != 1) {
        throw new BadInputException(name + ": '" + shown(x) + "' feeds " + next.size() + " operations; Knead imports one chain of layers");
      }
      Node n = next.get(0);
      if (!used.add(n) || n.outputs().isEmpty()) {
        throw new BadInputException(name + ": the graph loops or has an operation without output");
      }
      if (ended) {
        throw new BadInputException(name + ": " + shown(n.op()) + " after the final " + "Softmax; Knead imports logits or a softmax at the very end");
      }
      String where = name + ": " + shown(n.op()) + " node";
      switch (n.op()) {
        case "Gemm" -> {
          if (w != null) {
            layers.add(layer(w, b, Activation.IDENTITY));
          }
          if (integer(n, "transA", 0) != 0) {
            throw new BadInputException(where + ": transA = 1 is not supported");
          }
          double alpha = real(n, "alpha", 1);
          double beta = real(n, "beta", 1);
          double[][] m = matrix(weight(n, 1, init, where), where);
          w = integer(n, "transB", 0) != 0 ? m : transpose(m);
          scale(w, alpha);
          b = new double[w.length];
          if (n.inputs().size() > 2 && !n.inputs().get(2).isEmpty()) {
            double[] c = bias(weight(n, 2, init, where), w.length, where);
            for (int i = 0; i < b.length; i++) {
              b[i] = beta * c[i];
            }
          }
        }
        case "MatMul" -> {
          if (w != null) {
            layers.add(layer(w, b, Activation.IDENTITY));
          }
          if (n.inputs().indexOf(x) != 0) {
            throw new BadInputException(where + ": the weights must be MatMul's second input (x · W)");
          }
          w = transpose(matrix(weight(n, 1, init, where), where));
          b = new double[w.length];
        }
        case "Add" -> {
          if (w == null) {
            throw new BadInputException(where + ": Add without a MatMul or Gemm before it");
          }
          String other = n.inputs().get(0).equals(x) ? (n.inputs().size() > 1 ? n.inputs().get(1) : "") : n.inputs().get(0);
          Tensor t = init.get(other);
          if (t == null) {
            throw new BadInputException(where + ": adds '" + shown(other) + "', which is not a weight stored in the file");
          }
          double[] c = bias(t, w.length, where);
          for (int i = 0; i < b.length; i++) {
            b[i] += c[i];
          }
        }
        case "Relu", "Tanh", "Sigmoid", "LeakyRelu", "Elu", "Softplus", "Sin" -> {
          if (w == null) {
            throw new BadInputException(where + ": an activation without a layer before it");
          }
          layers.add(layer(w, b, activation(n, where)));
          w = null;
          b = null;
        }
        default -> {
          if (LAST.contains(n.op())) {
            ended = true;
          } else if (!PASS.contains(n.op())) {
            throw new BadInputException(where + ": operator '" + shown(n.op()) + "' is not one Knead imports (Gemm, MatMul, Add, Relu, "
                + "Tanh, Sigmoid, LeakyRelu, Elu, Softplus, Sin; Identity, Dropout, Flatten; a final Softmax)");
          }
        }
      }
      current = n.outputs().get(0);
    }
    if (w == null) {
      throw new BadInputException(name + ": the graph does not end in an affine layer (Gemm or MatMul + Add): Knead's output "
          + "layer gives the logits");
    }
    layers.add(layer(w, b, Activation.IDENTITY));
    try {
      return new Network(layers);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(name + ": " + e.getMessage());
    }
  }

  /** A name from the file as a message shows it: on one line, control characters escaped, at most 60 characters. */
  static String shown(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 60; i++) {
      char ch = s.charAt(i);
      if (Character.isISOControl(ch) || Character.getType(ch) == Character.LINE_SEPARATOR
          || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.length() < 60 || s.length() <= 60 ? b.toString() : b + "…";
  }

  private static Node node(List<Field> f, String where) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    String op = "";
    Map<String, Field> attrs = new HashMap<>();
    for (Field x : f) {
      switch (x.number()) {
        case 1 -> in.add(x.text(where));
        case 2 -> out.add(x.text(where));
        case 4 -> op = x.text(where);
        case 5 -> {
          List<Field> a = x.message(where);
          attrs.put(text(a, 1, where), x);
        }
        default -> { }
      }
    }
    return new Node(op, in, out, attrs);
  }

  private static String text(List<Field> fields, int number, String where) {
    for (Field f : fields) {
      if (f.number() == number) {
        return f.text(where);
      }
    }
    return "";
  }

  private static long integer(Node n, String attr, long dflt) {
    Field a = n.attributes().get(attr);
    if (a == null) {
      return dflt;
    }
    for (Field f : a.message(shown(n.op()))) {
      if (f.number() == 3 && f.wire() == Protobuf.VARINT) {
        return f.value();
      }
    }
    return dflt;
  }

  private static double real(Node n, String attr, double dflt) {
    Field a = n.attributes().get(attr);
    if (a == null) {
      return dflt;
    }
    for (Field f : a.message(shown(n.op()))) {
      if (f.number() == 2 && f.wire() == Protobuf.FIXED32) {
        return Float.intBitsToFloat((int) f.value());
      }
    }
    return dflt;
  }

  private static Activation activation(Node n, String where) {
    return switch (n.op()) {
      case "Relu" -> Activation.RELU;
      case "Tanh" -> Activation.TANH;
      case "Sigmoid" -> Activation.SIGMOID;
      case "Softplus" -> Activation.SOFTPLUS;
      case "Sin" -> Activation.SIN;
      case "LeakyRelu" -> leaky(real(n, "alpha", 0.01), where);
      default -> {
        double a = real(n, "alpha", 1);
        if (!(a > 0 && a < 1e6)) {
          throw new BadInputException(where + ": Elu's alpha must be positive, got " + a);
        }
        yield new Activation(Activation.Kind.ELU, a);
      }
    };
  }

  private static Activation leaky(double a, String where) {
    if (!(a > 0 && a < 1e6)) {
      throw new BadInputException(where + ": LeakyRelu's alpha must be positive, got " + a);
    }
    return Activation.leakyRelu(a);
  }

  private static Tensor weight(Node n, int i, Map<String, Tensor> init, String where) {
    if (n.inputs().size() <= i || !init.containsKey(n.inputs().get(i))) {
      throw new BadInputException(where + ": input " + (i + 1) + " is not a weight stored in the file");
    }
    return init.get(n.inputs().get(i));
  }

  private static double[][] matrix(Tensor t, String where) {
    if (t.dims().length != 2) {
      throw new BadInputException(where + ": the weights have " + t.dims().length + " dimensions, expected 2");
    }
    int r = (int) t.dims()[0];
    int c = (int) t.dims()[1];
    if (r < 1 || c < 1) {
      throw new BadInputException(where + ": the weights are empty");
    }
    double[][] m = new double[r][c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(t.values(), i * c, m[i], 0, c);
    }
    return m;
  }

  private static double[] bias(Tensor t, int out, String where) {
    if (t.values().length != out || t.dims().length > 2 || t.dims().length == 2 && t.dims()[0] != 1) {
      throw new BadInputException(where + ": the bias has shape " + java.util.Arrays.toString(t.dims()) + ", expected " + out
          + " values");
    }
    return t.values().clone();
  }

  private static double[][] transpose(double[][] m) {
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }

  private static void scale(double[][] m, double f) {
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= f;
      }
    }
  }

  private static Layer layer(double[][] w, double[] b, Activation a) {
    for (double[] row : w) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          throw new BadInputException("the weights hold a value that is not finite");
        }
      }
    }
    return new Layer(Matrix.of(w), b, a);
  }

  /** TensorProto: dims (1), data_type (2: 1 float, 11 double), float_data (4), raw_data (9), double_data (10). */
  private static Tensor tensor(List<Field> t, String where, long[] budget) {
    List<Long> dimList = Protobuf.longs(t, 1, where);
    long[] dims = new long[dimList.size()];
    long count = 1;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = dimList.get(i);
      if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
        throw new BadInputException(where + ": a dimension of " + dims[i]);
      }
      count *= Math.max(1, dims[i]);
      if (dims[i] == 0) {
        count = 0;
      }
      if (count > budget[0]) {
        throw new BadInputException(where + ": more weights than the limit of " + MAX_VALUES);
      }
    }
    budget[0] -= count;
    long type = Protobuf.longs(t, 2, where).stream().findFirst().orElse(0L);
    if (type != 1 && type != 11) {
      throw new BadInputException(where + ": data type " + type + " is not float (1) or double (11)");
    }
    for (Field f : t) {
      if (f.number() == 14 && f.wire() == Protobuf.VARINT && f.value() == 1) {
        throw new BadInputException(where + ": the weights are stored outside the file (external data); save them inside");
      }
    }
    int size = type == 1 ? 4 : 8;
    long have = 0; // bytes of values the tensor holds: checked before anything is allocated
    for (Field f : t) {
      if (f.number() == 9 && f.wire() == Protobuf.BYTES || (f.number() == 4 && type == 1 || f.number() == 10 && type == 11)
          && (f.wire() == Protobuf.BYTES || f.wire() == (size == 4 ? Protobuf.FIXED32 : Protobuf.FIXED64))) {
        have += f.wire() == Protobuf.BYTES ? f.to() - f.from() : size;
      }
    }
    if (have != count * size) {
      throw new BadInputException(where + ": " + have + " bytes of values for its shape's " + count + " values");
    }
    double[] v = new double[(int) count];
    int n = 0;
    for (Field f : t) {
      if (f.number() == 9 && f.wire() == Protobuf.BYTES) {
        if (f.to() - f.from() != count * size) {
          throw new BadInputException(where + ": " + (f.to() - f.from()) + " bytes of data for " + count + " values");
        }
        ByteBuffer bb = ByteBuffer.wrap(f.buf(), f.from(), f.to() - f.from()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
          v[i] = size == 4 ? bb.getFloat() : bb.getDouble();
        }
        n = (int) count;
      } else if ((f.number() == 4 && type == 1) || (f.number() == 10 && type == 11)) {
        if (f.wire() == Protobuf.BYTES) {
          int len = f.to() - f.from();
          if (len % size != 0 || n + len / size > count) {
            throw new BadInputException(where + ": more values than its shape holds");
          }
          ByteBuffer bb = ByteBuffer.wrap(f.buf(), f.from(), len).order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < len / size; i++) {
            v[n++] = size == 4 ? bb.getFloat() : bb.getDouble();
          }
        } else if (f.wire() == (size == 4 ? Protobuf.FIXED32 : Protobuf.FIXED64)) {
          if (n >= count) {
            throw new BadInputException(where + ": more values than its shape holds");
          }
          v[n++] = size == 4 ? Float.intBitsToFloat((int) f.value()) : Double.longBitsToDouble(f.value());
        }
      }
    }
    if (n != count) {
      throw new BadInputException(where + ": " + n + " values for its shape's " + count);
    }
    return new Tensor(dims, v);
  }
}
