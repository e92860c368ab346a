package dev.knead.app.lab;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose Host or Origin header names another site (DNS rebinding, cross-site
 * posts): only the loopback names, or the host given with {@code --host}, on the server's port.
 */
final class HostGuard {
  private final Set<String> names;

  /** @param host the interface the server listens on */
  HostGuard(String host) {
    this.names = isLoopback(host) ? Set.of("localhost", "127.0.0.1", "[::1]") : Set.of("localhost", "127.0.0.1", "[::1]", bracket(host));
  }

  static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
  }

  /** @return whether a Host header value (name and the server's port; no port only on port 80) may reach the lab */
  boolean hostAllowed(String host, int port) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT).trim();
    for (String n : names) {
      // a Host without a port means port 80: it names this server only when it listens there
      if (h.equals(n + ":" + port) || h.equals(n) && port == 80) {
        return true;
      }
    }
    return false;
  }

  /** @return whether an Origin header is absent (non-browser clients) or the lab's own */
  boolean originAllowed(String origin, int port) {
    if (origin == null) {
      return true;
    }
    String o = origin.toLowerCase(Locale.ROOT).trim();
    if (!o.startsWith("http://")) {
      return false;
    }
    return hostAllowed(o.substring("http://".length()), port);
  }

  private static String bracket(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }
}
