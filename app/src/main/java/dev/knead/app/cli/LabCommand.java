package dev.knead.app.cli;

import dev.knead.app.lab.LabServer;
import dev.knead.core.BadInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code knead lab}: the web lab on this machine; also what {@code knead} alone starts. */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = {"Start the lab: watch a network knead space, live, in the browser.",
        "Listens on 127.0.0.1 only, unless --host says otherwise; prints the address."})
public final class LabCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "7070", description = "First port to try; the next free one is used when it is taken (default: ${DEFAULT-VALUE}).")
  int port = 7070;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}). Anything but loopback exposes the lab to your network.")
  String host = "127.0.0.1";

  @Option(names = "--no-browser", description = "Do not open a browser.")
  boolean noBrowser;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port must be in 0 … 65535");
    }
    PrintWriter out = spec.commandLine().getOut();
    LabServer server = LabServer.start(new LabServer.Options(host, port, false, 2));
    out.println("Knead lab: " + server.url() + "  (Ctrl-C to stop)");
    out.flush();
    if (!noBrowser) {
      openBrowser(server.url());
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return KneadCommand.OK;
  }

  private static void openBrowser(String url) {
    try {
      if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
          && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
        java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
      }
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      // no browser here: the printed address is enough
    }
  }
}
