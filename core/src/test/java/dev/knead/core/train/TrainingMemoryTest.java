package dev.knead.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training's buffers hold a batch (or one evaluation chunk), not the data set: 400,000 points
 * train in a heap too small for buffers of 400,000 points. The data (and 100,000 test points)
 * take ~25 MB (x up to three times as doubles, the labels); buffers of every point would add
 * ~170 MB in float32 (about 420 bytes a point: activations, ∂L/∂z, double logits and the loss's
 * scratch of a 2-16-16-2 network) and more in double, so a 64 MB heap fails when the buffers grow
 * with n (seen on the code before chunking, both precisions) and passes when they do not.
 */
class TrainingMemoryTest {
  @ParameterizedTest
  @EnumSource(Precision.class)
  void aLargeDataSetTrainsInASmallHeap(Precision precision) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC", "--add-modules",
        "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), LargeRunMain.class.getName(), "400000",
        precision.name()).redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
