package dev.knead.core.imported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.data.DataFiles;
import dev.knead.core.data.LoadOptions;
import dev.knead.core.data.NpyArray;
import dev.knead.core.io.RunFile;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Network;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.Run;
import dev.knead.core.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Networks made by PyTorch ({@code make_fixtures.py} beside the fixtures): Knead's forward pass
 * of the imported network must give PyTorch's own outputs on the same inputs.
 */
class ImportsTest {
  @TempDir Path tmp;

  static Path fixture(String name) {
    try {
      return Path.of(ImportsTest.class.getResource("/dev/knead/core/imported/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Largest |Knead − PyTorch| over the fixture's inputs and outputs. */
  static double gap(Network net, String expected) {
    Map<String, NpyArray> e = DataFiles.npzArrays(fixture(expected), LoadOptions.defaults());
    int n = e.get("x").shape()[0];
    int d = e.get("x").shape()[1];
    int k = e.get("y").shape()[1];
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double[] z = net.logits(Arrays.copyOfRange(e.get("x").values(), i * d, (i + 1) * d));
      assertThat(z).hasSize(k);
      for (int j = 0; j < k; j++) {
        worst = Math.max(worst, Math.abs(z[j] - e.get("y").values()[i * k + j]));
      }
    }
    return worst;
  }

  @ParameterizedTest
  @CsvSource({"gemm-relu-tanh, 2-8-5-3 relu,tanh", "matmul-leaky-sigmoid, 2-6-4-3 leaky-relu:0.1,sigmoid",
      "softmax-at-the-end, 2-4-2 tanh"})
  void onnxForwardPassEqualsPyTorchs(String name, String shape) {
    Network net = Imports.read(fixture(name + ".onnx"), null);
    assertThat(net.describe()).startsWith(shape.substring(0, shape.indexOf(' ')));
    assertThat(gap(net, name + "-expected.npz")).isLessThan(1e-6);
  }

  @ParameterizedTest
  @CsvSource({"tanh-indexed.npz", "tanh-state-dict.npz"})
  void npzForwardPassEqualsPyTorchs(String file) {
    Network net = Imports.read(fixture(file), Activation.TANH);
    assertThat(net.hiddenWidths()).containsExactly(8, 8);
    assertThat(gap(net, "tanh-expected.npz")).isLessThan(1e-6);
    // the wrong activation is a different function: the comparison can fail
    assertThat(gap(Imports.read(fixture(file), Activation.RELU), "tanh-expected.npz")).isGreaterThan(1e-3);
  }

  /** Round trip: the imported network saved as a run, loaded back and traced gives the same logits. */
  @Test
  void anImportedRunLoadsAndTracesLikeATrainedOne() {
    Network net = Imports.read(fixture("softmax-at-the-end.onnx"), null);
    Run run = Imports.run(net, DataSpec.of("xor", 3));
    RunFile.save(run, tmp.resolve("run"));
    Run back = RunFile.load(tmp.resolve("run"));
    assertThat(back.network()).isEqualTo(net);
    assertThat(back.result().epochs()).isZero();
    Trace t = back.trace();
    // the trace ends in the softmax of the logits
    double[] z = net.logits(back.data().points().row(5));
    double s = Math.exp(z[0]) + Math.exp(z[1]);
    assertThat(t.stage(t.size() - 1).points().row(5))
        .containsExactly(new double[] {Math.exp(z[0]) / s, Math.exp(z[1]) / s}, org.assertj.core.data.Offset.offset(1e-12));
    assertThatThrownBy(() -> Imports.run(net, DataSpec.of("nested-spheres", 3))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("takes 2-D points");
  }

  @Test
  void malformedOnnxIsOneClearLine() throws IOException {
    byte[] good = Files.readAllBytes(fixture("gemm-relu-tanh.onnx"));
    for (int cut : new int[] {1, 10, 100, good.length / 2, good.length - 3}) {
      Path p = Files.write(tmp.resolve("cut" + cut + ".onnx"), Arrays.copyOf(good, cut));
      assertThatThrownBy(() -> Imports.read(p, null)).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("cut" + cut + ".onnx: ").matches(e -> !e.getMessage().contains("\n"));
    }
    // the same file with its Relu renamed Selu: an operator Knead does not import
    String text = new String(good, StandardCharsets.ISO_8859_1).replace("\"\u0004Relu", "\"\u0004Selu");
    Path selu = Files.write(tmp.resolve("selu.onnx"), text.getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Imports.read(selu, null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("operator 'Selu' is not one Knead imports");
    assertThatThrownBy(() -> Imports.read(fixture("gemm-relu-tanh.onnx"), Activation.RELU))
        .hasMessageContaining("leave out --activation");
    Path empty = Files.write(tmp.resolve("empty.onnx"), new byte[0]);
    assertThatThrownBy(() -> Imports.read(empty, null)).hasMessage("empty.onnx: the file is empty");
  }

  @Test
  void malformedNpzIsOneClearLine() throws IOException {
    Map<String, double[][]> a = new LinkedHashMap<>();
    a.put("W0", new double[][] {{1, 2}, {3, 4}, {5, 6}});
    a.put("b0", new double[][] {{1, 2, 3}});
    a.put("W1", new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertThatThrownBy(() -> Imports.read(npz("nobias.npz", a), Activation.TANH)).isInstanceOf(BadInputException.class)
        .hasMessage("nobias.npz: W1 has no bias b1");
    a.put("b1", new double[][] {{1, 2, 3}});
    assertThatThrownBy(() -> Imports.read(npz("wrongbias.npz", a), Activation.TANH))
        .hasMessageContaining("layer 1's bias has shape [3], expected (2,)");
    a.put("b1", new double[][] {{1, 2}});
    a.put("W1", new double[][] {{1, 2}, {4, 5}});
    assertThatThrownBy(() -> Imports.read(npz("chain.npz", a), Activation.TANH))
        .hasMessageContaining("layer 1 takes 2 inputs but layer 0 gives 3");
    a.put("W1", new double[][] {{1, 2, 3}, {4, 5, 6}});
    a.put("extra", new double[][] {{1}});
    assertThatThrownBy(() -> Imports.read(npz("extra.npz", a), Activation.TANH))
        .hasMessageContaining("array 'extra' is not named W0, b0, W1, b1");
    a.remove("extra");
    Network ok = Imports.read(npz("ok.npz", a), Activation.TANH);
    assertThat(ok.logits(new double[] {0, 0})).containsExactly(new double[] {1 * Math.tanh(1) + 2 * Math.tanh(2)
        + 3 * Math.tanh(3) + 1, 4 * Math.tanh(1) + 5 * Math.tanh(2) + 6 * Math.tanh(3) + 2}, org.assertj.core.data.Offset.offset(1e-12));
    assertThatThrownBy(() -> Imports.read(npz("noact.npz", a), null)).hasMessageContaining("give the hidden layers' activation");
  }

  /** A .npz of float64 arrays; a 1-row array is written 1-D when its name starts with b. */
  private Path npz(String name, Map<String, double[][]> arrays) throws IOException {
    Path p = tmp.resolve(name);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
      for (Map.Entry<String, double[][]> e : arrays.entrySet()) {
        double[][] m = e.getValue();
        boolean flat = e.getKey().startsWith("b") && e.getKey().length() <= 2;
        String shape = flat ? "(" + m[0].length + ",)" : "(" + m.length + ", " + m[0].length + ")";
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        while ((10 + header.length() + 1) % 64 != 0) {
          header += " ";
        }
        header += "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(8 * m.length * m[0].length).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : m) {
          for (double v : row) {
            b.putDouble(v);
          }
        }
        out.write(b.array());
        z.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        z.write(out.toByteArray());
        z.closeEntry();
      }
    }
    return p;
  }
}
