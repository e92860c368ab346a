package dev.knead.app.lab;

import dev.knead.core.BadInputException;
import dev.knead.core.data.DataFiles;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploaded data files: checked by core's loaders the moment they arrive, kept as data sets in
 * memory under a short id. The page names an upload only by that id, never by a path.
 */
final class Uploads {
  /** Largest upload accepted. */
  static final int MAX_BYTES = 8 * 1024 * 1024;
  static final int MAX_KEPT = 32;

  private final Map<String, Dataset> byId = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong(1);

  /**
   * @param fileName the name the person gave; only its extension is used
   * @return the id and the data set
   */
  Map.Entry<String, Dataset> add(String fileName, byte[] bytes) {
    String ext = extension(fileName);
    if (!ext.equals("csv") && !ext.equals("tsv") && !ext.equals("txt") && !ext.equals("npy") && !ext.equals("npz")) {
      throw LabException.bad("name", "upload a .csv, .tsv, .txt, .npy or .npz file, not '" + fileName + "'");
    }
    if (bytes.length == 0) {
      throw LabException.bad("file", "the file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new LabException(413, "file", "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    Dataset data;
    Path dir = null;
    try {
      dir = Files.createTempDirectory("knead-upload");
      Path p = dir.resolve("upload." + ext);
      Files.write(p, bytes);
      data = DataFiles.load(p, LoadOptions.defaults().withLimits(MAX_BYTES, 1_000_000));
    } catch (BadInputException e) {
      throw LabException.bad("file", e.getMessage().replace("upload." + ext, safeName(fileName)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
    if (data.size() > LabConfig.MAX_POINTS * 4) {
      throw LabException.bad("file", "the lab trains on at most " + LabConfig.MAX_POINTS * 4 + " points; this file has " + data.size());
    }
    if (data.dim() > 64) {
      throw LabException.bad("file", "the lab takes at most 64 coordinates per point; this file has " + data.dim());
    }
    if (byId.size() >= MAX_KEPT) {
      byId.clear();
    }
    String id = "u" + next.getAndIncrement();
    Dataset named = new Dataset(safeName(fileName), data.params(), data.points(), data.labels(), data.classNames(), data.truth());
    byId.put(id, named);
    return Map.entry(id, named);
  }

  Optional<Dataset> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String safeName(String name) {
    String base = name.replaceAll(".*[/\\\\]", "");
    return base.replaceAll("[^A-Za-z0-9._ -]", "_");
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temp file left behind is harmless
    }
  }
}
