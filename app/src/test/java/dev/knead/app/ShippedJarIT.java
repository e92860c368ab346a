package dev.knead.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar a user runs, not the classes the unit tests see: the shade plugin drops classes nothing
 * reaches by static analysis, so a library that loads one by name (Jackson, Javalin, Jetty) would
 * fail only here. Runs after {@code package} (failsafe), on {@code app/target/knead.jar}.
 */
class ShippedJarIT {

  /** Issue 15's goal for the product jar, in bytes (the data ships beside it in knead-data.jar). */
  static final long MAX_BYTES = 10_000_000;

  static final Path JAR = Path.of("target", "knead.jar");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theJarIsAtMostTenMegabytes() throws IOException {
    long size = Files.size(JAR);
    assertTrue(size <= MAX_BYTES, "knead.jar is " + size + " bytes, over " + MAX_BYTES);
    assertTrue(Files.isRegularFile(JAR.resolveSibling("knead-data.jar")), "knead-data.jar beside knead.jar");
  }

  @Test
  void trainsAndWritesJsonFromTheJar() throws Exception {
    Result r = run("train", "--data", "circles", "--hidden", "4", "--epochs", "30", "--json", "--out",
        dir.resolve("run").toString());
    assertEquals(0, r.code, r.err);
    JsonNode doc = JSON.readTree(r.out);
    assertEquals(30, doc.path("epochs").asInt(), r.out);
    assertEquals("completed", doc.path("status").asText(), r.out);
    assertTrue(Files.size(dir.resolve("run").resolve("run.json")) > 0);
    Result explain = run("explain", dir.resolve("run").toString(), "--json");
    assertEquals(0, explain.code, explain.err);
    assertTrue(JSON.readTree(explain.out).isObject());
  }

  @Test
  void readsShippedDataAndYamlSweepsFromTheJar() throws Exception {
    Result datasets = run("datasets", "--json");
    assertEquals(0, datasets.code, datasets.err);
    assertTrue(datasets.out.contains("\"mnist\""), "the shipped data sets are listed");
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, "name: tiny\ndata: {source: circles}\ntrain:\n  hidden: [3]\n  epochs: 20\n"
        + "  seed: {values: [1, 2]}\nmeasures: [accuracy]\n");
    Result sweep = run("sweep", file.toString(), "--out", dir.resolve("sweep").toString());
    assertEquals(0, sweep.code, sweep.err);
    assertTrue(Files.exists(dir.resolve("sweep").resolve("runs.csv")), sweep.out + sweep.err);
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Result r = run("train", "--data", "no-such-data");
    assertEquals(2, r.code);
    assertEquals(1, r.err.strip().lines().count(), r.err);
  }

  @Test
  void runningOutOfMemoryIsOneLineThatSaysWhatToDo() throws Exception {
    Result r = run(List.of("-Xmx96m"), "train", "--data", "mnist", "--set", "train=60000", "--epochs", "1");
    assertEquals(1, r.code, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.startsWith("knead: out of memory") && r.err.contains("KNEAD_JAVA_OPTS=-Xmx"), r.err);
  }

  @Test
  void theLabServesItsPageScriptsAndRunsFromTheJar() throws Exception {
    Process lab = new ProcessBuilder(command("lab", "--no-browser", "--port", "7391")).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
      String base = null;
      Pattern address = Pattern.compile("(http://(?:localhost|127\\.0\\.0\\.1):\\d+)");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (String line; base == null && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
        Matcher m = address.matcher(line);
        if (m.find()) {
          base = m.group(1);
        }
      }
      assertTrue(base != null, "the lab printed its address");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String page = get(http, base + "/");
      Matcher three = Pattern.compile("\"(/webjars/three/[^\"]+\\.js)\"").matcher(page);
      assertTrue(three.find(), "the import map names three.js");
      get(http, base + three.group(1));
      assertTrue(get(http, base + "/api/schema").contains("\"lr\""));
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"name\":\"circles\"},\"epochs\":20}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
      String id = JSON.readTree(created.body()).path("run").asText();
      assertTrue(get(http, base + "/api/runs/" + id).contains("\"status\""));
    } finally {
      lab.destroy();
      lab.waitFor(10, TimeUnit.SECONDS);
      lab.destroyForcibly();
    }
  }

  static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "*/*").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), url + ": " + r.body());
    return r.body();
  }

  record Result(int code, String out, String err) {}

  static List<String> command(String... args) {
    return command(List.of(), args);
  }

  static List<String> command(List<String> jvm, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector"));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  Result run(String... args) throws Exception {
    return run(List.of(), args);
  }

  Result run(List<String> jvm, String... args) throws Exception {
    Path out = dir.resolve("stdout-" + System.nanoTime());
    Path err = dir.resolve("stderr-" + System.nanoTime());
    Process p = new ProcessBuilder(command(jvm, args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished within two minutes: " + List.of(args));
    // the JVM's own notice for --add-modules jdk.incubator.vector, which ./knead filters the same way
    String errors = Files.readString(err).replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
    return new Result(p.exitValue(), Files.readString(out), errors);
  }
}
