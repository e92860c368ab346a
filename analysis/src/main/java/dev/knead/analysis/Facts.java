package dev.knead.analysis;

import dev.knead.core.data.GroundTruth;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.topology.maps.ActivationTraits;
import dev.knead.topology.verdict.Architecture;
import dev.knead.topology.verdict.KnownTopology;
import java.util.List;

/**
 * Translates core's values into the plain facts the topology module reasons with (topology
 * never imports core, so the translation lives here).
 */
public final class Facts {
  private Facts() {}

  public static ActivationTraits traits(Activation a) {
    return switch (a.kind()) {
      case IDENTITY -> ActivationTraits.LINEAR;
      case TANH -> ActivationTraits.TANH;
      case SIGMOID -> ActivationTraits.SIGMOID;
      case SOFTPLUS -> ActivationTraits.SOFTPLUS;
      case RELU -> ActivationTraits.RELU;
      case SIN -> ActivationTraits.SIN;
      case LEAKY_RELU -> new ActivationTraits(a.label(), true, true, true, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
      case ELU -> new ActivationTraits(a.label(), true, true, true, -a.alpha(), Double.POSITIVE_INFINITY, false);
    };
  }

  public static Architecture architecture(Network net) {
    List<Layer> hidden = net.layers().subList(0, net.layers().size() - 1);
    return new Architecture(net.inputDim(), hidden.stream().map(Layer::out).toList(),
        hidden.stream().map(l -> traits(l.activation())).toList(), net.classes());
  }

  public static Architecture architecture(dev.knead.core.net.Architecture a) {
    return new Architecture(a.inputDim(), a.hidden(), a.activations().stream().map(Facts::traits).toList(), a.classes());
  }

  public static KnownTopology known(GroundTruth t, int dim) {
    KnownTopology k = KnownTopology.unknown().withDomainDim(dim);
    for (int c = 0; c < t.betti().size(); c++) {
      k = k.withBetti(c, t.betti().get(c));
    }
    for (int c = 0; c < t.manifoldDims().size(); c++) {
      k = k.withManifoldDim(c, t.manifoldDims().get(c));
    }
    for (int c : t.enclosed()) {
      k = k.withEnclosed(c);
    }
    if (t.linkingNumber().isPresent()) {
      k = k.withLinkingNumber(t.linkingNumber().get());
    }
    return k;
  }
}
