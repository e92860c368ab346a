package dev.knead.spark;

import dev.knead.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The door of knead-spark.jar (docs/sweeps.md):
 * {@code spark-submit --class dev.knead.spark.SparkMain knead-spark.jar SWEEP_FILE OUT [PARTITIONS]}.
 * The master comes from spark-submit ({@code --master}); OUT may be any path Spark writes to.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3 || args[0].equals("--help")) {
      System.err.println("usage: spark-submit [spark options] --class dev.knead.spark.SparkMain knead-spark.jar SWEEP_FILE OUT [PARTITIONS]");
      System.exit(args.length == 1 && args[0].equals("--help") ? 0 : 2);
    }
    String text;
    int partitions;
    try {
      Path file = Path.of(args[0]);
      text = Files.readString(file);
      partitions = args.length == 3 ? Integer.parseInt(args[2]) : 0;
    } catch (IOException | NumberFormatException e) {
      System.err.println("knead-spark: " + e.getMessage());
      System.exit(2);
      return;
    }
    long start = System.nanoTime();
    SparkSession spark = SparkSession.builder().appName("knead sweep " + Path.of(args[0]).getFileName()).getOrCreate();
    try {
      long t0 = System.nanoTime();
      System.err.printf(Locale.ROOT, "knead-spark: Spark session ready in %.1f s%n", (t0 - start) / 1e9);
      SparkSweep.Written w = SparkSweep.run(spark, text, Path.of(args[0]).getFileName().toString(), args[1], partitions, SparkSweep.TaskProbe.NONE);
      System.out.printf(Locale.ROOT, "%d runs, %d stage rows in %.1f s: %s, %s%n", w.runs(), w.stages(), (System.nanoTime() - t0) / 1e9,
          w.runsPath(), w.stagesPath());
    } catch (BadInputException e) {
      System.err.println("knead-spark: " + e.getMessage());
      System.exit(2);
    } finally {
      spark.stop();
    }
  }
}
