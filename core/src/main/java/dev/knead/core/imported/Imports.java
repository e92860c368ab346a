package dev.knead.core.imported;

import dev.knead.core.BadInputException;
import dev.knead.core.Version;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Split;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.TrainSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A network trained elsewhere made into a Knead run: its weights (NPZ or ONNX) with a data set,
 * so {@code knead trace / explain / render} take it exactly as a run Knead trained. The run has
 * no history and no snapshots (status {@code completed}, 0 epochs); its losses and accuracies are
 * the imported network's on the data's training and test parts.
 */
public final class Imports {
  private Imports() {}

  /**
   * Reads weights by their extension: {@code .npz} (with the hidden layers' activation, which
   * the file does not hold) or {@code .onnx} (whose graph names its activations).
   *
   * @param hidden the hidden layers' activation for an NPZ; must be null for ONNX
   */
  public static Network read(Path file, Activation hidden) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such file");
    }
    if (lower.endsWith(".npz")) {
      if (hidden == null) {
        throw new BadInputException(name + ": a .npz holds only weights: give the hidden layers' activation with --activation");
      }
      return NpzNetwork.read(file, hidden);
    }
    if (lower.endsWith(".onnx")) {
      if (hidden != null) {
        throw new BadInputException(name + ": an ONNX graph names its own activations; leave out --activation");
      }
      try {
        if (Files.size(file) > OnnxNetwork.MAX_BYTES) {
          throw new BadInputException(name + ": larger than the limit of " + OnnxNetwork.MAX_BYTES + " bytes");
        }
        return OnnxNetwork.parse(name, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new BadInputException(name + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    throw new BadInputException(name + ": expected weights in a .npz or an .onnx file");
  }

  /** The run of {@code net} on the data {@code spec} names; the data's dimension and classes must fit the network. */
  public static Run run(Network net, DataSpec spec) {
    Dataset data = spec.load();
    if (data.dim() != net.inputDim()) {
      throw new BadInputException("the network takes " + net.inputDim() + "-D points but the data '" + data.name() + "' is "
          + data.dim() + "-D");
    }
    if (data.classes() != net.classes()) {
      throw new BadInputException("the network has " + net.classes() + " outputs but the data '" + data.name() + "' has "
          + data.classes() + " classes");
    }
    List<Integer> hidden = new ArrayList<>();
    List<Activation> acts = new ArrayList<>();
    for (Layer l : net.layers().subList(0, net.depth() - 1)) {
      hidden.add(l.out());
      acts.add(l.activation());
    }
    TrainConfig config = TrainConfig.defaults(hidden).with(TrainSchema.ACTIVATIONS, acts).with(TrainSchema.EPOCHS, 0L);
    Split split = Runs.split(data, spec);
    double[] train = lossAndAccuracy(net, split.train(), config);
    double[] test = split.test().size() == 0 ? new double[] {Double.NaN, Double.NaN} : lossAndAccuracy(net, split.test(), config);
    TrainResult result = new TrainResult(net, List.of(), List.of(), List.of(), TrainResult.Status.COMPLETED, train[0], train[1],
        test[0], test[1]);
    return new Run(new ExperimentConfig(spec, config), data, split, result, Instant.now(), Version.KNEAD);
  }

  private static double[] lossAndAccuracy(Network net, Dataset d, TrainConfig config) {
    int k = net.classes();
    double[] z = net.logits(d.points()).toArray();
    int[] right = new int[1];
    double loss = config.loss().lossAndGradient(z, d.size(), k, d.labels(), new double[z.length], right);
    return new double[] {loss, (double) right[0] / d.size()};
  }
}
