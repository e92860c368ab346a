package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.TrainListener;
import dev.knead.render.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Says when docs/gallery no longer shows what today's code computes. The manifest was written
 * by {@code ./knead gallery} when the files were drawn; this test trains the same seeded runs and
 * recomputes what determines each file (the run's numbers; each figure as SVG text, each
 * animation's trace) without drawing a PNG or a GIF, and compares.
 */
class GalleryIsCurrentTest {
  static final Path GALLERY = Path.of("../docs/gallery").toAbsolutePath().normalize();
  static final String RUN = "docs/gallery is out of date — run ./knead gallery (then commit docs/gallery): ";

  @Test
  void theFilesAreTheOnesTheManifestRecords() throws IOException {
    JsonNode m = manifest();
    TreeSet<String> listed = new TreeSet<>();
    for (JsonNode ex : m.get("examples")) {
      for (JsonNode f : ex.get("files")) {
        String name = f.get("file").asText();
        listed.add(name);
        Path p = GALLERY.resolve(name);
        assertThat(p).as(RUN + name + " is missing").exists();
        assertThat(GalleryCommand.sha256(Files.readAllBytes(p))).as(RUN + name + " is not the file the manifest records")
            .isEqualTo(f.get("sha256").asText());
      }
    }
    try (Stream<Path> files = Files.list(GALLERY)) {
      TreeSet<String> present = new TreeSet<>(files.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(GalleryCommand.MANIFEST)).toList());
      assertThat(present).as(RUN + "files in docs/gallery that the manifest does not list").isEqualTo(listed);
    }
  }

  @Test
  void everyFileShowsWhatTodaysCodeComputes() throws IOException {
    JsonNode m = manifest();
    List<String> keys = new ArrayList<>();
    m.get("examples").forEach(ex -> keys.add(ex.get("key").asText()));
    assertThat(keys).as(RUN + "the examples changed").isEqualTo(GalleryCommand.EXAMPLES.stream().map(GalleryCommand.Example::key).toList());
    int i = 0;
    for (GalleryCommand.Example e : GalleryCommand.EXAMPLES) {
      JsonNode ex = m.get("examples").get(i++);
      Run run = Runs.execute(GalleryCommand.config(e), TrainListener.NONE);
      assertThat(run.data().hash()).as(RUN + e.key() + ": the data set changed").isEqualTo(ex.get("data_sha256").asText());
      assertThat(GalleryCommand.numbers(run)).as(RUN + e.key() + ": training gives other numbers (train loss now "
          + run.result().trainLoss() + ", drawn with " + ex.get("train_loss").asDouble() + ")")
          .isEqualTo(ex.get("numbers_sha256").asText());
      Subject s = FigureArgs.subject(run);
      List<GalleryCommand.Item> items = GalleryCommand.items(e, run, s);
      List<String> names = new ArrayList<>();
      ex.get("files").forEach(f -> names.add(f.get("file").asText()));
      assertThat(items.stream().map(GalleryCommand.Item::name).toList()).as(RUN + e.key() + ": other files").isEqualTo(names);
      for (int k = 0; k < items.size(); k++) {
        assertThat(GalleryCommand.inputs(items.get(k), s)).as(RUN + items.get(k).name() + " would be drawn differently")
            .isEqualTo(ex.get("files").get(k).get("inputs").asText());
      }
    }
  }

  static JsonNode manifest() throws IOException {
    Path p = GALLERY.resolve(GalleryCommand.MANIFEST);
    assertThat(p).as(RUN + "no " + p).exists();
    return Json.parse(Files.readString(p), p.toString());
  }
}
