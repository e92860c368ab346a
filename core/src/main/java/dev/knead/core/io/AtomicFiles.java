package dev.knead.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so a reader sees the old content or the new, never half of one. The file gets the
 * permissions any new file gets (the umask decides, e.g. 0644 under umask 022), as if written
 * directly.
 */
public final class AtomicFiles {
  /** Makes temporary names unique within this JVM; the process id keeps JVMs apart. */
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFiles() {}

  /** Writes bytes to a temporary file beside the target, then renames it over the target. */
  public static void write(Path target, byte[] bytes) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = null;
      try {
        tmp = createNew(dir, abs.getFileName().toString(), bytes);
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  public static void write(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates a fresh hidden file beside the target holding the bytes. Not Files.createTempFile:
   * that makes the file owner-only (0600) whatever the umask, and the rename would keep it so.
   */
  private static Path createNew(Path dir, String name, byte[] bytes) throws IOException {
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      Path tmp = dir.resolve("." + name + "." + pid + "." + COUNTER.incrementAndGet() + ".tmp");
      OutputStream out;
      try {
        out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 1000) {
          throw e;
        }
        continue;
      }
      try (out) {
        out.write(bytes);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      return tmp;
    }
  }
}
