package dev.knead.app.cli;

import dev.knead.core.BadInputException;
import dev.knead.core.io.RunFile;
import dev.knead.core.run.Run;
import dev.knead.render.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** What the figure commands share: parsing sizes, checking output paths, loading a run. */
final class FigureArgs {
  private FigureArgs() {}

  /** A parsed --size. */
  record Size(int width, int height) {}

  /** Parses "800x800" (also "800×800"). */
  static Size size(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[x×]");
    try {
      if (parts.length == 2) {
        int w = Integer.parseInt(parts[0].trim());
        int h = Integer.parseInt(parts[1].trim());
        if (w >= 50 && h >= 50 && w <= 10_000 && h <= 10_000) {
          return new Size(w, h);
        }
        throw new BadInputException("--size " + text + ": each side must be within 50 … 10000");
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new BadInputException("--size " + text + ": expected WIDTHxHEIGHT, e.g. 800x800");
  }

  /**
   * Checks the output path: its extension is one of {@code exts}, it is not a folder and its
   * folder exists (or can be made) and is writable.
   */
  static void checkOut(Path out, Set<String> exts, String hint) {
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (!exts.contains(ext)) {
      throw new BadInputException("--out " + out + ": the extension must be " + String.join(" or ", exts.stream().sorted()
          .map(e -> "." + e).toList()) + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }
    if (Files.isDirectory(out)) {
      throw new BadInputException("--out " + out + " is a folder; give a file name");
    }
    Path dir = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new BadInputException("--out " + out + ": cannot create the folder " + dir);
    }
    if (!Files.isWritable(dir)) {
      throw new BadInputException("--out " + out + ": the folder " + dir + " is not writable");
    }
  }

  /** Loads a run and describes it for figure titles. */
  static Subject subject(Run r) {
    return new Subject(r.trace(), r.data().classNames(), r.network().describe() + " on " + r.data().name());
  }

  /** Parses --projection against the one list of projection kinds. */
  static dev.knead.core.trace.ProjectionKind projection(String text) {
    dev.knead.core.trace.ProjectionKind p = dev.knead.core.trace.ProjectionKind.named(text);
    if (p == null) {
      throw new BadInputException("--projection " + text + ": unknown projection; expected one of "
          + dev.knead.core.trace.ProjectionKind.names());
    }
    return p;
  }

  static Run load(Path run) {
    return RunFile.load(run);
  }
}
