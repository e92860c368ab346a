package dev.knead.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaletteTest {
  /** The digits have ten classes: no two may share a colour (0 and 8 were both blue). */
  @Test
  void tenClassesGetTenDistinctColours() {
    Palette p = Palette.OKABE_ITO;
    for (int a = 0; a < 10; a++) {
      for (int b = a + 1; b < 10; b++) {
        int x = p.classColor(a);
        int y = p.classColor(b);
        double d = Math.sqrt(sq((x >> 16 & 255) - (y >> 16 & 255)) + sq((x >> 8 & 255) - (y >> 8 & 255))
            + sq((x & 255) - (y & 255)));
        assertThat(d).as("colour distance of classes %d and %d", a, b).isGreaterThan(60);
      }
    }
  }

  private static double sq(double v) {
    return v * v;
  }
}
