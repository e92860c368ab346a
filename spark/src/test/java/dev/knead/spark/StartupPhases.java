package dev.knead.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Where a Spark sweep's CPU goes (docs/benchmarks.md, "Sweeps"): the process's CPU time and its
 * loaded classes after the session, then after each sweep file given, all in one JVM, so the
 * second sweep shows what a sweep costs once Spark is warm. Not a test; run by hand:
 * {@code java $OPENS -Dspark.master='local[2]' -cp … dev.knead.spark.StartupPhases OUT a.yaml b.yaml}.
 */
public final class StartupPhases {
  private StartupPhases() {}

  static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  static final long START = System.nanoTime();

  static void mark(String what, double before) {
    double now = cpu();
    System.err.printf(Locale.ROOT, "PHASE %-28s cpu %6.1f s (+%5.1f)  wall %6.1f s  classes %d%n", what, now, now - before,
        (System.nanoTime() - START) / 1e9, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
  }

  public static void main(String[] args) throws Exception {
    mark("jvm up", 0);
    double c = cpu();
    SparkSession s = SparkSession.builder().appName("knead startup phases").getOrCreate();
    mark("session", c);
    for (int i = 1; i < args.length; i++) {
      c = cpu();
      SparkSweep.Written w = SparkSweep.run(s, Files.readString(Path.of(args[i])), args[i], args[0] + "/" + i, 0, SparkSweep.TaskProbe.NONE);
      mark("sweep " + i + " " + args[i] + " " + w.runs(), c);
    }
    c = cpu();
    s.stop();
    mark("stop", c);
  }
}
