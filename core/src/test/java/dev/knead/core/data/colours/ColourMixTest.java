package dev.knead.core.data.colours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.knead.core.BadInputException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColourMixTest {
  /** Published CIE L*a*b* (D65) of sRGB red and white (e.g. Lindbloom's calculator): 53.24, 80.09, 67.20; 100, 0, 0. */
  @Test
  void labMatchesPublishedValues() {
    double[] red = new Srgb(255, 0, 0).lab();
    assertThat(red[0]).isCloseTo(53.24, within(0.01));
    assertThat(red[1]).isCloseTo(80.09, within(0.01));
    assertThat(red[2]).isCloseTo(67.20, within(0.01));
    double[] white = new Srgb(255, 255, 255).lab();
    assertThat(white[0]).isCloseTo(100, within(1e-3));
    assertThat(Math.abs(white[1]) + Math.abs(white[2])).isLessThan(0.02);
  }

  @Test
  void labAndLinearRoundTrip() {
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      Srgb c = new Srgb(255 * r.nextDouble(), 255 * r.nextDouble(), 255 * r.nextDouble());
      Srgb viaLab = Srgb.fromLab(c.lab());
      Srgb viaLinear = Srgb.fromLinear(c.linear());
      for (Srgb back : List.of(viaLab, viaLinear)) {
        assertThat(back.r()).isCloseTo(c.r(), within(1e-3));
        assertThat(back.g()).isCloseTo(c.g(), within(1e-3));
        assertThat(back.b()).isCloseTo(c.b(), within(1e-3));
      }
    }
  }

  /** Invariants: a colour averaged with itself is itself, every way; light added to black is unchanged. */
  @Test
  void mixingInvariants() {
    Srgb c = new Srgb(200, 120, 30);
    for (ColourMix.Way w : List.of(ColourMix.Way.SRGB_AVERAGE, ColourMix.Way.LINEAR_AVERAGE, ColourMix.Way.LAB_AVERAGE)) {
      Srgb m = ColourMix.mix(List.of(c, c, c), w);
      assertThat(new double[] {m.r(), m.g(), m.b()}).as(w.label()).containsExactly(new double[] {200, 120, 30}, within(1e-3));
    }
    Srgb lit = ColourMix.mix(List.of(c, new Srgb(0, 0, 0)), ColourMix.Way.LIGHT);
    assertThat(new double[] {lit.r(), lit.g(), lit.b()}).containsExactly(new double[] {200, 120, 30}, within(1e-9));
    // two full lights clip at full intensity
    assertThat(ColourMix.mix(List.of(new Srgb(255, 0, 0), new Srgb(255, 0, 0)), ColourMix.Way.LIGHT).r()).isCloseTo(255, within(1e-9));
  }

  @Test
  void redAndBlueMixIntoPurple() {
    List<ColourMix.Result> r = ColourMix.mix(List.of(ColourMix.parse("128,0,0"), ColourMix.parse("0,0,128")));
    assertThat(r.get(0).colour().rounded()).containsExactly(128, 0, 128);
    assertThat(r.get(0).nearest().named().name()).isEqualTo("purple");
    assertThat(r.get(0).nearest().deltaE()).isLessThan(0.01);
    assertThat(r.get(1).colour().rounded()).containsExactly(64, 0, 64);
  }

  @Test
  void everyCssColourNamesItself() {
    assertThat(CssColours.all()).hasSize(148);
    for (CssColours.Named n : CssColours.all()) {
      CssColours.Nearest near = CssColours.nearest(n.colour());
      assertThat(near.deltaE()).isZero();
      assertThat(near.named().colour()).isEqualTo(n.colour());
    }
  }

  @Test
  void badColoursAreOneLine() {
    assertThatThrownBy(() -> ColourMix.parse("1,2")).isInstanceOf(BadInputException.class).hasMessageContaining("is not R,G,B");
    assertThatThrownBy(() -> ColourMix.parse("1,2,256")).hasMessageContaining("within 0 … 255");
    assertThatThrownBy(() -> ColourMix.mix(List.of(new Srgb(1, 2, 3)))).hasMessageContaining("at least two colours");
    assertThat(ColourMix.parse("#FF8000").rounded()).containsExactly(255, 128, 0);
    assertThat(ColourMix.parse("RebeccaPurple").hex()).isEqualTo("#663399");
  }
}
