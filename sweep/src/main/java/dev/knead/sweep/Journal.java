package dev.knead.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's record of finished runs: one JSON line per run (its run row and its stage rows),
 * appended in one write and forced to disk before the run counts as done. A sweep killed at any
 * moment leaves whole lines and at most one cut-off last line, which {@link #open} drops (that
 * run is done again); so nothing finished is lost and nothing is done twice.
 */
public final class Journal implements AutoCloseable {
  public static final String FILE = "journal.jsonl";

  private final FileChannel channel;
  private final Schema schema;

  private Journal(FileChannel channel, Schema schema) {
    this.channel = channel;
    this.schema = schema;
  }

  /**
   * Opens the journal in {@code dir} for appending, cutting off a last line a killed sweep left
   * unfinished.
   */
  public static Journal open(Path dir, Schema schema) {
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long keep = wholeLines(file);
      if (keep < ch.size()) {
        ch.truncate(keep);
      }
      ch.position(ch.size());
      return new Journal(ch, schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** @return the length of the file up to and including its last newline */
  private static long wholeLines(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int end = b.length;
    while (end > 0 && b[end - 1] != '\n') {
      end--;
    }
    return end;
  }

  /** Appends one finished run: a single write of a whole line, forced to disk. */
  public synchronized void append(RunRecord r) {
    byte[] line = (Json.writeLine(toJson(r)) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the sweep journal: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads every whole line of a journal (a cut-off last line is ignored), by key; a key seen twice
   * keeps its first record.
   */
  public static Map<String, RunRecord> read(Path dir, Schema schema) {
    Path file = dir.resolve(FILE);
    Map<String, RunRecord> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      byte[] b = Files.readAllBytes(file);
      int start = 0;
      int lineNo = 0;
      for (int i = 0; i < b.length; i++) {
        if (b[i] != '\n') {
          continue;
        }
        lineNo++;
        String line = new String(b, start, i - start, StandardCharsets.UTF_8);
        start = i + 1;
        if (line.isBlank()) {
          continue;
        }
        RunRecord r = fromJson(Json.parse(line, file + " line " + lineNo), schema, file + " line " + lineNo);
        out.putIfAbsent(r.key(), r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  static ObjectNode toJson(RunRecord r) {
    ObjectNode o = Json.object();
    o.put("key", r.key());
    o.put("index", r.index());
    o.set("run", RowJson.toJson(r.run()));
    ArrayNode st = o.putArray("stages");
    r.stages().forEach(s -> st.add(RowJson.toJson(s)));
    return o;
  }

  static RunRecord fromJson(JsonNode o, Schema schema, String where) {
    String key = Json.text(o, "key", where);
    int index = (int) Json.integer(o, "index", where);
    Map<String, Object> run = RowJson.fromJson(Json.field(o, "run", where), schema.runs(), where + " run");
    List<Map<String, Object>> stages = new ArrayList<>();
    JsonNode st = Json.field(o, "stages", where);
    if (!st.isArray()) {
      throw new BadInputException(where + ": 'stages' must be a list");
    }
    for (JsonNode s : st) {
      stages.add(RowJson.fromJson(s, schema.stages(), where + " stage"));
    }
    return new RunRecord(key, index, run, stages);
  }
}
