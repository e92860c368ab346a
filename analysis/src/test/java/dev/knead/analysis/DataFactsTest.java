package dev.knead.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.data.DataExport;
import dev.knead.core.data.DataFiles;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.LoadOptions;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Architecture;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.Network;
import dev.knead.topology.measure.Linking;
import dev.knead.topology.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts come from the points, not from the data set's name: the same points give the same
 * facts and verdicts whether generated or read from a file, and a generator's ground truth is
 * shown beside the measurement but never changes it.
 */
class DataFactsTest {
  @TempDir Path dir;

  static final Architecture NARROW = new Architecture(2, List.of(2), List.of(Activation.TANH), 2);

  Dataset viaFile(Dataset d) {
    Path p = dir.resolve(d.name() + ".csv");
    DataExport.writeCsv(d, p);
    Dataset f = DataFiles.load(p, LoadOptions.defaults());
    assertThat(f.truth().isKnown()).isFalse();
    return f;
  }

  static List<String> kinds(List<Verdict> vs) {
    return vs.stream().map(v -> v.id() + ":" + v.kind()).sorted().toList();
  }

  @Test
  void aUsersFileOfTheDiskAnnulusPointsGetsTheSameImpossibleVerdictAsTheBuiltIn() {
    Dataset builtIn = Datasets.generate("disk-annulus", Map.of(), 1);
    Dataset file = viaFile(builtIn);
    List<Verdict> a = Analyst.before(NARROW, builtIn);
    List<Verdict> b = Analyst.before(NARROW, file);
    assertThat(b).anyMatch(v -> v.id().equals("narrow-unbounded-regions") && v.kind() == Verdict.Kind.IMPOSSIBLE);
    assertThat(kinds(b)).isEqualTo(kinds(a));
    Verdict narrow = b.stream().filter(v -> v.id().equals("narrow-unbounded-regions")).findFirst().orElseThrow();
    assertThat(String.join(" ", narrow.facts())).contains("measured").contains("inside a loop");
  }

  @Test
  void aGroundTruthThatLiesChangesNeitherTheMeasurementNorTheVerdicts() {
    Dataset d = Datasets.generate("disk-annulus", Map.of("points", "200"), 2);
    // the same points, labelled by a "generator" that claims two plain blobs, nothing enclosed
    GroundTruth lie = new GroundTruth(List.of(List.of(1, 0), List.of(1, 0)), List.of(2, 2), List.of(), Optional.empty(), List.of());
    Dataset liar = new Dataset(d.name(), d.params(), d.points(), d.labels(), d.classNames(), lie);
    DataFacts honest = DataFacts.of(d, 400, 0);
    DataFacts lied = DataFacts.of(liar, 400, 0);
    assertThat(lied.known()).isEqualTo(honest.known());
    assertThat(kinds(Analyst.before(NARROW, liar))).isEqualTo(kinds(Analyst.before(NARROW, d)));
    assertThat(honest.disagreements()).isEmpty();
    assertThat(lied.disagreements()).anyMatch(s -> s.contains("β1 = 1") && s.contains("generator says 0"));
    assertThat(lied.disagreements()).anyMatch(s -> s.startsWith("enclosed classes: measured disk, generator says none"));
    // the per-stage Betti numbers after training are not tuned to the generator's answer either
    Network net = Initializer.GLOROT.build(dev.knead.core.net.Architecture.of(2, List.of(3), Activation.TANH, 2),
        new SplittableRandom(3));
    Analyst.Options opt = new Analyst.Options(150, 1, false, 0);
    assertThat(Analyst.analyse(net, liar, opt).stages().get(0).betti())
        .isEqualTo(Analyst.analyse(net, d, opt).stages().get(0).betti());
  }

