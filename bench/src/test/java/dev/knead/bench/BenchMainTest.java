package dev.knead.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.app.cli.KneadCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code knead bench} keeps the CLI's contract from its own module: exit 2 and one line for bad input. */
class BenchMainTest {
  @Test
  void badInputExitsWithTwoAndOneClearLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = KneadCommand.run(new BenchCommand(), new String[] {"train", "--precision", "half"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(KneadCommand.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown precision 'half'").doesNotContain("Exception");
  }

  @Test
  void helpListsTheComparisons() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = KneadCommand.run(new BenchCommand(), new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("train", "topology", "betti", "render", "lab");
  }
}
