package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** sRGB → CIELAB against published values; the colour cube's classes against the hue rule. */
class ColoursTest {
  /** Lab (D65) of the sRGB corners as tabulated by B. Lindbloom's calculator (brucelindbloom.com). */
  @Test
  void labMatchesPublishedValues() {
    assertLab(ColourSpace.lab(1, 1, 1), 100, 0, 0);
    assertLab(ColourSpace.lab(0, 0, 0), 0, 0, 0);
    assertLab(ColourSpace.lab(1, 0, 0), 53.2408, 80.0925, 67.2032);
    assertLab(ColourSpace.lab(0, 1, 0), 87.7347, -86.1827, 83.1793);
    assertLab(ColourSpace.lab(0, 0, 1), 32.2970, 79.1875, -107.8602);
    assertLab(ColourSpace.lab(1, 1, 0), 97.1393, -21.5537, 94.4780);
    // sRGB 128 grey: L* 53.585, no chroma
    assertLab(ColourSpace.lab(128 / 255.0, 128 / 255.0, 128 / 255.0), 53.5850, 0, 0);
  }

  private static void assertLab(double[] lab, double l, double a, double b) {
    assertThat(lab[0]).isCloseTo(l, within(0.01));
    assertThat(lab[1]).isCloseTo(a, within(0.01));
    assertThat(lab[2]).isCloseTo(b, within(0.01));
  }

  @Test
  void transferCurveIsContinuousAtItsKnee() {
    // IEC 61966-2-1: the line and the power law meet at 0.04045 (to about 1e-7)
    double c = 0.04045;
    assertThat(c / 12.92).isCloseTo(Math.pow((c + 0.055) / 1.055, 2.4), within(1e-7));
    assertThat(ColourSpace.xyz(1, 1, 1)[1]).isCloseTo(1, within(1e-6));
  }

  @Test
  void huesOfThePrimariesAndSecondaries() {
    assertThat(ColourSpace.hue(1, 0, 0)).isEqualTo(0);
    assertThat(ColourSpace.hue(1, 1, 0)).isEqualTo(60);
    assertThat(ColourSpace.hue(0, 1, 0)).isEqualTo(120);
    assertThat(ColourSpace.hue(0, 1, 1)).isEqualTo(180);
    assertThat(ColourSpace.hue(0, 0, 1)).isEqualTo(240);
    assertThat(ColourSpace.hue(1, 0, 1)).isEqualTo(300);
    assertThat(ColourSpace.hue(1, 0.5, 0)).isEqualTo(30);
    assertThat(ColourSpace.hue(0.3, 0.3, 0.3)).isNaN();
  }

  @Test
  void everyColourIsInItsClassSector() {
    Dataset d = Datasets.byName("colours").generate(Map.of("points", 200.0), 5);
    assertThat(d.classNames()).containsExactly("red", "yellow", "green", "cyan", "blue", "magenta");
    assertThat(d.classCounts()).containsOnly(200);
    for (int i = 0; i < d.size(); i++) {
      double[] p = d.points().row(i);
      assertThat(java.util.Arrays.stream(p).min().orElseThrow()).isGreaterThanOrEqualTo(0);
      assertThat(java.util.Arrays.stream(p).max().orElseThrow()).isLessThanOrEqualTo(1);
      double h = ColourSpace.hue(p[0], p[1], p[2]);
      double centre = 60 * d.label(i);
      double off = Math.abs(((h - centre) % 360 + 540) % 360 - 180); // angular distance to the sector's centre
      assertThat(off).isLessThanOrEqualTo(30);
    }
  }

  @Test
  void warmAndCoolSplitTheHueCircleAtNinetyAndTwoSeventy() {
    Dataset d = Datasets.byName("colours").generate(Map.of("points", 100.0, "hues", 2.0), 1);
    assertThat(d.classNames()).containsExactly("warm", "cool");
    for (int i = 0; i < d.size(); i++) {
      double[] p = d.points().row(i);
      double h = ColourSpace.hue(p[0], p[1], p[2]);
      assertThat(h >= 270 || h < 90).isEqualTo(d.label(i) == 0);
    }
    assertThat(Colours.sector(89.9, 2)).isZero();
    assertThat(Colours.sector(90, 2)).isOne();
    assertThat(Colours.sector(270, 2)).isZero();
    assertThat(Colours.names(4)).containsExactly("hue-0", "hue-90", "hue-180", "hue-270");
  }

  @Test
  void labVariantIsTheSameColoursInAnotherSpace() {
    Dataset rgb = Datasets.byName("colours").generate(Map.of("points", 50.0), 9);
    Dataset lab = Datasets.byName("colours").generate(Map.of("points", 50.0, "lab", 1.0), 9);
    assertThat(lab.labels()).isEqualTo(rgb.labels());
    for (int i = 0; i < rgb.size(); i++) {
      double[] p = rgb.points().row(i);
      double[] l = ColourSpace.lab(p[0], p[1], p[2]);
      assertThat(lab.points().row(i)).containsExactly(new double[] {l[0] / 100, l[1] / 100, l[2] / 100}, within(1e-12));
    }
  }
}
