package dev.knead.bench;

import dev.knead.app.lab.LabServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code knead bench lab}: how many live updates a second reach a page, and how long the server
 * spends building each, for 2-8-8-8-2 tanh on 1,000 disk-annulus points with every layer stage,
 * the 21 × 21-line grid and 40 × 40 region samples. Starts a lab on a free loopback port, trains
 * (unthrottled, so every update carries new weights) and reads the event stream like a browser.
 */
public final class LabBench {
  /**
   * @param updates frame events received
   * @param seconds how long the stream was read
   * @param updatesPerSecond updates / seconds
   * @param bytesPerUpdate mean size of one update, bytes
   * @param serverMillisMedian median server time to build one update (trace + projection + JSON)
   * @param serverMillisP95 95th percentile of the same
   * @param serverCpuMillisMedian median CPU time of the thread building one update (what the
   *     update costs, without waiting for a busy machine's cores)
   */
  public record Result(int updates, double seconds, double updatesPerSecond, double bytesPerUpdate, double serverMillisMedian,
      double serverMillisP95, double serverCpuMillisMedian) {
    public String describe() {
      return String.format(Locale.ROOT,
          "lab live stream, 2-8-8-8-2 tanh, 1000 points, 21×21 grid lines, 40×40 regions: %d updates in %.1f s = %.1f updates/s, "
              + "%.0f KB each; server %.2f ms per update (median wall), %.2f ms (p95 wall), %.2f ms CPU (median)",
          updates, seconds, updatesPerSecond, bytesPerUpdate / 1024, serverMillisMedian, serverMillisP95, serverCpuMillisMedian);
    }
  }

  private LabBench() {}

  /** @param seconds how long to read the stream */
  public static Result run(double seconds) {
    try (LabServer server = LabServer.start(new LabServer.Options("127.0.0.1", 0, true, 2))) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://localhost:" + server.port();
      String body = "{\"session\":\"bench\",\"data\":{\"name\":\"disk-annulus\",\"params\":{\"points\":500},\"seed\":1,\"test_share\":0},"
          + "\"network\":{\"hidden\":[8,8,8],\"activations\":[\"tanh\"]},\"train\":{\"epochs\":100000,\"lr\":0.01},\"speed\":0}";
      HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      String id = started.body().replaceAll(".*\"run\":\"([^\"]+)\".*", "$1");
      HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/live?every=10"))
          .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      int updates = 0;
      long bytes = 0;
      double[] ms = new double[100_000];
      double[] cpu = new double[100_000];
      long t0 = 0;
      long end = 0;
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        String line;
        boolean frame = false;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("event: ")) {
            frame = line.equals("event: frame");
          } else if (frame && line.startsWith("data: ")) {
            if (t0 == 0) {
              t0 = System.nanoTime();
              end = t0 + (long) (seconds * 1e9);
              continue; // the first update only starts the clock
            }
            cpu[updates] = server.lastFrameCpuMillis(id);
            ms[updates++] = server.lastFrameMillis(id);
            bytes += line.length();
            if (System.nanoTime() >= end || updates == ms.length) {
              break;
            }
          }
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
      double[] sorted = Arrays.copyOf(ms, updates);
      Arrays.sort(sorted);
      double[] sortedCpu = Arrays.copyOf(cpu, updates);
      Arrays.sort(sortedCpu);
      return new Result(updates, s, updates / s, updates == 0 ? 0 : bytes / (double) updates, quantile(sorted, 0.5),
          quantile(sorted, 0.95), quantile(sortedCpu, 0.5));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static double quantile(double[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }
}
