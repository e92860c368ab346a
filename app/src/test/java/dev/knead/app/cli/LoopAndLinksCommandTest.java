package dev.knead.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.app.door.Figures;
import dev.knead.app.door.TopologyValues;
import dev.knead.core.io.RunFile;
import dev.knead.core.run.Run;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subject;
import dev.knead.render.topo.LoopFigure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/** {@code knead render --kind loop | links}: circles (two H₁ loops) and Hopf rings (linking number ±1). */
class LoopAndLinksCommandTest {
  @TempDir static Path dir;
  static Path circles;
  static Path hopf;

  static FigureCommandsTest.Result knead(String... args) {
    return FigureCommandsTest.knead(args);
  }

  static String svgText(Path svg) throws Exception {
    var t = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()).getElementsByTagName("text");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.getLength(); i++) {
      b.append(t.item(i).getTextContent()).append('\n');
    }
    return b.toString();
  }

  @BeforeAll
  static void train() {
    circles = dir.resolve("circles");
    hopf = dir.resolve("hopf");
    var a = knead("train", "--data", "circles", "--set", "points=120", "--hidden", "3", "--epochs", "30", "--out", circles.toString());
    assertThat(a.code()).as(a.err()).isZero();
    var b = knead("train", "--data", "hopf-rings", "--set", "points=120", "--hidden", "3", "--epochs", "30", "--out", hopf.toString());
    assertThat(b.code()).as(b.err()).isZero();
  }

  @Test
  void circleLoopJoinsPointsOfOneClassAndIsDrawnAsOnePath() throws Exception {
    Run r = RunFile.load(circles);
    Subject s = FigureArgs.subject(r);
    int[] labels = s.trace().labels();
    for (Integer cls : new Integer[] {null, 0, 1}) {
      LoopFigure f = TopologyValues.loop(r.data().classNames(), s, 0, cls, FigureOptions.of(500, 500), 0);
      if (cls != null) {
        assertThat(f.classIndex()).isEqualTo(cls);
      }
      int[] loop = f.vertices(0);
      assertThat(loop.length).isGreaterThanOrEqualTo(4); // a real loop round the circle, not a triangle
      for (int row : loop) {
        assertThat(labels[row]).isEqualTo(f.classIndex());
      }
      // the loop goes round the circle: its vertices' angles about the origin cover every quadrant
      boolean[] quadrant = new boolean[4];
      for (int row : loop) {
        double x = s.trace().stage(0).points().get(row, 0);
        double y = s.trace().stage(0).points().get(row, 1);
        quadrant[(x >= 0 ? 0 : 1) + (y >= 0 ? 0 : 2)] = true;
      }
      assertThat(quadrant).containsOnly(true);

      String svg = Images.svg(f, FigureOptions.of(500, 500));
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      var paths = doc.getElementsByTagName("path");
      int found = 0;
      for (int i = 0; i < paths.getLength(); i++) {
        Element p = (Element) paths.item(i);
        if (p.getAttribute("stroke-width").equals("2.6")) {
          found++;
          Matcher m = Pattern.compile("[ML]").matcher(p.getAttribute("d"));
          int vertices = 0;
          while (m.find()) {
            vertices++;
          }
          assertThat(vertices).isEqualTo(loop.length + 1); // closed: back to the first vertex
        }
      }
      assertThat(found).isEqualTo(1);
      assertThat(svg).contains("H\u2081 bar born");
    }
  }

  @Test
  void loopCommandWritesPngAndSvg() throws Exception {
    Path png = dir.resolve("loop.png");
    var r = knead("render", circles.toString(), "--kind", "loop", "--class", "1", "--size", "300x240", "--out", png.toString());
    assertThat(r.code()).as(r.err()).isZero();
    var img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(300);
    assertThat(img.getHeight()).isEqualTo(240);
    Path svg = dir.resolve("loop.svg");
    assertThat(knead("render", hopf.toString(), "--kind", "loop", "--out", svg.toString()).code()).isZero();
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
  }

  @Test
  void hopfLinksFigureHasTheAskedSizeAndLinkingNumberOne() throws Exception {
    Path png = dir.resolve("links.png");
    var r = knead("render", hopf.toString(), "--kind", "links", "--size", "420x300", "--scale", "1.5", "--out", png.toString());
    assertThat(r.code()).as(r.err()).isZero();
    var img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(630);
    assertThat(img.getHeight()).isEqualTo(450);
    Path svg = dir.resolve("links.svg");
    assertThat(knead("render", hopf.toString(), "--kind", "links", "--out", svg.toString()).code()).isZero();
    String text = svgText(svg);
    assertThat(text).containsPattern("linking number [+\u2212-]1\\b");
    // after the hidden layer (a 3-wide bend) as well: tanh of a 3-3 layer is a homeomorphism onto its image
    Run run = RunFile.load(hopf);
    int bend = Figures.defaultStage(FigureArgs.subject(run));
    Path after = dir.resolve("links-bend.svg");
    assertThat(knead("render", hopf.toString(), "--kind", "links", "--stage", Integer.toString(bend), "--out", after.toString())
        .code()).isZero();
    assertThat(svgText(after)).containsPattern("linking number [+\u2212-]1\\b");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "hopf; links; --stage; 1; 3-D stage that is the input",
      "hopf; loop; --class; 7; outside",
      "hopf; stage; --class; 0; --class applies",
      "hopf; loop; --stage; 99; outside",
  })
  void badInputExitsTwoWithOneLine(String which, String kind, String flag, String value, String message) {
    Path run = which.equals("hopf") ? hopf : circles;
    Path out = dir.resolve("bad.png");
    var r = knead("render", run.toString(), "--kind", kind, flag, value, "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains(message);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void linksWithoutCoreCurvesOrA3dStageExitsTwo() {
    Path flat = dir.resolve("xor");
    assertThat(knead("train", "--data", "xor", "--set", "points=40", "--hidden", "2", "--epochs", "5", "--out", flat.toString())
        .code()).isZero();
    var r = knead("render", flat.toString(), "--kind", "links", "--out", dir.resolve("x.png").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }
}
