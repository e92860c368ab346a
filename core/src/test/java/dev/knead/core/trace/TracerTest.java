package dev.knead.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TracerTest {
  static final Activation[] ACTS = {
    Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS, Activation.RELU, Activation.leakyRelu(0.2),
    Activation.ELU, Activation.SIN, Activation.IDENTITY
  };

  static final Tracer.Options SMALL = new Tracer.Options(5, 11, 3, 7, 64, 0.1);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /** A random network of 0–4 hidden layers, widths 1–5, any activations, input 1–4-D. */
  static Network randomNetwork(SplittableRandom rng) {
    int d = 1 + rng.nextInt(4);
    int depth = rng.nextInt(5);
    List<Integer> widths = new ArrayList<>();
    List<Activation> acts = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      widths.add(1 + rng.nextInt(5));
      acts.add(ACTS[rng.nextInt(ACTS.length)]);
    }
    Network net = new Initializer(Initializer.Kind.UNIFORM, 1.5).build(new Architecture(d, widths, acts, 2 + rng.nextInt(3)), rng);
    // random biases, and now and then a rank-deficient layer (a zero row)
    List<Layer> layers = new ArrayList<>();
    for (Layer l : net.layers()) {
      double[] w = l.weights().toArray();
      if (rng.nextInt(4) == 0 && l.out() > 1) {
        for (int j = 0; j < l.in(); j++) {
          w[j] = 0;
        }
      }
      layers.add(new Layer(Matrix.of(l.out(), l.in(), w), rng.doubles(l.out(), -1, 1).toArray(), l.activation()));
    }
    return new Network(layers);
  }

  static Points randomPoints(SplittableRandom rng, int n, int d) {
    return Points.of(n, d, rng.doubles((long) n * d, -2, 2).toArray());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void stagesComposeToTheForwardPass(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Network net = randomNetwork(rng);
    Points x = randomPoints(rng, 50, net.inputDim());
    Trace trace = Tracer.trace(net, x, new int[50]);
    Points logits = trace.logits().points();
    for (int i = 0; i < 50; i++) {
      double[] want = net.logits(x.row(i));
      for (int j = 0; j < want.length; j++) {
        assertThat(Math.abs(logits.get(i, j) - want[j])).as("point %d logit %d", i, j).isLessThan(1e-12 * Math.max(1, Math.abs(want[j])));
      }
    }
    // every layer's last stage equals that layer applied to the previous layer's last stage
    assertThat(trace.stages().get(trace.size() - 1).kind()).isEqualTo(Stage.Kind.OUTPUT);
  }

  /**
   * The stages that end a layer are the forward pass (Layer.apply, one point at a time) bit for
   * bit, in the full trace and in the layers-only trace alike, at the indices and under the
   * names the Trace's accessors give.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void layerEndsAreTheForwardPassBitForBitInBothTraces(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Network net = randomNetwork(rng);
    if (seed % 3 == 0) {
      // an output layer with a σ of its own: one more stage (its bend) before the softmax
      List<Layer> layers = new ArrayList<>(net.layers());
      Layer out = layers.remove(layers.size() - 1);
      layers.add(new Layer(out.weights(), out.bias(), Activation.TANH));
      net = new Network(layers);
    }
    Points x = randomPoints(rng, 30, net.inputDim());
    Domain domain = Domain.around(x, 0.1);
    Trace full = Tracer.trace(net, x, new int[30], domain, SMALL);
    Trace ends = Tracer.layers(net, x, new int[30], domain, SMALL);
    assertThat(full.complete()).isTrue();
    assertThat(ends.complete()).isFalse();
    assertThat(full.size()).isEqualTo(Trace.stageCount(net));
    for (int i = 0; i < full.size(); i++) {
      assertThat(full.stage(i).index()).isEqualTo(i);
      Stage s = full.stage(i);
      if (s.layer() >= 0) {
        assertThat(Trace.index(net, s.layer(), s.kind())).isEqualTo(i);
      }
    }
    int[] want = Trace.layerEnds(net);
    assertThat(ends.size()).isEqualTo(want.length + 1);
    assertThat(ends.logits().index()).isEqualTo(full.logits().index());
    for (int e = 0; e < want.length; e++) {
      Stage a = ends.stage(e);
      Stage b = full.stage(want[e]);
      assertThat(a.index()).isEqualTo(want[e]);
      assertThat(a.name()).isEqualTo(b.name());
      assertThat(a.points().toArray()).as("%s", a.name()).containsExactly(b.points().toArray());
      assertThat(a.field().toArray()).containsExactly(b.field().toArray());
      for (int p = 0; p < 30; p++) {
        double[] v = x.row(p);
        for (int l = 0; l < e; l++) {
          v = net.layer(l).apply(v);
        }
        assertThat(a.points().row(p)).as("point %d at %s", p, a.name()).containsExactly(v);
      }
    }
    assertThat(ends.stage(ends.size() - 1).points().toArray()).containsExactly(full.stage(full.size() - 1).points().toArray());
    assertThat(ends.fieldClasses()).containsExactly(full.fieldClasses());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void factorsAreRotationsThatRebuildW(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int out = 1 + rng.nextInt(5);
    int in = 1 + rng.nextInt(5);
    double[] w = rng.doubles((long) out * in, -2, 2).toArray();
    if (seed % 3 == 0) {
      for (int j = 0; j < in; j++) {
        w[j] = 0; // rank-deficient
      }
    }
    Matrix wm = Matrix.of(out, in, w);
    Factors f = Tracer.factor(wm);
    assertOrthogonalRotation(f.u());
    assertOrthogonalRotation(f.v());
    double[] sigma = f.sigma();
    double[] s = new double[out * in];
    for (int i = 0; i < sigma.length; i++) {
      s[i * in + i] = sigma[i];
    }
    Matrix rebuilt = f.u().times(Matrix.of(out, in, s)).times(f.v().transpose());
    assertThat(rebuilt.maxAbsDiff(wm)).isLessThan(1e-12);
    boolean negativeSquare = in == out && Rotations.det(w, in) < -1e-9;
    assertThat(f.reflected()).isEqualTo(negativeSquare);
  }

  @Test
  void aMirrorIsRecordedAsAReflectionNotARotation() {
    Layer mirror = new Layer(Matrix.of(new double[][] {{1, 0}, {0, -1}}), new double[2], Activation.TANH);
    Network net = new Network(List.of(mirror, new Layer(Matrix.identity(2), new double[2], Activation.IDENTITY)));
    Trace t = Tracer.trace(net, Points.of(new double[][] {{0.5, 0.5}}), new int[] {0});
    Stage stretch = t.stage(2);
    assertThat(stretch.kind()).isEqualTo(Stage.Kind.STRETCH);
    assertThat(stretch.name()).contains("reflection");
    assertThat(stretch.factors().orElseThrow().reflected()).isTrue();
    // half-way through, the sheet is flat along the mirrored axis
    Frame mid = t.at(2, 0.5);
    assertThat(Math.abs(mid.points().get(0, 1))).isLessThan(1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyMoveIsContinuousAndMeetsItsEnds(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Network net = randomNetwork(rng);
    Points x = randomPoints(rng, 20, net.inputDim());
    Trace trace = Tracer.trace(net, x, new int[20], Domain.around(x, 0.1), SMALL);
    for (int i = 1; i < trace.size(); i++) {
      Frame start = trace.at(i, 0);
      Frame end = trace.at(i, 1);
      assertThat(end.points()).isEqualTo(trace.stage(i).points());
      assertClose(start.points(), trace.stage(i - 1).points(), 1e-9);
      double coarse = largestStep(trace, i, 200);
      double fine = largestStep(trace, i, 400);
      // continuous: twice the resolution, half the largest step; a jump would not shrink
      assertThat(fine).as("stage %d %s", i, trace.stage(i).name()).isLessThanOrEqualTo(0.75 * coarse + 1e-9);
    }
  }

  @Test
  void theRotationPathStaysOnSOnEvenThroughHalfTurns() {
    double[] halfTurn = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
    double[] log = Rotations.log(halfTurn, 3);
    double[] back = Rotations.exp(log, 3);
    for (int i = 0; i < 9; i++) {
      assertThat(back[i]).isCloseTo(halfTurn[i], org.assertj.core.api.Assertions.within(1e-12));
    }
    SplittableRandom rng = new SplittableRandom(4);
    for (int trial = 0; trial < 20; trial++) {
      int n = 2 + rng.nextInt(5);
      Factors f = Tracer.factor(Matrix.of(n, n, rng.doubles((long) n * n, -1, 1).toArray()));
      double[] r = f.u().toArray();
      double[] l = Rotations.log(r, n);
      double[] e = Rotations.exp(l, n);
      for (int i = 0; i < r.length; i++) {
        assertThat(e[i]).isCloseTo(r[i], org.assertj.core.api.Assertions.within(1e-10));
      }
      for (double t = 0.1; t < 1; t += 0.2) {
        double[] a = l.clone();
        for (int i = 0; i < a.length; i++) {
          a[i] *= t;
        }
        assertOrthogonalRotation(Matrix.of(n, n, Rotations.exp(a, n)));
      }
    }
  }

  @Test
  void gridLinesAreSampledFinelyAndTheWholeNetworkIsOneSlider() {
    SplittableRandom rng = new SplittableRandom(8);
    Network net = new Initializer(Initializer.Kind.GLOROT, 0).build(Architecture.of(2, List.of(3, 3), Activation.TANH, 2), rng);
    Trace t = Tracer.trace(net, randomPoints(rng, 10, 2), new int[10]);
    assertThat(t.stage(0).grid()).hasSize(42);
    assertThat(t.stage(0).grid().get(0).n()).isEqualTo(101);
    assertThat(t.stage(0).field().n()).isEqualTo(4096);
    assertThat(t.size()).isEqualTo(1 + 5 + 5 + 4 + 1);
    assertThat(t.atPosition(0).points()).isEqualTo(t.stage(0).points());
    assertThat(t.atPosition(3).points()).isEqualTo(t.stage(3).points());
    assertClose(t.atPosition(2.5).points(), t.at(3, 0.5).points(), 0);
    assertThat(t.at(7, 0.25).caption()).isEqualTo("layer 2 · stretch (Σ) · 25 %");
  }

  static double largestStep(Trace trace, int stage, int steps) {
    Points prev = trace.at(stage, 0).points();
    double max = 0;
    for (int s = 1; s <= steps; s++) {
      Points cur = trace.at(stage, s / (double) steps).points();
      max = Math.max(max, maxJump(prev, cur));
      prev = cur;
    }
    return max;
  }

  static double maxJump(Points a, Points b) {
    double m = 0;
    int d = Math.min(a.d(), b.d());
    for (int i = 0; i < a.n(); i++) {
      for (int j = 0; j < Math.max(a.d(), b.d()); j++) {
        double va = j < a.d() ? a.get(i, j) : 0;
        double vb = j < b.d() ? b.get(i, j) : 0;
        m = Math.max(m, Math.abs(va - vb));
      }
    }
    return d >= 0 ? m : m;
  }

  static void assertClose(Points a, Points b, double tol) {
    assertThat(a.n()).isEqualTo(b.n());
    assertThat(maxJump(a, b)).isLessThanOrEqualTo(tol);
  }

  static void assertOrthogonalRotation(Matrix q) {
    Matrix qtq = q.transpose().times(q);
    assertThat(qtq.maxAbsDiff(Matrix.identity(q.rows()))).isLessThan(1e-12);
    assertThat(Rotations.det(q.toArray(), q.rows())).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
  }
}
