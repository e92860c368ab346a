package dev.knead.analysis;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.topology.maps.ActivationTraits;
import dev.knead.topology.measure.DataTopology;
import dev.knead.topology.verdict.NetworkShape;
import dev.knead.topology.verdict.KnownTopology;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

  public static NetworkShape architecture(Network net) {
    if (!net.isDense()) {
      return blocks(net);
    }
    List<Layer> hidden = net.layers().subList(0, net.layers().size() - 1);
    return new NetworkShape(net.inputDim(), hidden.stream().map(Layer::out).toList(),
        hidden.stream().map(l -> traits(l.activation())).toList(), net.classes());
  }

  /**
   * A network with other blocks as the theory reads it: each hidden block a layer of its width
   * with what it is for σ (a flow, coupling or residual block a homeomorphism; see {@link
   * BlockMaps#traits}); a k-NN read-out at the end is a layer of as many units as prototypes
   * (the softmax of −distance²/τ) before a linear read-out, so no width theorem binds it.
   */
  static NetworkShape blocks(Network net) {
    List<Integer> widths = new java.util.ArrayList<>();
    List<ActivationTraits> traits = new java.util.ArrayList<>();
    for (int l = 0; l < net.blocks().size(); l++) {
      dev.knead.core.net.Block b = net.block(l);
      boolean last = l == net.blocks().size() - 1;
      if (b instanceof Layer layer) {
        if (!last) {
          widths.add(layer.out());
          traits.add(traits(layer.activation()));
        }
      } else if (b instanceof dev.knead.core.net.Prototypes p) {
        widths.add(p.count());
        traits.add(BlockMaps.traits(b));
      } else {
        widths.add(b.out());
        traits.add(BlockMaps.traits(b));
      }
    }
    return new NetworkShape(net.inputDim(), widths, traits, net.classes());
  }

  public static NetworkShape architecture(dev.knead.core.net.Architecture a) {
    return new NetworkShape(a.inputDim(), a.hidden(), a.activations().stream().map(Facts::traits).toList(), a.classes());
  }

  /**
   * The measured facts as the verdicts read them: per class the measured Betti numbers; every
   * class at most d-dimensional (the data lie in ℝᵈ, so d bounds the dimension of what each class
   * samples; no estimate is trusted for the 2k + 2 verdict); the classes with an enclosed piece;
   * the linking number of the core curves. Nothing comes from a generator's ground truth.
   */
  public static KnownTopology known(DataTopology m, List<String> names) {
    KnownTopology k = KnownTopology.unknown().withDomainDim(m.dim());
    for (DataTopology.ClassShape s : m.classes()) {
      k = k.withBetti(s.label(), s.betti()).withManifoldDim(s.label(), m.dim());
    }
    for (int c : m.enclosedClasses()) {
      k = k.withEnclosed(c);
    }
    if (!m.enclosures().isEmpty()) {
      k = k.withEvidence(KnownTopology.ENCLOSED,
          m.enclosures().stream().map(e -> enclosureSentence(e, names)).collect(Collectors.joining("; ")));
    }
    if (m.linkingNumber().isPresent()) {
      k = k.withLinkingNumber(m.linkingNumber().get()).withEvidence(KnownTopology.LINKING, linkingSentence(m, names));
    }
    return k;
  }

  /** e.g. "measured: a piece of disk (250 points) lies inside a loop of ring, for thickenings 0.06 to 0.31" */
  static String enclosureSentence(DataTopology.Enclosure e, List<String> names) {
    String where = switch (e.how()) {
      case SIDES -> "has points of " + names.get(e.outer()) + " on both sides";
      case LOOP -> "lies inside a loop through " + names.get(e.outer()) + "'s points (winding number ±1 around every point)";
      case SHELL -> "lies inside a closed shell of " + names.get(e.outer()) + "'s points (no path out between them)";
    };
    return String.format(Locale.ROOT, "measured: a piece of %s (%d points) %s, for every thickening radius from %s to %s",
        names.get(e.inner()), e.size(), where, DataFacts.num(e.from()), DataFacts.num(e.to()));
  }

  /** e.g. "measured: the core curves of ring-a and ring-b have linking number -1 (Gauss integral -1.000; closest approach 0.78)" */
  static String linkingSentence(DataTopology m, List<String> names) {
    int lk = m.linkingNumber().orElseThrow();
    DataTopology.Link l = m.links().stream().filter(x -> x.number().isPresent() && Math.abs(x.number().get()) == lk)
        .findFirst().orElseThrow();
    return String.format(Locale.ROOT, "measured: loops through the points of %s and %s have linking number %d"
        + " (up to sign, which depends on the direction the loops are read; Gauss integral %.3f, closest approach %s)",
        names.get(l.a()), names.get(l.b()), lk, l.gauss(), DataFacts.num(l.distance()));
  }
}
