package dev.knead.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.knead.core.io.Json;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import dev.knead.core.train.Loss;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.Precision;
import dev.knead.core.train.TrainStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Full-batch training speed: optimiser steps per second (forward, softmax cross-entropy,
 * backward, update — one {@link TrainStep}, which is what one Trainer step does) for the
 * networks of the PyTorch reference script {@code shared/bench/train/torch_mlp.py}, under the
 * same names, and the join of both into ratios. Returns values; never prints.
 */
public final class TrainBench {
  private TrainBench() {}

  /** The names the reference script uses for its optimisers, with its learning rates. */
  public static final List<String> OPTIMIZERS = List.of("sgd", "adam");

  /**
   * One network to time.
   *
   * @param arch the reference script's name for it
   * @param sizes layer sizes, input to output
   * @param activation σ of every hidden layer
   * @param points batch size (the whole training set: full batch)
   */
  public record Case(String arch, List<Integer> sizes, Activation activation, int points) {
    public Case {
      sizes = List.copyOf(sizes);
    }

    /**
     * Multiply-add flops of one step, counted as 2 per multiply-add: the forward pass (in·out·n
     * per layer), the weight gradient (the same) and the gradient passed down (the same, every
     * layer but the first). What both Knead and PyTorch must do at least; GFLOP/s = this × steps/s.
     */
    public double flopsPerStep() {
      double f = 0;
      for (int l = 0; l + 1 < sizes.size(); l++) {
        final double layer = 2.0 * sizes.get(l) * sizes.get(l + 1) * points;
        f += (l == 0 ? 2 : 3) * layer;
      }
      return f;
    }

    Architecture architecture() {
      return Architecture.of(sizes.get(0), sizes.subList(1, sizes.size() - 1), activation, sizes.get(sizes.size() - 1));
    }
  }

  /** The reference script's networks, in its order. */
  public static final List<Case> CASES = List.of(
      new Case("2-2-2-2-2 tanh", List.of(2, 2, 2, 2, 2), Activation.TANH, 1000),
      new Case("2-3-3-2 tanh", List.of(2, 3, 3, 2), Activation.TANH, 1000),
      new Case("2-8-8-8-2 tanh", List.of(2, 8, 8, 8, 2), Activation.TANH, 1000),
      new Case("2-16x6-2 relu", List.of(2, 16, 16, 16, 16, 16, 16, 2), Activation.RELU, 1000),
      new Case("784-256-128-10 relu", List.of(784, 256, 128, 10), Activation.RELU, 256));

  /**
   * How long to measure.
   *
   * @param warmupSeconds untimed steps first (the JIT compiles the kernels meanwhile)
   * @param seconds length of one timed run (at least {@code minSteps} steps)
   * @param runs timed runs; the median is reported
   * @param minSteps fewest steps in a timed run
   * @param threads threads Knead's kernels may use (1 to compare with the one-thread reference;
   *     the trained bits are the same for any count)
   * @param precisions the arithmetic of the steps, each timed in turn
   */
  public record Options(double warmupSeconds, double seconds, int runs, int minSteps, int threads, List<Precision> precisions) {
    public static final Options DEFAULT = new Options(1.0, 1.0, 3, 20, 1, List.of(Precision.FLOAT64, Precision.FLOAT32));
    /** A smoke pass: seconds in all. */
    public static final Options QUICK = new Options(0.2, 0.2, 1, 5, 1, List.of(Precision.FLOAT64, Precision.FLOAT32));

    public Options {
      precisions = List.copyOf(precisions);
      if (!(warmupSeconds >= 0 && seconds > 0 && runs >= 1 && minSteps >= 1 && threads >= 1 && !precisions.isEmpty())) {
        throw new IllegalArgumentException("bench options out of range: " + warmupSeconds + ", " + seconds + ", " + runs + ", " + minSteps + ", " + threads);
      }
    }

    public Options withThreads(int t) {
      return new Options(warmupSeconds, seconds, runs, minSteps, t, precisions);
    }

    public Options withPrecisions(List<Precision> p) {
      return new Options(warmupSeconds, seconds, runs, minSteps, threads, p);
    }
  }

  /** Steps per second of one network with one optimiser in one precision (median of the timed runs). */
  public record Result(String arch, String optimizer, Precision precision, double stepsPerS) {}

