package dev.knead.render.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subjects;
import dev.knead.render.figure.StageFigure;
import dev.knead.render.figure.StagesFigure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgCanvasTest {
  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static String texts(Document d) {
    NodeList t = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.getLength(); i++) {
      b.append(t.item(i).getTextContent()).append('\n');
    }
    return b.toString();
  }

  @Test
  void stageFigureIsValidXmlWithTitleAndLegendAsText() throws Exception {
    var s = Subjects.subject(Subjects.net232(), 60);
    FigureOptions o = FigureOptions.of(400, 400).withTitle("a <title> & \"quotes\"");
    String svg = Images.svg(new StageFigure(s, 5, o), o);
    Document d = parse(svg);
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(d.getDocumentElement().getAttribute("width")).isEqualTo("400");
    String text = texts(d);
    assertThat(text).contains("a <title> & \"quotes\"").contains("left <low>").contains("right & high")
        .contains("layer 1 · bend (tanh)");
    assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isGreaterThanOrEqualTo(60);
  }

  @Test
  void smallMultiplesParseAndClipPathsAreClosed() throws Exception {
    var s = Subjects.subject(Subjects.net222(), 40);
    FigureOptions o = FigureOptions.of(700, 500);
    Document d = parse(Images.svg(new StagesFigure(s, o), o));
    assertThat(texts(d)).contains("every move").contains("0 · input");
    assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "clipPath").getLength())
        .isEqualTo(StagesFigure.chosen(s.trace()).size());
  }

  @Test
  void escapesMarkupAndDropsControlCharacters() {
    assertThat(SvgCanvas.escape("<a href='x'>&\u0001</a>")).isEqualTo("&lt;a href=&apos;x&apos;&gt;&amp; &lt;/a&gt;");
  }

  @Test
  void numbersAreRoundedWithoutExponents() throws Exception {
    SvgCanvas c = new SvgCanvas(100, 100);
    c.line(1e-9, -0.005, 12.345, 1e7, 0xff000000, 1);
    String doc = c.document();
    parse(doc);
    assertThat(doc).doesNotContain("E").contains("12.35").contains("10000000");
  }
}
