package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointsTest {
  @Test
  void arraysAreCopiedInAndOut() {
    double[] raw = {1, 2, 3, 4, 5, 6};
    Points p = Points.of(3, 2, raw);
    raw[0] = 99;
    double[] out = p.toArray();
    out[1] = 99;
    assertThat(p.get(0, 0)).isEqualTo(1);
    assertThat(p.get(0, 1)).isEqualTo(2);
    assertThat(p.row(2)).containsExactly(5, 6);
  }

  @Test
  void selectKeepsOrderAndRowsRoundTrip() {
    Points p = Points.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    assertThat(p.select(new int[] {2, 0}).toArray()).containsExactly(5, 6, 1, 2);
    assertThat(Points.of(3, 2, p.toArray())).isEqualTo(p);
  }

  @Test
  void raggedRowsAreRefused() {
    assertThatThrownBy(() -> Points.of(new double[][] {{1, 2}, {3}})).hasMessageContaining("row 1");
  }
}
