package dev.knead.sweep;

import dev.knead.core.BadInputException;
import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep on this machine: the {@link Engine}'s worker threads take the runs not yet in the
 * journal in grid order, each run appended to the journal as it finishes; at the end the tables
 * are written in grid order. Rerunning on the same folder resumes: only runs missing from the
 * journal are done. Each run trains on one thread, so a run's bits do not depend on the pool.
 */
public final class LocalSweep {
  private LocalSweep() {}

  /**
   * What a sweep did.
   *
   * @param total distinct runs in the grid
   * @param resumed runs found already done in the journal
   * @param ran runs done now
   * @param records every finished run in grid order
   * @param tables the files written
   */
  public record Outcome(int total, int resumed, int ran, List<RunRecord> records, List<Path> tables) {}

  /**
   * @param dir the sweep's folder (made when missing; a folder of another sweep with other
   *     measures is refused)
   * @param threads worker threads, ≥ 1
   * @param limit stop after this many new runs (the rest stay for a later resume); use
   *     Integer.MAX_VALUE for all
   */
  public static Outcome run(Sweep sweep, Path dir, int threads, int limit, SweepListener listener) {
    if (threads < 1) {
      throw new BadInputException("--threads must be ≥ 1, got " + threads);
    }
    Schema schema = Schema.of(sweep);
    checkFolder(dir, sweep, schema);
    AtomicFiles.write(dir.resolve(Tables.META), Json.write(Tables.meta(sweep, schema)) + "\n");
    Map<String, RunRecord> done = new ConcurrentHashMap<>(Journal.read(dir, schema));
    // distinct runs in grid order: two points with the same config are one run
    Map<String, SweepPoint> grid = new LinkedHashMap<>();
    for (SweepPoint p : sweep.points()) {
      grid.putIfAbsent(p.key(), p);
    }
    done.keySet().retainAll(grid.keySet());
    int resumed = done.size();
    List<SweepPoint> todo = new ArrayList<>();
    for (SweepPoint p : grid.values()) {
      if (!done.containsKey(p.key()) && todo.size() < limit) {
        todo.add(p);
      }
    }
    listener.started(grid.size(), resumed);
    AtomicInteger finished = new AtomicInteger(resumed);
    try (Journal journal = Journal.open(dir, schema)) {
      // the engine's loop; a run counts once its line is in the journal
      Engine.map(todo, threads, p -> {
        RunRecord r = SweepRuns.run(sweep, schema, p);
        journal.append(r);
        done.put(r.key(), r);
        listener.finished(r, finished.incrementAndGet(), grid.size());
        return r;
      });
    }
    List<RunRecord> records = Tables.ordered(done);
    List<Path> tables = Tables.write(dir, schema, records);
    return new Outcome(grid.size(), resumed, todo.size(), records, tables);
  }

  /** A folder already holding a sweep must hold one with the same columns (axes may grow). */
  private static void checkFolder(Path dir, Sweep sweep, Schema schema) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new BadInputException(dir + ": is a file, not a folder");
    }
    if (!Files.exists(dir.resolve(Tables.META))) {
      return;
    }
    Tables.Meta old = Tables.readMeta(dir);
    if (!old.schema().equals(schema)) {
      throw new BadInputException(dir + ": holds a sweep with other columns (measures or data axes differ); use another --out");
    }
  }
}
