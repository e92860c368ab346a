package dev.knead.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.render.Palette;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lab paints each class in the colour render's figures give it: one palette, not two. */
class PaletteIsOneTest {
  static String resource(String path) throws IOException {
    try (InputStream in = PaletteIsOneTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<String> figureColours() {
    List<String> out = new ArrayList<>();
    for (int argb : Palette.OKABE_ITO.classes()) {
      out.add(String.format(Locale.ROOT, "#%06X", argb & 0xffffff));
    }
    return out;
  }

  @Test
  void thePagesClassColoursAreRendersInRendersOrder() throws IOException {
    String js = resource("/lab/js/palette.js");
    Matcher list = Pattern.compile("CLASS_COLOURS = \\[(.*?)\\]", Pattern.DOTALL).matcher(js);
    assertThat(list.find()).isTrue();
    List<String> page = new ArrayList<>();
    Matcher hex = Pattern.compile("'(#[0-9A-Fa-f]{6})'").matcher(list.group(1));
    while (hex.find()) {
      page.add(hex.group(1).toUpperCase(Locale.ROOT));
    }
    assertThat(page).containsExactlyElementsOf(figureColours());
  }

  @Test
  void everyClassHasItsCssColour() throws IOException {
    String css = resource("/lab/lab.css");
    List<String> colours = figureColours();
    for (int i = 0; i < colours.size(); i++) {
      assertThat(css.toUpperCase(Locale.ROOT)).contains((".cls-" + i + " { --c:" + colours.get(i)).toUpperCase(Locale.ROOT));
    }
  }
}
