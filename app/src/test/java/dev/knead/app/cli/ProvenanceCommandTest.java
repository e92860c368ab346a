package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.core.io.RunFile;
import dev.knead.core.run.Run;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's --json documents and figures carry the run's provenance: the same value the run file holds. */
class ProvenanceCommandTest {
  @Test
  void jsonDocumentsAndFiguresNameTheRun(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("run");
    Cli train = Cli.run("train", "--data", "disk-annulus", "--set", "points=60", "--hidden", "3", "--epochs", "30",
        "--seed", "5", "--out", out.toString(), "--json");
    assertThat(train.code()).as(train.err()).isZero();
    Run run = RunFile.load(out);
    // independent of Provenance: the data hash and the seed as the run file stores them
    JsonNode stored = Json.parse(Files.readString(out.resolve(RunFile.NAME)), "run.json");
    String dataHash = stored.get("data").get("hash").asText();
    long seed = stored.get("config").get("train").get("seed").asLong();
    JsonNode p = Json.parse(train.out(), "stdout").get("provenance");
    assertThat(p.get("data_sha256").asText()).isEqualTo(dataHash);
    assertThat(p.get("seeds").get("weights").asLong()).isEqualTo(seed).isEqualTo(5);
    assertThat(p.get("config_sha256").asText()).hasSize(64);
    assertThat(Provenance.fromJson(p, "stdout")).isEqualTo(Provenance.of(run));

    Cli trace = Cli.run("trace", out.toString(), "--json", "--stage", "0");
    assertThat(Json.parse(trace.out(), "stdout").get("provenance")).isEqualTo(p);
    Cli topo = Cli.run("topology", out.toString(), "--format", "json");
    assertThat(Json.parse(topo.out(), "stdout").get("provenance")).isEqualTo(p);

    Path png = dir.resolve("stage.png");
    Cli render = Cli.run("render", out.toString(), "--kind", "stage", "--out", png.toString());
    assertThat(render.code()).as(render.err()).isZero();
    ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
    r.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(png))));
    IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
    var entries = root.getElementsByTagName("tEXtEntry");
    String pngData = null;
    for (int i = 0; i < entries.getLength(); i++) {
      IIOMetadataNode e = (IIOMetadataNode) entries.item(i);
      if (e.getAttribute("keyword").equals("data_sha256")) {
        pngData = e.getAttribute("value");
      }
    }
    assertThat(pngData).isEqualTo(dataHash);
  }
}
