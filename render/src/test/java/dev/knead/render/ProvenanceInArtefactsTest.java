package dev.knead.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.render.animate.AnimationOptions;
import dev.knead.render.animate.GifAnimation;
import dev.knead.render.figure.StageFigure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Every image format carries the provenance, read back by a reader that is not Knead's. */
class ProvenanceInArtefactsTest {
  static final Provenance P = new Provenance("0.1.0", Optional.of("c0ffee" + "0".repeat(58)), seeds(),
      Optional.of("da7a" + "1".repeat(60)));

  static Map<String, Long> seeds() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("data", 3L);
    m.put("weights", 7L);
    return m;
  }

  static Figure figure(Subject s) {
    return new StageFigure(s, 0, FigureOptions.of(120, 100));
  }

  @Test
  void pngTextChunksAsImageIoReadsThem() throws Exception {
    Subject s = Subjects.subject(Subjects.net232(), 30);
    FigureOptions o = FigureOptions.of(120, 100);
    byte[] png = Images.png(figure(s), o, P);
    ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
    r.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
    IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
    NodeList entries = root.getElementsByTagName("tEXtEntry");
    Map<String, String> read = new LinkedHashMap<>();
    for (int i = 0; i < entries.getLength(); i++) {
      IIOMetadataNode e = (IIOMetadataNode) entries.item(i);
      read.put(e.getAttribute("keyword"), e.getAttribute("value"));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("knead", "0.1.0");
    expected.put("config_sha256", "c0ffee" + "0".repeat(58));
    expected.put("seeds", "data=3 weights=7");
    expected.put("data_sha256", "da7a" + "1".repeat(60));
    assertThat(read).containsExactlyEntriesOf(expected);
    // the text chunks change nothing in the picture
    BufferedImage with = r.read(0);
    BufferedImage without = ImageIO.read(new ByteArrayInputStream(Images.png(figure(s), o)));
    for (int y = 0; y < with.getHeight(); y += 7) {
      for (int x = 0; x < with.getWidth(); x += 7) {
        assertThat(with.getRGB(x, y)).isEqualTo(without.getRGB(x, y));
      }
    }
  }

  @Test
  void svgMetadataIsTheProvenanceJson() throws Exception {
    Subject s = Subjects.subject(Subjects.net232(), 30);
    String svg = Images.svg(figure(s), FigureOptions.of(120, 100), P);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    NodeList meta = doc.getElementsByTagName("metadata");
    assertThat(meta.getLength()).isEqualTo(1);
    Provenance back = Provenance.fromJson(Json.parse(meta.item(0).getTextContent(), "svg"), "svg");
    assertThat(back).isEqualTo(P);
  }

  @Test
  void gifCommentIsTheProvenanceJson() throws Exception {
    Subject s = Subjects.subject(Subjects.net232(), 30);
    AnimationOptions o = new AnimationOptions(FigureOptions.of(100, 100), 10, 0.6, 0.35, 0.25, false, false);
    byte[] gif = GifAnimation.bytes(s, o, P);
    ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
    r.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(gif)));
    IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
    NodeList comments = root.getElementsByTagName("CommentExtension");
    assertThat(comments.getLength()).isEqualTo(1);
    String text = ((IIOMetadataNode) comments.item(0)).getAttribute("value");
    assertThat(Provenance.fromJson(Json.parse(text, "gif"), "gif")).isEqualTo(P);
    // in the bytes: a comment extension (0x21 0xFE) whose first sub-block starts the JSON
    int at = indexOf(gif, new byte[] {0x21, (byte) 0xFE});
    assertThat(at).isPositive();
    assertThat(new String(gif, at + 3, 11, StandardCharsets.US_ASCII)).isEqualTo("{\"knead\":\"0");
    assertThat(indexOf(GifAnimation.bytes(s, o), new byte[] {0x21, (byte) 0xFE})).as("no provenance, no comment").isNegative();
  }

  private static int indexOf(byte[] a, byte[] pat) {
    outer:
    for (int i = 0; i + pat.length <= a.length; i++) {
      for (int j = 0; j < pat.length; j++) {
        if (a[i + j] != pat[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
