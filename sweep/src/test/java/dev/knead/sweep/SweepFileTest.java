package dev.knead.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.net.Activation;
import dev.knead.core.train.ConfigField;
import dev.knead.core.train.TrainSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFileTest {
  static Sweep parse(String yaml) {
    return SweepFile.parse(yaml, "s.yaml");
  }

  @Test
  void theGridIsTheProductOfTheAxesLastAxisFastest() {
    Sweep s = parse("""
        data: {source: [disk-annulus, spirals], settings: {noise: [0.0, 0.05]}}
        train:
          lr: [0.01, 3e-2]
          seed: {from: 1, to: 3}
        """);
    assertThat(s.axes()).extracting(Axis::name).containsExactly("data.source", "data.settings.noise", "train.lr", "train.seed");
    assertThat(s.size()).isEqualTo(2 * 2 * 2 * 3);
    List<SweepPoint> ps = s.points();
    // brute force: the nested loops a user would write, in the same order
    int i = 0;
    for (String src : List.of("disk-annulus", "spirals")) {
      for (String noise : List.of("0", "0.05")) {
        for (double lr : new double[] {0.01, 0.03}) {
          for (long seed = 1; seed <= 3; seed++) {
            SweepPoint p = ps.get(i++);
            assertThat(p.config().data().source()).isEqualTo(src);
            assertThat(p.config().data().settings()).containsEntry("noise", noise);
            assertThat(p.config().train().optimizer().learningRate()).isEqualTo(lr);
            assertThat(p.config().train().seed()).isEqualTo(seed);
          }
        }
      }
    }
    assertThat(ps.stream().map(SweepPoint::key).distinct()).hasSize(24);
  }

  @Test
  void widthAndDepthMakeConstantWidthNetworks() {
    Sweep s = parse("data: {source: spirals}\ntrain: {hidden: {width: [2, 8], depth: [1, 3]}}\n");
    assertThat(s.points()).extracting(p -> p.config().train().hidden())
        .containsExactly(List.of(2), List.of(2, 2, 2), List.of(8), List.of(8, 8, 8));
  }

  @Test
  void aListSettingTakesAListAsOneValueAndAListOfListsAsAnAxis() {
    Sweep one = parse("data: {source: spirals}\ntrain: {hidden: [8, 8], activations: [tanh, relu]}\n");
    assertThat(one.size()).isEqualTo(1);
    assertThat(one.point(0).config().train().activations()).containsExactly(Activation.TANH, Activation.RELU);
    Sweep axis = parse("data: {source: spirals}\ntrain: {hidden: [[8, 8], [4]], activations: {values: [tanh, relu]}}\n");
    assertThat(axis.size()).isEqualTo(4);
    assertThat(axis.axes().get(0).values()).containsExactly("8,8", "4");
  }

  @Test
  void aDecimalRangeHasNoRoundingDrift() {
    Sweep s = parse("data: {source: spirals}\ntrain: {lr: {from: 0.1, to: 0.3, step: 0.1}}\n");
    assertThat(s.points()).extracting(p -> p.config().train().optimizer().learningRate()).containsExactly(0.1, 0.2, 0.3);
  }

  /** Every training setting is a sweep axis, read off TrainSchema: its default, written as text, is accepted. */
  @Test
  void everyFieldOfTheTrainingConfigIsAnAxis() {
    for (ConfigField<?> f : TrainSchema.FIELDS) {
      String v = f.defaultText();
      Sweep s = parse("data: {source: spirals}\ntrain:\n  " + f.key() + ": {values: [\"" + v + "\", \"" + v + "\"]}\n");
      assertThat(s.size()).as(f.key()).isEqualTo(2);
      assertThat(s.point(1).config().train().get(f)).as(f.key()).isEqualTo(f.defaultValue());
    }
  }

  static final String[][] BAD = {
    {"data: {source: spirals}\ntrain: {lrr: 0.1}", "s.yaml: train: unknown setting 'lrr'; known: hidden, activations"},
    {"data: {source: spirals}\ntrain: {lr: [0.1, 200]}", "s.yaml: train.lr[1] must be a number in (0, 100], got 200"},
    {"data: {source: spirals}\ntrain: {epochs: 2.5}", "s.yaml: train.epochs must be a whole number"},
    {"data: {source: spirals}\ntrain: {seed: {from: 5, to: 1}}", "s.yaml: train.seed: to (1) is below from (5)"},
    {"data: {source: spirals, settings: {turns: 99}}", "s.yaml: data.settings.turns: spirals: turns=99 is outside"},
    {"data: {source: spirals, settings: {bogus: 1}}", "s.yaml: data.settings.bogus: spirals: unknown parameter 'bogus'"},
    {"data: {source: nowhere}", "s.yaml: data.source: 'nowhere' is neither a built-in data set"},
    {"data: {source: spirals}\nmeasures: [accuracy, magic]", "s.yaml: measures: unknown measure 'magic'; known: accuracy"},
    {"data: {source: spirals}\ntrian: {}", "s.yaml: unknown field 'trian'"},
    {"data: {source: spirals}\ntrain: {hidden: {width: [0], depth: 1}}", "s.yaml: train.hidden.width must be a whole number in 1"},
    {"data: {source: spirals}\ntrain: {hidden: [3, 3], activations: [tanh, relu, relu]}", "s.yaml: 3 activations for 2 hidden layers"},
    {"[1, 2", "s.yaml: not valid YAML or JSON"},
    {"train: {lr: 0.1}", "s.yaml: missing field 'data'"},
  };

  @Test
  void aBadSweepFileIsOneLineNamingThePlace() {
    for (String[] c : BAD) {
      assertThatThrownBy(() -> parse(c[0])).as(c[0]).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(c[1]).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void jsonIsASweepFileToo() {
    Sweep s = parse("{\"data\": {\"source\": \"xor\"}, \"train\": {\"seed\": [1, 2, 3]}}");
    assertThat(s.size()).isEqualTo(3);
  }

  @Test
  void aFileThatIsNotUtf8SaysSo(@TempDir Path dir) throws IOException {
    // the fuzz test's input not-utf8: the bytes 0xCE 0x3A are no UTF-8 sequence
    Path f = dir.resolve("s.yaml");
    Files.write(f, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xCE, ':'});
    assertThatThrownBy(() -> SweepFile.read(f)).isInstanceOf(BadInputException.class).hasMessage(f + ": not UTF-8 text");
  }

  @Test
  void aNameWithLineBreaksIsShownOnOneLine() {
    // the fuzz finding finding-carriage-returns-in-a-measure-name: the message quoted the name as it was
    assertThatThrownBy(() -> parse("data: {source: xor}\ntrain: {}\nmeasures: [\"lo\\r\\nss\"]"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("s.yaml: measures: unknown measure 'lo\\u000d\\u000ass'");
  }
}
