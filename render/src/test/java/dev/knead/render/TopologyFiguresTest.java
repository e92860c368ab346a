package dev.knead.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.render.topo.BarcodeFigure;
import dev.knead.render.topo.BettiFigure;
import dev.knead.render.topo.BettiTable;
import dev.knead.render.topo.ClassBarcodes;
import dev.knead.render.topo.DiagramFigure;
import dev.knead.topology.ph.Barcode;
import dev.knead.topology.ph.Rips;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class TopologyFiguresTest {
  /** A circle (β₀ = 1, β₁ = 1) and a small blob (β₀ = 1, β₁ = 0). */
  static ClassBarcodes circleAndBlob() {
    int n = 40;
    double[] circle = new double[n * 2];
    double[] blob = new double[n * 2];
    for (int i = 0; i < n; i++) {
      circle[i * 2] = Math.cos(2 * Math.PI * i / n);
      circle[i * 2 + 1] = Math.sin(2 * Math.PI * i / n);
      blob[i * 2] = 0.05 * Math.cos(i * 2.4) * (i % 5) / 5;
      blob[i * 2 + 1] = 0.05 * Math.sin(i * 2.4) * (i % 5) / 5;
    }
    Barcode a = Rips.of(circle, n, 2).maxDim(1).compute().barcode();
    Barcode b = Rips.of(blob, n, 2).maxDim(1).compute().barcode();
    return new ClassBarcodes("circle & blob", List.of("circle", "blob"), List.of(a, b), 1);
  }

  static String svgText(String svg) throws Exception {
    var d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    var t = d.getElementsByTagName("text");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.getLength(); i++) {
      b.append(t.item(i).getTextContent()).append('\n');
    }
    return b.toString();
  }

  @Test
  void barcodeAndDiagramAreValidSvgWithTheirLabels() throws Exception {
    ClassBarcodes cb = circleAndBlob();
    assertThat(cb.barcodes().get(0).count(1, 0.5)).isEqualTo(1); // the oracle: one long H1 bar for the circle
    FigureOptions o = FigureOptions.of(600, 400);
    assertThat(svgText(Images.svg(new BarcodeFigure(cb, o), o))).contains("H0").contains("H1").contains("circle (40)")
        .contains("barcodes");
    assertThat(svgText(Images.svg(new DiagramFigure(cb, o), o))).contains("∞").contains("birth").contains("death");
  }

  @Test
  void bettiChartHasAPanelPerDimensionAndAStageLabelPerStage() throws Exception {
    BettiTable t = new BettiTable("net", List.of("input", "layer 1 · bend (tanh)", "logits"), List.of("disk", "ring"),
        List.of(List.of(List.of(1, 0), List.of(1, 1)), List.of(List.of(1, 0), List.of(1, 1)), List.of(List.of(1, 0),
            List.of(1, 0))), 1);
    FigureOptions o = FigureOptions.of(600, 400);
    String text = svgText(Images.svg(new BettiFigure(t, o), o));
    assertThat(text).contains("β₀").contains("β₁").contains("input").contains("logits").contains("ring");
    assertThat(t.betti(2, 1, 1)).isZero();
    assertThat(t.betti(0, 1, 1)).isEqualTo(1);
  }

  @Test
  void jacobianAreaFactorsMatchTheLinearMapsDeterminant() {
    // a network whose first layer is linear-ish at small scale: compare the measured area factor
    // of the first stretch stage with |σ₁ σ₂| (the product of singular values = |det W|)
    Subject s = Subjects.subject(Subjects.net222(), 20);
    int stretch = 2;
    double[] sigma = s.trace().stage(stretch).factors().orElseThrow().sigma();
    double[] f = dev.knead.render.topo.JacobianFigure.logAreaFactors(s.trace().stage(0).field(), s.trace().stage(stretch).field(),
        s.fieldSide());
    double want = Math.log10(Math.abs(sigma[0] * sigma[1]));
    for (double v : f) {
      assertThat(v).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9));
    }
    FigureOptions o = FigureOptions.of(300, 260);
    assertThat(Images.raster(new dev.knead.render.topo.JacobianFigure(s, 5, o), o).getWidth()).isEqualTo(300);
  }
}