  @Test
  void noisyRingsGiveTheSameMeasuredAnswerBuiltInOrFromAFileAndTheDisagreementIsFlagged() {
    Dataset builtIn = Datasets.generate("circles", Map.of("noise", "0.5"), 1);
    Dataset file = viaFile(builtIn);
    DataFacts a = DataFacts.of(builtIn, 400, 0);
    DataFacts b = DataFacts.of(file, 400, 0);
    assertThat(a.known()).isEqualTo(b.known());
    // noise 0.5 on circles of radius 0.5 and 1 fills the holes in: the points say β1 = 0
    assertThat(a.measured().classes()).allSatisfy(s -> assertThat(s.betti(1)).isZero());
    assertThat(a.disagreements()).anyMatch(s -> s.contains("measured β1 = 0") && s.contains("generator says 1")
        && s.contains("noise 0.5"));
    assertThat(b.disagreements()).isEmpty(); // a file has no generator to disagree with
    assertThat(kinds(Analyst.before(NARROW, builtIn))).isEqualTo(kinds(Analyst.before(NARROW, file)));
    assertThat(Analyst.before(NARROW, builtIn)).noneMatch(v -> v.kind() == Verdict.Kind.IMPOSSIBLE);
    // and the per-stage Betti numbers agree too
    Network net = Initializer.GLOROT.build(dev.knead.core.net.Architecture.of(2, List.of(3), Activation.TANH, 2),
        new SplittableRandom(4));
    Analyst.Options opt = new Analyst.Options(150, 1, false, 0);
    assertThat(Analyst.analyse(net, file, opt).stages().get(0).betti())
        .isEqualTo(Analyst.analyse(net, builtIn, opt).stages().get(0).betti());
  }

  @Test
  void hopfRingsFromAFileAreLinkedBeforeTrainingAndTheirCarriedCurvesStayLinked() {
    Dataset builtIn = Datasets.generate("hopf-rings", Map.of("points", "200"), 2);
    Dataset file = viaFile(builtIn);
    Architecture narrow3 = new Architecture(3, List.of(3), List.of(Activation.TANH), 2);
    List<Verdict> vs = Analyst.before(narrow3, file);
    assertThat(vs).anyMatch(v -> v.id().equals("linked-classes") && v.kind() == Verdict.Kind.IMPOSSIBLE);
    // the oracle: the Gauss integral of the generator's exact core circles
    double oracle = Linking.number(Analyst.rows(builtIn.truth().coreCurves().get(0).vertices()),
        Analyst.rows(builtIn.truth().coreCurves().get(1).vertices()));
    DataFacts f = DataFacts.of(file, 400, 0);
    assertThat(f.measured().linkingNumber()).hasValue((int) Math.abs(Math.round(oracle)));
    // after "training": a square tanh network with invertible weights is a homeomorphism, so the
    // carried measured curves keep |lk| at every 3-D stage
    Network net = Initializer.GLOROT.build(dev.knead.core.net.Architecture.of(3, List.of(3, 3), Activation.TANH, 2),
        new SplittableRandom(5));
    Report r = Analyst.analyse(net, file, new Analyst.Options(150, 1, false, 0));
    for (int k = 0; k < 3; k++) {
      assertThat(r.stages().get(k).linkingNumber()).as(r.stages().get(k).name()).isPresent();
      assertThat(Math.abs(r.stages().get(k).linkingNumber().get())).isCloseTo(Math.abs(oracle), within(1e-6));
    }
  }

  @Test
  void unlinkedRingsFromAFileHaveLinkingNumberZeroAndNoLinkVerdict() {
    Dataset builtIn = Datasets.generate("linked-tori", Map.of("points", "200", "linked", "0"), 2);
    Dataset file = viaFile(builtIn);
    double oracle = Linking.number(Analyst.rows(builtIn.truth().coreCurves().get(0).vertices()),
        Analyst.rows(builtIn.truth().coreCurves().get(1).vertices()));
    assertThat(Math.round(oracle)).isZero();
    assertThat(DataFacts.of(file, 400, 0).measured().linkingNumber()).hasValue(0);
    assertThat(Analyst.before(new Architecture(3, List.of(3), List.of(Activation.TANH), 2), file))
        .noneMatch(v -> v.id().equals("linked-classes"));
  }
}
