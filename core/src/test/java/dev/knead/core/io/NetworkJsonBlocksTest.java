package dev.knead.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.BadInputException;
import dev.knead.core.net.Initializer;
import dev.knead.core.net.LayerSpecs;
import dev.knead.core.net.Network;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkJsonBlocksTest {
  @Test
  void everyBlockKindSurvivesTheRoundTripBitForBit() {
    Network net = LayerSpecs.parse("ode:3:h5:s4,coupling,coupling:additive,residual:h6,dense:4:relu,knn:7:3:t0.25,ode:3:dopri,knn:5")
        .build(2, 2, Initializer.GLOROT, new SplittableRandom(3));
    String text = Json.write(NetworkJson.write(net));
    Network back = NetworkJson.read(Json.parse(text, "test"), "test");
    assertThat(back).isEqualTo(net);
    assertThat(back.describe()).isEqualTo(net.describe());
    double[] x = {0.4, -0.2};
    assertThat(back.logits(x)).containsExactly(net.logits(x));
  }

  @Test
  void aDenseNetworkIsWrittenWithoutKindsAsBefore() {
    Network dense = Initializer.GLOROT.build(dev.knead.core.net.Architecture.of(2, java.util.List.of(3), dev.knead.core.net.Activation.TANH, 2),
        new SplittableRandom(1));
    assertThat(Json.write(NetworkJson.write(dense))).doesNotContain("kind");
  }

  @Test
  void aBrokenBlockIsAOneLineError() {
    Network net = LayerSpecs.parse("ode:2").build(2, 2, Initializer.GLOROT, new SplittableRandom(3));
    ObjectNode o = NetworkJson.write(net);
    ((ObjectNode) o.get("layers").get(0)).put("kind", "wobble");
    assertThatThrownBy(() -> NetworkJson.read(o, "net.json")).isInstanceOf(BadInputException.class).hasMessageContaining("unknown kind");
    ObjectNode p = NetworkJson.write(net);
    ((ObjectNode) p.get("layers").get(0)).putArray("parameters").add(1.0);
    assertThatThrownBy(() -> NetworkJson.read(p, "net.json")).isInstanceOf(BadInputException.class).hasMessageContaining("must have");
    ObjectNode s = NetworkJson.write(net);
    ((ObjectNode) s.get("layers").get(0)).put("steps", 0);
    assertThatThrownBy(() -> NetworkJson.read(s, "net.json")).isInstanceOf(BadInputException.class).hasMessageContaining("steps");
  }
}
