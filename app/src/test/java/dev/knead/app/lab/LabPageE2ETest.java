package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The page in Debian's chromium: the demo trains, the views draw, errors show, exports work. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabPageE2ETest {
  static final Path SHOTS = LabBrowser.SHOTS;

  LabBrowser lab;
  LabServer server;
  Browser browser;

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


  Page open(String hash) {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1500, 1250).setAcceptDownloads(true));
    page.navigate(server.url() + hash);
    return page;
  }

  /** The 64-D digits train on the page through the one projection, and the pointer shows the digit's 8 × 8 picture. */
  @Test
  void digitsTrainAndTheImageUnderThePointerShows() throws Exception {
    Page page = open("#data=digits&hidden=8&act=tanh&epochs=30");
    List<String> errors = new java.util.ArrayList<>();
    page.onPageError(errors::add);
    page.waitForFunction("() => +(document.body.dataset.painted || 0) >= 1", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    assertThat(page.locator("#runbar .error, #runbar [role=alert]").allTextContents()).allMatch(String::isBlank);
    assertThat(page.locator(".sheet .cap").first().textContent()).contains("64-D");
    // hover the first point of the input stage: its own pixels, as the server has them
    com.microsoft.playwright.Locator canvas = page.locator(".sheet canvas").first();
    String at = (String) page.evaluate("() => { const s = document.querySelector('.sheet canvas'); return s.dataset.firstPoint || ''; }");
    var box = canvas.boundingBox();
    boolean shown = false;
    // sweep the canvas until a point is under the pointer (the points fill most of it)
    for (int i = 0; i < 40 && !shown; i++) {
      page.mouse().move(box.x + box.width * (0.2 + 0.6 * ((i * 7) % 40) / 40.0), box.y + box.height * (0.2 + 0.6 * ((i * 13) % 40) / 40.0));
      page.waitForTimeout(150);
      shown = (Boolean) page.evaluate("() => !document.getElementById('pointer-picture').hidden");
    }
    assertThat(shown).as("a picture under the pointer (%s)", at).isTrue();
    assertThat(page.evaluate("() => { const c = document.querySelector('#pointer-picture canvas'); return [c.width, c.height]; }"))
        .isEqualTo(List.of(8, 8));
    page.locator("#pointer-picture").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("digits-pointer.png")));
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("digits.png")).setFullPage(true));
    assertThat(errors).isEmpty();
  }

  @Test
  void demoTrainsLiveAndEveryViewDraws() throws Exception {
    Page page = open("");
    List<String> errors = new java.util.ArrayList<>();
    page.onPageError(errors::add);
    page.waitForFunction("() => +(document.body.dataset.frames || 0) >= 5", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
    assertThat(page.locator(".sheet canvas").count()).isEqualTo(3); // input, layer 1 (3-D), logits
    String firstEpoch = page.evaluate("document.body.dataset.epoch").toString();
    page.waitForFunction("e => +document.body.dataset.epoch > +e", firstEpoch, new Page.WaitForFunctionOptions().setTimeout(20_000));
    // browser frame rate while training
    Object fps = page.evaluate("() => new Promise(r => { const f0 = +document.body.dataset.frames; setTimeout(() => r((+document.body.dataset.frames - f0) / 2), 2000); })");
    System.out.println("lab e2e: live frames drawn per second in chromium: " + fps);
    // the 3-D view has drawn something that is not white
    Object coloured = page.evaluate("() => { const c = document.querySelector('#view3d canvas'); const g = document.createElement('canvas');"
        + " g.width = 64; g.height = 64; const x = g.getContext('2d'); x.drawImage(c, 0, 0, 64, 64);"
        + " const d = x.getImageData(0, 0, 64, 64).data; let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i+1] < 200 || d[i+2] < 200) n++; return n; }");
    assertThat(((Number) coloured).intValue()).as("coloured pixels in the 3-D view").isGreaterThan(20);
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("demo.png")).setFullPage(true));
    assertThat(errors).isEmpty();
  }

  @Test
  void scrubberMovesThePoints() throws Exception {
    Page page = open("#speed=0&epochs=200");
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    page.waitForFunction("() => document.querySelector('#move-name').textContent.length > 1", null, new Page.WaitForFunctionOptions().setTimeout(10_000));
    String before = (String) page.evaluate("document.querySelector('#scrubber canvas').toDataURL()");
    page.evaluate("() => { const s = document.querySelector('#move-slider'); s.value = 3.5; s.dispatchEvent(new Event('input')); }");
    page.waitForFunction("() => document.querySelector('#scrubber canvas').dataset.position === '3.5'", null,
        new Page.WaitForFunctionOptions().setTimeout(10_000));
    String after = (String) page.evaluate("document.querySelector('#scrubber canvas').toDataURL()");
    assertThat(after).isNotEqualTo(before);
    assertThat(page.textContent("#move-name")).contains("layer 1");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("scrubber.png")).setFullPage(true));
  }

  @Test
  void narrowNetworkShowsTheVerdict() throws Exception {
    Page page = open("#hidden=2&act=tanh&speed=0&epochs=300");
    page.waitForSelector(".verdict", new Page.WaitForSelectorOptions().setTimeout(20_000));
    assertThat(page.textContent("#before")).contains("width 3");
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("narrow.png")).setFullPage(true));
  }

  @Test
  void badUploadShowsTheError() throws Exception {
    Page page = open("#speed=0&epochs=50");
    page.waitForSelector("#upload");
    Path bad = Files.createTempFile("bad", ".csv");
    Files.writeString(bad, "x,y,label\n1,2,a\nthree,4,b\n");
    page.setInputFiles("#upload", bad);
    page.waitForFunction("() => document.querySelector('#upload-error').textContent.length > 0", null,
        new Page.WaitForFunctionOptions().setTimeout(10_000));
    assertThat(page.textContent("#upload-error")).isNotBlank();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("upload-error.png")));
  }

  @Test
  void serverExportsAreAValidPngAndSvg() throws Exception {
    Page page = open("#speed=0&epochs=100");
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    Download d = page.waitForDownload(() -> page.click("#export-png"));
    Path png = SHOTS.resolve("export.png");
    d.saveAs(png);
    byte[] b = Files.readAllBytes(png);
    assertThat(b.length).isGreaterThan(1000);
    assertThat(new byte[] {b[0], b[1], b[2], b[3]}).containsExactly(0x89, 'P', 'N', 'G');
    assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(900); // the stages figure, as knead render draws it
    page.selectOption("#figure-kind", "lift");
    Download s = page.waitForDownload(() -> page.click("#export-svg"));
    Path svg = SHOTS.resolve("export-lift.svg");
    s.saveAs(svg);
    assertThat(LabRoutesTest.parseXml(Files.readAllBytes(svg)).getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(page.textContent("#run-error")).isEmpty();
  }

  @Test
  void topologyPanelShowsBarcodesAndLinkingNumbers() throws Exception {
    Page page = open("#speed=0&epochs=300");
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    page.selectOption("#bc-stage", "5");
    page.click("#bc-show");
    page.waitForSelector("svg.barcode", new Page.WaitForSelectorOptions().setTimeout(30_000));
    assertThat(page.locator("svg.barcode rect").count()).isGreaterThan(5);
    page.click("#explain-run");
    page.waitForSelector("table.betti", new Page.WaitForSelectorOptions().setTimeout(60_000));
    assertThat(page.textContent("table.betti")).contains("linking", "winding");
    page.locator("#topology").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("topology.png")));
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("topology-page.png")).setFullPage(true));
  }

  @Test
  void shiftClickRemovesAPoint() throws Exception {
    Page page = open("#speed=0&epochs=50");
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    // where the first point is drawn on the decision map
    Object xy = page.evaluate("() => { const c = document.querySelector('#heatmap canvas:last-child'); const r = c.getBoundingClientRect();"
        + " return [r.left, r.top, r.width, r.height]; }");
    java.util.List<?> box = (java.util.List<?>) xy;
    Object pt = page.evaluate("() => document.querySelector('#heatmap canvas:last-child').dataset.firstPoint.split(',').map(Number)");
    java.util.List<?> p = (java.util.List<?>) pt;
    double x = ((Number) box.get(0)).doubleValue() + ((Number) p.get(0)).doubleValue() * ((Number) box.get(2)).doubleValue();
    double y = ((Number) box.get(1)).doubleValue() + ((Number) p.get(1)).doubleValue() * ((Number) box.get(3)).doubleValue();
    page.keyboard().down("Shift");
    page.mouse().click(x, y);
    page.keyboard().up("Shift");
    page.waitForFunction("() => location.hash.includes('removed=')", null, new Page.WaitForFunctionOptions().setTimeout(10_000));
    page.waitForSelector("#restore-removed", new Page.WaitForSelectorOptions().setTimeout(10_000));
    page.waitForFunction("() => document.body.dataset.done === 'true'", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
    assertThat(page.textContent("#run-error")).isEmpty();
  }
}
