package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every endpoint and its errors, over real HTTP against a lab on a free port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabRoutesTest {
  static final String SMALL = "{\"session\":\"s1\",\"data\":{\"name\":\"disk-annulus\",\"params\":{\"points\":60}},"
      + "\"network\":{\"hidden\":[3]},\"train\":{\"epochs\":40},\"speed\":0}";

  LabServer server;
  HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() {
    server = LabServer.start(new LabServer.Options("127.0.0.1", 0, true, 2));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  record Reply(int status, JsonNode json, String text) {}

  Reply send(String method, String path, String body) throws Exception {
    return send(method, path, body, null);
  }

  /** A request carrying a page's token (X-Knead-Token), or none when token is null. */
  Reply send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header(Jobs.TOKEN_HEADER, token);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode j = null;
    try {
      j = Json.MAPPER.readTree(r.body());
    } catch (Exception ignored) {
      // not JSON
    }
    return new Reply(r.statusCode(), j, r.body());
  }

  String finishedRun() throws Exception {
    return finishedRun(SMALL);
  }

  String finishedRun(String body) throws Exception {
    Reply r = send("POST", "/api/runs", body);
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().get("run").asText();
    for (int i = 0; i < 200; i++) {
      Reply s = send("GET", "/api/runs/" + id, null);
      if (s.json().get("status").asText().equals("done")) {
        return id;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run did not finish");
  }

  /** A float32 lab run is the CLI's float32 run: the export carries the precision and the same network. */
  @Test
  void float32RunsAsTheCommandLineDoes() throws Exception {
    String id = finishedRun(SMALL.replace("\"train\":{", "\"train\":{\"precision\":\"float32\","));
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lab-f32");
    java.nio.file.Files.writeString(dir.resolve("run.json"), send("GET", "/api/runs/" + id + "/export", null).text());
    dev.knead.core.run.Run run = dev.knead.core.io.RunFile.load(dir);
    assertThat(run.config().train().precision()).isEqualTo(dev.knead.core.train.Precision.FLOAT32);
    dev.knead.core.run.Run again = dev.knead.core.run.Runs.execute(run.config(), dev.knead.core.train.TrainListener.NONE);
    assertThat(again.network()).isEqualTo(run.network());
  }

  @Test
  void pageAndImportMap() throws Exception {
    Reply r = send("GET", "/", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).contains("importmap", "/webjars/three/0.181", "/webjars/d3/7.9", "/lab/js/main.js").doesNotContain("{{");
    assertThat(send("GET", "/lab/js/sheet.js", null).status()).isEqualTo(200);
  }

  @Test
  void datasets() throws Exception {
    Reply r = send("GET", "/api/datasets", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().isArray()).isTrue();
    assertThat(r.text()).contains("\"disk-annulus\"", "\"params\"");
  }

  /** The shipped real data (digits, mnist) are offered, with the lab's own bounded mnist sizes. */
  @Test
  void shippedImagesAreOfferedWithBoundedSizes() throws Exception {
    JsonNode all = send("GET", "/api/datasets", null).json();
    java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
    all.forEach(d -> byName.put(d.get("name").asText(), d));
    assertThat(byName).containsKeys("digits", "mnist", "words", "colours");
    for (JsonNode p : byName.get("mnist").get("params")) {
      assertThat(p.get("max").asDouble()).as(p.get("name").asText()).isLessThanOrEqualTo(LabConfig.MAX_MNIST);
      assertThat(p.get("default").asDouble()).isLessThanOrEqualTo(p.get("max").asDouble());
    }
    // a value over the cap is refused whatever its spelling, before any image is read
    for (String v : new String[] {"20000", "2001.0", "\" 2.001e3\"", "1e6"}) {
      Reply r = send("POST", "/api/runs", "{\"session\":\"m1\",\"data\":{\"name\":\"mnist\",\"params\":{\"train\":" + v + "}},"
          + "\"network\":{\"hidden\":[4]},\"train\":{\"epochs\":1},\"speed\":0}");
      assertField(r, 400, "data.params.train");
    }
    // no sizes given: the lab's defaults, not the CLI's 10,000 + 2,000
    Reply m = send("POST", "/api/runs", "{\"session\":\"m2\",\"data\":{\"name\":\"mnist\"},"
        + "\"network\":{\"hidden\":[4]},\"train\":{\"epochs\":1},\"speed\":0}");
    assertThat(m.status()).isEqualTo(201);
    assertThat(m.json().get("dim").asInt()).isEqualTo(784);
    // the 64-D digits train and their wide stages come through the one projection (3 shown coordinates)
    String id = finishedRun("{\"session\":\"d1\",\"data\":{\"name\":\"digits\"},"
        + "\"network\":{\"hidden\":[8]},\"train\":{\"epochs\":3},\"speed\":0}");
    JsonNode trace = send("GET", "/api/runs/" + id + "/trace", null).json();
    JsonNode input = trace.get("stages").get(0);
    assertThat(input.get("dim").asInt()).isEqualTo(64);
    assertThat(input.get("shown").asInt()).isEqualTo(3);
    assertThat(input.get("pca").asBoolean()).isTrue();
    // the picture under the pointer: point 0's own pixels, as the data set has them
    JsonNode pic = send("GET", "/api/runs/" + id + "/points/0", null).json();
    assertThat(pic.get("image").get("width").asInt()).isEqualTo(8);
    dev.knead.core.data.Dataset digits = dev.knead.core.data.Datasets.generate("digits", java.util.Map.of(), 1);
    JsonNode px = pic.get("values");
    boolean found = false;
    for (int i = 0; i < digits.size() && !found; i++) {
      boolean same = true;
      for (int j = 0; j < 64 && same; j++) {
        same = Math.abs(digits.points().get(i, j) - px.get(j).asDouble()) < 1e-9;
      }
      found = same && digits.labels()[i] == pic.get("label").asInt();
    }
    assertThat(found).as("point 0's pixels are one of the digits, with its label").isTrue();
    assertField(send("GET", "/api/runs/" + id + "/points/99999", null), 400, "point");
    // a word's point names its word: the shipped vector of that word, with that word's class
    String words = finishedRun("{\"session\":\"w1\",\"data\":{\"name\":\"words\"},"
        + "\"network\":{\"hidden\":[4]},\"train\":{\"epochs\":1},\"speed\":0}");
    JsonNode w = send("GET", "/api/runs/" + words + "/points/5", null).json();
    String word = w.get("word").asText();
    double[] vec = dev.knead.core.data.words.WordVectors.shipped().vector(word);
    for (int j = 0; j < vec.length; j++) {
      assertThat(w.get("values").get(j).asDouble()).isEqualTo(vec[j]);
    }
    String cls = dev.knead.core.data.Datasets.generate("words", java.util.Map.of(), 1).classNames().get(w.get("label").asInt());
    assertThat(dev.knead.core.data.words.WordClasses.shipped().classes().get(cls)).contains(word);
  }

  @Test
  void runLifecycleTraceFrameExportExplain() throws Exception {
    String id = finishedRun();
    Reply run = send("GET", "/api/runs/" + id, null);
    assertThat(run.json().get("history").size()).isEqualTo(40);
    assertThat(run.json().get("snapshot_epochs").size()).isGreaterThan(1);
    Reply trace = send("GET", "/api/runs/" + id + "/trace", null);
    assertThat(trace.status()).isEqualTo(200);
    assertThat(trace.json().get("stage_count").asInt()).isEqualTo(11); // input, 5 + 4 moves, softmax
    assertThat(trace.json().get("stages").size()).isEqualTo(11);
    assertThat(trace.json().get("cut").get("normal").size()).isEqualTo(3);
    Reply frame = send("GET", "/api/runs/" + id + "/trace?snapshot=0&position=2.5", null);
    assertThat(frame.json().get("caption").asText()).contains("layer 1");
    assertThat(frame.json().get("n").asInt()).isEqualTo(120);
    Reply export = send("GET", "/api/runs/" + id + "/export", null);
    assertThat(export.json().get("format").asText()).isEqualTo("knead-run");
    Reply explain = send("GET", "/api/runs/" + id + "/explain", null);
    assertThat(explain.status()).isEqualTo(200);
    assertThat(explain.json().get("layers").size()).isEqualTo(2);
    assertThat(send("DELETE", "/api/runs/" + id, null).status()).isEqualTo(403); // no token: not this client's run
  }

  /** A page's token controls its runs; no other page or client can pause, cancel or replace them. */
  @Test
  void onlyThePagesTokenControlsItsRuns() throws Exception {
    String body = SMALL.replace("\"epochs\":40", "\"epochs\":100000").replace("\"speed\":0", "\"speed\":20");
    Reply mine = send("POST", "/api/runs", body);
    String id = mine.json().get("run").asText();
    String token = mine.json().get("token").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(20);
    Reply other = send("POST", "/api/runs", body); // the same session name, another page: no token
    String otherToken = other.json().get("token").asText();
    assertThat(otherToken).isNotEqualTo(token);
    assertThat(send("GET", "/api/runs/" + id, null).json().get("status").asText()).isNotEqualTo("cancelled");
    assertField(send("DELETE", "/api/runs/" + id, null), 403, Jobs.TOKEN_HEADER);
    assertField(send("DELETE", "/api/runs/" + id, null, otherToken), 403, Jobs.TOKEN_HEADER);
    assertField(send("POST", "/api/runs/" + id + "/control", "{\"action\":\"pause\"}", otherToken), 403, Jobs.TOKEN_HEADER);
    assertThat(send("GET", "/api/runs/" + id, null).json().get("status").asText()).isNotEqualTo("cancelled");
    // the page's next run replaces its last
    Reply next = send("POST", "/api/runs", body, token);
    assertThat(next.json().get("token").asText()).isEqualTo(token);
    waitFor(id, "cancelled");
    assertThat(send("DELETE", "/api/runs/" + next.json().get("run").asText(), null, token).status()).isEqualTo(200);
    assertThat(send("DELETE", "/api/runs/" + other.json().get("run").asText(), null, otherToken).status()).isEqualTo(200);
  }

  /** A weight edited on a finished run moves its sheet, reads back, and a new run starts from it. */
  @Test
  void editedWeightMovesTheSheetAndANewRunStartsFromIt() throws Exception {
    Reply started = send("POST", "/api/runs", SMALL.replace("s1", "s-edit"));
    String id = started.json().get("run").asText();
    String token = started.json().get("token").asText();
    waitFor(id, "done");
    JsonNode w = send("GET", "/api/runs/" + id + "/weights", null).json();
    double w00 = w.get("layers").get(0).get("weights").get(0).get(0).asDouble();
    String before = send("GET", "/api/runs/" + id + "/trace?position=4", null).json().get("points").asText(); // after layer 1's shift
    String edit = "{\"layer\":0,\"row\":0,\"col\":0,\"value\":" + (w00 + 5) + "}";
    assertField(send("POST", "/api/runs/" + id + "/weights", edit), 403, Jobs.TOKEN_HEADER);
    assertThat(send("POST", "/api/runs/" + id + "/weights", edit, token).status()).isEqualTo(200);
    assertThat(send("GET", "/api/runs/" + id + "/weights", null).json().get("layers").get(0).get("weights").get(0).get(0).asDouble())
        .isEqualTo(w00 + 5);
    String after = send("GET", "/api/runs/" + id + "/trace?position=4", null).json().get("points").asText();
    assertThat(after).isNotEqualTo(before);
    // the input stage does not depend on the weights
    assertThat(send("GET", "/api/runs/" + id + "/trace?position=0", null).json().get("points").asText())
        .isEqualTo(send("GET", "/api/runs/" + id + "/trace?snapshot=0&position=0", null).json().get("points").asText());
    assertField(send("POST", "/api/runs/" + id + "/weights", "{\"layer\":9,\"row\":0,\"col\":0,\"value\":1}", token), 400, "layer");
    assertField(send("POST", "/api/runs/" + id + "/weights", "{\"layer\":0,\"row\":0,\"col\":5,\"value\":1}", token), 400, "col");
    assertField(send("POST", "/api/runs/" + id + "/weights", "{\"layer\":0,\"row\":0,\"col\":0,\"value\":\"x\"}", token), 400, "value");
    // a new run of this page from the edited weights: its first snapshot is them
    Reply next = send("POST", "/api/runs", SMALL.replace("s1", "s-edit").replace("{\"session\"", "{\"from\":\"" + id + "\",\"session\""), token);
    assertThat(next.status()).as(next.text()).isEqualTo(201);
    String id2 = next.json().get("run").asText();
    waitFor(id2, "done");
    assertThat(send("GET", "/api/runs/" + id2 + "/trace?snapshot=0&position=4", null).json().get("points").asText()).isEqualTo(after);
    assertField(send("POST", "/api/runs", SMALL.replace("[3]", "[4]").replace("{\"session\"", "{\"from\":\"" + id2 + "\",\"session\""), token),
        400, "from");
    assertField(send("POST", "/api/runs", SMALL.replace("{\"session\"", "{\"from\":\"" + id2 + "\",\"session\"")), 403, Jobs.TOKEN_HEADER);
  }

  /**
   * Edits in a run request are made again at their pause (a reloaded page's URL): the same weights
   * as the run they were made on, edited (a round trip); the export carries the edited network and
   * the edits; bad edits are refused by value and by shape before any training.
   */
  @Test
  void editsAreMadeAgainAndExported() throws Exception {
    Reply started = send("POST", "/api/runs", SMALL.replace("s1", "s-replay"));
    String id = started.json().get("run").asText();
    String token = started.json().get("token").asText();
    waitFor(id, "done");
    JsonNode run = send("GET", "/api/runs/" + id, null).json();
    int last = run.get("epoch").asInt();
    assertThat(send("POST", "/api/runs/" + id + "/weights", "{\"layer\":1,\"row\":0,\"col\":-1,\"value\":2.25}", token).status()).isEqualTo(200);
    JsonNode edited = send("GET", "/api/runs/" + id + "/weights", null).json();
    JsonNode export = send("GET", "/api/runs/" + id + "/export", null).json();
    assertThat(export.get("network")).isEqualTo(edited);
    assertThat(export.get("edits").toString()).isEqualTo("[{\"epoch\":" + last + ",\"layer\":1,\"row\":0,\"col\":-1,\"value\":2.25}]");
    String replay = SMALL.replace("s1", "s-replay2").replace("{\"session\"", "{\"edits\":[[" + last + ",1,0,-1,2.25]],\"session\"");
    Reply again = send("POST", "/api/runs", replay);
    assertThat(again.status()).as(again.text()).isEqualTo(201);
    String id2 = again.json().get("run").asText();
    waitFor(id2, "paused");
    assertThat(send("GET", "/api/runs/" + id2 + "/weights", null).json()).as("the replayed network").isEqualTo(edited);
    send("DELETE", "/api/runs/" + id2, null, again.json().get("token").asText());
    String bad = SMALL.replace("{\"session\"", "{\"edits\":EDITS,\"session\"");
    assertField(send("POST", "/api/runs", bad.replace("EDITS", "[[0,9,0,0,1]]")), 400, "edits[0]");
    assertField(send("POST", "/api/runs", bad.replace("EDITS", "[[0,0,7,0,1]]")), 400, "edits[0]");
    assertField(send("POST", "/api/runs", bad.replace("EDITS", "[[0,0,0,0,1e7]]")), 400, "edits[0]");
    assertField(send("POST", "/api/runs", bad.replace("EDITS", "[[0.5,0,0,0,1]]")), 400, "edits[0]");
    assertField(send("POST", "/api/runs", bad.replace("EDITS", "[[1,0,0,0,1],[2,0,0,0,1]]")), 400, "edits[1]");
    assertField(send("POST", "/api/runs", bad.replace("EDITS", "[\"x\"]")), 400, "edits[0]");
    assertField(send("POST", "/api/runs", bad.replace("EDITS", "7")), 400, "edits");
  }

  void waitFor(String id, String status) throws Exception {
    String now = "";
    for (int i = 0; i < 200 && !now.equals(status); i++) {
      now = send("GET", "/api/runs/" + id, null).json().get("status").asText();
      Thread.sleep(50);
    }
    assertThat(now).isEqualTo(status);
  }

  /** A run ends with its page: the live connection closes (tab closed, reloaded) and the run is cancelled. */
  @Test
  void aRunEndsWhenItsPageGoes() throws Exception {
    String body = SMALL.replace("\"epochs\":40", "\"epochs\":100000").replace("\"speed\":0", "\"speed\":20");
    String id = send("POST", "/api/runs", body).json().get("run").asText();
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(("GET /api/runs/" + id + "/live HTTP/1.1\r\nHost: localhost:" + server.port()
          + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("event: frame")) {
        // until the first update
      }
      assertThat(send("GET", "/api/runs/" + id, null).json().get("status").asText()).isIn("running", "queued");
    }
    long t0 = System.nanoTime();
    String now = "";
    while (!now.equals("cancelled") && System.nanoTime() - t0 < 15e9) {
      now = send("GET", "/api/runs/" + id, null).json().get("status").asText();
      Thread.sleep(100);
    }
    assertThat(now).as("status after the page went away").isEqualTo("cancelled");
  }

  /** Errors on the live stream are HTTP 4xx JSON, not a 200 event stream. */
  @Test
  void liveStreamErrorsAreHttp4xx() throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/runs/r999/live"))
        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).contains("\"field\":\"id\"");
    String id = finishedRun();
    for (String every : new String[] {"x", "0", "2.5", "1e9", "99999999999999999999"}) {
      assertField(send("GET", "/api/runs/" + id + "/live?every=" + every, null), 400, "every");
    }
  }

  /** Strict CSP and no framing, on the page and on every answer. */
  @Test
  void noSiteMayFrameTheLab() throws Exception {
    for (String path : new String[] {"/", "/api/datasets", "/lab/js/main.js", "/api/nothing"}) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(res.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      String csp = res.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("default-src 'none'").doesNotContain("unsafe");
    }
    // the one inline script, the import map, is allowed by its hash
    String page = send("GET", "/", null).text();
    String map = page.substring(page.indexOf("<script type=\"importmap\">") + "<script type=\"importmap\">".length(), page.indexOf("</script>"));
    String hash = java.util.Base64.getEncoder().encodeToString(
        java.security.MessageDigest.getInstance("SHA-256").digest(map.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.headers().firstValue("Content-Security-Policy").orElse("")).contains("'sha256-" + hash + "'");
  }

  /** /lab/ holds the page's files: its address sends the browser to the page itself (with its import map). */
  @Test
  void labPathIsThePage() throws Exception {
    for (String path : new String[] {"/lab", "/lab/", "/lab/index.html"}) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(path).isBetween(301, 308);
      assertThat(res.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }
  }

  /** Explain is queued: ?wait=0 answers at once with the state, and the report comes when it is ready. */
  @Test
  void explainIsQueuedWithItsProgress() throws Exception {
    String id = finishedRun(SMALL.replace("s1", "s-wait"));
    Reply first = send("GET", "/api/runs/" + id + "/explain?wait=0", null);
    assertThat(first.status()).as(first.text()).isIn(200, 202);
    if (first.status() == 202) {
      assertThat(first.json().get("status").asText()).isIn("queued", "measuring");
      assertThat(first.json().get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
    }
    Reply done = first;
    for (int i = 0; i < 120 && done.status() == 202; i++) {
      done = send("GET", "/api/runs/" + id + "/explain?wait=1", null);
    }
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().get("stages").size()).isGreaterThan(1);
    assertField(send("GET", "/api/runs/" + id + "/explain?wait=9999", null), 400, "wait");
  }

  @Test
  void controlPauseStepResumeCancel() throws Exception {
    Reply r = send("POST", "/api/runs", SMALL.replace("\"epochs\":40", "\"epochs\":100000").replace("s1", "s2").replace("\"speed\":0", "\"speed\":50"));
    String id = r.json().get("run").asText();
    String token = r.json().get("token").asText();
    assertThat(send("POST", "/api/runs/" + id + "/control", "{\"action\":\"pause\"}", token).status()).isEqualTo(200);
    assertThat(send("POST", "/api/runs/" + id + "/control", "{\"action\":\"step\",\"epochs\":2}", token).status()).isEqualTo(200);
    assertThat(send("POST", "/api/runs/" + id + "/control", "{\"action\":\"speed\",\"speed\":0}", token).status()).isEqualTo(200);
    assertThat(send("POST", "/api/runs/" + id + "/control", "{\"action\":\"resume\"}", token).status()).isEqualTo(200);
    Reply bad = send("POST", "/api/runs/" + id + "/control", "{\"action\":\"fly\"}", token);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("action");
    assertThat(send("DELETE", "/api/runs/" + id, null, token).status()).isEqualTo(200);
  }

  @Test
  void liveStreamSendsFramesThenEnd() throws Exception {
    String id = send("POST", "/api/runs", SMALL.replace("s1", "s3")).json().get("run").asText();
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(("GET /api/runs/" + id + "/live HTTP/1.1\r\nHost: localhost:" + server.port()
          + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      boolean frame = false;
      boolean end = false;
      java.util.List<String> frames = new java.util.ArrayList<>();
      String line;
      boolean inFrame = false;
      while ((line = in.readLine()) != null && !end) {
        if (line.startsWith("event: ")) {
          inFrame = line.equals("event: frame");
        }
        if (inFrame && line.startsWith("data: ") && line.contains("\"trace\"")) {
          frames.add(line);
        }
        frame |= line.equals("event: frame");
        end |= line.equals("event: end");
      }
      assertThat(frame).isTrue();
      assertThat(end).isTrue();
      // the first update with stages is whole; later ones leave out what never changes
      assertThat(frames.get(0)).contains("\"labels\"").doesNotContain("\"unchanged\"");
      // which points are held out: the request's test share (0.2 of 60 per class) of them, stratified
      JsonNode first = Json.MAPPER.readTree(frames.get(0).substring("data: ".length()));
      byte[] test = java.util.Base64.getDecoder().decode(first.get("test").asText());
      byte[] labels = java.util.Base64.getDecoder().decode(first.get("labels").asText());
      assertThat(test).hasSameSizeAs(labels);
      int held = 0;
      for (byte b : test) {
        held += b;
      }
      assertThat(held).isEqualTo(24);
      for (String f : frames.subList(1, frames.size())) {
        assertThat(f).contains(LiveFrame.UNCHANGED_INPUT).doesNotContain("\"labels\"");
      }
    }
  }

  @Test
  void explainBeforeTraining() throws Exception {
    Reply r = send("POST", "/api/explain", SMALL.replace("[3]", "[2,2]"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("verdicts_before").get(0).get("kind").asText()).isEqualTo("impossible");
    // the network as the CLI describes it, not a record's internal dump
    assertThat(r.json().get("network").asText()).isEqualTo("2-2-2-2 tanh");
  }

  @Test
  void uploadGoodAndBad() throws Exception {
    Reply good = send("POST", "/api/upload?name=mine.csv", "x,y,label\n0,0,a\n1,1,b\n0,1,a\n1,0,b\n");
    assertThat(good.status()).isEqualTo(201);
    assertThat(good.json().get("points").asInt()).isEqualTo(4);
    String up = good.json().get("upload").asText();
    Reply run = send("POST", "/api/runs", SMALL.replace("\"name\":\"disk-annulus\"", "\"upload\":\"" + up + "\"").replace("s1", "s4"));
    assertThat(run.status()).isEqualTo(201);
    Reply bad = send("POST", "/api/upload?name=bad.csv", "x,y,label\n1,2,a\nthree,4,b\n");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("file");
    assertThat(send("POST", "/api/upload?name=evil.exe", "MZ").json().get("field").asText()).isEqualTo("name");
    assertThat(send("POST", "/api/upload", "1,2").json().get("field").asText()).isEqualTo("name");
  }

  @Test
  void badRequestsNameTheField() throws Exception {
    assertField(send("POST", "/api/runs", "{not json"), 400, "body");
    assertField(send("POST", "/api/runs", "[1]"), 400, "body");
    assertField(send("POST", "/api/runs", "{\"network\":{\"hidden\":[0]}}"), 400, "network.hidden[0]");
    assertField(send("POST", "/api/runs", "{\"network\":{\"hidden\":[3],\"activations\":[\"wiggle\"]}}"), 400, "network.activations[0]");
    assertField(send("POST", "/api/runs", "{\"train\":{\"lr\":\"fast\"}}"), 400, "train.lr");
    assertField(send("POST", "/api/runs", "{\"train\":{\"epochs\":0}}"), 400, "train.epochs");
    assertField(send("POST", "/api/runs", "{\"train\":{\"precision\":\"half\"}}"), 400, "train.precision");
    assertField(send("POST", "/api/runs", "{\"data\":{\"name\":\"/etc/passwd\"}}"), 400, "data.name");
    assertField(send("POST", "/api/runs", "{\"data\":{\"params\":{\"r9\":1}}}"), 400, "data.params");
    assertField(send("POST", "/api/runs", "{\"data\":{\"upload\":\"nope\"}}"), 400, "data.upload");
    assertField(send("POST", "/api/runs", "{\"data\":{\"added\":[[0,0,7]]}}"), 400, "data.added");
    assertField(send("POST", "/api/runs", "{\"session\":\"../x\"}"), 400, "session");
    assertField(send("POST", "/api/runs", "{\"x\":\"" + "a".repeat(300_000) + "\"}"), 413, "body");
    assertField(send("GET", "/api/runs/r999", null), 404, "id");
    assertField(send("GET", "/api/nothing", null), 404, "path");
    String id = finishedRun();
    assertField(send("GET", "/api/runs/" + id + "/trace?snapshot=999", null), 400, "snapshot");
    assertField(send("GET", "/api/runs/" + id + "/trace?position=99", null), 400, "position");
    assertField(send("GET", "/api/runs/" + id + "/trace?position=x", null), 400, "position");
  }

  HttpResponse<byte[]> bytes(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(120)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void figuresAreRenderFiguresAsPngSvgAndGif() throws Exception {
    String id = finishedRun();
    HttpResponse<byte[]> png = bytes("/api/runs/" + id + "/figure?kind=stages&size=600x400");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    byte[] b = png.body();
    assertThat(new byte[] {b[0], b[1], b[2], b[3]}).containsExactly(0x89, 'P', 'N', 'G');
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(b));
    assertThat(img.getWidth()).isEqualTo(600);
    assertThat(img.getHeight()).isEqualTo(400);

    HttpResponse<byte[]> svg = bytes("/api/runs/" + id + "/figure?kind=stages&format=svg&size=600x400");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    org.w3c.dom.Document doc = parseXml(svg.body());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");

    // the oracle: knead render's figure of the same run (exported, saved, loaded as the CLI loads it)
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lab-run");
    java.nio.file.Files.writeString(dir.resolve("run.json"), send("GET", "/api/runs/" + id + "/export", null).text());
    dev.knead.core.run.Run run = dev.knead.core.io.RunFile.load(dir);
    dev.knead.render.FigureOptions opt = dev.knead.render.FigureOptions.of(600, 400);
    String cli = dev.knead.render.Images.svg(dev.knead.app.door.Figures.of(dev.knead.app.door.Figures.Kind.STAGES, run.network(), run.data(),
        run.result().history(), dev.knead.app.door.Figures.subject(run.network(), run.data()), null, opt), opt,
        dev.knead.core.io.Provenance.of(run)); // the same provenance too: the run's config, seeds and data hash
    assertThat(new String(svg.body(), StandardCharsets.UTF_8)).isEqualTo(cli);

    for (String kind : new String[] {"stage", "lift", "regions", "curves", "certificate", "barcode", "betti"}) {
      HttpResponse<byte[]> f = bytes("/api/runs/" + id + "/figure?kind=" + kind + "&format=svg");
      assertThat(f.statusCode()).as(kind + ": " + new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(200);
      assertThat(parseXml(f.body()).getDocumentElement().getTagName()).isEqualTo("svg");
    }
    HttpResponse<byte[]> stage = bytes("/api/runs/" + id + "/figure?kind=stage&stage=5&snapshot=0");
    assertThat(stage.statusCode()).isEqualTo(200);
    // the layers figure through t-SNE: the CLI's figure of the same run, byte for byte (seeded, no threads)
    HttpResponse<byte[]> tsne = bytes("/api/runs/" + id + "/figure?kind=layers&projection=tsne&format=svg&size=600x400");
    assertThat(tsne.statusCode()).as(new String(tsne.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    String cliTsne = dev.knead.render.Images.svg(dev.knead.app.door.Figures.of(dev.knead.app.door.Figures.Kind.LAYERS, run,
        dev.knead.app.door.Figures.subject(run.network(), run.data()), null, null, dev.knead.core.trace.ProjectionKind.TSNE, opt),
        opt, dev.knead.core.io.Provenance.of(run));
    assertThat(new String(tsne.body(), StandardCharsets.UTF_8)).isEqualTo(cliTsne).contains("t-SNE");

    HttpResponse<byte[]> gif = bytes("/api/runs/" + id + "/animation.gif?size=200x200&fps=5&seconds=2");
    assertThat(gif.statusCode()).isEqualTo(200);
    assertThat(new String(gif.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
    assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(gif.body())).getWidth()).isEqualTo(200);
  }

  /** The lab's explain of a run is knead explain --json of the exported run: the same numbers, field for field. */
  @Test
  void theLabsExplainIsTheClisExplainOfTheSameRun() throws Exception {
    String id = finishedRun(SMALL.replace("s1", "s-explain").replace("\"points\":60", "\"points\":90"));
    Reply lab = send("GET", "/api/runs/" + id + "/explain", null);
    assertThat(lab.status()).isEqualTo(200);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lab-explain");
    java.nio.file.Files.writeString(dir.resolve("run.json"), send("GET", "/api/runs/" + id + "/export", null).text());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = dev.knead.app.cli.KneadCommand.run(new String[] {"explain", dir.toString(), "--json"},
        new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    com.fasterxml.jackson.databind.node.ObjectNode cli =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(out.toString(StandardCharsets.UTF_8), "cli");
    // the CLI's document ends with how it was made; the numbers are what must agree
    assertThat(cli.remove("provenance").get("data_sha256").asText()).hasSize(64);
    com.fasterxml.jackson.databind.node.ObjectNode labReport = (com.fasterxml.jackson.databind.node.ObjectNode) lab.json().deepCopy();
    assertThat(labReport.remove("epoch").asInt()).isEqualTo(40);
    assertThat(labReport.get("stages").size()).isGreaterThan(1);
    assertThat(labReport).isEqualTo(cli);
  }

  static org.w3c.dom.Document parseXml(byte[] xml) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
  }

  @Test
  void figureAndBarcodeErrorsNameTheField() throws Exception {
    String id = finishedRun();
    String f = "/api/runs/" + id + "/figure";
    assertField(send("GET", f, null), 400, "kind");
    assertField(send("GET", f + "?kind=pie", null), 400, "kind");
    assertField(send("GET", f + "?kind=stages&format=jpg", null), 400, "format");
    assertField(send("GET", f + "?kind=stages&stage=1", null), 400, "stage");
    assertField(send("GET", f + "?kind=stage&stage=11", null), 400, "stage");
    assertField(send("GET", f + "?kind=stage&stage=x", null), 400, "stage");
    assertField(send("GET", f + "?kind=stages&size=10x10", null), 400, "size");
    assertField(send("GET", f + "?kind=stages&size=huge", null), 400, "size");
    assertField(send("GET", f + "?kind=stages&size=9000x9000", null), 400, "size");
    assertField(send("GET", f + "?kind=stages&scale=9", null), 400, "scale");
    assertField(send("GET", f + "?kind=stages&snapshot=999", null), 400, "snapshot");
    assertField(send("GET", f + "?kind=stages&projection=tsne", null), 400, "projection");
    assertField(send("GET", f + "?kind=layers&projection=umap", null), 400, "projection");
    assertField(send("GET", "/api/runs/r999/figure?kind=stages", null), 404, "id");
    String g = "/api/runs/" + id + "/animation.gif";
    assertField(send("GET", g + "?fps=100", null), 400, "fps");
    assertField(send("GET", g + "?seconds=0", null), 400, "seconds");
    assertField(send("GET", g + "?seconds=600", null), 400, "seconds");
    assertField(send("GET", g + "?size=2000x2000", null), 400, "size");
    String bc = "/api/runs/" + id + "/barcodes";
    assertField(send("GET", bc + "?stage=99", null), 400, "stage");
    assertField(send("GET", bc + "?class=2", null), 400, "class");
  }

  @Test
  void barcodesOfAStageAndClassAreKneadTopologysJson() throws Exception {
    String id = finishedRun();
    Reply all = send("GET", "/api/runs/" + id + "/barcodes?stage=0", null);
    assertThat(all.status()).as(all.text()).isEqualTo(200);
    assertThat(all.json().get("classes").size()).isEqualTo(2);
    // known topology of the input: the disk is one piece without loops, the ring one loop
    JsonNode disk = all.json().get("classes").get(0);
    JsonNode ring = all.json().get("classes").get(1);
    assertThat(disk.get("class_name").asText()).isEqualTo("disk");
    assertThat(disk.get("stable_scale").get("betti").get(0).asInt()).isEqualTo(1);
    assertThat(ring.get("stable_scale").get("betti").get(1).asInt()).isEqualTo(1);
    assertThat(ring.get("bars").size()).isGreaterThan(10);
    Reply one = send("GET", "/api/runs/" + id + "/barcodes?stage=5&class=1", null);
    assertThat(one.json().get("classes").size()).isEqualTo(1);
    assertThat(one.json().get("name").asText()).contains("bend");
  }

  @Test
  void removedPointsLeaveTheData() throws Exception {
    String up = send("POST", "/api/upload?name=four.csv", "x,y,label\n0,0,a\n1,1,b\n0,1,a\n1,0,b\n").json().get("upload").asText();
    String body = SMALL.replace("\"name\":\"disk-annulus\"", "\"upload\":\"" + up + "\"").replace("s1", "s6");
    Reply r = send("POST", "/api/runs", body.replace("\"upload\":", "\"removed\":[[1.0004,0.9999]],\"upload\":"));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.json().get("points").asInt()).isEqualTo(3);
    assertField(send("POST", "/api/runs", body.replace("\"upload\":", "\"removed\":[[5,5]],\"upload\":")), 400, "data.removed[0]");
    assertField(send("POST", "/api/runs", body.replace("\"upload\":", "\"removed\":[[1,1],[0]],\"upload\":")), 400, "data.removed[1]");
    assertField(send("POST", "/api/runs", body.replace("\"upload\":", "\"removed\":\"all\",\"upload\":")), 400, "data.removed");
  }

  @Test
  void foreignHostAndOriginAreRefused() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.getOutputStream().write("GET /api/datasets HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 403").contains("\"field\":\"Host\"");
    }
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/runs"))
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(SMALL)).build();
    HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.body()).contains("\"field\":\"Origin\"");
    HttpRequest ok = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/datasets"))
        .header("Origin", "http://localhost:" + server.port()).GET().build();
    assertThat(http.send(ok, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    // a Host without a port is port 80, not this server's
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.getOutputStream().write("GET /api/datasets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 403").contains("\"field\":\"Host\"");
    }
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.getOutputStream().write(("GET /api/datasets HTTP/1.1\r\nHost: localhost:" + (server.port() + 1) + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void takenPortMovesToTheNextFreeOne() {
    try (LabServer second = LabServer.start(new LabServer.Options("127.0.0.1", server.port(), false, 1))) {
      assertThat(second.port()).isNotEqualTo(server.port());
      assertThat(second.url()).startsWith("http://localhost:");
    }
  }

  static void assertField(Reply r, int status, String field) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.json().get("field").asText()).as(r.text()).isEqualTo(field);
    assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
