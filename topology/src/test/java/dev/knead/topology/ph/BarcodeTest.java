package dev.knead.topology.ph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarcodeTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private final Barcode b = new Barcode(List.of(
      new Bar(0, 0, 0.2), new Bar(0, 0, INF), new Bar(1, 0.3, 0.5), new Bar(1, 0.4, 1.4), new Bar(2, 0.6, 0.7)));

  @Test
  void bettiCountsBarsAliveAtScale() {
    assertThat(b.betti(0, 0.1)).isEqualTo(2);
    assertThat(b.betti(0, 0.2)).isEqualTo(1); // death is exclusive
    assertThat(b.betti(1, 0.45)).isEqualTo(2);
    assertThat(b.betti(1, 1.0)).isEqualTo(1);
    assertThat(b.betti(2, 0.65)).isEqualTo(1);
  }

  @Test
  void mostPersistentPutsEssentialFirst() {
    assertThat(b.mostPersistent(0, 1)).containsExactly(new Bar(0, 0, INF));
    assertThat(b.mostPersistent(1, 2)).containsExactly(new Bar(1, 0.4, 1.4), new Bar(1, 0.3, 0.5));
    assertThat(b.bars(2)).hasSize(1);
    assertThat(b.maxDim()).isEqualTo(2);
  }

  @Test
  void matchesIgnoresOrderAndTinyDifferences() {
    Barcode shuffled = new Barcode(List.of(
        new Bar(2, 0.6, 0.7), new Bar(1, 0.4, 1.4 + 1e-9), new Bar(1, 0.3, 0.5), new Bar(0, 0, INF), new Bar(0, 0, 0.2)));
    assertThat(b.matches(shuffled, 1e-6)).isTrue();
    assertThat(b.matches(new Barcode(b.bars().subList(0, 4)), 1e-6)).isFalse();
  }

  @Test
  void barsRejectDeathBeforeBirth() {
    assertThatThrownBy(() -> new Bar(1, 0.5, 0.4)).isInstanceOf(IllegalArgumentException.class);
  }
}
