package dev.knead.core.data.colours;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 148 named colours of CSS (W3C CSS Color Module Level 4, §6.1), read from
 * {@code dev/knead/data/colours/css-named-colours.txt}; names a colour by the nearest one in
 * CIE76 ΔE*ab (ties go to the first in alphabetical order: aqua before cyan).
 */
public final class CssColours {
  static final String RESOURCE = "/dev/knead/data/colours/css-named-colours.txt";

  /** A named colour. */
  public record Named(String name, Srgb colour) {}

  /** A colour's nearest name and how far it is. */
  public record Nearest(Named named, double deltaE) {}

  private static volatile List<Named> all;

  private CssColours() {}

  public static List<Named> all() {
    List<Named> a = all;
    if (a == null) {
      a = read();
      all = a;
    }
    return a;
  }

  public static Optional<Named> named(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return all().stream().filter(c -> c.name().equals(n)).findFirst();
  }

  public static Nearest nearest(Srgb c) {
    Named best = null;
    double bestD = Double.POSITIVE_INFINITY;
    for (Named n : all()) {
      double d = c.deltaE(n.colour());
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return new Nearest(best, bestD);
  }

  private static List<Named> read() {
    try (InputStream in = CssColours.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      List<Named> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] t = l.split("\\s+");
        int v = Integer.parseInt(t[1], 16);
        out.add(new Named(t[0], new Srgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
