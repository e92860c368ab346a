package dev.knead.render.topo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.data.Points;
import dev.knead.core.trace.Tracer;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.Subject;
import dev.knead.render.Subjects;
import dev.knead.topology.ph.PersistenceResult;
import dev.knead.topology.ph.Rips;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class LoopFigureTest {
  /** Class 0: 40 points on the unit circle; class 1: 40 points in a small blob at (3, 0). */
  static Subject circleAndBlob() {
    int n = 40;
    double[] xy = new double[2 * n * 2];
    int[] labels = new int[2 * n];
    for (int i = 0; i < n; i++) {
      xy[i * 2] = Math.cos(2 * Math.PI * i / n);
      xy[i * 2 + 1] = Math.sin(2 * Math.PI * i / n);
      xy[(n + i) * 2] = 3 + 0.05 * Math.cos(i * 2.4);
      xy[(n + i) * 2 + 1] = 0.05 * Math.sin(i * 2.4);
      labels[n + i] = 1;
    }
    return new Subject(Tracer.trace(Subjects.net232(), Points.of(2 * n, 2, xy), labels), List.of("circle", "blob"), "circle");
  }

  @Test
  void circleLoopIsOneClosedPathThroughClassPoints() throws Exception {
    Subject s = circleAndBlob();
    int[] rows = new int[40];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    Points circle = s.trace().stage(0).points().select(rows);
    PersistenceResult res = Rips.of(circle.toArray(), 40, 2).maxDim(1).cycles(1).compute();
    assertThat(res.cycles()).hasSize(1); // the oracle: a circle has one H₁ class
    LoopFigure f = new LoopFigure(s, 0, 0, rows, res.cycles(), FigureOptions.of(400, 400));
    assertThat(java.util.Arrays.stream(f.vertices(0)).boxed().toList()).hasSizeGreaterThan(20).allMatch(r -> r < 40); // round the circle
    String svg = Images.svg(f, FigureOptions.of(400, 400));
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("path").getLength()).isPositive();
    assertThat(svg).contains("stroke-width=\"2.6\"").contains("circle: H\u2081 bar born");
    // wider stages are drawn on principal axes like the stage figure: the 3-D bend draws too
    assertThat(Images.svg(new LoopFigure(s, 5, 0, rows, res.cycles(), FigureOptions.of(300, 300)), FigureOptions.of(300, 300)))
        .contains("3-D");
  }

  @Test
  void rejectsLoopsOutsideThePointsAndFlatLinkStages() {
    Subject s = circleAndBlob();
    PersistenceResult.Cycle bad = new PersistenceResult.Cycle(new dev.knead.topology.ph.Bar(1, 0.1, 0.5),
        List.of(new int[] {0, 1}, new int[] {1, 99}, new int[] {99, 0}));
    assertThatThrownBy(() -> new LoopFigure(s, 0, 0, new int[] {0, 1, 2}, List.of(bad), FigureOptions.of(100, 100)))
        .isInstanceOf(IllegalArgumentException.class);
    LinksFigure.Loop3 loop = new LinksFigure.Loop3(0, new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0});
    assertThatThrownBy(() -> new LinksFigure(s, 0, List.of(loop), "linking number 0", FigureOptions.of(100, 100)))
        .hasMessageContaining("not 3-D");
  }
}
