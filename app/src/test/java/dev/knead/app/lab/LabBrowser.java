package dev.knead.app.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every browser test stands on: a lab server on a free port and Debian's chromium, headless,
 * with software WebGL (SwiftShader) as in CI. Skips the test class when chromium is not there.
 */
final class LabBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target", "lab-screenshots");

  final LabServer server;
  final Browser browser;
  private final Playwright playwright;

  private LabBrowser(LabServer server, Playwright playwright, Browser browser) {
    this.server = server;
    this.playwright = playwright;
    this.browser = browser;
  }

  static LabBrowser start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: browser tests skipped");
    Files.createDirectories(SHOTS);
    LabServer server = LabServer.start(new LabServer.Options("127.0.0.1", 0, true, 2));
    Playwright pw = Playwright.create();
    Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader")));
    return new LabBrowser(server, pw, browser);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
    server.close();
  }
}
