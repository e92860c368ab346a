package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knead.core.io.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The lab's layers field: the CLI's parser, a 400 naming network.layers for a bad spec, and the blocks' marks in the trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabLayersTest {
  LabServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() {
    server = LabServer.start(new LabServer.Options("127.0.0.1", 0, true, 2));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  record Reply(int status, JsonNode json) {}

  Reply send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(60));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), Json.MAPPER.readTree(r.body()));
  }

  static String request(String session, String layers, int epochs) {
    return "{\"session\":\"" + session + "\",\"data\":{\"name\":\"disk-annulus\",\"params\":{\"points\":60}},"
        + "\"network\":{\"layers\":\"" + layers + "\"},\"train\":{\"epochs\":" + epochs + "},\"speed\":0}";
  }

  String finished(String session, String layers) throws Exception {
    Reply r = send("POST", "/api/runs", request(session, layers, 20));
    assertThat(r.status()).as(r.json().toString()).isEqualTo(201);
    String id = r.json().get("run").asText();
    for (int i = 0; i < 600; i++) {
      if (send("GET", "/api/runs/" + id, null).json().get("status").asText().equals("done")) {
        return id;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run did not finish");
  }

  /**
   * "What theory says" reads the layers, not the dense widths they replace: a 2-D flow is a
   * homeomorphism, so on the disk in the annulus it is impossible — it used to say "width 3 > d
   * can lift the data" from the unused width editor.
   */
  @Test
  void theTheoryBeforeTrainingReadsTheLayers() throws Exception {
    Reply flow = send("POST", "/api/explain", request("theory", "ode:2", 20));
    assertThat(flow.status()).as(flow.json().toString()).isEqualTo(200);
    assertThat(flow.json().get("network").asText()).isEqualTo("2 → ode:2 → dense:2:identity"); // the linear read-out the spec adds
    assertThat(flow.json().get("verdicts_before").toString()).contains("impossible").doesNotContain("can lift the data");
    Reply lifted = send("POST", "/api/explain", request("theory", "ode:3", 20));
    assertThat(lifted.json().get("verdicts_before").toString()).doesNotContain("\"impossible\"");
    Reply bad = send("POST", "/api/explain", request("theory", "ode:1", 20));
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void aBadSpecIsA400NamingTheField() throws Exception {
    for (String bad : new String[] {"bogus:3", "ode:2,,knn:3", "dense:2:wiggle", "ode:0",
        // parsed by the CLI's parser but not fitting the data (2-D points): refused before the run starts
        "ode:1", "knn:32:3",
        // above the lab's limits
        "knn:5000", "ode:2:h500", "ode:2:s500"}) {
      Reply r = send("POST", "/api/runs", request("bad", bad, 5));
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().get("field").asText()).as(bad).isEqualTo("network.layers");
      assertThat(r.json().get("error").asText()).as(bad).isNotBlank();
    }
  }

  @Test
  void aFlowRunHasItsStagesAtTimesT() throws Exception {
    String id = finished("flow", "ode:2");
    JsonNode tr = send("GET", "/api/runs/" + id + "/trace", null).json();
    long flows = 0;
    for (JsonNode n : tr.get("stage_names")) {
      flows += n.asText().contains("flow to t") ? 1 : 0;
    }
    assertThat(flows).as("flow stages").isEqualTo(8);
    // a position between two flow stages is a frame of the flow
    Reply f = send("GET", "/api/runs/" + id + "/trace?position=2.5", null);
    assertThat(f.status()).isEqualTo(200);
    assertThat(f.json().get("caption").asText()).contains("flow");
  }

  /** A block network's weights cannot be edited or trained on from: a 4xx naming the field, not a 500. */
  @Test
  void aBlockNetworksWeightsAreRefusedNotA500() throws Exception {
    Reply r = send("POST", "/api/runs", request("edit", "ode:2", 5));
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().get("run").asText();
    String token = r.json().get("token").asText();
    for (int i = 0; i < 600 && !send("GET", "/api/runs/" + id, null).json().get("status").asText().equals("done"); i++) {
      Thread.sleep(50);
    }
    HttpRequest edit = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/runs/" + id + "/weights"))
        .header(Jobs.TOKEN_HEADER, token).POST(HttpRequest.BodyPublishers.ofString("{\"layer\":0,\"row\":0,\"col\":0,\"value\":1}")).build();
    HttpResponse<String> e = http.send(edit, HttpResponse.BodyHandlers.ofString());
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(Json.MAPPER.readTree(e.body()).get("field").asText()).isEqualTo("layer");
    String from = request("edit", "ode:2", 5).replace("\"speed\":0}", "\"speed\":0,\"from\":\"" + id + "\"}");
    HttpRequest again = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/runs"))
        .header(Jobs.TOKEN_HEADER, token).POST(HttpRequest.BodyPublishers.ofString(from)).build();
    HttpResponse<String> f = http.send(again, HttpResponse.BodyHandlers.ofString());
    assertThat(f.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(f.body()).get("field").asText()).isEqualTo("from");
  }

  /** Two couplings: the marks name the halves, swapped from one block to the next, each over its own stages. */
  @Test
  void couplingMarksNameTheirHalves() throws Exception {
    String id = finished("coupling", "coupling,coupling");
    JsonNode tr = send("GET", "/api/runs/" + id + "/trace", null).json();
    JsonNode marks = tr.get("blocks");
    assertThat(marks).hasSize(2);
    JsonNode a = marks.get(0);
    JsonNode b = marks.get(1);
    assertThat(a.get("held").get(0).asInt()).isZero();
    assertThat(a.get("moved").get(0).asInt()).isEqualTo(1);
    assertThat(b.get("held").get(0).asInt()).isEqualTo(1);
    assertThat(b.get("moved").get(0).asInt()).isZero();
    assertThat(a.get("caption").asText()).startsWith("x1 passes through, x2 is scaled and shifted");
    // the first reads the input and ends where the second starts; each affine coupling shows two stages
    assertThat(a.get("stage").asInt()).isZero();
    assertThat(a.get("end").asInt()).isEqualTo(2).isEqualTo(b.get("stage").asInt());
    assertThat(tr.get("stage_names").get(a.get("end").asInt()).asText()).contains("coupling");
  }

  /** The prototypes the page draws are the network's own: the trace's marks against the weights endpoint's P. */
  @Test
  void theTracesPrototypesAreTheNetworks() throws Exception {
    String id = finished("knn", "knn:12");
    JsonNode w = send("GET", "/api/runs/" + id + "/weights", null).json();
    JsonNode block = w.get("layers").get(0);
    assertThat(block.get("kind").asText()).isEqualTo("knn");
    JsonNode params = block.get("parameters");
    for (String path : new String[] {"/trace", "/trace?position=0"}) {
      JsonNode marks = send("GET", "/api/runs/" + id + path, null).json().get("blocks");
      assertThat(marks).hasSize(1);
      JsonNode k = marks.get(0);
      assertThat(k.get("kind").asText()).isEqualTo("knn");
      assertThat(k.get("stage").asInt()).as("a first block reads the input").isZero();
      assertThat(k.get("points")).hasSize(24);
      for (int i = 0; i < 24; i++) {
        assertThat(k.get("points").get(i).asDouble()).isEqualTo(params.get(i).asDouble());
      }
      // each prototype's class is its value row's largest entry (V follows P in the parameters)
      for (int j = 0; j < 12; j++) {
        int cls = params.get(24 + 2 * j + 1).asDouble() > params.get(24 + 2 * j).asDouble() ? 1 : 0;
        assertThat(k.get("classes").get(j).asInt()).as("prototype %d", j).isEqualTo(cls);
      }
    }
  }
}
