package dev.knead.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.render.figure.CurvesFigure;
import dev.knead.render.figure.StageFigure;
import dev.knead.core.train.Epoch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagesTest {
  @ParameterizedTest
  @CsvSource({"300, 200, 1", "300, 200, 2", "123, 456, 1.5", "80, 80, 0.5"})
  void pngSizeIsSizeTimesScale(int w, int h, double scale) throws Exception {
    FigureOptions o = FigureOptions.of(w, h).withScale(scale);
    byte[] png = Images.png(new StageFigure(Subjects.subject(Subjects.net232(), 20), 0, o), o);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo((int) Math.round(w * scale));
    assertThat(img.getHeight()).isEqualTo((int) Math.round(h * scale));
  }

  @Test
  void ownPngEncoderRoundTripsEveryPixel() throws Exception {
    SplittableRandom r = new SplittableRandom(5);
    BufferedImage img = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        img.setRGB(x, y, y < 10 ? 0x123456 + x : r.nextInt(1 << 24));
      }
    }
    for (int level : new int[] {1, 6, 9}) {
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img, level)));
      for (int y = 0; y < 23; y++) {
        for (int x = 0; x < 37; x++) {
          assertThat(back.getRGB(x, y) & 0xffffff).isEqualTo(img.getRGB(x, y) & 0xffffff);
        }
      }
    }
  }

  @Test
  void writesAtomicallyByExtensionAndRejectsOthers(@TempDir Path dir) throws Exception {
    List<Epoch> h = new ArrayList<>();
    for (int e = 1; e <= 50; e++) {
      h.add(new Epoch(e, 1.0 / e, 1 - 0.5 / e, 1.2 / e, Double.NaN, 0.01));
    }
    FigureOptions o = FigureOptions.of(400, 200);
    CurvesFigure f = new CurvesFigure(h, "test", o);
    Images.write(f, o, dir.resolve("c.png"));
    Images.write(f, o, dir.resolve("c.svg"));
    assertThat(ImageIO.read(dir.resolve("c.png").toFile()).getWidth()).isEqualTo(400);
    assertThat(Files.readString(dir.resolve("c.svg"))).startsWith("<?xml").contains("accuracy");
    assertThatThrownBy(() -> Images.write(f, o, dir.resolve("c.jpg"))).isInstanceOf(IllegalArgumentException.class);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("c.png", "c.svg");
    }
  }

  @Test
  void optionsRejectAbsurdSizes() {
    assertThatThrownBy(() -> FigureOptions.of(10, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FigureOptions.of(9000, 9000).withScale(8)).isInstanceOf(IllegalArgumentException.class);
  }
}
