package dev.knead.spark;

import dev.knead.sweep.Column;
import dev.knead.sweep.RunRecord;
import dev.knead.sweep.Schema;
import dev.knead.sweep.Sweep;
import dev.knead.sweep.SweepFile;
import dev.knead.sweep.SweepPoint;
import dev.knead.sweep.SweepRuns;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A sweep on Apache Spark: each run of the grid is one task doing exactly what the local runner
 * does ({@link SweepRuns#run}), so the rows are the same bits; the results are one DataFrame
 * written to Parquet ({@code runs.parquet}, {@code stages.parquet}, the columns of docs/sweeps.md).
 *
 * <p>Retries neither lose nor duplicate rows: a task's rows are a function of its run indices
 * alone (the seeds are in the config), and Spark's file commit protocol keeps the output of exactly
 * one successful attempt of each task.
 */
public final class SparkSweep {
  private SparkSweep() {}

  /** Called before and after each run in a task; tests use it to make an attempt fail. Never set in production. */
  public interface TaskProbe extends Serializable {
    TaskProbe NONE = (index, attempt, after) -> {};

    /**
     * @param index the run's place in the grid
     * @param attempt the task's attempt number (0 for the first)
     * @param after false before the run, true once its rows are made
     */
    void at(int index, int attempt, boolean after);
  }

  /**
   * What the Spark sweep wrote.
   *
   * @param runs rows of the run table
   * @param stages rows of the run × stage table
   */
  public record Written(long runs, long stages, String runsPath, String stagesPath) {}

  /**
   * @param text the sweep file's text (sent to every task, each reads it again)
   * @param source its name, for messages
   * @param out a folder (local, HDFS, S3…) for runs.parquet and stages.parquet, replaced if there
   * @param partitions tasks to split the runs into (≤ runs); 0 for four per core
   */
  public static Written run(SparkSession spark, String text, String source, String out, int partitions, TaskProbe probe) {
    Sweep sweep = SweepFile.parse(text, source);
    Schema schema = Schema.of(sweep);
    List<Integer> indices = new ArrayList<>();
    // one index per distinct run (two points with the same config are one run), as the local runner
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (SweepPoint p : sweep.points()) {
      seen.putIfAbsent(p.key(), p.index());
    }
    indices.addAll(seen.values());
    // each task writes its own Parquet file: a task per run would spend more on files than on small
    // networks, so by default four tasks per core, each a contiguous block of runs
    int slices = Math.min(indices.size(), partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism());
    JavaRDD<Integer> tasks = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(indices, Math.max(1, slices));
    StructType runType = struct(schema.runs());
    StructType stageType = struct(schema.stages());
    StructType all = runType.add("stages", new ArrayType(stageType, false), false);
    // the trained rows are kept as plain Java rows (not Spark SQL's columnar cache, whose code
    // generation and classes cost more than a small sweep's training); each table is written from them
    JavaRDD<Row> rows = tasks.mapPartitions(new RunTask(text, source, probe)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // no sort: the partitions hold the runs in grid order already (a sort would add a sampling job)
      Dataset<Row> df = spark.createDataFrame(rows, all);
      String runsPath = out + "/runs.parquet";
      String stagesPath = out + "/stages.parquet";
      df.drop("stages").write().mode(SaveMode.Overwrite).parquet(runsPath);
      if (!schema.stages().isEmpty()) {
        df.select(functions.explode(df.col("stages")).as("s")).select("s.*").write().mode(SaveMode.Overwrite).parquet(stagesPath);
      }
      // the counts from the kept rows: one small job, where reading both tables back cost two jobs each
      int stagesAt = schema.runs().size();
      List<Integer> perRun = rows.map(r -> r.getSeq(stagesAt).size()).collect();
      return new Written(perRun.size(), perRun.stream().mapToLong(Integer::longValue).sum(), runsPath, stagesPath);
    } finally {
      rows.unpersist();
    }
  }

  static StructType struct(List<Column> columns) {
    List<StructField> fields = new ArrayList<>();
    for (Column c : columns) {
      fields.add(DataTypes.createStructField(c.name(), type(c.type()), true));
    }
    return DataTypes.createStructType(fields);
  }

  static DataType type(Column.Type t) {
    return switch (t) {
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case STRING -> DataTypes.StringType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  static Row row(List<Column> columns, Map<String, Object> cells) {
    Object[] v = new Object[columns.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = cells.get(columns.get(i).name());
    }
    return RowFactory.create(v);
  }

  /** The work of one task: the runs of its partition, one after another, each a run row with its stage rows inside. */
  static final class RunTask implements FlatMapFunction<Iterator<Integer>, Row> {
    private static final long serialVersionUID = 1L;
    private final String text;
    private final String source;
    private final TaskProbe probe;

    RunTask(String text, String source, TaskProbe probe) {
      this.text = text;
      this.source = source;
      this.probe = probe;
    }

    @Override
    public Iterator<Row> call(Iterator<Integer> indices) {
      Sweep sweep = SweepFile.parse(text, source);
      Schema schema = Schema.of(sweep);
      TaskContext tc = TaskContext.get();
      int attempt = tc == null ? 0 : tc.attemptNumber();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return indices.hasNext();
        }

        @Override
        public Row next() {
          int i = indices.next();
          probe.at(i, attempt, false);
          RunRecord r = SweepRuns.run(sweep, schema, sweep.point(i));
          List<Row> stages = new ArrayList<>();
          for (Map<String, Object> s : r.stages()) {
            stages.add(row(schema.stages(), s));
          }
          Object[] v = new Object[schema.runs().size() + 1];
          for (int c = 0; c < schema.runs().size(); c++) {
            v[c] = r.run().get(schema.runs().get(c).name());
          }
          v[v.length - 1] = scala.jdk.javaapi.CollectionConverters.asScala(stages); // an array column wants a Scala Seq
          probe.at(i, attempt, true);
          return RowFactory.create(v);
        }
      };
    }
  }
}
