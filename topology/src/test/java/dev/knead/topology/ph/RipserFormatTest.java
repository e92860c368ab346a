package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RipserFormatTest {

  @Test
  void numbersPrintLikeCppStreams() {
    assertThat(RipserFormat.number(0)).isEqualTo("0");
    assertThat(RipserFormat.number(1)).isEqualTo("1");
    assertThat(RipserFormat.number((float) Math.sqrt(2))).isEqualTo("1.41421");
    assertThat(RipserFormat.number(0.00117967f)).isEqualTo("0.00117967");
    assertThat(RipserFormat.number(1.5e-5)).isEqualTo("1.5e-05");
    assertThat(RipserFormat.number(1234567)).isEqualTo("1.23457e+06");
    assertThat(RipserFormat.number(123456)).isEqualTo("123456");
    assertThat(RipserFormat.number(0.1)).isEqualTo("0.1");
  }

  @Test
  void squareCloudPrintsAsRipserDoes() {
    double[][] square = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    String full = RipserFormat.write(Rips.of(square).metric(Metric.EUCLIDEAN_RIPSER).compute());
    assertThat(full).isEqualTo(String.join("\n",
        "point cloud with 4 points in dimension 2",
        "value range: [1,1.41421]",
        "distance matrix with 4 points, using threshold at enclosing radius 1.41421",
        "persistence intervals in dim 0:", " [0,1)", " [0,1)", " [0,1)", " [0, )",
        "persistence intervals in dim 1:", " [1,1.41421)", ""));
    String thr = RipserFormat.write(Rips.of(square).metric(Metric.EUCLIDEAN_RIPSER).threshold(1.2).compute());
    assertThat(thr).endsWith("persistence intervals in dim 1:\n [1, )\n").doesNotContain("value range");
  }

  @Test
  void readerRoundTrips() {
    Barcode b = new Barcode(List.of(new Bar(0, 0, 0.5), new Bar(0, 0, Double.POSITIVE_INFINITY), new Bar(1, 0.25, 0.75)));
    String text = "persistence intervals in dim 0:\n [0,0.5)\n [0, )\npersistence intervals in dim 1:\n [0.25,0.75)\n";
    assertThat(RipserFormat.read(new StringReader(text))).isEqualTo(b);
  }
}
