package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.knead.core.io.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lab in a classroom (issue 18), in Debian's chromium with software WebGL as CI runs it:
 * it keeps up with training, pauses at once, scrubs after a pause, shows an old snapshot's own
 * regions, forgets the last experiment after a change, cannot be framed, and ends a page's run
 * with the page. The benchmark prints painted frames per second and the pause latency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabClassroomE2ETest {
  static final Path SHOTS = LabBrowser.SHOTS;
  static final Page.WaitForFunctionOptions LONG = new Page.WaitForFunctionOptions().setTimeout(60_000);

  LabBrowser lab;
  LabServer server;
  Browser browser;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    lab = LabBrowser.start();
    server = lab.server;
    browser = lab.browser;
  }

  @AfterAll
  void stop() {
    if (lab != null) {
      lab.close();
    }
  }


  /** Pages of the test running: closed after it, which ends their runs (2 workers; a paused run keeps one). */
  final List<Page> pages = new ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void closePages() {
    pages.forEach(p -> {
      if (!p.isClosed()) {
        p.close();
      }
    });
    pages.clear();
  }

  Page open(String hash, List<String> errors) {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1500, 1250));
    pages.add(page);
    page.onPageError(errors::add);
    page.navigate(server.url() + hash);
    return page;
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(r.body());
  }

  /**
   * The benchmark: the default demo (2-3-2 tanh, the 3-D view on) training live. Painted frames
   * per second (animation frames the page got while updates arrive: a page that is busy gets
   * fewer) and updates painted per second, then the time from a click on pause to the run bar
   * saying "paused". Goals: ≥ 30 fps, ≤ 150 ms.
   */
  @Test
  void keepsUpWithTrainingAndPausesAtOnce() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#epochs=100000", errors);
    page.waitForFunction("() => +(document.body.dataset.painted || 0) >= 5", null, LONG);
    assertThat(page.locator("#view3d canvas").count()).isEqualTo(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) page.evaluate("() => new Promise(done => {"
        + " const t0 = performance.now(), p0 = +document.body.dataset.painted, u0 = +document.body.dataset.frames; let raf = 0;"
        + " const tick = () => { raf++; if (performance.now() - t0 < 3000) requestAnimationFrame(tick); else {"
        + "  const s = (performance.now() - t0) / 1000;"
        + "  done({ fps: raf / s, painted: (+document.body.dataset.painted - p0) / s, updates: (+document.body.dataset.frames - u0) / s }); } };"
        + " requestAnimationFrame(tick); })");
    double fps = ((Number) m.get("fps")).doubleValue();
    double painted = ((Number) m.get("painted")).doubleValue();
    double updates = ((Number) m.get("updates")).doubleValue();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("classroom-training.png")).setFullPage(true));
    Object latency = page.evaluate("() => new Promise(done => { const t0 = performance.now();"
        + " document.querySelector('#play').click();"
        + " const wait = () => document.querySelector('#stat').textContent.startsWith('paused') ? done(performance.now() - t0) : requestAnimationFrame(wait);"
        + " wait(); })");
    double pauseMs = ((Number) latency).doubleValue();
    System.out.printf("lab benchmark: %.1f fps painted (animation frames), %.1f updates painted/s of %.1f received/s, pause latency %.0f ms%n",
        fps, painted, updates, pauseMs);
    String run = (String) page.evaluate("document.body.dataset.run");
    String epoch = get("/api/runs/" + run).get("epoch").asText();
    Thread.sleep(1000);
    assertThat(get("/api/runs/" + run).get("epoch").asText()).as("epochs after the pause").isEqualTo(epoch);
    // an update sent before the pause and painted after it must not say "running" again
    assertThat(page.textContent("#stat")).as("the run bar a second after the pause").startsWith("paused");
    // every update is painted at most once: no more paints than animation frames or updates
    assertThat(painted).isLessThanOrEqualTo(Math.min(fps, updates) + 1);
    // fps is reported, not asserted: on the shared 2-core machine it ran from 3.8 to 19.8 with the load
    // (docs/benchmarks.md); the goal is 30, the page once managed 2 with the 3-D view on
    assertThat(fps).as("animation frames per second while training").isPositive();
    assertThat(pauseMs).as("ms from pause to paused").isLessThan(1500);
    assertThat(errors).isEmpty();
  }

  /** After a pause the move slider reaches every stage and the snapshot slider the snapshots so far. */
  @Test
  void scrubberWorksAfterPause() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#epochs=100000&speed=200", errors);
    page.waitForFunction("() => +(document.body.dataset.painted || 0) >= 3", null, LONG);
    page.waitForFunction("() => +document.body.dataset.epoch > 30", null, LONG);
    page.click("#play");
    page.waitForFunction("() => +document.querySelector('#move-slider').max === 10", null, LONG); // 11 stages of 2-3-2
    assertThat(page.evaluate("+document.querySelector('#snap-slider').max")).isNotNull();
    page.evaluate("() => { const s = document.querySelector('#move-slider'); s.value = 9.5; s.dispatchEvent(new Event('input')); }");
    page.waitForFunction("() => document.querySelector('#scrubber canvas').dataset.position === '9.5'", null, LONG);
    assertThat(page.textContent("#move-name")).contains("output");
    // click a weight, give it a new value: the sheet of layer 1 moves
    page.click("#weights-panel summary");
    page.waitForSelector("#weights button.w", new Page.WaitForSelectorOptions().setTimeout(30_000));
    page.waitForTimeout(500); // the frame the server sent for the paused weights
    String sheet = (String) page.evaluate("document.querySelectorAll('.sheet canvas')[1].toDataURL()");
    page.click("#weights button.w[data-l='0'][data-r='0'][data-c='0']");
    page.fill("input.wedit", "4");
    page.press("input.wedit", "Enter");
    page.waitForFunction("s => document.querySelectorAll('.sheet canvas')[1].toDataURL() !== s", sheet, LONG);
    page.locator("#weights-panel").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("classroom-weights.png")));
    assertThat(errors).isEmpty();
  }

  /** Scrubbing back to the first snapshot draws that snapshot's regions, not the final network's. */
  @Test
  void oldSnapshotShowsItsOwnRegions() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#speed=0&epochs=300", errors);
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, LONG);
    page.waitForFunction("() => document.querySelector('#scrubber canvas').dataset.position === '0'", null, LONG);
    String latest = (String) page.evaluate("document.querySelector('#scrubber canvas').toDataURL()");
    // the input stage: the same points and grid at every snapshot, only the regions can differ
    page.evaluate("() => { const s = document.querySelector('#snap-slider'); s.value = 0; s.dispatchEvent(new Event('input')); }");
    page.waitForFunction("() => document.querySelector('#scrubber canvas').dataset.snapshot === '0'", null, LONG);
    String first = (String) page.evaluate("document.querySelector('#scrubber canvas').toDataURL()");
    assertThat(first).isNotEqualTo(latest);
    // and they are snapshot 0's: its region classes, from the server, differ from the last weights'
    String run = (String) page.evaluate("document.body.dataset.run");
    JsonNode f0 = get("/api/runs/" + run + "/trace?snapshot=0&position=0");
    JsonNode fl = get("/api/runs/" + run + "/trace?snapshot=latest&position=0");
    assertThat(f0.get("field_classes").asText()).isNotEqualTo(fl.get("field_classes").asText());
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("classroom-snapshot0.png")).setFullPage(true));
    assertThat(errors).isEmpty();
  }

  /** A change forgets the last experiment: the run bar plays again, the classes, hint and map follow the data. */
  @Test
  void aChangeLeavesNoStaleState() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#speed=0&epochs=40", errors);
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, LONG);
    assertThat(page.isDisabled("#play")).isTrue();
    assertThat(page.locator("#try-narrow").count()).isEqualTo(1); // 2-D: the width-2 story
    // three spiral arms: three classes in the legend and the buttons
    page.evaluate("() => { location.hash = '#data=spirals&p.arms=3&speed=0&epochs=40'; location.reload(); }");
    page.waitForFunction("() => document.querySelectorAll('#legend .swatch').length === 3", null, LONG);
    assertThat(page.locator("#class-buttons [data-class]").count()).isEqualTo(3);
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, LONG);
    assertThat(page.textContent("#play")).contains("done");
    // a change after the end: the run bar plays the new run (it used to keep saying done)
    page.fill("#tr-epochs", "100000");
    page.dispatchEvent("#tr-epochs", "change");
    page.waitForFunction("() => +(document.body.dataset.painted || 0) >= 1 && !document.body.dataset.done", null, LONG);
    assertThat(page.isDisabled("#play")).isFalse();
    assertThat(page.textContent("#play")).contains("pause");
    page.selectOption("#data", "sandwich"); // 1-D
    page.waitForFunction("() => document.body.dataset.dim === '1' && +(document.body.dataset.painted || 0) >= 1", null, LONG);
    page.waitForSelector(".verdict, #before .ok", new Page.WaitForSelectorOptions().setTimeout(30_000));
    assertThat(page.locator("#try-narrow").count()).as("the width-2 hint on 1-D data").isZero();
    Object tinted = page.evaluate("() => { const c = document.querySelector('#heatmap canvas.field'); const d = c.getContext('2d')"
        + ".getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i+2] < 250) n++; return n; }");
    assertThat(((Number) tinted).intValue()).as("tinted samples in the 1-D decision map").isGreaterThan(100);
    page.selectOption("#data", "nested-spheres"); // 3-D: no plane to map, no empty box
    page.waitForFunction("() => document.body.dataset.dim === '3' && +(document.body.dataset.painted || 0) >= 1", null, LONG);
    assertThat(page.isVisible("#heatmap")).isFalse();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("classroom-3d-input.png")).setFullPage(true));
    // restarts in a row leave no errors (scene3d once read a null label list)
    for (int i = 0; i < 4; i++) {
      page.click("#reset");
    }
    page.waitForFunction("() => +(document.body.dataset.painted || 0) >= 2", null, LONG);
    assertThat(errors).isEmpty();
  }

  /** With a 3-D stage the 3-D view is the large centrepiece. */
  @Test
  void threeDViewIsTheCentrepiece() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#speed=0&epochs=200", errors);
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, LONG);
    double w = ((Number) page.evaluate("document.querySelector('#view3d').getBoundingClientRect().width")).doubleValue();
    double map = ((Number) page.evaluate("document.querySelector('#heatmap').getBoundingClientRect().width")).doubleValue();
    assertThat(w).isGreaterThan(1.6 * map).isGreaterThan(450);
    page.locator(".view3d").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("classroom-3d.png")));
    // test points off: the input stage is drawn without them
    String with = (String) page.evaluate("document.querySelector('.sheet canvas').toDataURL()");
    page.uncheck("#show-test");
    page.waitForFunction("w => document.querySelector('.sheet canvas').toDataURL() !== w", with, LONG);
    page.check("#show-test");
    // a unit's heat map in input space, and the discretised map
    page.click(".sheet:nth-child(2) .units [data-unit='0']");
    page.waitForFunction("() => document.querySelector('#heatmap-caption').textContent.startsWith('Unit 1')", null, LONG);
    page.locator(".viewmap").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("classroom-unit.png")));
    assertThat(errors).isEmpty();
  }

  /** Test points show in the 3-D view too, as rings, and the switch hides them there as on the sheets. */
  @Test
  void testPointsShowInThe3DView() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#speed=0&epochs=100", errors);
    page.waitForFunction("() => document.body.dataset.done === 'true' && +(document.querySelector('#view3d').dataset.rendered || 0) > 0", null, LONG);
    // the held-out points: the run's test share of its points
    String run = (String) page.evaluate("document.body.dataset.run");
    JsonNode r = get("/api/runs/" + run);
    int points = 2 * 250;
    long expected = Math.round(points * r.get("config").path("data").path("test_share").asDouble(0.2));
    page.waitForFunction("() => document.querySelector('#view3d').dataset.testPoints !== undefined", null, LONG);
    int rings = Integer.parseInt((String) page.evaluate("document.querySelector('#view3d').dataset.testPoints"));
    assertThat(rings).as("rings in the 3-D view (held out: about %d of %d)", expected, points).isBetween((int) expected - 2, (int) expected + 2);
    byte[] with = page.locator("#view3d").screenshot();
    page.uncheck("#show-test");
    page.waitForFunction("() => document.querySelector('#view3d').dataset.testPoints === '0'", null, LONG);
    page.waitForTimeout(300);
    byte[] without = page.locator("#view3d").screenshot();
    assertThat(java.util.Arrays.equals(with, without)).as("the 3-D view drawn with and without the test points").isFalse();
    page.locator(".view3d").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("classroom-3d-no-test.png")));
    page.check("#show-test");
    page.waitForFunction("n => document.querySelector('#view3d').dataset.testPoints === String(n)", rings, LONG);
    page.locator(".view3d").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("classroom-3d-test.png")));
    assertThat(errors).isEmpty();
  }

  /**
   * A weight set by hand is part of the network: in the URL (a reload trains to the same pause and
   * makes the edit again: the same weights, a round trip), in the run's export with the edit as
   * provenance.
   */
  @Test
  void weightEditsAreKeptInTheUrlAndTheRun() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#epochs=100000&speed=200", errors);
    page.waitForFunction("() => +document.body.dataset.epoch > 30", null, LONG);
    page.click("#play");
    page.waitForFunction("() => document.querySelector('#stat').textContent.startsWith('paused')", null, LONG);
    page.click("#weights-panel summary");
    page.waitForSelector("#weights button.w[data-l='0'][data-r='1'][data-c='0']", new Page.WaitForSelectorOptions().setTimeout(30_000));
    page.click("#weights button.w[data-l='0'][data-r='1'][data-c='0']");
    page.fill("input.wedit", "-3.5");
    page.press("input.wedit", "Enter");
    page.waitForFunction("() => location.hash.includes('edits=')", null, LONG);
    String run1 = (String) page.evaluate("document.body.dataset.run");
    JsonNode net1 = get("/api/runs/" + run1 + "/weights");
    assertThat(net1.at("/layers/0/weights/1/0").asDouble()).isEqualTo(-3.5);
    JsonNode export = get("/api/runs/" + run1 + "/export");
    assertThat(export.get("network")).as("the exported network is the edited one").isEqualTo(net1);
    assertThat(export.at("/edits/0/value").asDouble()).isEqualTo(-3.5);
    assertThat(export.at("/edits/0/row").asInt()).isEqualTo(1);
    // a reload: a new run trains to the same pause and makes the edit again
    page.reload();
    page.waitForFunction("r => document.body.dataset.run && document.body.dataset.run !== r"
        + " && document.querySelector('#stat').textContent.startsWith('paused')", run1, LONG);
    String run2 = (String) page.evaluate("document.body.dataset.run");
    assertThat(get("/api/runs/" + run2 + "/weights")).as("the reloaded page's network").isEqualTo(net1);
    assertThat((String) page.evaluate("location.hash")).contains("edits=");
    // the weights panel shows the edit; a new experiment forgets it
    page.click("#weights-panel summary");
    page.waitForSelector("#weights button.w[data-l='0'][data-r='1'][data-c='0']", new Page.WaitForSelectorOptions().setTimeout(30_000));
    assertThat(page.getAttribute("#weights button.w[data-l='0'][data-r='1'][data-c='0']", "title")).contains("-3.5000");
    page.click("#reset");
    page.waitForFunction("r => document.body.dataset.run !== r", run2, LONG);
    assertThat((String) page.evaluate("location.hash")).doesNotContain("edits=");
    assertThat(errors).isEmpty();
  }

  /** Another site cannot frame the lab (it used to start runs from a hidden frame). */
  @Test
  void anotherSiteCannotFrameTheLab() throws Exception {
    Page page = browser.newPage();
    pages.add(page);
    page.route("http://evil.test/**", r -> r.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setContentType("text/html")
        .setBody("<html><body><iframe id=f src='" + server.url() + "' width=800 height=600></iframe></body></html>")));
    page.navigate("http://evil.test/");
    page.waitForTimeout(3000);
    boolean framedLab = page.frames().stream().anyMatch(f -> f != page.mainFrame() && f.querySelector("#runbar") != null);
    assertThat(framedLab).isFalse();
    page.close();
  }

  /** Closing the tab ends its run. */
  @Test
  void closingThePageEndsItsRun() throws Exception {
    List<String> errors = new ArrayList<>();
    Page page = open("#epochs=100000", errors);
    page.waitForFunction("() => +(document.body.dataset.painted || 0) >= 2", null, LONG);
    String run = (String) page.evaluate("document.body.dataset.run");
    page.close();
    String status = "";
    for (int i = 0; i < 100 && !status.equals("cancelled"); i++) {
      Thread.sleep(100);
      status = get("/api/runs/" + run).get("status").asText();
    }
    assertThat(status).isEqualTo("cancelled");
  }
}
