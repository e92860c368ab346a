package dev.knead.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Points;
import dev.knead.topology.measure.Gathering;
import dev.knead.topology.measure.Separability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every sentence says only what the stage measures say. */
class NarrationTest {
  static final List<String> DIGITS = List.of("1", "3", "7", "8");

  /** Four classes in 16-D: centres `apart` along axis c, except the 3s and 8s, `mixed` apart. */
  static double[][] clusters(int[] y, double apart, double mixed, long seed) {
    Random rng = new Random(seed);
    double[][] p = new double[y.length][16];
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < 16; j++) {
        p[i][j] = rng.nextGaussian();
      }
      int c = y[i];
      double shift = c == 1 || c == 3 ? mixed : apart;
      p[i][c == 3 ? 1 : c] += c == 3 ? -shift : shift;
    }
    return p;
  }

  static StageMeasure stage(int index, String name, double[][] p, int[] y) {
    Gathering g = Gathering.of(p, y, 5);
    Separability.Report sep = Separability.linear(p, y);
    List<List<Integer>> insep = sep.inseparable().stream().map(q -> List.of(q.classA(), q.classB())).toList();
    return new StageMeasure(index, name, 16, List.of(), sep.outcome(), Double.NaN, g.knnAccuracy(), g, insep,
        sep.undecided().stream().map(q -> List.of(q.classA(), q.classB())).toList(),
        sep.trivial().stream().map(q -> List.of(q.classA(), q.classB())).toList(), Double.NaN,
        Optional.empty(), Optional.empty());
  }

  static int[] labels(int n) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 4;
    }
    return y;
  }

  /** A layer that pulls the 3s and the 8s apart is said to, with the numbers that show it. */
  @Test
  void aLayerThatSeparatesTheThreesAndEightsIsSaidToDoSo() {
    int[] y = labels(400);
    List<StageMeasure> stages = List.of(stage(0, "input", clusters(y, 8, 0.3, 1), y),
        stage(3, "layer 1 · bend (relu)", clusters(y, 8, 6, 2), y));
    List<Narration.Sentence> said = Narration.of(stages, DIGITS);
    assertThat(said).anySatisfy(s -> {
      assertThat(s.kind()).isEqualTo(Narration.Kind.PULLS_APART);
      assertThat(s.text()).startsWith("Layer 1 pulls the 3s and the 8s apart");
    });
    assertThat(said).anySatisfy(s -> {
      assertThat(s.kind()).isEqualTo(Narration.Kind.GATHERING);
      assertThat(s.text()).startsWith("Layer 1 gathers the classes");
    });
    allSentencesMatchTheirNumbers(stages, said);
  }

  /** The reverse (a layer that mixes them) must never be narrated as gathering. */
  @Test
  void aLayerThatMixesThemIsNotSaidToGather() {
    int[] y = labels(400);
    List<StageMeasure> stages = List.of(stage(0, "input", clusters(y, 8, 6, 1), y),
        stage(3, "layer 1 · bend (relu)", clusters(y, 8, 0.3, 2), y));
    List<Narration.Sentence> said = Narration.of(stages, DIGITS);
    assertThat(said).noneMatch(s -> s.text().contains("gathers") || s.kind() == Narration.Kind.PULLS_APART);
    assertThat(said).anySatisfy(s -> assertThat(s.text()).startsWith("Layer 1 loosens the classes"));
    assertThat(said).anySatisfy(s -> assertThat(s.text()).contains("the 3s and the 8s still overlap most"));
    allSentencesMatchTheirNumbers(stages, said);
  }

  /** End to end: a trained network's report on a generated set; every sentence checked. */
  @Test
  void trainedNetworksNarrationMatchesItsMeasures() {
    int[] y = labels(240);
    double[][] p = clusters(y, 3, 0.5, 4);
    Dataset d = new Dataset("four", Map.of(), Points.of(p), y, DIGITS, GroundTruth.unknown());
    Report r = Analyst.analyse(AnalystTest.train(d, List.of(8, 6), 150).network(), d,
        new Analyst.Options(60, 0, false, 0));
    assertThat(r.narration()).isNotEmpty();
    allSentencesMatchTheirNumbers(r.stages(), r.narration());
  }

  /**
   * Known answer: 40 points in 40 dimensions, in general position, are separable whatever their
   * labels, so "separable at the input" says nothing about the classes and a layer that maps them
   * to 2-D where they mix must not be said to make them "no longer" separable.
   */
  @Test
  void separabilityOfTooFewPointsIsNotNarratedAsAFactAboutTheClasses() {
    int[] y = labels(40);
    Random rng = new Random(7);
    double[][] p = new double[40][40];
    for (double[] row : p) {
      for (int j = 0; j < row.length; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    Dataset d = new Dataset("few", Map.of(), Points.of(p), y, DIGITS, GroundTruth.unknown());
    dev.knead.core.net.Network net = dev.knead.core.net.Initializer.GLOROT.build(
        dev.knead.core.net.Architecture.of(40, List.of(2), dev.knead.core.net.Activation.TANH, 4), new java.util.SplittableRandom(3));
    Report r = Analyst.analyse(net, d, new Analyst.Options(10, 0, false, 0));
    StageMeasure input = r.stages().get(0);
    StageMeasure hidden = r.stages().get(1);
    assertThat(input.separable()).isTrue();
    assertThat(input.trivial()).hasSize(6); // every pair: 20 points in 40 dimensions
    assertThat(hidden.inseparable()).as("random 2-D images of random points mix").isNotEmpty();
    assertThat(r.narration()).noneMatch(s -> s.text().contains("no longer linearly separable"));
    assertThat(r.narration()).anySatisfy(s -> {
      assertThat(s.kind()).isEqualTo(Narration.Kind.SEPARATES);
      assertThat(s.text()).contains("separable only because each such pair had at most 41 points in 40 dimensions");
    });
    assertThat(r.account()).noneMatch(a -> a.contains("stop being linearly separable"));
    allSentencesMatchTheirNumbers(r.stages(), r.narration());
  }

  static void allSentencesMatchTheirNumbers(List<StageMeasure> stages, List<Narration.Sentence> said) {
    for (Narration.Sentence s : said) {
      assertThat(s.cites()).as(s.text()).isNotEmpty();
      List<Double> values = new ArrayList<>();
      for (Narration.Cite c : s.cites()) {
        StageMeasure m = stages.stream().filter(x -> x.stage() == c.stage()).findFirst().orElseThrow();
        double truth = switch (c.measure()) {
          case "silhouette" -> m.gathering().silhouette();
          case "ratio" -> m.gathering().ratio();
          case "touching" -> m.gathering().touching()[c.a()][c.b()] + m.gathering().touching()[c.b()][c.a()];
          case "confused" -> m.gathering().confused()[c.a()][c.b()] + m.gathering().confused()[c.b()][c.a()];
          case "separable" -> m.separates(c.a(), c.b()) ? 1 : 0;
          case "trivial" -> m.triviallySeparates(c.a(), c.b()) ? 1 : 0;
          case "undecided" -> m.pairOutcome(c.a(), c.b()) == Separability.Outcome.UNDECIDED ? 1 : 0;
          default -> throw new AssertionError("unknown measure " + c.measure());
        };
        assertThat(c.value()).as(s.text() + " cites " + c).isEqualTo(truth);
        values.add(c.value());
        if (c.a() >= 0) {
          assertThat(s.text()).as(s.text()).contains(Narration.className(c.a(), DIGITS))
              .contains(Narration.className(c.b(), DIGITS));
        }
        if (!List.of("separable", "trivial", "undecided").contains(c.measure())) {
          String shown = c.measure().equals("silhouette") || c.measure().equals("ratio")
              ? Narration.num(c.value()) : String.valueOf((int) c.value());
          assertThat(s.text()).as(s.text()).contains(shown);
        }
      }
      // the verbs follow the signs of the numbers as shown
      switch (s.kind()) {
        case GATHERING -> {
          double s0 = Double.parseDouble(Narration.num(values.get(0)));
          double s1 = Double.parseDouble(Narration.num(values.get(1)));
          double r0 = Double.parseDouble(Narration.num(values.get(2)));
          double r1 = Double.parseDouble(Narration.num(values.get(3)));
          assertThat(s.text().contains("gathers the classes")).as(s.text()).isEqualTo(s1 > s0 && r1 < r0);
          assertThat(s.text().contains("loosens the classes")).as(s.text()).isEqualTo(s1 < s0 && r1 > r0);
        }
        case PULLS_APART -> {
          assertThat(values.get(1)).as(s.text()).isLessThan(values.get(0));
          assertThat(s.text().contains("no longer touch")).as(s.text()).isEqualTo(values.get(1) == 0);
        }
        case SEPARATES -> {
          for (Narration.Cite c : s.cites().stream().filter(c -> c.measure().equals("separable")).toList()) {
            StageMeasure before = stages.get(stages.indexOf(stages.stream().filter(x -> x.stage() == c.stage()).findFirst()
                .orElseThrow()) - 1);
            assertThat(before.separates(c.a(), c.b())).as(s.text()).isEqualTo(c.value() == 0);
          }
        }
        case STILL_OVERLAP -> assertThat(values.get(0)).isPositive();
      }
    }
  }
}
