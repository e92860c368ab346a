package dev.knead.render.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subject;
import dev.knead.render.Subjects;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FiguresTest {
  @Test
  void liftFindsTheThreeWideLayerAndTheOutputPlane() {
    Subject s = Subjects.subject(Subjects.net232(), 50);
    int stage = LiftFigure.liftStage(s.trace());
    assertThat(s.trace().stage(stage).dim()).isEqualTo(3);
    assertThat(s.cut(s.trace().stage(stage))).isNotNull();
    FigureOptions o = FigureOptions.of(600, 320);
    BufferedImage img = Images.raster(new LiftFigure(s, o, -0.6), o);
    assertThat(img.getWidth()).isEqualTo(600);
  }

  @Test
  void liftRefusesNetworksWithoutAThreeWideLayer() {
    Subject s = Subjects.subject(Subjects.net222(), 20);
    assertThatThrownBy(() -> LiftFigure.liftStage(s.trace())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 units wide");
  }

  @Test
  void stageOutOfRangeIsRefused() {
    Subject s = Subjects.subject(Subjects.net222(), 20);
    assertThatThrownBy(() -> new StageFigure(s, s.trace().size(), FigureOptions.of(200, 200)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
  }

  @Test
  void decisionRegionsMatchThePredictedClassOfEverySample() {
    // the input stage's regions are painted from the trace's own predictions: their colours
    // appear in proportion to the share of samples of each class
    Subject s = Subjects.subject(Subjects.net222(), 20);
    int[] fc = s.trace().fieldClasses();
    int ones = 0;
    for (int c : fc) {
      ones += c;
    }
    assertThat(ones).isStrictlyBetween(0, fc.length);
    assertThat(s.fieldSide() * s.fieldSide()).isEqualTo(fc.length);
  }

  @Test
  void niceTicksAreRound() {
    assertThat(Axes.nice(0, 1, 5)).containsExactly(0, 0.2, 0.4, 0.6000000000000001, 0.8, 1);
    assertThat(Axes.nice(-1.3, 1.3, 5)).contains(-1.0, 0.0, 1.0);
    assertThat(Axes.label(0.5)).isEqualTo("0.5");
    assertThat(Axes.label(2)).isEqualTo("2");
  }

  @Test
  void aLongStageCaptionIsCutToItsPanel() {
    String longName = "1 · L1 (ode:3) · augment (zero-pad 2-D → 3-D)";
    assertThat(StagesFigure.fit("3 · L1 · bend", 150, 8)).isEqualTo("3 · L1 · bend");
    String cut = StagesFigure.fit(longName, 150, 8);
    assertThat(cut).endsWith("…").startsWith("1 · L1 (ode:3)");
    assertThat(cut.length() * 0.56 * 8).isLessThanOrEqualTo(150);
  }
}
