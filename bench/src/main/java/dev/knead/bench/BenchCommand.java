package dev.knead.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.cli.KneadCommand;
import dev.knead.core.BadInputException;
import dev.knead.core.io.Json;
import dev.knead.core.net.FloatDense;
import dev.knead.core.train.Precision;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code knead bench}: speed, measured side by side with the tools users would otherwise pick. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure Knead's speed against the reference tools in the same run (ratios, not bare times).",
    subcommands = {BenchCommand.Train.class, BenchCommand.Topology.class, BenchCommand.Betti.class, BenchCommand.Render.class, BenchCommand.Lab.class,
        BenchCommand.Explain.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return KneadCommand.OK;
  }

  /** Where ../shared/bench lives: beside the repository, or given. */
  static Path shared(Path given) {
    Path p = given != null ? given : Path.of("..", "shared", "bench");
    if (!Files.isDirectory(p)) {
      throw new BadInputException("reference scripts not found at " + p.toAbsolutePath().normalize() + "; give --shared DIR");
    }
    return p;
  }

  /** {@code knead bench topology}. */
  @Command(name = "topology", mixinStandardHelpOptions = true,
      description = "Persistent homology against Debian's ripser on ../shared/bench/ph: CPU time and peak memory per "
          + "cloud, each in a fresh process, alternating.")
  static final class Topology implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--shared", paramLabel = "DIR", description = "The shared bench folder (default: ../shared/bench).")
    Path sharedDir;

    @Option(names = "--repetitions", defaultValue = "3", description = "Runs per case; medians are reported (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--case", paramLabel = "CLOUD:DIM:full|thr", description = "Only these cases, e.g. circle_n1000:1:full.")
    List<String> cases;

    @Option(names = "--json", description = "A JSON array of rows on stdout.")
    boolean json;

    @Override
    public Integer call() {
      Path ph = shared(sharedDir).resolve("ph");
      if (!Files.isExecutable(Path.of("/usr/bin/ripser"))) {
        throw new BadInputException("Debian's ripser is not installed (apt-get install ripser)");
      }
      if (repetitions < 1 || repetitions > 20) {
        throw new BadInputException("--repetitions must be 1 … 20");
      }
      TopologyBench.Settings d = TopologyBench.Settings.defaults(ph);
      TopologyBench.Settings s = new TopologyBench.Settings(ph, d.javaBinary(), d.classpath(), d.jvmOptions(), d.ripser(),
          repetitions, d.timeoutSeconds());
      List<TopologyBench.Case> todo = cases == null ? TopologyBench.defaultCases(ph) : cases.stream().map(Topology::parse).toList();
      PrintWriter out = spec.commandLine().getOut();
      ArrayNode rows = Json.array();
      if (!json) {
        out.print(TopologyBench.table(List.of()));
      }
      for (TopologyBench.Case c : todo) {
        for (TopologyBench.Row r : TopologyBench.run(s, List.of(c))) {
          if (json) {
            ObjectNode o = rows.addObject();
            o.put("cloud", r.cloud());
            o.put("n", r.n());
            o.put("dim", r.dim());
            o.put("mode", r.mode());
            o.put("max_dim", r.maxDim());
            o.set("knead_cpu_s", Json.num(r.kneadCpuS()));
            o.set("knead_peak_mb", Json.num(r.kneadPeakMb()));
            o.set("ripser_cpu_s", Json.num(r.ripserCpuS()));
            o.set("ripser_peak_mb", Json.num(r.ripserPeakMb()));
            o.set("cpu_ratio", Json.num(r.cpuRatio()));
            o.set("memory_ratio", Json.num(r.memRatio()));
            o.put("barcodes_equal", r.barcodesEqual());
            o.put("status", r.status());
          } else {
            out.print(TopologyBench.table(List.of(r)).lines().skip(2).map(l -> l + System.lineSeparator()).reduce("", String::concat));
            out.flush();
          }
        }
      }
      if (json) {
        out.println(Json.writeLine(rows));
      }
      return KneadCommand.OK;
    }

    static TopologyBench.Case parse(String text) {
      String[] f = text.split(":");
      if (f.length != 3 || !(f[2].equals("full") || f[2].equals("thr")) || !f[1].matches("[0-3]")) {
        throw new BadInputException("--case '" + text + "': use CLOUD:DIM:full|thr, e.g. circle_n1000:1:full");
      }
      return new TopologyBench.Case(f[0].endsWith(".csv") ? f[0] : f[0] + ".csv", Integer.parseInt(f[1]), f[2].equals("thr"));
    }
  }

  /** {@code knead bench betti}. */
  @Command(name = "betti", mixinStandardHelpOptions = true,
      description = "Naitzat et al.'s per-layer Betti numbers at full size: D-I, both classes, every layer of a trained "
          + "2-15×10-2 tanh network (k = 14, hop scale 2.5).")
  static final class Betti implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "300", description = "Training epochs before measuring (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--json", description = "One JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
      if (epochs < 0 || epochs > 100_000) {
        throw new BadInputException("--epochs must be 0 … 100000");
      }
      BettiBench.Result r = BettiBench.run(epochs, seed);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = Json.object();
        o.put("points_class_a", r.points()[0]);
        o.put("points_class_b", r.points()[1]);
        o.put("stages", r.stages());
        o.put("betti_numbers", 2 * 2 * r.stages());
        o.put("seconds", r.seconds());
        o.put("train_accuracy", r.trainAccuracy());
        ArrayNode b = o.putArray("betti");
        r.betti().forEach(stage -> {
          ArrayNode s = b.addArray();
          stage.forEach(cls -> {
            ArrayNode c = s.addArray();
            cls.forEach(c::add);
          });
        });
        out.println(Json.writeLine(o));
      } else {
        out.printf(Locale.ROOT, "D-I: %d + %d points, %d stages, train accuracy %.1f %%%n", r.points()[0], r.points()[1], r.stages(),
            100 * r.trainAccuracy());
        for (int s = 0; s < r.betti().size(); s++) {
          out.printf(Locale.ROOT, "  stage %2d  class a β = %s  class b β = %s%n", s, r.betti().get(s).get(0), r.betti().get(s).get(1));
        }
        out.printf(Locale.ROOT, "%d Betti numbers in %.2f s (%.3f s each)%n", 4 * r.stages(), r.seconds(), r.seconds() / (4 * r.stages()));
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead bench render}. */
  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "A 120-frame 600×600 animation of 2-8-8-8-8-8-2 tanh (1,000 points, 40×40 grid) and the stage figure, "
          + "against the same scatter-plus-polylines figure drawn by Debian's python3-matplotlib, alternating.")
  static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with matplotlib (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--json", description = "A JSON array of rows on stdout.")
    boolean json;

    @Override
    public Integer call() {
      if (rounds < 1 || rounds > 20) {
        throw new BadInputException("--rounds must be 1 … 20");
      }
      RenderBench.Config d = RenderBench.Config.DEFAULT;
      List<RenderBench.Row> rows = RenderBench.run(new RenderBench.Config(rounds, d.reps(), python, d.frames(), d.size()));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ArrayNode a = Json.array();
        for (RenderBench.Row r : rows) {
          ObjectNode o = a.addObject();
          o.put("name", r.name());
          o.set("millis", Json.num(r.millis()));
          o.set("ratio_vs_matplotlib", Json.num(r.ratio()));
        }
        out.println(Json.writeLine(a));
      } else {
        rows.forEach(out::println);
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead bench explain}. */
  @Command(name = "explain", mixinStandardHelpOptions = true,
      description = "Time knead explain's parts on a saved run (thread CPU and wall): the data's topology, the per-layer "
          + "measures, the whole analysis.")
  static final class Explain implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(paramLabel = "RUN", description = "A run folder or its run.json (e.g. from knead train --out).")
    Path run;

    @Option(names = "--points", defaultValue = "2000", description = "Most points per stage, as knead explain --points (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--repetitions", defaultValue = "3", description = "Times each part is run (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Override
    public Integer call() {
      if (repetitions < 1 || repetitions > 20) {
        throw new BadInputException("--repetitions must be 1 … 20");
      }
      if (points < 100 || points > 10_000) {
        throw new BadInputException("--points must be in 100 … 10000");
      }
      dev.knead.core.run.Run r = dev.knead.core.io.RunFile.load(run);
      dev.knead.analysis.Analyst.Options d = dev.knead.analysis.Analyst.Options.DEFAULT;
      dev.knead.analysis.Analyst.Options opt = new dev.knead.analysis.Analyst.Options(d.maxPerClass(), d.maxDim(), d.certificate(),
          r.config().data().seed(), points, d.separability());
      ExplainBench.Result res = ExplainBench.run(r, opt, repetitions);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "knead explain's parts on %s (%s, %d points per stage, %d repetitions, separability budget %,d per pair)%n",
          r.data().name(), r.network().describe(), Math.min(points, r.data().size()), repetitions, d.separability().work());
      res.timings().forEach(t -> out.println(t.describe()));
      for (dev.knead.analysis.StageMeasure s : res.stages()) {
        out.printf(Locale.ROOT, "  %-28s %4dD  separability %-25s (%d pairs not separable, %d undecided, %d trivially separable)%n",
            s.name(), s.dim(), s.separability().label(), s.inseparable().size(), s.undecided().size(), s.trivial().size());
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead bench lab}. */
  @Command(name = "lab", mixinStandardHelpOptions = true,
      description = "The lab's live stream: 2-8-8-8-2 tanh on 1,000 points with every layer and a 40×40 region grid, read "
          + "by an SSE client: updates per second and server time per update.")
  static final class Lab implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "8", description = "How long to read the stream (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--json", description = "One JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
      if (!(seconds >= 1 && seconds <= 600)) {
        throw new BadInputException("--seconds must be 1 … 600");
      }
      LabBench.Result r = LabBench.run(seconds);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = Json.object();
        o.put("updates", r.updates());
        o.put("seconds", r.seconds());
        o.put("updates_per_s", r.updatesPerSecond());
        o.put("bytes_per_update", r.bytesPerUpdate());
        o.put("server_ms_median", r.serverMillisMedian());
        o.put("server_ms_p95", r.serverMillisP95());
        o.put("server_cpu_ms_median", r.serverCpuMillisMedian());
        out.println(Json.writeLine(o));
      } else {
        out.println(r.describe());
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead bench train}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Full-batch optimiser steps per second (forward, softmax cross-entropy, backward, step) on the "
          + "reference networks, for SGD and Adam.",
          "With --compare, Debian's PyTorch runs ../shared/bench/train/torch_mlp.py (1 thread) right after, and the "
              + "ratio Knead ÷ PyTorch is printed."})
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--compare", description = "Also run the PyTorch reference (/usr/bin/python3 with python3-torch).")
    boolean compare;

    @Option(names = "--quick", description = "Short timings (a smoke test; numbers are rough).")
    boolean quick;

    @Option(names = "--threads", defaultValue = "1", description = "Knead's threads (results are bit-identical for any count).")
    int threads;

    @Option(names = "--precision", defaultValue = "both",
        description = "float64, float32 or both, timed one after the other (default: ${DEFAULT-VALUE}). PyTorch computes in float32.")
    String precision;

    @Option(names = "--json", description = "[{\"arch\", \"optimizer\", \"precision\", \"steps_per_s\"}] (with --compare also "
        + "\"torch_steps_per_s\", \"ratio\", \"gflops\", \"torch_gflops\" and \"torch_blas\").")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (threads < 1 || threads > 64) {
        throw new BadInputException("--threads must be 1 … 64");
      }
      List<Precision> precisions = precision.trim().equalsIgnoreCase("both")
          ? List.of(Precision.FLOAT64, Precision.FLOAT32) : List.of(Precision.parse(precision));
      TrainBench.Options o = (quick ? TrainBench.Options.QUICK : TrainBench.Options.DEFAULT).withThreads(threads)
          .withPrecisions(precisions);
      List<TrainBench.Result> knead = TrainBench.run(o);
      PrintWriter out = spec.commandLine().getOut();
      if (!compare) {
        if (json) {
          out.println(TrainBench.toJson(knead));
        } else {
          knead.forEach(r -> out.printf(Locale.ROOT, "%-22s %-5s %-8s %10.1f steps/s%n", r.arch(), r.optimizer(),
              r.precision().label(), r.stepsPerS()));
        }
        return KneadCommand.OK;
      }
      if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
        throw new BadInputException("--compare needs Debian's /usr/bin/python3 with python3-torch");
      }
      TrainBench.Blas blas = TrainBench.torchBlas();
      if (!blas.optimised()) { // the generic reference BLAS is 16× slower on the MNIST net: no reference a user would pick
        throw new BadInputException("PyTorch would run on the generic BLAS (" + blas.library() + "); install "
            + "libopenblas0-pthread and point the libblas.so.3 alternative at it (../shared/bench/README.md)");
      }
      Path tmp = Files.createTempFile("knead-torch", ".json");
      List<TrainBench.Row> rows = TrainBench.join(knead,
          TrainBench.runTorch(Path.of("."), tmp, quick ? List.of("--runs", "1", "--seconds", "0.3") : List.of()));
      if (json) {
        ArrayNode a = Json.array();
        for (TrainBench.Row r : rows) {
          ObjectNode row = a.addObject();
          row.put("arch", r.arch());
          row.put("optimizer", r.optimizer());
          row.put("precision", r.precision().label());
          row.set("steps_per_s", Json.num(r.knead()));
          row.set("torch_steps_per_s", Json.num(r.torch()));
          row.set("ratio", Json.num(r.ratio()));
          row.set("gflops", Json.num(r.gflops(r.knead())));
          row.set("torch_gflops", Json.num(r.gflops(r.torch())));
          row.put("torch_blas", blas.library());
        }
        out.println(Json.writeLine(a));
      } else {
        out.println("PyTorch's BLAS: " + blas.library() + "; Knead's float32 kernels: " + FloatDense.implementation());
        out.printf(Locale.ROOT, "%-22s %-5s %-8s %12s %12s %8s %9s %9s%n", "network", "opt", "knead", "knead/s", "pytorch/s", "ratio",
            "GFLOP/s", "pt GFLOP/s");
        rows.forEach(r -> out.printf(Locale.ROOT, "%-22s %-5s %-8s %12.1f %12.1f %7.2f× %9.1f %9.1f%n", r.arch(), r.optimizer(),
            r.precision().label(), r.knead(), r.torch(), r.ratio(), r.gflops(r.knead()), r.gflops(r.torch())));
      }
      return KneadCommand.OK;
    }
  }
}
