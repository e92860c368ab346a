package dev.knead.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.Version;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.Points;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.train.TrainConfig;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  static ExperimentConfig config(long dataSeed, long weightSeed) {
    return new ExperimentConfig(DataSpec.of("circles", dataSeed), TrainConfig.defaults(List.of(3)).withSeed(weightSeed));
  }

  @Test
  void anExperimentNamesVersionConfigSeedsAndData() {
    ExperimentConfig c = config(4, 9);
    Dataset d = Datasets.generate("circles", Map.of(), 4);
    Provenance p = Provenance.of(c, d);
    assertThat(p.version()).isEqualTo(Version.KNEAD);
    assertThat(p.seeds()).containsExactly(Map.entry("data", 4L), Map.entry("weights", 9L));
    assertThat(p.dataSha256()).contains(d.hash());
    assertThat(p.configSha256().get()).hasSize(64).matches("[0-9a-f]+");
    assertThat(p.fields().keySet()).containsExactly("knead", "config_sha256", "seeds", "data_sha256");
    assertThat(p.fields().get("seeds")).isEqualTo("data=4 weights=9");
  }

  @Test
  void theConfigHashFollowsEveryFieldAndOnlyThem() {
    assertThat(Provenance.configHash(config(4, 9))).isEqualTo(Provenance.configHash(config(4, 9)));
    assertThat(Provenance.configHash(config(4, 9))).isNotEqualTo(Provenance.configHash(config(4, 10)));
    assertThat(Provenance.configHash(config(4, 9))).isNotEqualTo(Provenance.configHash(config(5, 9)));
    // the hash is SHA-256 of the config's one-line JSON, checked against the JDK's digest
    String line = Json.writeLine(ConfigJson.write(config(4, 9)));
    assertThat(Provenance.configHash(config(4, 9))).isEqualTo(sha256(line));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void jsonRoundTripAndPartialProvenance() {
    Provenance p = Provenance.of(config(1, 2), Datasets.generate("circles", Map.of(), 1));
    assertThat(Provenance.fromJson(p.toJson(), "t")).isEqualTo(p);
    Provenance v = Provenance.versionOnly();
    assertThat(Json.writeLine(v.toJson())).isEqualTo("{\"knead\":\"" + Version.KNEAD + "\"}");
    assertThat(Provenance.fromJson(v.toJson(), "t")).isEqualTo(v);
    Points a = Points.of(2, 1, new double[] {1, 2});
    Points b = Points.of(1, 2, new double[] {1, 2});
    assertThat(Provenance.of(a).dataSha256()).isNotEqualTo(Provenance.of(b).dataSha256()); // shape counts
    assertThat(Provenance.of(a)).isEqualTo(Provenance.of(Points.of(2, 1, new double[] {1, 2})));
  }

  @Test
  void addToPutsItLast() {
    var doc = Json.object();
    doc.put("a", 1);
    Provenance.versionOnly().addTo(doc);
    assertThat(doc.fieldNames()).toIterable().containsExactly("a", "provenance");
  }
}
