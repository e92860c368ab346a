package dev.knead.app.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.io.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webjars.WebJarVersionLocator;

/**
 * The lab: a Javalin server on the loopback interface serving the page (static ES modules from
 * the jar, three.js and d3 as WebJars) and the JSON API (docs/lab.md).
 */
public final class LabServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LabServer.class);
  /** Ports tried after the asked one when it is taken. */
  static final int PORT_TRIES = 20;

  /**
   * @param host interface to listen on (127.0.0.1 unless the person says otherwise)
   * @param port first port to try; 0 picks a free one
   * @param exactPort fail rather than try the next ports
   * @param workers training runs at the same time
   */
  public record Options(String host, int port, boolean exactPort, int workers) {
    public static Options defaults() {
      return new Options("127.0.0.1", 7070, false, 2);
    }
  }

  private final Javalin app;
  private final Jobs jobs;
  private final LiveStream live;
  private final FigureExports exports;
  private final Explanations explanations;
  private final String host;

  private LabServer(Javalin app, Jobs jobs, LiveStream live, FigureExports exports, Explanations explanations, String host) {
    this.app = app;
    this.jobs = jobs;
    this.live = live;
    this.exports = exports;
    this.explanations = explanations;
    this.host = host;
  }

  public static LabServer start(Options opt) {
    RuntimeException last = null;
    int tries = opt.port() == 0 || opt.exactPort() ? 1 : PORT_TRIES;
    for (int i = 0; i < tries; i++) {
      Jobs jobs = new Jobs(opt.workers());
      LiveStream live = new LiveStream(2);
      FigureExports exports = new FigureExports();
      Explanations explanations = new Explanations();
      Javalin app = create(opt.host(), jobs, new Uploads(), live, exports, explanations);
      try {
        app.start(opt.host(), opt.port() == 0 ? 0 : opt.port() + i);
        return new LabServer(app, jobs, live, exports, explanations, opt.host());
      } catch (RuntimeException e) {
        last = e;
        app.stop();
        jobs.close();
        live.close();
        exports.close();
        explanations.close();
      }
    }
    throw new BadInputException("could not listen on " + opt.host() + ":" + opt.port()
        + (tries > 1 ? " … " + (opt.port() + tries - 1) : "") + " (" + (last == null ? "?" : last.getMessage()) + ")");
  }

  /** @return milliseconds the server spent building run {@code id}'s newest live update (for the benchmark) */
  public double lastFrameMillis(String id) {
    return jobs.get(id).live.lastMillis();
  }

  /** @return CPU milliseconds spent building run {@code id}'s newest live update */
  public double lastFrameCpuMillis(String id) {
    return jobs.get(id).live.lastCpuMillis();
  }

  public int port() {
    return app.port();
  }

  /** @return the address to open in a browser */
  public String url() {
    String h = host.equals("0.0.0.0") || HostGuard.isLoopback(host) ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  @Override
  public void close() {
    live.close();
    exports.close();
    explanations.close();
    jobs.close();
    app.stop();
  }

  static Javalin create(String host, Jobs jobs, Uploads uploads, LiveStream live, FigureExports exports, Explanations explanations) {
    LabRoutes routes = new LabRoutes(jobs, uploads, live, exports, explanations);
    HostGuard guard = new HostGuard(host);
    String index = indexPage();
    String csp = contentSecurityPolicy(index);
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.maxRequestSize = Uploads.MAX_BYTES + 1024L;
      cfg.staticFiles.enableWebjars();
      cfg.staticFiles.add(s -> {
        s.hostedPath = "/lab";
        s.directory = "/lab";
        s.location = Location.CLASSPATH;
        s.headers = java.util.Map.of("Cache-Control", "no-cache");
      });
      var r = cfg.routes;
      r.before(ctx -> {
        // no other site may frame the lab (clickjacking, runs started from a hidden frame)
        ctx.header("Content-Security-Policy", csp);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // the port the connection came in on: ctx.port() is read from the Host header itself
        int port = ctx.req().getLocalPort();
        if (!guard.hostAllowed(ctx.header("Host"), port)) {
          throw new LabException(403, "Host", "this lab only answers to localhost (Host header '" + ctx.header("Host") + "')");
        }
        if (!guard.originAllowed(ctx.header("Origin"), port)) {
          throw new LabException(403, "Origin", "requests from another site are refused");
        }
      });
      r.before("/api/runs/{id}/live", routes::liveCheck);
      // the page lives at / only: /lab/ holds its files, and its index would load without its import map
      r.get("/lab", ctx -> ctx.redirect("/"));
      r.get("/lab/", ctx -> ctx.redirect("/"));
      r.get("/lab/index.html", ctx -> ctx.redirect("/"));
      r.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(index));
      r.get("/api/datasets", routes::datasets);
      r.get("/api/schema", routes::schema);
      r.post("/api/runs", routes::startRun);
      r.get("/api/runs/{id}", routes::getRun);
      r.delete("/api/runs/{id}", routes::cancelRun);
      r.post("/api/runs/{id}/control", routes::control);
      r.get("/api/runs/{id}/weights", routes::weights);
      r.post("/api/runs/{id}/weights", routes::editWeight);
      r.sse("/api/runs/{id}/live", routes::liveStream);
      r.get("/api/runs/{id}/trace", routes::trace);
      r.get("/api/runs/{id}/explain", routes::explainRun);
      r.get("/api/runs/{id}/export", routes::exportRun);
      r.get("/api/runs/{id}/figure", routes::figure);
      r.get("/api/runs/{id}/animation.gif", routes::animation);
      r.get("/api/runs/{id}/barcodes", routes::barcodes);
      r.get("/api/runs/{id}/points/{i}", routes::point);
      r.post("/api/explain", routes::explainBefore);
      r.post("/api/upload", routes::upload);
      r.exception(LabException.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
      r.exception(BadInputException.class, (e, ctx) -> error(ctx, 400, "body", e.getMessage()));
      r.exception(Exception.class, (e, ctx) -> {
        try {
          LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, 500, null, "internal error (see the lab's log)");
        } catch (RuntimeException gone) {
          LOG.debug("response already closed", gone);
        }
      });
      r.error(404, ctx -> {
        if (!answeredJson(ctx)) {
          error(ctx, 404, "path", "nothing at " + ctx.path());
        }
      });
      r.error(405, ctx -> error(ctx, 405, "method", ctx.method() + " is not allowed on " + ctx.path()));
      r.error(413, ctx -> {
        if (!answeredJson(ctx)) {
          error(ctx, 413, "body", "the request is too large");
        }
      });
    });
  }

  /** @return whether a handler already wrote a JSON error (then the status handlers leave it alone) */
  private static boolean answeredJson(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith("application/json") && ctx.result() != null && !ctx.result().isEmpty();
  }

  static void error(Context ctx, int status, String field, String message) {
    ObjectNode o = Json.object();
    o.put("error", message);
    if (field != null) {
      o.put("field", field);
    }
    LabRoutes.json(ctx, status, o);
  }

  /**
   * A strict policy: scripts, styles and connections from the lab itself only, the one inline
   * script (the import map) allowed by its hash, no plugins, no framing by any page.
   */
  static String contentSecurityPolicy(String page) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<script type=\"importmap\">(.*?)</script>", java.util.regex.Pattern.DOTALL)
        .matcher(page);
    String hash = "";
    if (m.find()) {
      try {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
        hash = " 'sha256-" + java.util.Base64.getEncoder().encodeToString(d) + "'";
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return "default-src 'none'; script-src 'self'" + hash + "; style-src 'self'; img-src 'self' data: blob:; connect-src 'self';"
        + " font-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";
  }

  /** The page with its import map pointing at the WebJars on the classpath. */
  static String indexPage() {
    WebJarVersionLocator locator = new WebJarVersionLocator();
    String three = locator.version("three");
    String d3 = locator.version("d3");
    try (InputStream in = LabServer.class.getResourceAsStream("/lab/index.html")) {
      if (in == null) {
        throw new IllegalStateException("the lab page is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{three}}", three == null ? "0.181.1" : three)
          .replace("{{d3}}", d3 == null ? "7.9.0" : d3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
