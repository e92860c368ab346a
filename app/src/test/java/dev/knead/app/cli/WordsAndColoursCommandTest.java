package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code knead words}, {@code knead colours mix} and {@code knead import}: their contracts (docs/cli.md). */
class WordsAndColoursCommandTest {
  @TempDir Path dir;

  @Test
  void analogyJsonNamesQueenWithItsCosineAndRankAndDrawsTheFigure() throws Exception {
    Path png = dir.resolve("kq.png");
    Cli c = Cli.run("words", "analogy", "king", "man", "woman", "-k", "3", "--out", png.toString(), "--json");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode j = Json.parse(c.out(), "stdout");
    assertThat(j.get("best").get("word").asText()).isEqualTo("queen");
    assertThat(j.get("best").get("rank").asInt()).isEqualTo(1);
    assertThat(j.get("best").get("cosine").asDouble()).isBetween(0.7689, 0.7709);
    assertThat(j.get("answers").size()).isEqualTo(3);
    assertThat(j.get("vectors").get("words").asInt()).isEqualTo(10_000);
    assertThat(j.get("provenance").get("data_sha256").asText()).hasSize(64);
    assertThat(Files.size(png)).isPositive();
  }

  @Test
  void anUnknownWordIsOneLineAndExitTwo() {
    Cli c = Cli.run("words", "near", "zzyzxq");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err().strip()).doesNotContain("\n").contains("'zzyzxq' is not among the 10000 words");
  }

  /** The user's own vectors, word2vec text with its header: the hand-made parallelogram answers. */
  @Test
  void ownVectorsAreUsedAndMalformedOnesRefused() throws Exception {
    Path v = Files.writeString(dir.resolve("v.txt"), "4 2\nking 1 1\nqueen 1 -1\nman 0.1 1\nwoman 0.1 -1\n");
    Cli c = Cli.run("words", "analogy", "king", "man", "woman", "--vectors", v.toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).startsWith("king − man + woman = queen");
    Path bad = Files.writeString(dir.resolve("bad.txt"), "king 1 1\nqueen 1\n");
    Cli b = Cli.run("words", "test", "--vectors", bad.toString());
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("bad.txt: line 2: 'queen' has 1 coordinates, expected 2");
  }

  @Test
  void analogyTestReportsEveryCategory() {
    Cli c = Cli.run("words", "test", "--json");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode j = Json.parse(c.out(), "stdout");
    assertThat(j.get("categories").findValuesAsText("category")).containsExactly("capitals", "genders", "comparatives", "tenses");
    assertThat(j.get("asked").asInt()).isEqualTo(528);
    assertThat(j.get("right").asInt()).isEqualTo(103 + 118 + 113 + 99);
  }

  @Test
  void redAndBlueLightMixIntoPurple() throws Exception {
    Path png = dir.resolve("mix.png");
    Cli c = Cli.run("colours", "mix", "128,0,0", "0,0,128", "--out", png.toString(), "--json");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode m = Json.parse(c.out(), "stdout").get("mixes");
    assertThat(m.get(0).get("way").asText()).isEqualTo("light");
    assertThat(m.get(0).get("rgb").toString()).isEqualTo("[128,0,128]");
    assertThat(m.get(0).get("nearest").asText()).isEqualTo("purple");
    assertThat(m.get(1).get("way").asText()).isEqualTo("srgb-average");
    assertThat(m.get(1).get("rgb").toString()).isEqualTo("[64,0,64]");
    assertThat(Files.size(png)).isPositive();
    Cli text = Cli.run("colours", "mix", "red", "#0000ff");
    assertThat(text.out().toLowerCase(Locale.ROOT)).startsWith("red + #0000ff = 255,0,255 (fuchsia");
    Cli bad = Cli.run("colours", "mix", "128,0,0", "0,0,999");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("knead: colour '0,0,999': each of R,G,B must be within 0 … 255");
  }

  @Test
  void importedWeightsBecomeARunThatTraceTakes() throws Exception {
    Path onnx = Path.of(getClass().getResource("/dev/knead/app/cli/softmax-at-the-end.onnx").toURI());
    Path run = dir.resolve("run");
    Cli c = Cli.run("import", onnx.toString(), "--data", "xor", "--out", run.toString(), "--json");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(Json.parse(c.out(), "stdout").get("network").asText()).isEqualTo("2-4-2 tanh");
    Cli t = Cli.run("trace", run.toString(), "--stage", "0", "--csv");
    assertThat(t.code()).as(t.err()).isZero();
    Cli bad = Cli.run("import", onnx.toString(), "--data", "nested-spheres");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("the network takes 2-D points");
  }
}
