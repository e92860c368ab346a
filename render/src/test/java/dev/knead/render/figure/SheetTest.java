package dev.knead.render.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.data.Points;
import dev.knead.core.trace.Stage;
import dev.knead.core.trace.Trace;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.Subjects;
import dev.knead.render.canvas.Java2DCanvas;
import dev.knead.render.view.Camera;
import dev.knead.render.view.Scene;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SheetTest {
  static final int W = 400;
  static final int H = 400;

  /** Every point's pixel (at its projected centre) has its class colour, in every stage. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 9})
  void classColoursAppearWherePointsAre(int stage) {
    Subject s = Subjects.subject(Subjects.net232(), 40);
    Stage st = s.trace().stage(stage);
    Scene scene = Scene.of(st.points(), st.grid(), st.field(), null);
    Palette pal = Palette.OKABE_ITO;
    SheetStyle style = new SheetStyle(pal, 4, true, true, false, 0);
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Java2DCanvas c = new Java2DCanvas(g, 1);
    c.fillRect(0, 0, W, H, pal.background());
    Camera cam = Camera.oblique(-0.65);
    int[] labels = s.trace().labels();
    Sheet.draw(c, 0, 0, W, H, scene, cam, new Sheet.Content(labels, s.trace().fieldClasses(), s.fieldMargin(), s.fieldSide(),
        null, null), style);
    g.dispose();
    Sheet.Layout layout = Sheet.layout(0, 0, W, H, scene, cam, style);
    Points p = st.points();
    int near = 0;
    for (int i = 0; i < p.n(); i++) {
      double[] xyz = {scene.points()[i * 3], scene.points()[i * 3 + 1], scene.points()[i * 3 + 2]};
      double[] px = layout.toPixel(xyz[0], xyz[1], xyz[2]);
      int rgb = img.getRGB((int) Math.floor(px[0]), (int) Math.floor(px[1])) & 0xffffff;
      int want = pal.classColor(labels[i]) & 0xffffff;
      int other = pal.classColor(1 - labels[i]) & 0xffffff;
      // depth fading mixes towards the page; the class colour stays the nearest of the two
      if (distance(rgb, want) < distance(rgb, other) && distance(rgb, want) < 160) {
        near++;
      }
    }
    assertThat(near).as("points drawn in their class colour").isGreaterThanOrEqualTo(p.n() * 9 / 10);
  }

  /** The rubber sheet stays continuous: consecutive samples of a grid line land close together in pixels. */
  @Test
  void gridLinesAreContinuousOnScreen() {
    Subject s = Subjects.subject(Subjects.net232(), 40);
    Trace t = s.trace();
    for (Stage st : t.stages()) {
      Scene scene = Scene.of(st.points(), st.grid(), st.field(), null);
      Sheet.Layout layout = Sheet.layout(0, 0, W, H, scene, Camera.oblique(0.3),
          new SheetStyle(Palette.OKABE_ITO, 3, true, true, false, 0));
      double worst = 0;
      for (double[] line : scene.grid()) {
        double[] prev = null;
        for (int i = 0; i < line.length; i += 3) {
          double[] q = layout.toPixel(line[i], line[i + 1], line[i + 2]);
          if (prev != null) {
            worst = Math.max(worst, Math.hypot(q[0] - prev[0], q[1] - prev[1]));
          }
          prev = q;
        }
      }
      assertThat(worst).as("largest step along a grid line at stage %d (%s), px", st.index(), st.name()).isLessThan(W / 12.0);
    }
  }

  private static double distance(int a, int b) {
    int dr = ((a >> 16) & 255) - ((b >> 16) & 255);
    int dg = ((a >> 8) & 255) - ((b >> 8) & 255);
    int db = (a & 255) - (b & 255);
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }
}
