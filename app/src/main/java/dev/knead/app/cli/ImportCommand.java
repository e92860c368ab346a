package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.data.Datasets;
import dev.knead.core.imported.Imports;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.core.io.RunFile;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Network;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead import}: a network trained elsewhere, made into a run folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Bring your own network: read an MLP's weights from a .npz (W0, b0, W1, b1, … or PyTorch's NAME.weight / "
        + "NAME.bias; W is out × in) or an .onnx (Gemm or MatMul + Add, with Relu, Tanh, Sigmoid, LeakyRelu, Elu, Softplus, Sin) "
        + "and write a run folder that trace, explain and render take like a trained one.")
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "WEIGHTS", description = "The .npz or .onnx file.")
  Path weights;

  @Option(names = "--activation", paramLabel = "NAME",
      description = ".npz only: the hidden layers' activation (relu, tanh, sigmoid, leaky-relu:α, …); the last layer is affine.")
  String activation;

  @Option(names = "--data", required = true, paramLabel = "NAME|FILE",
      description = "The data to trace it on: a built-in data set or a CSV / NPY / NPZ file (its dimension and classes must fit).")
  String data;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A data-set parameter, e.g. --set points=300.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--data-seed", defaultValue = "1", description = "Seed of the generated data and the split (default: ${DEFAULT-VALUE}).")
  long dataSeed;

  @Option(names = "--test-share", defaultValue = DataSpec.DEFAULT_TEST_SHARE_TEXT, description = "Share of points held out for testing, in [0, 1) (default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/imported-WEIGHTS).")
  Path out;

  @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    Network net = Imports.read(weights, activation == null ? null : Activation.parse(activation));
    DataSpec dataSpec = new DataSpec(data, Datasets.parseSettings(settings), dataSeed, testShare, Optional.empty());
    Run run = Imports.run(net, dataSpec);
    String base = weights.getFileName().toString().replaceAll("\\.[^.]*$", "");
    Path dir = out != null ? out : Path.of("runs", "imported-" + base);
    RunFile.save(run, dir);
    if (json) {
      ObjectNode doc = Json.object();
      doc.put("run", dir.toString());
      doc.put("weights", weights.toString());
      doc.put("network", net.describe());
      doc.put("data", run.data().name());
      doc.set("train_accuracy", Json.num(run.result().trainAccuracy()));
      doc.set("test_accuracy", Json.num(run.result().testAccuracy()));
      JsonDocument.print(spec.commandLine().getOut(), doc, Provenance.of(run));
    } else {
      spec.commandLine().getOut().printf(Locale.ROOT, "imported %s (%s) on %s: train accuracy %.3f, test accuracy %.3f%nwrote %s%n",
          weights, net.describe(), run.data().name(), run.result().trainAccuracy(), run.result().testAccuracy(), dir);
    }
    return KneadCommand.OK;
  }
}
