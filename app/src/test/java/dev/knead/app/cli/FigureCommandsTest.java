package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureCommandsTest {
  @TempDir static Path dir;
  static Path run;

  record Result(int code, String out, String err) {}

  static Result knead(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = KneadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void train() {
    run = dir.resolve("run");
    Result r = knead("train", "--data", "disk-annulus", "--set", "points=120", "--hidden", "3", "--epochs", "40", "--out",
        run.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"stage, 300x200, 1", "stages, 400x300, 2", "lift, 500x260, 1", "curves, 400x200, 1.5", "regions, 200x200, 1", "barcode, 400x300, 1", "diagram, 300x300, 1", "betti, 400x300, 1", "certificate, 500x300, 1", "jacobian, 300x260, 1", "loop, 300x300, 1", "layers, 400x200, 1"})
  void rendersEveryKindAtTheAskedSize(String kind, String size, double scale) throws Exception {
    Path out = dir.resolve(kind + ".png");
    Result r = knead("render", run.toString(), "--kind", kind, "--size", size, "--scale", Double.toString(scale), "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    var img = ImageIO.read(out.toFile());
    String[] wh = size.split("x");
    assertThat(img.getWidth()).isEqualTo((int) Math.round(Integer.parseInt(wh[0]) * scale));
    assertThat(img.getHeight()).isEqualTo((int) Math.round(Integer.parseInt(wh[1]) * scale));
  }

  @Test
  void layersAndAnimationsTakeEveryProjection() throws Exception {
    for (String p : new String[] {"pca", "tour", "tsne", "t-SNE"}) {
      Path out = dir.resolve("layers-" + p + ".svg");
      Result r = knead("render", run.toString(), "--kind", "layers", "--projection", p, "--size", "400x200", "--out", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      String svg = Files.readString(out);
      if (p.equalsIgnoreCase("t-sne") || p.equals("tsne")) {
        assertThat(svg).contains("every layer through t-SNE").contains("no carried basis");
      }
    }
    Path gif = dir.resolve("tsne.gif");
    Result a = knead("animate", run.toString(), "--projection", "tsne", "--fps", "4", "--seconds", "3", "--size", "150x150", "--out",
        gif.toString(), "--json");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(dev.knead.core.io.Json.parse(a.out(), "animate --json").get("frames").asInt()).isEqualTo(12);
    Result both = knead("animate", run.toString(), "--grand-tour", "--projection", "tsne", "--out", dir.resolve("b.gif").toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("two different views");
  }

  @Test
  void svgIsValidXml() throws Exception {
    Path out = dir.resolve("stage.svg");
    assertThat(knead("render", run.toString(), "--kind", "stage", "--stage", "0", "--out", out.toString()).code()).isZero();
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
    assertThat(doc.getElementsByTagName("text").getLength()).isGreaterThan(3);
    assertThat(Files.readString(out)).contains("2-3-2 tanh on disk-annulus");
  }

  @Test
  void animateWritesALoopingGifWithTheAskedFrames() throws Exception {
    Path out = dir.resolve("a.gif");
    Result r = knead("animate", run.toString(), "--fps", "10", "--seconds", "1.5", "--size", "120x120", "--hold", "0", "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    reader.setInput(ImageIO.createImageInputStream(out.toFile()));
    int frames = reader.getNumImages(true);
    assertThat(frames).isBetween(2, 15); // 15 drawn; identical neighbours merge
    assertThat(reader.getWidth(0)).isEqualTo(120);
  }

  @Test
  void jsonListsTheFilesWrittenWithTheirSizes() throws Exception {
    Path png = dir.resolve("json-stage.png");
    Result r = knead("render", run.toString(), "--kind", "stage", "--size", "120x120", "--out", png.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    var doc = dev.knead.core.io.Json.parse(r.out(), "render --json");
    assertThat(r.out().strip().lines()).hasSize(1);
    assertThat(doc.get("kind").asText()).isEqualTo("stage");
    assertThat(doc.get("files").get(0).get("path").asText()).isEqualTo(png.toString());
    assertThat(doc.get("files").get(0).get("bytes").asLong()).isEqualTo(Files.size(png)).isPositive();
    Path gif = dir.resolve("json.gif");
    Result a = knead("animate", run.toString(), "--fps", "5", "--seconds", "1", "--size", "100x100", "--out", gif.toString(), "--json");
    assertThat(a.code()).as(a.err()).isZero();
    var adoc = dev.knead.core.io.Json.parse(a.out(), "animate --json");
    assertThat(adoc.get("files").get(0).get("bytes").asLong()).isEqualTo(Files.size(gif));
    assertThat(adoc.get("frames").asInt()).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "render; --kind; pie; unknown kind",
      "render; --kind; certificates; unknown kind",
      "render; --size; 12x800; --size",
      "render; --size; big; --size",
      "render; --stage; 99; outside",
      "render; --stage; -1; outside",
      "render; --scale; 20; --scale",
      "render; --projection; tsne; applies to --kind layers only",
      "animate; --projection; umap; expected one of pca, tour, tsne",
  })
  void badInputExitsTwoWithOneLine(String cmd, String flag, String value, String message) {
    Path out = dir.resolve("bad.png");
    if (cmd.equals("animate")) {
      out = dir.resolve("bad.gif");
    }
    String[] base = flag.equals("--kind") || cmd.equals("animate") ? new String[] {cmd, run.toString(), flag, value, "--out", out.toString()}
        : new String[] {cmd, run.toString(), "--kind", "stage", flag, value, "--out", out.toString()};
    Result r = knead(base);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains(message);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void wrongExtensionsAndUnwritablePathsExitTwo() throws Exception {
    assertThat(knead("render", run.toString(), "--kind", "stage", "--out", dir.resolve("x.jpg").toString()).code()).isEqualTo(2);
    assertThat(knead("render", run.toString(), "--kind", "stage", "--out", dir.resolve("x.gif").toString()).err())
        .contains("knead animate");
    assertThat(knead("animate", run.toString(), "--out", dir.resolve("x.png").toString()).code()).isEqualTo(2);
    Path file = Files.writeString(dir.resolve("plain.txt"), "not a folder");
    Result r = knead("render", run.toString(), "--kind", "stage", "--out", file.resolve("inside.png").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(knead("render", run.toString(), "--kind", "stage", "--out", dir.toString() + File.separator).code()).isEqualTo(2);
    assertThat(knead("render", dir.resolve("missing").toString(), "--kind", "stage", "--out", dir.resolve("m.png").toString())
        .code()).isEqualTo(2);
    assertThat(knead("animate", run.toString(), "--fps", "500", "--out", dir.resolve("f.gif").toString()).code()).isEqualTo(2);
  }
}
