package dev.knead.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knead's t-SNE beside scikit-learn's on the shipped digits (64-D): the calibrated affinities
 * against sklearn's own {@code _joint_probabilities}, and the trustworthiness (Venna &amp; Kaski;
 * sklearn's function for both embeddings) of the two layouts. Skipped when python3 or sklearn is
 * missing: an optional reference, never a reason for CI to fail.
 */
class TsneSklearnTest {
  static final String PYTHON = "/usr/bin/python3";

  static boolean sklearn() {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "from sklearn.manifold import TSNE, trustworthiness").redirectErrorStream(true)
          .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void write(Path f, double[] x, int n, int d) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        sb.append(j == 0 ? "" : ",").append(Double.toString(x[i * d + j]));
      }
      sb.append('\n');
    }
    Files.writeString(f, sb, StandardCharsets.UTF_8);
  }

  static List<String> python(String script, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON, "-c", script));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  static Dataset digits() {
    return Datasets.byName("digits").generate(Map.of(), 0);
  }

  @Test
  void jointAffinitiesMatchSklearn(@TempDir Path dir) throws Exception {
    assumeTrue(sklearn(), "python3 with sklearn is not installed");
    int n = 400;
    int d = 64;
    double[] x = java.util.Arrays.copyOf(digits().points().toArray(), n * d);
    for (double perplexity : new double[] {5, 30}) {
      write(dir.resolve("x.csv"), x, n, d);
      python("""
          import sys, numpy as np
          from scipy.spatial.distance import squareform
          from sklearn.metrics import pairwise_distances
          from sklearn.manifold._t_sne import _joint_probabilities
          X = np.loadtxt(sys.argv[1], delimiter=',')
          P = squareform(_joint_probabilities(pairwise_distances(X, squared=True), float(sys.argv[2]), 0))
          np.savetxt(sys.argv[3], P, delimiter=',', fmt='%.17g')
          """, dir.resolve("x.csv").toString(), Double.toString(perplexity), dir.resolve("p.csv").toString());
      double[] theirs = Files.readAllLines(dir.resolve("p.csv")).stream()
          .flatMap(l -> java.util.Arrays.stream(l.split(","))).mapToDouble(Double::parseDouble).toArray();
      double[] mine = Tsne.affinities(x, n, d, perplexity);
      double worst = 0;
      double biggest = 0;
      for (int i = 0; i < n * n; i++) {
        worst = Math.max(worst, Math.abs(mine[i] - theirs[i]));
        biggest = Math.max(biggest, mine[i]);
      }
      // sklearn searches on float32 distances to an entropy tolerance of 1e-5: agreement to 1e-6
      // absolute, and to 1 % of the largest affinity
      assertThat(worst).as("perplexity %s", perplexity).isLessThan(1e-6).isLessThan(0.01 * biggest);
    }
  }

  @Test
  void trustworthinessOnDigitsMatchesSklearns(@TempDir Path dir) throws Exception {
    assumeTrue(sklearn(), "python3 with sklearn is not installed");
    Dataset data = digits();
    int n = data.size();
    int d = data.dim();
    double[] x = data.points().toArray();
    Tsne.Options o = Tsne.Options.DEFAULT;
    Tsne.Result r = Tsne.embed(Tsne.affinities(x, n, d, o.perplexity()), n, Tsne.pcaStart(x, n, d, 2), o);
    write(dir.resolve("x.csv"), x, n, d);
    write(dir.resolve("y.csv"), r.y(), n, 2);
    List<String> out = python("""
        import sys, numpy as np
        from sklearn.manifold import TSNE, trustworthiness
        X = np.loadtxt(sys.argv[1], delimiter=',')
        Y = np.loadtxt(sys.argv[2], delimiter=',')
        S = TSNE(n_components=2, perplexity=30, init='pca', random_state=0).fit_transform(X)
        print(trustworthiness(X, Y, n_neighbors=10), trustworthiness(X, S, n_neighbors=10))
        """, dir.resolve("x.csv").toString(), dir.resolve("y.csv").toString());
    String[] t = out.get(out.size() - 1).trim().split("\\s+");
    double mine = Double.parseDouble(t[0]);
    double theirs = Double.parseDouble(t[1]);
    System.out.printf(Locale.ROOT, "digits t-SNE trustworthiness (k = 10): Knead %.4f, sklearn %.4f; Knead KL %.4f%n", mine,
        theirs, r.finalKl());
    assertThat(mine).isGreaterThan(theirs - 0.01).isGreaterThan(0.95);
  }
}