  /** Knead next to PyTorch (which computes in float32): ratio = knead / torch (above 1: Knead is faster). */
  public record Row(String arch, String optimizer, Precision precision, double knead, double torch, double ratio) {
    /** @return GFLOP/s of the dense products at {@code stepsPerS} ({@link Case#flopsPerStep}) */
    public double gflops(double stepsPerS) {
      return CASES.stream().filter(c -> c.arch().equals(arch)).findFirst().orElseThrow().flopsPerStep() * stepsPerS / 1e9;
    }
  }

  /** Times every case with every optimiser, in each precision of the options, one after the other. */
  public static List<Result> run(Options o) {
    List<Result> out = new ArrayList<>();
    for (Case c : CASES) {
      for (String opt : OPTIMIZERS) {
        for (Precision p : o.precisions()) {
          out.add(run(c, opt, p, o));
        }
      }
    }
    return out;
  }

  /** Times one case with one optimiser ("sgd" at rate 0.1 or "adam" at 0.01, as the script). */
  public static Result run(Case c, String optimizer, Precision precision, Options o) {
    Batch b = batch(c);
    Network init = Initializer.GLOROT.build(c.architecture(), new SplittableRandom(1));
    TrainStep step = new TrainStep(init, c.points(), Loss.SOFTMAX_CROSS_ENTROPY, optimizer(optimizer), o.threads(), precision);
    warmUp(step, b, o.warmupSeconds());
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < o.runs(); r++) {
      rates.add(timeRun(step, b, o.seconds(), o.minSteps()));
    }
    return new Result(c.arch(), optimizer, precision, median(rates));
  }

  static Optimizer optimizer(String name) {
    return switch (name) {
      case "sgd" -> Optimizer.of(Optimizer.Kind.SGD, 0.1);
      case "adam" -> Optimizer.of(Optimizer.Kind.ADAM, 0.01);
      default -> throw new IllegalArgumentException("unknown optimizer " + name + "; use sgd or adam");
    };
  }

  /**
   * Untimed steps until the JIT has settled: {@code seconds} of this thread's CPU time first,
   * then slices of half that until a slice runs no more than 2 % faster than the best before it
   * while the JIT compiled nothing, up to six times {@code seconds} in all. CPU time, not wall time: under a load of 15
   * on two cores a wall-clock second gave the step a tenth of a CPU second, the first network
   * was timed before C2 had compiled it (150 steps/s against 55,000). C2 keeps recompiling the
   * larger kernels for a few seconds, and the steady rate is what a training run sees. Flat and
   * the JIT idle, not flat alone: when MNIST's wide kernels first run after the small networks, C2
   * recompiles them (the earlier code never took their branches) and under load a slice can pass
   * while it waits — measured 90 → 229 → 272 steps/s in consecutive seconds, and one flat slice
   * had stopped the warm-up at ~130.
   */
  static void warmUp(TrainStep step, Batch b, double seconds) {
    double best = cpuRun(step, b, seconds);
    for (double spent = seconds; spent < 6 * seconds; spent += seconds / 2) {
      final long jit = jitMillis();
      final double next = cpuRun(step, b, seconds / 2);
      if (next < best * 1.02 && jitMillis() == jit) {
        return;
      }
      best = Math.max(best, next);
    }
  }

  private static final java.lang.management.CompilationMXBean JIT = java.lang.management.ManagementFactory.getCompilationMXBean();

  /** The JIT's compile time so far, or 0 on a JVM that does not keep it (then only the rate decides). */
  private static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
  }

  /** @return steps per CPU second over {@code seconds} of this thread's CPU time */
  private static double cpuRun(TrainStep step, Batch b, double seconds) {
    final long c0 = CPU.getCurrentThreadCpuTime();
    final long budget = (long) (seconds * 1e9);
    long steps = 0;
    long el;
    do {
      step.step(b.x, b.y, b.n);
      steps++;
    } while ((el = CPU.getCurrentThreadCpuTime() - c0) < budget);
    return steps / (el * 1e-9);
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * @return steps per second of this thread's CPU time, over one run of at least {@code seconds}
   *     of wall time and {@code minSteps} steps. CPU time because the machines these run on are
   *     shared: a step is charged only for the time it ran, as the PyTorch side's rate is divided
   *     by its own CPU/wall ({@link #readTorch}).
   */
  static double timeRun(TrainStep step, Batch b, double seconds, int minSteps) {
    final long budget = (long) (seconds * 1e9);
    final long t0 = System.nanoTime();
    final long c0 = CPU.getCurrentThreadCpuTime();
    long steps = 0;
    double sink = 0;
    while (true) {
      sink += step.step(b.x, b.y, b.n);
      steps++;
      if (steps >= minSteps) {
        long el = System.nanoTime() - t0;
        if (el >= budget) {
          if (Double.isNaN(sink)) {
            throw new IllegalStateException("the loss became NaN while timing");
          }
          return steps / ((CPU.getCurrentThreadCpuTime() - c0) * 1e-9);
        }
      }
    }
  }

  /** Inputs and labels of one case, seeded. */
  record Batch(double[] x, int[] y, int n) {}

  static Batch batch(Case c) {
    final int d = c.sizes().get(0);
    final int k = c.sizes().get(c.sizes().size() - 1);
    SplittableRandom rng = new SplittableRandom(2);
    if (d != 2) {
      // as the script: uniform [0, 1) pixels, uniform labels
      double[] x = rng.doubles((long) c.points() * d, 0, 1).toArray();
      int[] y = rng.ints(c.points(), 0, k).toArray();
      return new Batch(x, y, c.points());
    }
    return twoSpirals(c.points(), rng);
  }

  /** The script's two spirals: t ∈ [0.5, 3π + 0.5), ±t(cos t, sin t)/3π plus N(0, 0.02²) noise. */
  static Batch twoSpirals(int n, SplittableRandom rng) {
    final int half = n / 2;
    double[] x = new double[2 * half * 2];
    int[] y = new int[2 * half];
    for (int i = 0; i < half; i++) {
      double t = rng.nextDouble() * 3 * Math.PI + 0.5;
      for (int cls = 0; cls < 2; cls++) {
        double sign = cls == 0 ? 1 : -1;
        int row = cls * half + i;
        x[2 * row] = sign * t * Math.cos(t) / (3 * Math.PI) + 0.02 * gaussian(rng);
        x[2 * row + 1] = sign * t * Math.sin(t) / (3 * Math.PI) + 0.02 * gaussian(rng);
        y[row] = cls;
      }
    }
    return new Batch(x, y, 2 * half);
  }

  private static double gaussian(SplittableRandom rng) {
    // Box–Muller, one of the pair
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : 0.5 * (s.get(m - 1) + s.get(m));
  }

  /** @return {@code [{"arch": …, "optimizer": …, "precision": …, "steps_per_s": …}, …]}, one line */
  public static String toJson(List<Result> results) {
    ArrayNode a = Json.array();
    for (Result r : results) {
      a.addObject().put("arch", r.arch()).put("optimizer", r.optimizer()).put("precision", r.precision().label())
          .put("steps_per_s", round1(r.stepsPerS()));
    }
    return Json.writeLine(a);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /**
   * @return the folder shared/ beside the repository root (../shared), or beside the folder
   *     holding it (../../shared, for a worktree in /work/wt/NAME), whichever holds bench/
   */
  public static Path sharedDir(Path repoRoot) {
    final Path root = repoRoot.toAbsolutePath().normalize();
    final Path beside = root.resolve("../shared").normalize();
    final Path above = root.resolve("../../shared").normalize();
    return !Files.isDirectory(beside.resolve("bench")) && Files.isDirectory(above.resolve("bench")) ? above : beside;
  }

  /**
   * The BLAS library PyTorch calls here, as loaded into a Debian {@code /usr/bin/python3} that has
   * imported torch and multiplied two matrices: {@code torch.__config__} names only the BLAS
   * Debian built against ("generic", whichever library the libblas.so.3 alternative points at),
   * so the probe reads the libraries mapped into the process.
   *
   * @param library the mapped BLAS libraries (paths), or "none found"
   * @param optimised false for the generic reference BLAS, which runs the MNIST-sized network
   *     about 16× slower than OpenBLAS and is no reference a user would pick
   */
  public record Blas(String library, boolean optimised) {}

  /** Detects {@link Blas} (one thread, as the reference runs). */
  public static Blas torchBlas() throws IOException, InterruptedException {
    final String probe = "import torch\n"
        + "a = torch.ones(64, 64); (a @ a).sum().item()\n"
        + "libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if 'blas' in l.lower() or 'mkl' in l.lower()})\n"
        + "print('\\n'.join(libs) if libs else 'none found')\n";
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", probe).redirectErrorStream(true);
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    Process p = pb.start();
    final String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IOException("python3 could not import torch: " + text.lines().reduce((a, b) -> b).orElse(""));
    }
    final List<String> libs = text.lines().filter(l -> l.startsWith("/") || l.equals("none found")).toList();
    final String library = String.join(", ", libs);
    final boolean optimised = libs.stream().anyMatch(l -> l.contains("openblas") || l.contains("mkl") || l.contains("blis"));
    return new Blas(library, optimised);
  }

  /**
   * Runs the PyTorch reference with one thread ({@code /usr/bin/python3
   * shared/bench/train/torch_mlp.py --threads 1 --json out}, OPENBLAS_NUM_THREADS=1) and reads
   * its medians. Where the environment sets {@code OPENBLAS_CORETYPE} or {@code OPENBLAS_L2_SIZE},
   * the script runs once with them and once without (../shared/bench/README.md), and each
   * network keeps the faster of the two.
   *
   * @param out where the script writes its JSON; its console output goes to out + ".log"
   * @param extraArgs more script options, e.g. {@code --runs 3 --seconds 1.0}
   */
  public static List<Result> runTorch(Path repoRoot, Path out, List<String> extraArgs) throws IOException, InterruptedException {
    List<Result> best = runTorchOnce(repoRoot, out, extraArgs, false);
    if (System.getenv("OPENBLAS_CORETYPE") != null || System.getenv("OPENBLAS_L2_SIZE") != null) {
      List<Result> unset = runTorchOnce(repoRoot, Path.of(out + ".unset.json"), extraArgs, true);
      List<Result> faster = new ArrayList<>();
      for (Result a : best) {
        Result pick = a;
        for (Result b : unset) {
          if (b.arch().equals(a.arch()) && b.optimizer().equals(a.optimizer()) && b.stepsPerS() > a.stepsPerS()) {
            pick = b;
          }
        }
        faster.add(pick);
      }
      best = faster;
    }
    return best;
  }

  private static List<Result> runTorchOnce(Path repoRoot, Path out, List<String> extraArgs, boolean unsetCoreType)
      throws IOException, InterruptedException {
    Path script = sharedDir(repoRoot).resolve("bench/train/torch_mlp.py");
    if (!Files.isRegularFile(script)) {
      throw new IOException("no PyTorch reference script at " + script);
    }
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), "--threads", "1", "--json", out.toString()));
    cmd.addAll(extraArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Path.of(out + ".log").toFile());
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    if (unsetCoreType) {
      pb.environment().remove("OPENBLAS_CORETYPE");
      pb.environment().remove("OPENBLAS_L2_SIZE");
    }
    int code = pb.start().waitFor();
    if (code != 0) {
      throw new IOException("the PyTorch reference exited with " + code + "; see " + out + ".log");
    }
    return readTorch(out);
  }

  /**
   * Reads the reference script's JSON ({"info": …, "results": […]}): per network the median over
   * its timed runs of steps per CPU second, each run's steps/s divided by its own CPU/wall, the
   * same charge as Knead's {@link #timeRun}.
   */
  public static List<Result> readTorch(Path json) throws IOException {
    JsonNode root = Json.parse(Files.readString(json, StandardCharsets.UTF_8), json.toString());
    List<Result> out = new ArrayList<>();
    for (JsonNode r : root.path("results")) {
      List<Double> rates = new ArrayList<>();
      JsonNode wall = r.path("steps_per_s_runs");
      JsonNode util = r.path("cpu_per_wall_runs");
      for (int k = 0; k < wall.size() && k < util.size(); k++) {
        if (util.get(k).asDouble() > 0) {
          rates.add(wall.get(k).asDouble() / Math.min(1.0, util.get(k).asDouble()));
        }
      }
      out.add(new Result(r.path("arch").asText(), r.path("optimizer").asText(), Precision.FLOAT32,
          rates.isEmpty() ? r.path("steps_per_s_median").asDouble() : median(rates)));
    }
    return out;
  }

  /** Rows for every (arch, optimizer) both lists hold, in Knead's order. */
  public static List<Row> join(List<Result> knead, List<Result> torch) {
    List<Row> rows = new ArrayList<>();
    for (Result k : knead) {
      for (Result t : torch) {
        if (t.arch().equals(k.arch()) && t.optimizer().equals(k.optimizer())) {
          rows.add(new Row(k.arch(), k.optimizer(), k.precision(), k.stepsPerS(), t.stepsPerS(), k.stepsPerS() / t.stepsPerS()));
        }
      }
    }
    return rows;
  }
}
