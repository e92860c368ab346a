package dev.knead.core.imported;

import dev.knead.core.BadInputException;
import dev.knead.core.data.DataFiles;
import dev.knead.core.data.LoadOptions;
import dev.knead.core.data.NpyArray;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed-forward network read from a NumPy {@code .npz} of its weights, one array per weight
 * matrix and per bias, named either {@code W0, b0, W1, b1, …} (layer 0 first) or as PyTorch's
 * {@code state_dict} names them ({@code NAME.weight}, {@code NAME.bias}, layers in archive
 * order). Each W is out × in (PyTorch's {@code nn.Linear.weight}: y = W x + b), each b has out
 * values. The hidden layers take the given activation; the last layer is affine (its outputs
 * are the logits).
 */
public final class NpzNetwork {
  /** 50 million weights. */
  public static final long MAX_VALUES = 50_000_000L;

  private static final Pattern INDEXED = Pattern.compile("([Wb])(\\d{1,4})");
  private static final Pattern NAMED = Pattern.compile("(.+)\\.(weight|bias)");

  private NpzNetwork() {}

  public static Network read(Path path, Activation hidden) {
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    Map<String, NpyArray> arrays =
        DataFiles.npzArrays(path, LoadOptions.defaults().withLimits(LoadOptions.DEFAULT_MAX_BYTES, MAX_VALUES));
    return build(name, arrays, hidden);
  }

  static Network build(String name, Map<String, NpyArray> arrays, Activation hidden) {
    List<NpyArray[]> pairs = new ArrayList<>();
    if (arrays.containsKey("W0")) {
      for (String k : arrays.keySet()) {
        if (!INDEXED.matcher(k).matches()) {
          throw new BadInputException(name + ": array '" + OnnxNetwork.shown(k) + "' is not named W0, b0, W1, b1, …");
        }
      }
      for (int l = 0; arrays.containsKey("W" + l); l++) {
        if (!arrays.containsKey("b" + l)) {
          throw new BadInputException(name + ": W" + l + " has no bias b" + l);
        }
        pairs.add(new NpyArray[] {arrays.get("W" + l), arrays.get("b" + l)});
      }
      if (pairs.size() * 2 != arrays.size()) {
        throw new BadInputException(name + ": the arrays are not W0, b0, … W" + (pairs.size() - 1) + ", b" + (pairs.size() - 1)
            + " without gaps");
      }
    } else {
      List<String> layers = new ArrayList<>();
      for (String k : arrays.keySet()) {
        Matcher m = NAMED.matcher(k);
        if (!m.matches()) {
          throw new BadInputException(name + ": array '" + OnnxNetwork.shown(k) + "' is neither W0, b0, … nor NAME.weight / NAME.bias");
        }
        if (m.group(2).equals("weight")) {
          layers.add(m.group(1));
        }
      }
      for (String l : layers) {
        if (!arrays.containsKey(l + ".bias")) {
          throw new BadInputException(name + ": " + OnnxNetwork.shown(l) + ".weight has no bias");
        }
        pairs.add(new NpyArray[] {arrays.get(l + ".weight"), arrays.get(l + ".bias")});
      }
      if (pairs.isEmpty() || pairs.size() * 2 != arrays.size()) {
        throw new BadInputException(name + ": expected one NAME.weight and one NAME.bias per layer");
      }
    }
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l < pairs.size(); l++) {
      int[] ws = pairs.get(l)[0].shape();
      int[] bs = pairs.get(l)[1].shape();
      if (ws.length != 2 || ws[0] < 1 || ws[1] < 1) {
        throw new BadInputException(name + ": layer " + l + "'s weights have shape " + java.util.Arrays.toString(ws)
            + ", expected (out, in)");
      }
      if (bs.length != 1 || bs[0] != ws[0]) {
        throw new BadInputException(name + ": layer " + l + "'s bias has shape " + java.util.Arrays.toString(bs) + ", expected ("
            + ws[0] + ",) for weights of shape (" + ws[0] + ", " + ws[1] + ")");
      }
      double[] w = pairs.get(l)[0].values();
      double[] b = pairs.get(l)[1].values();
      for (double v : w) {
        if (!Double.isFinite(v)) {
          throw new BadInputException(name + ": layer " + l + "'s weights hold a value that is not finite");
        }
      }
      for (double v : b) {
        if (!Double.isFinite(v)) {
          throw new BadInputException(name + ": layer " + l + "'s bias holds a value that is not finite");
        }
      }
      if (l > 0 && ws[1] != layers.get(l - 1).out()) {
        throw new BadInputException(name + ": layer " + l + " takes " + ws[1] + " inputs but layer " + (l - 1) + " gives "
            + layers.get(l - 1).out());
      }
      layers.add(new Layer(Matrix.of(ws[0], ws[1], w), b, l == pairs.size() - 1 ? Activation.IDENTITY : hidden));
    }
    return new Network(layers);
  }
}
