package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.data.words.WordVectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordPointsTest {
  @Test
  void everyWordIsItsShippedVectorLabelledByItsList() {
    Dataset d = Datasets.generate("words", Map.of(), 1);
    assertThat(d.dim()).isEqualTo(100);
    assertThat(d.classNames()).containsExactly("countries", "animals", "foods");
    assertThat(d.classCounts()).containsExactly(48, 39, 41);
    // the first point of each class is the first word of its list
    assertThat(d.points().row(0)).containsExactly(WordVectors.shipped().vector("france"));
    assertThat(d.points().row(48)).containsExactly(WordVectors.shipped().vector("dog"));
    assertThat(d.points().row(48 + 39)).containsExactly(WordVectors.shipped().vector("bread"));
    // nothing is random: another seed gives the same bits
    assertThat(Datasets.generate("words", Map.of(), 2).hash()).isEqualTo(d.hash());
    assertThatThrownBy(() -> Datasets.generate("words", Map.of("points", "10"), 1)).isInstanceOf(BadInputException.class);
  }
}
