package dev.knead.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.Version;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Points;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How an artefact was made, the one record every artefact carries (as Tribuo attaches a
 * provenance to every model): the Knead version that wrote it, the SHA-256 of the experiment's
 * configuration, the seeds, and the SHA-256 of the data. PNG text chunks, SVG metadata, the
 * GIF comment and the {@code "provenance"} object of every {@code --json} document are this
 * value written out by {@link #fields()} or {@link #toJson()}; no clock time, so the same inputs
 * give the same bytes.
 *
 * @param version Knead's version
 * @param configSha256 SHA-256 (hex) of the configuration as {@link ConfigJson} writes it, if any
 * @param seeds named seeds in a fixed order ("data", "weights")
 * @param dataSha256 SHA-256 (hex) of the data ({@link Dataset#hash()}), if any
 */
public record Provenance(String version, Optional<String> configSha256, Map<String, Long> seeds, Optional<String> dataSha256) {
  /** The key every JSON document and every image uses. */
  public static final String KEY = "provenance";

  public Provenance {
    seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
  }

  /** An experiment on its data: the configuration's and the data's hashes, both seeds. */
  public static Provenance of(ExperimentConfig config, Dataset data) {
    Map<String, Long> seeds = new LinkedHashMap<>();
    seeds.put("data", config.data().seed());
    seeds.put("weights", config.train().seed());
    return new Provenance(Version.KNEAD, Optional.of(configHash(config)), seeds, Optional.of(data.hash()));
  }

  public static Provenance of(Run run) {
    return of(run.config(), run.data());
  }

  /** Data without an experiment (a data set's description). */
  public static Provenance of(Dataset data) {
    return new Provenance(Version.KNEAD, Optional.empty(), Map.of(), Optional.of(data.hash()));
  }

  /** A point cloud without labels (topology of a file): the hash covers its shape and coordinates. */
  public static Provenance of(Points points) {
    MessageDigest md = sha256();
    ByteBuffer buf = ByteBuffer.allocate(8);
    md.update(buf.putInt(0, points.n()).putInt(4, points.d()).array());
    for (double v : points.toArray()) {
      md.update(buf.putLong(0, Double.doubleToLongBits(v)).array());
    }
    return new Provenance(Version.KNEAD, Optional.empty(), Map.of(), Optional.of(HexFormat.of().formatHex(md.digest())));
  }

  /** Only the version: artefacts made from no configuration and no data (a list of claims). */
  public static Provenance versionOnly() {
    return new Provenance(Version.KNEAD, Optional.empty(), Map.of(), Optional.empty());
  }

  /** SHA-256 of the configuration's JSON; two configurations that differ in any field differ here. */
  public static String configHash(ExperimentConfig config) {
    byte[] text = Json.writeLine(ConfigJson.write(config)).getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(sha256().digest(text));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The provenance as name → text, in a fixed order: {@code knead}, {@code config_sha256},
   * {@code seeds} ("data=1 weights=7"), {@code data_sha256}; absent parts are left out. The
   * names are valid PNG keywords; the texts are ASCII.
   */
  public Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("knead", version);
    configSha256.ifPresent(h -> f.put("config_sha256", h));
    if (!seeds.isEmpty()) {
      StringBuilder b = new StringBuilder();
      seeds.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
      f.put("seeds", b.toString());
    }
    dataSha256.ifPresent(h -> f.put("data_sha256", h));
    return Collections.unmodifiableMap(f);
  }

  /** {@code {"knead": …, "config_sha256": …, "seeds": {"data": …, "weights": …}, "data_sha256": …}} */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("knead", version);
    configSha256.ifPresent(h -> o.put("config_sha256", h));
    if (!seeds.isEmpty()) {
      ObjectNode s = o.putObject("seeds");
      seeds.forEach(s::put);
    }
    dataSha256.ifPresent(h -> o.put("data_sha256", h));
    return o;
  }

  /** @return the document with {@code "provenance"} added as its last field */
  public ObjectNode addTo(ObjectNode document) {
    document.set(KEY, toJson());
    return document;
  }

  /** Reads {@link #toJson()}'s shape back. */
  public static Provenance fromJson(JsonNode o, String where) {
    String version = Json.text(o, "knead", where);
    Optional<String> config = o.hasNonNull("config_sha256") ? Optional.of(o.get("config_sha256").asText()) : Optional.empty();
    Optional<String> data = o.hasNonNull("data_sha256") ? Optional.of(o.get("data_sha256").asText()) : Optional.empty();
    Map<String, Long> seeds = new LinkedHashMap<>();
    JsonNode s = o.get("seeds");
    if (s != null && !s.isNull()) {
      if (!s.isObject()) {
        throw new BadInputException(where + ": 'seeds' must be an object");
      }
      for (Map.Entry<String, JsonNode> e : s.properties()) {
        if (!e.getValue().canConvertToLong()) {
          throw new BadInputException(where + ": seed '" + e.getKey() + "' must be a whole number");
        }
        seeds.put(e.getKey(), e.getValue().asLong());
      }
    }
    return new Provenance(version, config, seeds, data);
  }
}
