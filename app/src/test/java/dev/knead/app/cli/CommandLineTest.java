package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.data.Datasets;
import dev.knead.core.io.Json;
import dev.knead.core.io.RunFile;
import dev.knead.core.run.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line is a contract: flags, JSON fields and exit codes. */
class CommandLineTest {
  @Test
  void versionAndHelp() {
    assertThat(Cli.run("--version").out()).startsWith("knead 0.1.0");
    Cli help = Cli.run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("datasets", "train", "trace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"datasets", "train", "trace"})
  void everyCommandHasHelp(String command) {
    Cli c = Cli.run(command, "--help");
    assertThat(c.code()).isZero();
    assertThat(c.out()).contains("Usage: knead " + command);
  }

  @Test
  void datasetsJsonListsEveryGeneratorWithItsTopology() {
    Cli c = Cli.run("datasets", "--json");
    assertThat(c.code()).isZero();
    JsonNode doc = Json.parse(c.out(), "stdout");
    assertThat(doc.get("provenance").get("knead").asText()).isNotBlank();
    JsonNode all = doc.get("datasets");
    assertThat(all.size()).isEqualTo(Datasets.catalogue().size());
    JsonNode mnist = all.get(all.size() - 1);
    assertThat(mnist.get("name").asText()).isEqualTo("mnist");
    assertThat(mnist.get("dim").asInt()).isEqualTo(784);
    assertThat(mnist.get("classes").size()).isEqualTo(10);
    assertThat(mnist.get("origin").get("licence").asText()).isEqualTo("CC BY-SA 3.0");
    assertThat(mnist.get("topology").isNull()).isTrue();
    JsonNode disk = all.get(1);
    assertThat(disk.get("name").asText()).isEqualTo("disk-annulus");
    assertThat(disk.get("topology").get("betti").toString()).isEqualTo("[[1,0],[1,1]]");
    assertThat(disk.get("topology").get("enclosed").toString()).isEqualTo("[0]");
    assertThat(disk.get("params").findValuesAsText("name")).contains("points", "noise", "scale", "r1", "r2", "r3");
  }

  /** The text listing names every data set's classes and origin, real data included, without reading the shipped files. */
  @Test
  void datasetsTextNamesClassesSourceAndLicence() {
    Cli c = Cli.run("datasets");
    assertThat(c.code()).isZero();
    assertThat(c.out()).contains("colours", "3-D, 6 classes: red, yellow, green, cyan, blue, magenta",
        "784-D, 10 classes: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9", "licence: CC BY-SA 3.0", "licence: CC BY 4.0",
        "cite: E. Alpaydin, C. Kaynak");
  }

  @Test
  void trainJsonHasTheDocumentedFieldsAndTheRunLoadsBack(@TempDir Path dir) {
    Path out = dir.resolve("run");
    Cli c = Cli.run("train", "--data", "disk-annulus", "--set", "points=100", "--hidden", "3", "--epochs", "200",
        "--seed", "4", "--out", out.toString(), "--json");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode j = Json.parse(c.out(), "stdout");
    for (String f : new String[] {"train_accuracy", "test_accuracy", "loss", "epochs", "rewinds", "seed", "run_dir"}) {
      assertThat(j.has(f)).as(f).isTrue();
    }
    assertThat(j.get("epochs").asInt()).isEqualTo(200);
    assertThat(j.get("seed").asLong()).isEqualTo(4);
    assertThat(j.get("run_dir").asText()).isEqualTo(out.toString());
    Run run = RunFile.load(out);
    assertThat(run.result().trainAccuracy()).isEqualTo(j.get("train_accuracy").asDouble());
    assertThat(c.out().trim().lines().count()).isEqualTo(1);
  }

  /** A float32 run says so, saves its precision, reloads it, and trains the same bits twice. */
  @Test
  void float32RunsRecordTheirPrecisionAndRepeat(@TempDir Path dir) {
    String[] args = {"train", "--data", "disk-annulus", "--set", "points=100", "--hidden", "3", "--epochs", "150",
        "--precision", "float32", "--json", "--out", ""};
    args[args.length - 1] = dir.resolve("a").toString();
    Cli a = Cli.run(args);
    assertThat(a.code()).as(a.err()).isZero();
    args[args.length - 1] = dir.resolve("b").toString();
    JsonNode ja = Json.parse(a.out(), "a");
    JsonNode jb = Json.parse(Cli.run(args).out(), "b");
    assertThat(ja.get("precision").asText()).isEqualTo("float32");
    assertThat(jb.get("loss").asDouble()).isEqualTo(ja.get("loss").asDouble());
    Run run = RunFile.load(dir.resolve("a"));
    assertThat(run.config().train().precision()).isEqualTo(dev.knead.core.train.Precision.FLOAT32);
    assertThat(run.result().trainAccuracy()).isEqualTo(ja.get("train_accuracy").asDouble());
  }

  @Test
  void sameFlagsSameNumbers(@TempDir Path dir) {
    String[] args = {"train", "--data", "spirals", "--set", "points=80", "--hidden", "6,6", "--activations", "tanh,relu",
        "--epochs", "50", "--batch", "16", "--json", "--out", ""};
    args[args.length - 1] = dir.resolve("a").toString();
    JsonNode a = Json.parse(Cli.run(args).out(), "a");
    args[args.length - 1] = dir.resolve("b").toString();
    JsonNode b = Json.parse(Cli.run(args).out(), "b");
    assertThat(b.get("loss").asDouble()).isEqualTo(a.get("loss").asDouble());
    assertThat(b.get("data_hash").asText()).isEqualTo(a.get("data_hash").asText());
  }

  @Test
  void traceListsEveryStageAndItsJsonComposes(@TempDir Path dir) {
    Path out = dir.resolve("run");
    assertThat(Cli.run("train", "--data", "xor", "--set", "points=40", "--hidden", "4", "--epochs", "30", "--out", out.toString()).code()).isZero();
    Cli text = Cli.run("trace", out.toString());
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("layer 1 · rotate (Vᵀ)", "layer 1 · bend (tanh)", "output · softmax");
    Cli json = Cli.run("trace", out.toString(), "--json", "--stage", "0");
    JsonNode j = Json.parse(json.out(), "trace");
    assertThat(j.get("stages").size()).isEqualTo(1);
    assertThat(j.get("stages").get(0).get("points").size()).isEqualTo(80);
    Cli csv = Cli.run("trace", out.toString(), "--csv");
    assertThat(csv.out().lines().count()).isEqualTo(1 + 80L * (1 + 5 + 4 + 1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "train --data nope | neither a built-in data set",
    "train --data xor --set points=abc | is not a number",
    "train --data xor --set bogus=1 | unknown parameter 'bogus'",
    "train --data xor --hidden 0 | --hidden[0] must be a whole number in 1 … 1024, got 0",
    "train --data xor --hidden 3,y | --hidden[1]: 'y' is not a number",
    "train --data xor --activation wobble | unknown activation",
    "train --data xor --activations tanh,relu | 2 activations for 1 hidden layers",
    "train --data xor --optimizer lbfgs | unknown optimizer",
    "train --data xor --lr -1 | --lr must be a number in (0, 100], got -1",
    "train --data xor --schedule step:x | schedule",
    "train --data xor --test-share 1.5 | test share",
    "train --data xor --target-accuracy 3 | --target-accuracy must be a number in (0, 1], got 3",
    "train --data xor --epochs abc | --epochs: 'abc' is not a number",
    "train --data xor --wobble | Unknown option",
    "train --data xor --precision half | unknown precision 'half'",
    "train --data xor --epochs 1e9 | --epochs must be a whole number in 0 … 10000000, got 1e9",
    "train --data xor --epochs 2.5 | --epochs must be a whole number",
    "train --hidden 3 | --data is required",
    "trace /no/such/run | no run here",
    "nosuchcommand | Unmatched argument",
  })
  void badInputExitsWithTwoAndOneClearLine(String args, String message) {
    Cli c = Cli.run(args.trim().split(" +"));
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aBadCsvFileNamesTheLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "x,y,label\n1,2,a\n3,four,b\n");
    Cli c = Cli.run("train", "--data", f.toString(), "--out", dir.resolve("r").toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("bad.csv").contains("line 3");
    assertThat(c.err().trim().lines().count()).isEqualTo(1);
  }
}
