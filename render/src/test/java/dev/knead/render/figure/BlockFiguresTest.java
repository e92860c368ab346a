package dev.knead.render.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Block;
import dev.knead.core.net.Coupling;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Matrix;
import dev.knead.core.net.Mlp;
import dev.knead.core.net.Network;
import dev.knead.core.net.Prototypes;
import dev.knead.core.trace.Tracer;
import dev.knead.render.FigureOptions;
import dev.knead.render.Palette;
import dev.knead.render.Subject;
import dev.knead.render.Subjects;
import dev.knead.render.canvas.SvgCanvas;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The k-NN block's drawn prototypes are the network's prototypes: read back from the figure's
 * own SVG (the diamonds' centres and colours), they are the block's P up to the view's one
 * scale and shift, each in the colour of its class worked out here by hand.
 */
class BlockFiguresTest {
  static final double[] P = {-1.2, -0.8, -0.4, 0.9, 0.3, -1.1, 1.0, 0.2, 0.6, 1.3, -1.4, 0.5};
  /** values: rows favour classes 0, 1, 1, 0, 1, 0 */
  static final double[] V = {2, -1, -0.5, 1.5, 0.1, 0.9, 3, 0, -2, 2, 0.4, -0.4};

  record Diamond(double x, double y, int rgb) {}

  /** Every 4-corner path of a diamond (top, right, bottom, left; equal half-diagonals) in the SVG. */
  static List<Diamond> diamonds(String svg) {
    Pattern path = Pattern.compile("<path d=\"M([-0-9.e]+) ([-0-9.e]+)L([-0-9.e]+) ([-0-9.e]+)L([-0-9.e]+) ([-0-9.e]+)L([-0-9.e]+) ([-0-9.e]+)Z\" fill=\"#([0-9a-f]{6})\"");
    List<Diamond> out = new ArrayList<>();
    Matcher m = path.matcher(svg);
    while (m.find()) {
      double[] v = new double[8];
      for (int i = 0; i < 8; i++) {
        v[i] = Double.parseDouble(m.group(i + 1));
      }
      double half = v[3] - v[1]; // the SVG keeps two decimals
      boolean diamond = Math.abs(v[0] - v[4]) < 0.015 && Math.abs(v[3] - v[7]) < 0.015 && half > 0 && Math.abs(v[2] - v[0] - half) < 0.025
          && Math.abs(v[0] - v[6] - half) < 0.025;
      if (diamond) {
        out.add(new Diamond(v[0], v[3], Integer.parseInt(m.group(9), 16)));
      }
    }
    return out;
  }

  static String svgOfStage(Network net, int stage) {
    Subject s = new Subject(Tracer.trace(net, Subjects.blobs(80, 5), Subjects.blobLabels(80)), List.of("a", "b"), "knn test");
    SvgCanvas c = new SvgCanvas(600, 600);
    new StageFigure(s, stage, FigureOptions.of(600, 600)).draw(c, 600, 600);
    return c.document();
  }

  /**
   * Pixel = (a + s·x, b − s·y) for one s > 0: fitted by least squares on the pairs, every residual
   * within half a pixel (the SVG keeps two decimals).
   */
  static void assertSimilar(List<Diamond> drawn, double[] p) {
    int m = drawn.size();
    double mx = 0, my = 0, ux = 0, uy = 0;
    for (int j = 0; j < m; j++) {
      mx += p[2 * j] / m;
      my += p[2 * j + 1] / m;
      ux += drawn.get(j).x() / m;
      uy += drawn.get(j).y() / m;
    }
    double num = 0, den = 0;
    for (int j = 0; j < m; j++) {
      num += (p[2 * j] - mx) * (drawn.get(j).x() - ux) - (p[2 * j + 1] - my) * (drawn.get(j).y() - uy);
      den += Math.pow(p[2 * j] - mx, 2) + Math.pow(p[2 * j + 1] - my, 2);
    }
    double s = num / den;
    assertThat(s).as("pixels per unit").isGreaterThan(10);
    for (int j = 0; j < m; j++) {
      assertThat(drawn.get(j).x()).as("prototype %d, x", j).isCloseTo(ux + s * (p[2 * j] - mx), org.assertj.core.data.Offset.offset(0.5));
      assertThat(drawn.get(j).y()).as("prototype %d, y", j).isCloseTo(uy - s * (p[2 * j + 1] - my), org.assertj.core.data.Offset.offset(0.5));
    }
  }

  @Test
  void theLastBlocksPrototypesAreDrawnWhereTheyAreInTheirClassColour() {
    Network net = new Network(List.of(new Prototypes(2, 2, 6, 0.1, P, V)));
    List<Diamond> drawn = diamonds(svgOfStage(net, 0));
    assertThat(drawn).hasSize(6);
    assertSimilar(drawn, P);
    Palette pal = FigureOptions.of(600, 600).palette();
    int[] expected = {0, 1, 1, 0, 1, 0};
    for (int j = 0; j < 6; j++) {
      assertThat(drawn.get(j).rgb()).as("prototype %d's colour", j).isEqualTo(pal.classColor(expected[j]) & 0xffffff);
    }
    // the stage after the read-out (the logits) is not the one the block reads: no prototypes there
    assertThat(diamonds(svgOfStage(net, 1))).isEmpty();
  }

  /** The animation draws them too, on the frames resting on the stage the block reads, and only there. */
  @Test
  void theAnimationShowsThePrototypesWhileItRestsOnTheirStage() {
    Network net = new Network(List.of(new Prototypes(2, 2, 6, 0.1, P, V)));
    Subject s = new Subject(Tracer.trace(net, Subjects.blobs(80, 5), Subjects.blobLabels(80)), List.of("a", "b"), "knn test");
    dev.knead.render.animate.Animator a = new dev.knead.render.animate.Animator(s,
        new dev.knead.render.animate.AnimationOptions(FigureOptions.of(400, 400), 10, 2.0, 0.35, 0, false, false));
    SvgCanvas first = new SvgCanvas(400, 400);
    a.draw(first, 0);
    List<Diamond> drawn = diamonds(first.document());
    assertThat(drawn).hasSize(6);
    assertSimilar(drawn, P);
    SvgCanvas last = new SvgCanvas(400, 400);
    a.draw(last, a.frames() - 1);
    assertThat(diamonds(last.document())).isEmpty();
  }

  @Test
  void anInnerBlocksPrototypesTakeTheClassTheRestOfTheNetworkGivesThem() {
    double[] v = {1, 0, 0, 1, 0.5, 0.2, -1, 1, 0.3, 0.3, 2, -1};
    Layer out = new Layer(Matrix.of(new double[][] {{1.0, -2.0}, {-0.5, 1.5}}), new double[] {0.1, -0.1}, Activation.IDENTITY);
    Prototypes knn = new Prototypes(2, 2, 6, 0.3, P, v);
    Network net = new Network(List.<Block>of(knn, out));
    // by hand: softmax of −‖p_j − p_i‖²/τ over the prototypes, the weighted values, then the output layer
    int[] expected = new int[6];
    for (int j = 0; j < 6; j++) {
      double[] w = new double[6];
      double sum = 0;
      for (int i = 0; i < 6; i++) {
        double d2 = Math.pow(P[2 * j] - P[2 * i], 2) + Math.pow(P[2 * j + 1] - P[2 * i + 1], 2);
        w[i] = Math.exp(-d2 / 0.3);
        sum += w[i];
      }
      double y0 = 0, y1 = 0;
      for (int i = 0; i < 6; i++) {
        y0 += w[i] / sum * v[2 * i];
        y1 += w[i] / sum * v[2 * i + 1];
      }
      double l0 = 1.0 * y0 - 2.0 * y1 + 0.1;
      double l1 = -0.5 * y0 + 1.5 * y1 - 0.1;
      expected[j] = l1 > l0 ? 1 : 0;
    }
    assertThat(expected).as("the hand-made case has both classes").contains(0, 1);
    List<Diamond> drawn = diamonds(svgOfStage(net, 0));
    assertThat(drawn).hasSize(6);
    assertSimilar(drawn, P);
    Palette pal = FigureOptions.of(600, 600).palette();
    for (int j = 0; j < 6; j++) {
      assertThat(drawn.get(j).rgb()).as("prototype %d's colour", j).isEqualTo(pal.classColor(expected[j]) & 0xffffff);
    }
  }

  @Test
  void aCouplingNamesTheHalfThatPassesThrough() {
    SplittableRandom rng = new SplittableRandom(4);
    // odd = false: coordinate 0 (x1) is held, coordinate 1 (x2) moves — the block's own forward pass says which
    Mlp cond = Mlp.glorot(1, 8, 2, false, 1.0, rng);
    Coupling c = new Coupling(2, false, true, cond);
    double[] x = {0.3, -0.7, 1.1, 0.4};
    double[] y = c.forward(x, 2).output();
    assertThat(y[0]).isEqualTo(x[0]);
    assertThat(y[2]).isEqualTo(x[2]);
    assertThat(y[1]).isNotEqualTo(x[1]);
    Network net = new Network(List.<Block>of(c, new Layer(Matrix.of(new double[][] {{1, 0}, {0, 1}}), new double[] {0, 0}, Activation.IDENTITY)));
    BlockMarks.Halves h = BlockMarks.halves(net).get(0);
    assertThat(h.held()).containsExactly(0);
    assertThat(h.moved()).containsExactly(1);
    assertThat(svgOfStage(net, 1)).contains("coupling: x1 passes through, x2 is scaled and shifted");
  }
}
