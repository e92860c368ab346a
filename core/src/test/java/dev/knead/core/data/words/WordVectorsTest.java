package dev.knead.core.data.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.BadInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordVectorsTest {
  /**
   * The oracle: numpy on the package's unquantised JSON (the first 10,000 words, unit rows,
   * 3CosAdd with the question words excluded) gave queen 0.769854 then monarch 0.684338, and
   * rome 0.818955 then milan 0.73762. The shipped int16 codes move a cosine by far less than 1e-3.
   */
  @Test
  void kingMinusManPlusWomanIsQueenOnTheShippedVectors() {
    WordVectors v = WordVectors.shipped();
    assertThat(v.size()).isEqualTo(10_000);
    assertThat(v.dim()).isEqualTo(100);
    WordVectors.Analogy a = v.analogy("king", "man", "woman", 2);
    assertThat(a.best().word()).isEqualTo("queen");
    assertThat(a.best().cosine()).isCloseTo(0.769854, within(1e-3));
    assertThat(a.answers().get(1).word()).isEqualTo("monarch");
    assertThat(a.answers().get(1).cosine()).isCloseTo(0.684338, within(1e-3));
    assertThat(v.rankOf("queen", "king", "man", "woman").rank()).isEqualTo(1);
    WordVectors.Analogy r = v.analogy("paris", "france", "italy", 1);
    assertThat(r.best().word()).isEqualTo("rome");
    assertThat(r.best().cosine()).isCloseTo(0.818955, within(1e-3));
  }

  @Test
  void theFirstWordsAreGloVesInFrequencyOrderWithItsValues() {
    WordVectors v = WordVectors.shipped();
    assertThat(v.words().subList(0, 4)).containsExactly("the", ",", ".", "of");
    // glove.6B.100d.txt's first line begins: the -0.038194 -0.24487 0.72812
    double[] the = v.vector("the");
    assertThat(the[0]).isCloseTo(-0.038194, within(6e-5));
    assertThat(the[1]).isCloseTo(-0.24487, within(6e-5));
    assertThat(the[2]).isCloseTo(0.72812, within(6e-5));
  }

  /** The shipped question set, scored by numpy on the unquantised vectors: 103, 118, 113, 99 of 132. */
  @Test
  void theAnalogyTestScoresAsTheUnquantisedVectorsDo() {
    List<AnalogySet.Score> s = AnalogySet.shipped().score(WordVectors.shipped());
    assertThat(s).extracting(AnalogySet.Score::category).containsExactly("capitals", "genders", "comparatives", "tenses");
    assertThat(s).extracting(AnalogySet.Score::asked).containsOnly(132);
    assertThat(s).extracting(AnalogySet.Score::right).containsExactly(103, 118, 113, 99);
  }

  /** A hand-made space where the answers are known: axes for royalty and gender. */
  @Test
  void analogyOnAHandMadeSpaceFindsTheParallelogramsFourthCorner() {
    // king (1,1,0), queen (1,-1,0), man (0,1,0.1), woman (0,-1,0.1), apple (0,0,1)
    WordVectors v = new WordVectors("hand", List.of("king", "queen", "man", "woman", "apple"), 3,
        new double[] {1, 1, 0, 1, -1, 0, 0, 1, 0.1, 0, -1, 0.1, 0, 0, 1});
    WordVectors.Analogy a = v.analogy("king", "man", "woman", 2);
    assertThat(a.best().word()).isEqualTo("queen");
    assertThat(a.answers()).extracting(WordVectors.Neighbour::word).doesNotContain("king", "man", "woman");
    // brute force: cosine of queen with k̂ − m̂ + ŵ by hand
    double[] q = v.offset("king", "man", "woman");
    double[] u = v.unitVector("queen");
    double dot = q[0] * u[0] + q[1] * u[1] + q[2] * u[2];
    double cos = dot / Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
    assertThat(a.best().cosine()).isCloseTo(cos, within(1e-12));
    assertThat(v.nearest("king", 1).get(0).word()).isNotEqualTo("king");
    assertThat(v.cosine("king", "queen")).isCloseTo(0, within(1e-12));
  }

  @Test
  void anUnknownWordIsOneClearLine() {
    WordVectors v = WordVectors.shipped();
    assertThatThrownBy(() -> v.analogy("king", "man", "zzyzxq", 1)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("'zzyzxq' is not among the 10000 words");
    assertThatThrownBy(() -> v.vector("King")).hasMessageContaining("(but 'king' is)");
    assertThatThrownBy(() -> v.nearest(v.unitVector("king"), 0, Set.of())).isInstanceOf(BadInputException.class);
  }
}
