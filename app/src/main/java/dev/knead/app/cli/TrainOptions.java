package dev.knead.app.cli;

import dev.knead.core.BadInputException;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.Loss;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Precision;
import dev.knead.core.train.Schedule;
import dev.knead.core.train.TrainConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags that describe an experiment, shared by every command that trains or explains: they
 * become one {@link ExperimentConfig}.
 */
public final class TrainOptions {
  @Option(names = "--data", required = true, paramLabel = "NAME|FILE",
      description = "A built-in data set (see: knead datasets) or a CSV/NPY/NPZ file.")
  String data;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A data-set parameter, e.g. --set points=300 --set noise=0.05.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--label-column", paramLabel = "NAME|INDEX", description = "CSV only: the label column (default: the last).")
  String labelColumn;

  @Option(names = "--test-share", defaultValue = "0.2", description = "Share of points held out for testing, in [0, 1) (default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--hidden", defaultValue = "3", paramLabel = "W1,W2,…",
      description = "Hidden widths, e.g. 3,3; 'none' for no hidden layer (default: ${DEFAULT-VALUE}).")
  String hidden;

  @Option(names = "--activation", paramLabel = "σ",
      description = "One activation for every hidden layer: identity, tanh, sigmoid, softplus, relu, leaky-relu[:α], elu[:α], sin (default: tanh).")
  String activation;

  @Option(names = "--activations", paramLabel = "σ1,σ2,…", description = "One activation per hidden layer.")
  String activations;

  @Option(names = "--init", defaultValue = "glorot", description = "glorot, he or uniform:a (default: ${DEFAULT-VALUE}).")
  String init;

  @Option(names = "--loss", defaultValue = "softmax-ce", description = "softmax-ce, binary-ce or squared (default: ${DEFAULT-VALUE}).")
  String loss;

  @Option(names = "--optimizer", defaultValue = "adam", description = "sgd, momentum, nesterov or adam (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", defaultValue = "0.03", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--momentum", defaultValue = "0.9", description = "Momentum for momentum/nesterov (default: ${DEFAULT-VALUE}).")
  double momentum;

  @Option(names = "--schedule", defaultValue = "constant", description = "constant, cosine or step:EVERY:FACTOR (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(names = "--l1", defaultValue = "0", description = "L1 penalty on weights (default: ${DEFAULT-VALUE}).")
  double l1;

  @Option(names = "--l2", defaultValue = "0", description = "L2 penalty on weights (default: ${DEFAULT-VALUE}).")
  double l2;

  @Option(names = "--epochs", defaultValue = "500", description = "Passes over the training points (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", defaultValue = "0", description = "Points per step; 0 = full batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--target-accuracy", paramLabel = "A", description = "Stop once training accuracy reaches A (0 … 1).")
  Double targetAccuracy;

  @Option(names = "--clip", defaultValue = "0", description = "Largest gradient norm; 0 = no clipping (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--snapshot-every", defaultValue = "0", description = "Keep the network every N epochs; 0 = about 50 snapshots.")
  int snapshotEvery;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial weights and batch order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--precision", defaultValue = "float64",
      description = "Arithmetic of each step: float64 (exact) or float32 (faster, as PyTorch; the weights stay double) (default: ${DEFAULT-VALUE}).")
  String precision;

  @Option(names = "--data-seed", description = "Seed of the generated data and the split (default: the --seed value).")
  Long dataSeed;

  /** Builds the experiment these flags describe; bad values give one clear line. */
  public ExperimentConfig config() {
    if (activation != null && activations != null) {
      throw new BadInputException("give --activation or --activations, not both");
    }
    List<Integer> widths = Architecture.parseWidths(hidden);
    List<Activation> acts;
    if (activations != null) {
      acts = new ArrayList<>();
      for (String a : activations.split(",")) {
        acts.add(Activation.parse(a));
      }
      if (acts.size() != widths.size()) {
        throw new BadInputException("--activations lists " + acts.size() + " activations for " + widths.size() + " hidden layers");
      }
    } else {
      acts = Collections.nCopies(widths.size(), Activation.parse(activation == null ? "tanh" : activation));
    }
    if (targetAccuracy != null && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
      throw new BadInputException("--target-accuracy must be in (0, 1], got " + targetAccuracy);
    }
    Optimizer.Kind kind = Optimizer.parseKind(optimizer);
    Optimizer opt = new Optimizer(kind, lr, momentum, 0.9, 0.999, 1e-8);
    TrainConfig train = new TrainConfig(widths, acts, Initializer.parse(init), Loss.parse(loss), opt, Schedule.parse(schedule),
        l1, l2, batch, epochs, targetAccuracy == null ? 2 : targetAccuracy, clip, snapshotEvery, seed, Precision.parse(precision));
    DataSpec spec = new DataSpec(data, Datasets.parseSettings(settings), dataSeed == null ? seed : dataSeed, testShare,
        Optional.ofNullable(labelColumn));
    return new ExperimentConfig(spec, train);
  }
}
