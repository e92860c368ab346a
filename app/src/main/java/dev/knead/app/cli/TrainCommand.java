package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.core.io.RunFile;
import dev.knead.core.net.Network;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.Epoch;
import dev.knead.core.train.ExecutionSettings;
import dev.knead.core.train.Rewind;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code knead train}: train a network and save the run. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train a network on a data set and save the run (run.json) for trace, explain and render.")
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TrainOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/DATA-WIDTHS-sSEED).")
  Path out;

  @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
  boolean json;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Threads the wide layers' kernels may use (default: ${DEFAULT-VALUE}). An execution setting: the weights are the same bits for any N, and N is not part of the run's config.")
  int threads;

  @Option(names = "--progress", description = "Draw the progress bar on stderr even when it is not a terminal (never on stdout).")
  boolean progressWanted;

  @Override
  public Integer call() {
    ExperimentConfig config = options.config();
    ExecutionSettings exec = new ExecutionSettings(threads);
    PrintWriter err = spec.commandLine().getErr();
    boolean progress = progressWanted || !json && System.console() != null;
    long start = System.nanoTime();
    TrainListener listener = new TrainListener() {
      long last;

      @Override
      public void onEpoch(Epoch e, Supplier<Network> net) {
        long now = System.nanoTime();
        if (progress && (now - last > 200_000_000L || e.epoch() == config.train().epochs())) {
          last = now;
          err.print("\r" + ProgressBar.line(e.epoch(), config.train().epochs(), (now - start) / 1e9, e.loss(), e.trainAccuracy()));
          err.flush();
        }
      }

      @Override
      public void onRewind(Rewind r) {
        if (!json) {
          err.printf(Locale.ROOT, "%nrewind at epoch %d: %s; back to epoch %d, learning rate %.3g → %.3g%n", r.epoch(),
              r.reason(), r.backTo(), r.learningRateBefore(), r.learningRateAfter());
        }
      }
    };
    Run run = Runs.execute(config, listener, exec);
    if (progress) {
      err.println();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Path dir = out != null ? out : Path.of("runs", defaultName(config));
    RunFile.save(run, dir);
    PrintWriter o = spec.commandLine().getOut();
    TrainResult r = run.result();
    if (json) {
      JsonDocument.print(o, summary(run, dir, seconds), Provenance.of(run));
    } else {
      o.printf(Locale.ROOT, "%s on %s (%d train, %d test points): %s after %d epochs in %.2f s%n", run.network().describe(),
          run.data().name(), run.split().train().size(), run.split().test().size(),
          r.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.epochs(), seconds);
      o.printf(Locale.ROOT, "train accuracy %.2f %%  loss %.4g%n", 100 * r.trainAccuracy(), r.trainLoss());
      if (run.split().test().size() > 0) {
        o.printf(Locale.ROOT, "test accuracy  %.2f %%  loss %.4g%n", 100 * r.testAccuracy(), r.testLoss());
      }
      if (!r.rewinds().isEmpty()) {
        o.printf(Locale.ROOT, "the divergence guard rewound %d time(s); final learning rate %.3g%n", r.rewinds().size(),
            r.rewinds().get(r.rewinds().size() - 1).learningRateAfter());
      }
      o.println("saved " + dir.resolve(RunFile.NAME));
    }
    return KneadCommand.OK;
  }

  static String defaultName(ExperimentConfig c) {
    String widths = c.train().hidden().isEmpty() ? "linear"
        : String.join("-", c.train().hidden().stream().map(String::valueOf).toList());
    String data = Path.of(c.data().source()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return data + "-" + widths + "-s" + c.train().seed();
  }

  /** The --json document; its fields are documented in docs/cli.md. */
  static ObjectNode summary(Run run, Path dir, double seconds) {
    TrainResult r = run.result();
    ObjectNode o = Json.object();
    o.put("network", run.network().describe());
    o.put("data", run.data().name());
    o.put("data_hash", run.data().hash());
    o.put("train_points", run.split().train().size());
    o.put("test_points", run.split().test().size());
    o.put("status", r.status().name().toLowerCase(Locale.ROOT));
    o.put("epochs", r.epochs());
    o.set("loss", Json.num(r.trainLoss()));
    o.set("train_accuracy", Json.num(r.trainAccuracy()));
    o.set("test_loss", Json.num(r.testLoss()));
    o.set("test_accuracy", Json.num(r.testAccuracy()));
    o.put("rewinds", r.rewinds().size());
    ArrayNode events = o.putArray("rewind_events");
    for (Rewind w : r.rewinds()) {
      ObjectNode e = events.addObject();
      e.put("epoch", w.epoch());
      e.put("back_to", w.backTo());
      e.put("reason", w.reason());
      e.set("learning_rate_after", Json.num(w.learningRateAfter()));
    }
    o.put("seed", run.config().train().seed());
    o.put("data_seed", run.config().data().seed());
    o.put("precision", run.config().train().precision().label());
    o.put("parameters", run.network().parameterCount());
    o.put("seconds", Math.round(seconds * 1000) / 1000.0);
    o.put("run_dir", dir.toString());
    return o;
  }

}
