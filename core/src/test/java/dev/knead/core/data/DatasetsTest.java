package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetsTest {
  @Test
  void registryOrderIsFixedAndNamesAreUnique() {
    assertThat(Datasets.names())
        .containsExactly(
            "sandwich", "disk-annulus", "circles", "xor", "gaussians", "spirals", "moons", "checkerboard",
            "naitzat-d1", "colours", "hopf-rings", "linked-tori", "nested-spheres", "swiss-roll", "naitzat-d2", "naitzat-d3", "words");
  }

  @Test
  void theCatalogueEndsWithTheShippedRealData() {
    assertThat(Datasets.catalogueNames()).endsWith("digits", "mnist");
    assertThat(Datasets.catalogueNames()).startsWith(Datasets.names().toArray(String[]::new));
    for (Generator g : Datasets.catalogue()) {
      assertThat(g.origin().source()).as(g.name()).isNotBlank();
      assertThat(g.origin().licence()).as(g.name()).isNotBlank();
    }
  }

  @Test
  void unknownDataSetListsTheKnownOnes() {
    assertThatThrownBy(() -> Datasets.byName("donut"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'donut'")
        .hasMessageContaining("disk-annulus, circles");
  }

  @Test
  void unknownKeyIsNamedWithTheValidOnes() {
    assertThatThrownBy(() -> Datasets.generate("disk-annulus", Map.of("radius", "1"), 1))
        .isInstanceOf(BadInputException.class)
        .hasMessage("disk-annulus: unknown parameter 'radius'; valid parameters: noise, points, r1, r2, r3, scale");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "NaN", "Infinity", "1,5", "", "0x10", "2f"})
  void nonNumbersAreRefusedWithTheRange(String text) {
    assertThatThrownBy(() -> Datasets.generate("circles", Map.of("factor", text), 1))
        .isInstanceOf(BadInputException.class)
        .hasMessage("circles: factor='" + text + "' is not a number; expected [0.01, 0.99]");
  }

  @Test
  void outOfRangeAndFractionalValuesNameTheRange() {
    assertThatThrownBy(() -> Datasets.generate("spirals", Map.of("arms", "1"), 1))
        .hasMessage("spirals: arms=1 is outside [2, 8] (whole number)");
    assertThatThrownBy(() -> Datasets.generate("spirals", Map.of("arms", "2.5"), 1))
        .hasMessage("spirals: arms=2.5 must be a whole number in [2, 8] (whole number)");
    assertThatThrownBy(() -> Datasets.generate("moons", Map.of("points", "0"), 1))
        .hasMessageContaining("points=0 is outside [1, 1000000]");
    assertThatThrownBy(() -> Datasets.generate("disk-annulus", Map.of("r1", "0.8"), 1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("r1 < r2 < r3");
  }

  @Test
  void valuesAreParsedAndRecorded() {
    Dataset d = Datasets.generate("spirals", Map.of("arms", " 4 ", "turns", "2.5e0", "points", "10"), 3);
    assertThat(d.classes()).isEqualTo(4);
    assertThat(d.params()).containsEntry("turns", 2.5).containsEntry("arms", 4.0).containsEntry("noise", 0.0);
  }

  @Test
  void settingsParseKeyValuePairs() {
    assertThat(Datasets.parseSettings(List.of("r1=0.2", "points = 10")))
        .containsEntry("r1", "0.2")
        .containsEntry("points", " 10");
    assertThatThrownBy(() -> Datasets.parseSettings(List.of("r1"))).hasMessage("--set 'r1' is not of the form key=value");
    assertThatThrownBy(() -> Datasets.parseSettings(List.of("=3"))).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> Datasets.parseSettings(List.of("r1=1", "r1=2"))).hasMessage("--set r1 is given more than once");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void splitIsStratifiedDisjointAndDeterministic(long seed) {
    Dataset d = Datasets.generate("spirals", Map.of("arms", "3", "points", "101"), seed);
    Split s = Datasets.split(d, 0.2, seed);
    assertThat(s.test().classCounts()).containsExactly(20, 20, 20);
    assertThat(s.train().classCounts()).containsExactly(81, 81, 81);
    assertThat(Datasets.split(d, 0.2, seed)).isEqualTo(s);
    assertThat(Datasets.split(d, 0.2, seed + 1).test().hash()).isNotEqualTo(s.test().hash());
    // together the halves are the data set: every row once
    double[] all = d.points().toArray();
    double[] back = new double[all.length];
    System.arraycopy(s.train().points().toArray(), 0, back, 0, s.train().size() * 2);
    System.arraycopy(s.test().points().toArray(), 0, back, s.train().size() * 2, s.test().size() * 2);
    Arrays.sort(all);
    Arrays.sort(back);
    assertThat(back).containsExactly(all);
    assertThat(s.train().truth()).isEqualTo(d.truth());
  }

  @Test
  void splitKeepsATrainingPointPerClassAndRefusesBadShares() {
    Dataset d = Datasets.generate("moons", Map.of("points", "1"), 1);
    Split s = Datasets.split(d, 0.9, 1);
    assertThat(s.train().classCounts()).containsExactly(1, 1);
    assertThatThrownBy(() -> Datasets.split(d, 1.0, 1)).hasMessage("test share 1.0 is outside (0, 1)");
    assertThatThrownBy(() -> Datasets.split(d, 0, 1)).isInstanceOf(BadInputException.class);
  }
}
