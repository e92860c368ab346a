package dev.knead.core.data.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordVectorTextTest {
  private static WordVectors parse(String text) {
    return WordVectorText.parse("v.txt", text.getBytes(StandardCharsets.UTF_8), 1_000_000);
  }

  @Test
  void gloveAndWord2vecTextReadTheSame() {
    WordVectors glove = parse("king 1 2 3\nqueen 4 5 6.5\n");
    WordVectors w2v = parse("2 3\nking 1 2 3\r\nqueen\t4 5 6.5\n\n");
    assertThat(glove.words()).containsExactly("king", "queen");
    assertThat(w2v.words()).containsExactly("king", "queen");
    assertThat(w2v.vector("queen")).containsExactly(4, 5, 6.5);
    assertThat(glove.vector("queen")).containsExactly(w2v.vector("queen"));
  }

  /** Round trip: the shipped vectors written as GloVe text and read back give the same numbers. */
  @Test
  void theShippedVectorsWrittenAsTextReadBack() {
    WordVectors v = WordVectors.shipped();
    StringBuilder b = new StringBuilder();
    for (String w : v.words().subList(0, 300)) {
      b.append(w);
      for (double x : v.vector(w)) {
        b.append(' ').append(String.format(Locale.ROOT, "%.17g", x));
      }
      b.append('\n');
    }
    WordVectors back = parse(b.toString());
    assertThat(back.size()).isEqualTo(300);
    for (String w : back.words()) {
      assertThat(back.vector(w)).containsExactly(v.vector(w));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "king 1 2 3\\nqueen 4 5|line 2: 'queen' has 2 coordinates, expected 3 (as the first row has)",
      "2 3\\nking 1 2 3\\nqueen 4 5 6 7|line 3: 'queen' has 4 coordinates, expected 3 (as the header says)",
      "king 1 2 3\\nqueen 4 five 6|line 2: 'five' (a coordinate of 'queen') is not a finite number",
      "king 1 NaN 3|line 1: 'NaN' (a coordinate of 'king') is not a finite number",
      "king 1 1e999 3|is not a finite number",
      "king 0x1p3 2|is not a finite number",
      "king 1 2\\nqueen 3 4\\nking 5 6|line 3: the word 'king' appears twice",
      "3 2\\nking 1 2\\nqueen 3 4|the header says 3 words, the file has 2",
      "king|line 1: a word without coordinates",
      "' \\n\\n'|no word vectors in the file",
      "1 0|the header says dimension 0",
  })
  void malformedFilesAreRefusedWithTheirLine(String text, String message) {
    assertThatThrownBy(() -> parse(text.replace("\\n", "\n"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining(message).hasMessageStartingWith("v.txt: ").matches(e -> !e.getMessage().contains("\n"));
  }

  @Test
  void notUtf8AndOverTheLimitAreRefused() {
    assertThatThrownBy(() -> WordVectorText.parse("v.txt", new byte[] {'a', ' ', '1', '\n', (byte) 0xC3, ' ', '2'}, 100))
        .isInstanceOf(BadInputException.class).hasMessage("v.txt: not UTF-8 text");
    assertThatThrownBy(() -> WordVectorText.parse("v.txt", "a 1 2\nb 3 4\n".getBytes(StandardCharsets.UTF_8), 3))
        .isInstanceOf(BadInputException.class).hasMessageContaining("limit of 3 coordinates");
    assertThatThrownBy(() -> WordVectorText.parse("v.txt", "1000 1000\n".getBytes(StandardCharsets.UTF_8), 100))
        .isInstanceOf(BadInputException.class).hasMessageContaining("over the limit of 100");
  }
}
