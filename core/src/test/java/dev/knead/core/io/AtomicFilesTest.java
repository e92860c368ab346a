package dev.knead.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @Test
  void aWrittenFileHasTheModeTheUmaskGivesAnyNewFile(@TempDir Path dir) throws IOException {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    // the umask's verdict, read off a file made the plain way in the same folder
    Path plain = Files.createFile(dir.resolve("plain"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    Path written = dir.resolve("run.json");
    AtomicFiles.write(written, "{}");
    assertThat(Files.getPosixFilePermissions(written)).isEqualTo(expected);
    AtomicFiles.write(written, "{\"again\": 1}");
    assertThat(Files.getPosixFilePermissions(written)).isEqualTo(expected);
  }

  @Test
  void replacesTheContentWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("sub").resolve("figure.svg");
    AtomicFiles.write(target, "old");
    AtomicFiles.write(target, "new content".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target)).isEqualTo("new content");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("figure.svg");
    }
  }

  @Test
  void aFailedWriteNamesTheFileAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
    Path folderInTheWay = Files.createDirectories(dir.resolve("taken").resolve("x"));
    Files.writeString(folderInTheWay.resolve("keep"), "k");
    Path target = dir.resolve("taken");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFiles.write(target, "data"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("cannot write");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("taken");
    }
  }
}
