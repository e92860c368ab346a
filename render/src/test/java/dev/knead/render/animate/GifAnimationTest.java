package dev.knead.render.animate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.Subjects;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.Test;

class GifAnimationTest {
  record Read(int frames, List<Integer> delays, boolean loops, int loopCount, int width, int height) {}

  static Read read(byte[] gif) throws Exception {
    ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
    r.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(gif)));
    int n = r.getNumImages(true);
    List<Integer> delays = new ArrayList<>();
    boolean loops = false;
    int count = -1;
    for (int i = 0; i < n; i++) {
      IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
      IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
      delays.add(Integer.parseInt(gce.getAttribute("delayTime")));
      var apps = root.getElementsByTagName("ApplicationExtension");
      for (int k = 0; k < apps.getLength(); k++) {
        IIOMetadataNode app = (IIOMetadataNode) apps.item(k);
        if ("NETSCAPE".equals(app.getAttribute("applicationID")) && "2.0".equals(app.getAttribute("authenticationCode"))) {
          byte[] data = (byte[]) app.getUserObject();
          loops = data[0] == 1;
          count = (data[1] & 255) | (data[2] & 255) << 8;
        }
      }
    }
    return new Read(n, delays, loops, count, r.getWidth(0), r.getHeight(0));
  }

  @Test
  void everyFrameWithItsDelayAndAnEndlessLoop() throws Exception {
    Subject s = Subjects.subject(Subjects.net232(), 30);
    AnimationOptions o = new AnimationOptions(FigureOptions.of(160, 150), 10, 2.4, 0.35, 0.25, false, false);
    Read g = read(GifAnimation.bytes(s, o));
    assertThat(g.frames()).isEqualTo(24);
    assertThat(g.delays()).allMatch(d -> d == 10);
    assertThat(g.loops()).isTrue();
    assertThat(g.loopCount()).isZero();
    assertThat(g.width()).isEqualTo(160);
    assertThat(g.height()).isEqualTo(150);
  }

  @Test
  void repeatsMergeIntoLongerDelaysWithoutChangingTheLength() throws Exception {
    Subject s = Subjects.subject(Subjects.net222(), 30);
    AnimationOptions o = new AnimationOptions(FigureOptions.of(120, 120), 20, 3, 1.0, 0.25, true, false);
    Read g = read(GifAnimation.bytes(s, o));
    assertThat(g.frames()).isLessThan(o.frames());
    assertThat(g.delays().stream().mapToInt(Integer::intValue).sum()).isEqualTo(o.frames() * o.delayCentis());
  }

  @Test
  void quantizerKeepsClassColoursExact() {
    Quantizer q = new Quantizer(Palette.OKABE_ITO);
    int[] table = q.colors();
    for (int c = 0; c < 8; c++) {
      int col = Palette.OKABE_ITO.classColor(c) & 0xffffff;
      var rgb = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
      rgb.setRGB(0, 0, col);
      var out = q.newIndexed(1, 1);
      q.quantize(rgb, out);
      int idx = out.getRaster().getSample(0, 0, 0);
      int got = table[idx] & 0xffffff;
      // 5 bits per channel: within 8 of each channel
      assertThat(Math.abs(((got >> 16) & 255) - ((col >> 16) & 255))).isLessThanOrEqualTo(8);
      assertThat(Math.abs(((got >> 8) & 255) - ((col >> 8) & 255))).isLessThanOrEqualTo(8);
      assertThat(Math.abs((got & 255) - (col & 255))).isLessThanOrEqualTo(8);
      assertThat(idx).isNotEqualTo(Quantizer.UNCHANGED);
    }
  }

  @Test
  void timelineStartsOnTheInputEndsOnTheOutputAndEasesMonotonically() {
    Timeline t = new Timeline(11, 200, 0.35);
    assertThat(t.at(0).stage()).isZero();
    assertThat(t.at(199).stage()).isEqualTo(10);
    double last = -1;
    for (int k = 0; k < 200; k++) {
      Timeline.Position p = t.at(k);
      double s = p.stage() == 0 ? 0 : p.stage() - 1 + p.t();
      assertThat(s).isGreaterThanOrEqualTo(last);
      last = s;
    }
    assertThat(Timeline.ease(0)).isZero();
    assertThat(Timeline.ease(1)).isEqualTo(1);
    assertThat(Timeline.ease(0.5)).isEqualTo(0.5);
  }

  @Test
  void cameraTiltBlendsWhenASheetLeavesThePlane() {
    assertThat(Animator.tilt(true, true, false, 0.5)).isZero();
    assertThat(Animator.tilt(false, true, false, 0.25)).isEqualTo(0.25);
    assertThat(Animator.tilt(false, false, true, 0.25)).isEqualTo(0.75);
    assertThat(Animator.tilt(false, false, false, 0.25)).isEqualTo(1);
  }
}
