package dev.knead.bench;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Points;
import dev.knead.core.trace.Domain;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.core.trace.Tracer;
import dev.knead.core.train.Optimizer;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.Trainer;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subject;
import dev.knead.render.animate.AnimationOptions;
import dev.knead.render.animate.Animator;
import dev.knead.render.animate.GifAnimation;
import dev.knead.render.figure.StageFigure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Times the render module: (a) a 120-frame 600 × 600 animation of a 2-8-8-8-8-8-2 tanh network
 * with 1,000 points and a 40 × 40 grid (drawing alone, and drawing plus GIF encoding), (b) the
 * single stage figure (PNG), and (c) the same scatter-plus-polylines stage figure drawn by
 * matplotlib (Debian's python3-matplotlib, Agg backend) from a script written to a temp folder;
 * Java and Python rounds alternate in the same run. Times are CPU time of the drawing thread
 * (Java: ThreadMXBean; Python: time.process_time), so a busy machine skews them less than wall
 * time; Python's start-up and imports are not counted. Seeded: same inputs every time.
 */
public final class RenderBench {
  private RenderBench() {}

  /**
   * @param rounds alternating Java / Python rounds
   * @param reps figures per round and side
   * @param python the interpreter, e.g. /usr/bin/python3
   */
  public record Config(int rounds, int reps, String python, int frames, int size) {
    public static final Config DEFAULT = new Config(3, 10, "/usr/bin/python3", 120, 600);
  }

  /**
   * @param name what was timed
   * @param millis median time of one operation, ms
   * @param ratio matplotlib's time ÷ this time (NaN where it does not apply)
   */
  public record Row(String name, double millis, double ratio) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-58s %10.2f ms %s", name, millis, Double.isNaN(ratio) ? "" : String.format(Locale.ROOT,
          "%6.1f× faster than matplotlib", ratio));
    }
  }

  /** @return the network, its 1,000 points and their trace with a 40 × 40 grid */
  public static Subject subject() {
    Dataset data = Datasets.generate("spirals", Map.of("points", "1000"), 7);
    List<Integer> hidden = List.of(8, 8, 8, 8, 8);
    TrainConfig cfg = TrainConfig.defaults(hidden).withOptimizer(Optimizer.of(Optimizer.Kind.ADAM, 0.01)).withEpochs(60).withSeed(7);
    var net = Trainer.train(data, data.select(new int[0]), cfg, TrainListener.NONE).network();
    Tracer.Options d = Tracer.Options.DEFAULT;
    Tracer.Options opt = new Tracer.Options(40, 101, d.lines3d(), d.samples3d(), d.fieldSamples(), d.margin());
    Trace t = Tracer.trace(net, data.points(), data.labels(), Domain.around(data.points(), d.margin()), opt);
    return new Subject(t, data.classNames(), net.describe() + " on spirals");
  }

  public static List<Row> run(Config c) {
    Subject s = subject();
    FigureOptions fo = FigureOptions.of(c.size(), c.size());
    AnimationOptions ao = new AnimationOptions(fo, 30, c.frames() / 30.0, 0.35, 0.25, true, false);
    int stage = s.trace().logits().index() - 4;
    FigureOptions plain = new FigureOptions(c.size(), c.size(), 1, fo.palette(), Optional.empty(), false, true, 0);
    Path dir;
    try {
      dir = Files.createTempDirectory("knead-bench-render");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path script = writeMatplotlib(dir, s.trace().stage(stage), s.trace().labels(), c.size());
    List<Double> anim = new ArrayList<>();
    List<Double> gif = new ArrayList<>();
    List<Double> full = new ArrayList<>();
    List<Double> same = new ArrayList<>();
    List<Double> mpl = new ArrayList<>();
    int gifBytes = 0;
    for (int k = 0; k < 30; k++) { // warm-up: let the JIT compile the drawing code
      Images.png(new StageFigure(s, stage, k % 2 == 0 ? plain : fo), k % 2 == 0 ? plain : fo);
    }
    for (int r = 0; r < c.rounds(); r++) {
      Animator a = new Animator(s, ao);
      long t0 = cpu();
      a.run(k -> { });
      anim.add((cpu() - t0) / 1e6);
      a.close();
      t0 = cpu();
      gifBytes = GifAnimation.bytes(s, ao).length;
      gif.add((cpu() - t0) / 1e6);
      t0 = cpu();
      for (int k = 0; k < c.reps(); k++) {
        Images.png(new StageFigure(s, stage, fo), fo);
      }
      full.add((cpu() - t0) / 1e6 / c.reps());
      t0 = cpu();
      for (int k = 0; k < c.reps(); k++) {
        Images.png(new StageFigure(s, stage, plain), plain);
      }
      same.add((cpu() - t0) / 1e6 / c.reps());
      mpl.add(runPython(c.python(), script, dir, c.reps(), c.size()));
    }
    double m = median(mpl);
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(c.frames() + "-frame " + c.size() + "² animation, drawing (" + s.description() + ")", median(anim), Double.NaN));
    rows.add(new Row(c.frames() + "-frame animation, drawing + GIF encoding (" + gifBytes / 1024 + " KiB)", median(gif),
        Double.NaN));
    rows.add(new Row("stage figure PNG, full (regions, grid, points, axes)", median(full), m / median(full)));
    rows.add(new Row("stage figure PNG, scatter + polylines (same as matplotlib)", median(same), m / median(same)));
    rows.add(new Row("matplotlib scatter + polylines PNG (Agg)", m, 1));
    return rows;
  }

  /** CPU time of this thread, ns: robust when other processes share the cores (wall time is not). */
  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  /** Writes the stage's points, labels and grid polylines as text, and the script that draws them. */
  static Path writeMatplotlib(Path dir, Stage st, int[] labels, int size) {
    StringBuilder pts = new StringBuilder();
    Points p = st.points();
    for (int i = 0; i < p.n(); i++) {
      pts.append(p.get(i, 0)).append(' ').append(p.get(i, 1)).append(' ').append(labels[i]).append('\n');
    }
    StringBuilder grid = new StringBuilder();
    for (Points line : st.grid()) {
      for (int i = 0; i < line.n(); i++) {
        grid.append(i == 0 ? "" : " ").append(line.get(i, 0)).append(',').append(line.get(i, 1));
      }
      grid.append('\n');
    }
    String py = """
        import sys, time
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.collections import LineCollection
        import numpy as np
        d = sys.argv[1]; reps = int(sys.argv[2]); size = int(sys.argv[3])
        pts = np.loadtxt(d + "/points.txt")
        lines = [np.array([[float(v) for v in xy.split(",")] for xy in row.split()]) for row in open(d + "/grid.txt")]
        colors = np.array(["#0072b2", "#d55e00", "#009e73", "#cc79a7"])
        def draw(path):
            fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
            ax = fig.add_axes([0.06, 0.06, 0.9, 0.88])
            ax.add_collection(LineCollection(lines, colors="#8a8a8a", linewidths=0.6, alpha=0.75))
            ax.scatter(pts[:, 0], pts[:, 1], s=12, c=colors[pts[:, 2].astype(int) % 4], edgecolors="#333333", linewidths=0.4)
            ax.set_aspect("equal"); ax.autoscale_view()
            ax.set_title("stage")
            fig.savefig(path)
            plt.close(fig)
        draw(d + "/warm.png")
        t0 = time.process_time()
        for i in range(reps):
            draw(d + "/mpl.png")
        print((time.process_time() - t0) * 1000 / reps)
        """;
    try {
      Files.writeString(dir.resolve("points.txt"), pts, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("grid.txt"), grid, StandardCharsets.UTF_8);
      Path script = dir.resolve("stage.py");
      Files.writeString(script, py, StandardCharsets.UTF_8);
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return matplotlib's milliseconds per figure, measured inside Python (start-up excluded) */
  static double runPython(String python, Path script, Path dir, int reps, int size) {
    try {
      Process pr = new ProcessBuilder(python, script.toString(), dir.toString(), Integer.toString(reps), Integer.toString(size))
          .redirectErrorStream(true).start();
      String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!pr.waitFor(300, TimeUnit.SECONDS) || pr.exitValue() != 0) {
        throw new IllegalStateException("matplotlib script failed: " + out);
      }
      String[] lines = out.split("\n");
      return Double.parseDouble(lines[lines.length - 1].trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
